/**
 * A content stream written straight into bytes: operators, numbers and glyph codes go into one growing buffer per
 * page, without an intermediate string per operator (pdfkit turns every string it is given into bytes one
 * character at a time). Numbers are written exactly as `num` formats them. The bodies of objects written as bytes
 * (the structure elements, the ToUnicode map) are made with it too.
 */

/** Formats a number for a content stream: at most 4 decimals, no trailing zeros, no -0. */
export function num(n: number): string {
  const r = Math.round(n * 10000) / 10000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** Lower-case hexadecimal digits, by value. */
const HEX = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** Scaled integers beyond this are written through String() (never in a page; kept exact for any input). */
const FAST_LIMIT = 1e13;

export class ContentWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity = 16 * 1024) {
    this.buf = new Uint8Array(capacity);
  }

  get length(): number {
    return this.len;
  }

  /** Empties the writer, keeping its buffer for the next page. */
  reset(): void {
    this.len = 0;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Writes ASCII (Latin-1) text. */
  text(s: string): this {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let at = this.len;
    for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i);
    this.len = at;
    return this;
  }

  /** Writes one byte. */
  byte(c: number): this {
    this.room(1);
    this.buf[this.len++] = c;
    return this;
  }

  /** Writes a number as `num` formats it: rounded to 4 decimals, trailing zeros dropped, never -0. */
  num(n: number): this {
    const k = Math.round(n * 10000);
    if (!(Math.abs(k) < FAST_LIMIT)) return this.text(num(n));
    if (k === 0) return this.byte(48);
    this.room(24);
    const buf = this.buf;
    let at = this.len;
    let v = k;
    if (v < 0) {
      buf[at++] = 45; // -
      v = -v;
    }
    const whole = Math.floor(v / 10000);
    let frac = v - whole * 10000;
    at = writeInteger(buf, at, whole);
    if (frac !== 0) {
      buf[at++] = 46; // .
      let digits = 4;
      while (frac % 10 === 0) {
        frac /= 10;
        digits--;
      }
      for (let d = digits - 1, f = frac; d >= 0; d--, f = Math.floor(f / 10)) buf[at + d] = 48 + (f % 10);
      at += digits;
    }
    this.len = at;
    return this;
  }

  /** Writes a number rounded to 1 decimal, trailing zeros dropped, never -0. */
  num1(n: number): this {
    return this.num(Math.round(n * 10) / 10);
  }

  /** Writes a number rounded to 2 decimals, trailing zeros dropped, never -0. */
  num2(n: number): this {
    return this.num(Math.round(n * 100) / 100);
  }

  /** Writes a non-negative integer. */
  int(n: number): this {
    this.room(20);
    this.len = writeInteger(this.buf, this.len, n);
    return this;
  }

  /** Writes a reference to object `n` (`n 0 R`), for an object's body written here. */
  ref(n: number): this {
    return this.int(n).text(' 0 R');
  }

  /** Writes a 16-bit value as four lower-case hexadecimal digits. */
  hex4(n: number): this {
    this.room(4);
    const buf = this.buf;
    for (let shift = 12, at = this.len; shift >= 0; shift -= 4) buf[at++] = HEX[(n >> shift) & 15]!;
    this.len += 4;
    return this;
  }

  /**
   * Writes a 16-bit code as two bytes of a literal string: ( ) and \\ are escaped, and so are CR and LF, which a reader
   * would take for a line end (PDF 32000 §7.3.4.2).
   */
  code2(code: number): this {
    if (!(code >= 0 && code <= 0xffff)) throw new Error(`a two-byte code cannot hold ${code}`);
    this.room(4);
    this.escaped(code >> 8);
    this.escaped(code & 0xff);
    return this;
  }

  private escaped(b: number): void {
    const buf = this.buf;
    if (b === 0x28 || b === 0x29 || b === 0x5c) {
      buf[this.len++] = 0x5c;
      buf[this.len++] = b;
    } else if (b === 0x0a || b === 0x0d) {
      buf[this.len++] = 0x5c;
      buf[this.len++] = b === 0x0a ? 0x6e : 0x72; // \n, \r
    } else buf[this.len++] = b;
  }

  /** Writes bytes as they are. */
  bytes(chunk: Uint8Array): this {
    this.room(chunk.length);
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
    return this;
  }

  /** The bytes written so far (a view, valid until the next write or reset). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

function writeInteger(buf: Uint8Array, at: number, n: number): number {
  if (n < 10) {
    buf[at] = 48 + n;
    return at + 1;
  }
  let digits = 1;
  for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let d = digits - 1, t = n; d >= 0; d--, t = Math.floor(t / 10)) buf[at + d] = 48 + (t % 10);
  return at + digits;
}
