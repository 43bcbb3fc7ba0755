/**
 * The PDF file itself: numbered objects written one after another into the output as soon as they are complete,
 * then the cross-reference table and the trailer (PDF 32000 §7.5). Dictionaries are written compactly but keep a
 * space between a key and its value (`/Type /Page`), as most PDF writers do.
 */

/** Formats a number as pdfkit did for dictionary values: rounded to 6 decimals. */
export function dictNum(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const r = Math.round(n * 1e6) / 1e6;
  return r === 0 ? '0' : String(r);
}

/** A reference to object `n`. */
export const ref = (n: number): string => `${n} 0 R`;

/** A name object (`/Name`); characters outside the regular set are written as #xx. */
export function pdfName(name: string): string {
  let out = '/';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0x20 && c < 0x7f && c !== 0x23 && c !== 0x25 && c !== 0x28 && c !== 0x29 && c !== 0x2f && c !== 0x3c && c !== 0x3e && c !== 0x5b && c !== 0x5d && c !== 0x7b && c !== 0x7d) out += name[i];
    else if (c <= 0xff) out += `#${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else throw new Error(`a PDF name cannot hold U+${c.toString(16)}`);
  }
  return out;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '(': '\\(', ')': '\\)', '\\': '\\\\' };

/**
 * A text string (PDF 32000 §7.9.2.2) as a literal string in a Latin-1 JavaScript string: ASCII as it is, anything
 * else as UTF-16BE with a byte-order mark; parentheses, backslashes and line ends escaped.
 */
export function pdfString(text: string): string {
  let bytes = text;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) {
    bytes = '\xfe\xff';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes += String.fromCharCode(c >> 8, c & 0xff);
    }
  }
  return `(${bytes.replace(/[\n\r\t\b\f()\\]/g, (c) => ESCAPES[c]!)})`;
}

/** A date string, D:YYYYMMDDHHmmSSZ (UTC). */
export function pdfDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `(D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`;
}

/** The end of a cross-reference entry of an object in use (generation 0). */
const IN_USE = Buffer.from(' 00000 n \n', 'latin1');

/** Bytes are collected into chunks of about this size before they go to the sink. */
const CHUNK = 64 * 1024;

/** A PDF being written: objects by number, each written once. */
export class PdfFile {
  private readonly offsets: number[] = [0];
  private position = 0;
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  constructor(
    private readonly sink: (chunk: Uint8Array) => void,
    version: string,
  ) {
    // The header, and a comment of four bytes above 127 so that the file is taken for binary (PDF 32000 §7.5.2).
    this.latin1(`%PDF-${version}\n%\xff\xff\xff\xff\n`);
  }

  /** Reserves the number of an object to be written later (it may be referred to before). */
  alloc(): number {
    this.offsets.push(-1);
    return this.offsets.length - 1;
  }

  /** Writes object `n` whose body is `body` (a dictionary, an array, a string: any PDF object as Latin-1 text). */
  object(n: number, body: string): void {
    this.start(n);
    this.latin1(`${n} 0 obj\n${body}\nendobj\n`);
  }

  /**
   * Writes object `n` whose body is given as bytes (Latin-1 text a ContentWriter made). The bytes are copied: the
   * writer may reuse its buffer at once.
   */
  objectBytes(n: number, body: Uint8Array): void {
    this.start(n);
    this.latin1(`${n} 0 obj\n`);
    if (this.used + body.length > this.buffer.length) this.flush();
    if (body.length > this.buffer.length) this.sink(body.slice());
    else {
      this.buffer.set(body, this.used);
      this.used += body.length;
    }
    this.position += body.length;
    this.latin1('\nendobj\n');
  }

  /** Writes stream object `n`: `dict` holds the entries besides /Length (without << >>); `data` is written as given. */
  stream(n: number, dict: string, data: Uint8Array): void {
    this.start(n);
    this.latin1(`${n} 0 obj\n<<${dict}/Length ${data.length}>>\nstream\n`);
    this.bytes(data);
    this.latin1('\nendstream\nendobj\n');
  }

  /** Writes the cross-reference table and the trailer, and hands over the last bytes. */
  end(root: number, info: number, id: Uint8Array): void {
    const missing = this.offsets.findIndex((o, i) => i > 0 && o < 0);
    if (missing > 0) throw new Error(`PDF object ${missing} was never written`);
    const xref = this.position;
    this.latin1(`xref\n0 ${this.offsets.length}\n0000000000 65535 f \n`);
    // Each entry is 20 bytes: a 10-digit offset, the generation, n, and a two-byte line end (PDF 32000 §7.5.4).
    const entries = Buffer.alloc((this.offsets.length - 1) * 20);
    for (let i = 1; i < this.offsets.length; i++) {
      const at = (i - 1) * 20;
      let offset = this.offsets[i]!;
      for (let d = 9; d >= 0; d--, offset = Math.floor(offset / 10)) entries[at + d] = 48 + (offset % 10);
      entries.set(IN_USE, at + 10);
    }
    this.bytes(entries);
    const hex = Buffer.from(id).toString('hex');
    this.latin1(`trailer\n<</Size ${this.offsets.length}/Root ${ref(root)}/Info ${ref(info)}/ID [<${hex}> <${hex}>]>>\nstartxref\n${xref}\n%%EOF\n`);
    this.flush();
  }

  private start(n: number): void {
    if (this.offsets[n] !== -1) throw new Error(`PDF object ${n} was not reserved, or was written twice`);
    this.offsets[n] = this.position;
  }

  private latin1(text: string): void {
    if (text.length > CHUNK) {
      this.bytes(Buffer.from(text, 'latin1'));
      return;
    }
    if (this.used + text.length > this.buffer.length) this.flush();
    this.used += this.buffer.write(text, this.used, 'latin1');
    this.position += text.length;
  }

  private bytes(data: Uint8Array): void {
    if (this.used + data.length <= this.buffer.length) {
      this.buffer.set(data, this.used);
      this.used += data.length;
    } else {
      this.flush();
      this.sink(data);
    }
    this.position += data.length;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.sink(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }
}
