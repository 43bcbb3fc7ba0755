/** Tokenizer for PDF object syntax and content streams (ISO 32000-1 §7.2–7.3): numbers, names, strings, delimiters, keywords. */

/** One lexical token; `keyword` covers operators and the words obj, R, stream, true, false, null. */
export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'string'; readonly value: Uint8Array; readonly hex: boolean }
  | { readonly kind: 'delim'; readonly value: '[' | ']' | '<<' | '>>' }
  | { readonly kind: 'keyword'; readonly value: string };

/** Longest name, number or keyword accepted (PDF's own implementation limit for names is 127 bytes). */
export const MAX_TOKEN_BYTES = 32_767;

const WHITE = 1;
const DELIMITER = 2;
/** Character classes by byte: 0 regular, 1 whitespace, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[b] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIMITER;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

/** Whether a byte is PDF whitespace. */
export const isWhitespace = (b: number): boolean => CLASS[b] === WHITE;
const hexValue = (b: number): number => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1);

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };

/** Reads tokens one at a time from bytes; `pos` may be saved and restored to look ahead. Time and memory are linear in the input. */
export class Lexer {
  pos: number;

  /** The input as a plain Uint8Array (a Buffer's subarray costs more than a view's). */
  readonly bytes: Uint8Array;

  constructor(
    bytes: Uint8Array,
    start = 0,
    /** Names the input in error messages, e.g. `content stream of page 2`. */
    readonly label = 'input',
  ) {
    this.bytes = Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
    this.pos = start;
  }

  /** Throws an error naming the input and the byte offset. */
  fail(message: string, at = this.pos): never {
    throw new Error(`${this.label}, offset ${at}: ${message}`);
  }

  /** The next token, or undefined at the end of the input. */
  next(): Token | undefined {
    const b = this.bytes;
    const n = b.length;
    let pos = this.pos;
    for (;;) {
      while (pos < n && CLASS[b[pos]!] === WHITE) pos++;
      if (pos >= n || b[pos] !== 0x25) break; // % comment to the end of the line
      while (pos < n && b[pos] !== 0x0a && b[pos] !== 0x0d) pos++;
    }
    this.pos = pos;
    if (pos >= n) return undefined;
    const c = b[pos]!;
    if (CLASS[c] === DELIMITER) {
      if (c === 0x28) return { kind: 'string', value: this.literalString(), hex: false };
      if (c === 0x3c) {
        if (b[pos + 1] === 0x3c) return this.delim('<<');
        return { kind: 'string', value: this.hexString(), hex: true };
      }
      if (c === 0x3e) {
        if (b[pos + 1] === 0x3e) return this.delim('>>');
        this.fail('unexpected ">"');
      }
      if (c === 0x5b || c === 0x5d) return this.delim(c === 0x5b ? '[' : ']');
      if (c === 0x2f) {
        this.pos++;
        return { kind: 'name', value: this.name() };
      }
      this.fail(`unexpected "${String.fromCharCode(c)}"`);
    }
    const end = this.regularRun(pos);
    this.pos = end;
    const word = text(b, pos, end);
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (NUMBER.test(word)) {
        const value = Number(word);
        if (!Number.isFinite(value)) this.fail('number out of range', pos);
        return { kind: 'number', value, integer: INTEGER.test(word) };
      }
    }
    return { kind: 'keyword', value: word };
  }

  /** The end of the run of regular characters starting at `start`; a run longer than MAX_TOKEN_BYTES is an error. */
  private regularRun(start: number): number {
    const b = this.bytes;
    const stop = Math.min(b.length, start + MAX_TOKEN_BYTES + 1);
    let p = start;
    while (p < stop && CLASS[b[p]!] === 0) p++;
    if (p - start > MAX_TOKEN_BYTES) this.fail(`a name, number or keyword longer than ${MAX_TOKEN_BYTES} bytes`, start);
    return p;
  }

  private delim(value: '[' | ']' | '<<' | '>>'): Token {
    this.pos += value.length;
    return { kind: 'delim', value };
  }

  private name(): string {
    const b = this.bytes;
    const start = this.pos;
    const end = this.regularRun(start);
    this.pos = end;
    let escaped = false;
    for (let p = start; p < end && !escaped; p++) escaped = b[p] === 0x23;
    if (!escaped) return text(b, start, end);
    const out = new Uint8Array(end - start);
    let k = 0;
    for (let p = start; p < end; ) {
      if (b[p] === 0x23) {
        const hi = p + 1 < end ? hexValue(b[p + 1]!) : -1;
        const lo = p + 2 < end ? hexValue(b[p + 2]!) : -1;
        if (hi < 0 || lo < 0) this.fail('bad #xx escape in a name', p);
        out[k++] = hi * 16 + lo;
        p += 3;
      } else out[k++] = b[p++]!;
    }
    return latin1(out.subarray(0, k));
  }

  private literalString(): Uint8Array {
    const b = this.bytes;
    const start = this.pos++;
    let out = new Uint8Array(64);
    let k = 0;
    const put = (v: number) => {
      if (k === out.length) {
        const bigger = new Uint8Array(out.length * 2);
        bigger.set(out);
        out = bigger;
      }
      out[k++] = v;
    };
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++];
        if (e === undefined) break;
        if (ESCAPES[e] !== undefined) put(ESCAPES[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; i++) v = v * 8 + (b[this.pos++]! - 0x30);
          put(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++; // line continuation
        } else if (e !== 0x0a) put(e); // an unknown escape keeps the character
      } else if (c === 0x0d) {
        if (b[this.pos] === 0x0a) this.pos++;
        put(0x0a); // an end of line in a string reads as \n
      } else {
        if (c === 0x28) depth++;
        if (c === 0x29 && --depth === 0) return out.slice(0, k);
        put(c);
      }
    }
    return this.fail('unterminated literal string', start);
  }

  private hexString(): Uint8Array {
    const b = this.bytes;
    const start = this.pos++;
    const end = b.indexOf(0x3e, this.pos);
    if (end < 0) {
      for (let p = this.pos; p < b.length; p++) {
        if (CLASS[b[p]!] !== WHITE && hexValue(b[p]!) < 0) this.fail(`bad character "${String.fromCharCode(b[p]!)}" in a hex string`, p);
      }
      this.fail('unterminated hex string', start);
    }
    const out = new Uint8Array((end - this.pos + 1) >> 1);
    let digits = 0;
    for (let p = this.pos; p < end; p++) {
      const c = b[p]!;
      if (CLASS[c] === WHITE) continue;
      const v = hexValue(c);
      if (v < 0) this.fail(`bad character "${String.fromCharCode(c)}" in a hex string`, p);
      if (digits % 2 === 0) out[digits >> 1] = v << 4;
      else out[digits >> 1]! |= v;
      digits++;
    }
    this.pos = end + 1;
    return out.slice(0, (digits + 1) >> 1); // an odd last digit is followed by an implied 0
  }
}

/** A name or keyword for a message: at most 40 characters, anything but printable ASCII and space as \xNN. */
export function printable(word: string): string {
  const shown = word.length > 40 ? `${word.slice(0, 40)}…` : word;
  return shown.replace(/[^\x20-\x7e…]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** bytes[start..end) as a latin1 string. */
function text(b: Uint8Array, start: number, end: number): string {
  if (end - start > 64) return latin1(b.subarray(start, end));
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Bytes as a string of the same char codes (for names, keywords and messages). */
export function latin1(bytes: Uint8Array): string {
  if (bytes.length > 64) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
