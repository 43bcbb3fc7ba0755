/** Tokenizer for PDF object syntax and content streams (ISO 32000-1 §7.2–7.3): numbers, names, strings, delimiters, keywords. */

/** One lexical token; `keyword` covers operators and the words obj, R, stream, true, false, null. */
export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'string'; readonly value: Uint8Array; readonly hex: boolean }
  | { readonly kind: 'delim'; readonly value: '[' | ']' | '<<' | '>>' }
  | { readonly kind: 'keyword'; readonly value: string };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Whether a byte is PDF whitespace. */
export const isWhitespace = (b: number): boolean => WHITESPACE.has(b);
const isRegular = (b: number) => !WHITESPACE.has(b) && !DELIMITERS.has(b);
const hexValue = (b: number): number => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1);

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };

/** Reads tokens one at a time from bytes; `pos` may be saved and restored to look ahead. */
export class Lexer {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    /** Names the input in error messages, e.g. `content stream of page 2`. */
    readonly label = 'input',
  ) {
    this.pos = start;
  }

  /** Throws an error naming the input and the byte offset. */
  fail(message: string, at = this.pos): never {
    throw new Error(`${this.label}, offset ${at}: ${message}`);
  }

  /** The next token, or undefined at the end of the input. */
  next(): Token | undefined {
    const b = this.bytes;
    for (;;) {
      while (this.pos < b.length && WHITESPACE.has(b[this.pos]!)) this.pos++;
      if (b[this.pos] !== 0x25) break; // % comment to the end of the line
      while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
    if (this.pos >= b.length) return undefined;
    const start = this.pos;
    const c = b[this.pos]!;
    if (c === 0x28) return { kind: 'string', value: this.literalString(), hex: false };
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) return this.delim('<<');
      return { kind: 'string', value: this.hexString(), hex: true };
    }
    if (c === 0x3e) {
      if (b[this.pos + 1] === 0x3e) return this.delim('>>');
      this.fail('unexpected ">"');
    }
    if (c === 0x5b || c === 0x5d) return this.delim(c === 0x5b ? '[' : ']');
    if (c === 0x2f) {
      this.pos++;
      return { kind: 'name', value: this.name() };
    }
    if (c === 0x29 || c === 0x7b || c === 0x7d) this.fail(`unexpected "${String.fromCharCode(c)}"`);
    while (this.pos < b.length && isRegular(b[this.pos]!)) this.pos++;
    const word = latin1(b.subarray(start, this.pos));
    if (NUMBER.test(word)) return { kind: 'number', value: Number(word), integer: /^[+-]?\d+$/.test(word) };
    return { kind: 'keyword', value: word };
  }

  private delim(value: '[' | ']' | '<<' | '>>'): Token {
    this.pos += value.length;
    return { kind: 'delim', value };
  }

  private name(): string {
    const b = this.bytes;
    const out: number[] = [];
    while (this.pos < b.length && isRegular(b[this.pos]!)) {
      if (b[this.pos] === 0x23) {
        const hi = hexValue(b[this.pos + 1] ?? 0);
        const lo = hexValue(b[this.pos + 2] ?? 0);
        if (hi < 0 || lo < 0) this.fail('bad #xx escape in a name');
        out.push(hi * 16 + lo);
        this.pos += 3;
      } else out.push(b[this.pos++]!);
    }
    return latin1(Uint8Array.from(out));
  }

  private literalString(): Uint8Array {
    const b = this.bytes;
    const start = this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++];
        if (e === undefined) break;
        if (ESCAPES[e] !== undefined) out.push(ESCAPES[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; i++) v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++; // line continuation
        } else if (e !== 0x0a) out.push(e); // an unknown escape keeps the character
      } else if (c === 0x0d) {
        if (b[this.pos] === 0x0a) this.pos++;
        out.push(0x0a); // an end of line in a string reads as \n
      } else {
        if (c === 0x28) depth++;
        if (c === 0x29 && --depth === 0) return Uint8Array.from(out);
        out.push(c);
      }
    }
    return this.fail('unterminated literal string', start);
  }

  private hexString(): Uint8Array {
    const b = this.bytes;
    const start = this.pos++;
    const digits: number[] = [];
    while (this.pos < b.length && b[this.pos] !== 0x3e) {
      const c = b[this.pos++]!;
      if (WHITESPACE.has(c)) continue;
      const v = hexValue(c);
      if (v < 0) this.fail(`bad character "${String.fromCharCode(c)}" in a hex string`, this.pos - 1);
      digits.push(v);
    }
    if (this.pos >= b.length) this.fail('unterminated hex string', start);
    this.pos++;
    if (digits.length % 2 === 1) digits.push(0);
    const out = new Uint8Array(digits.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = digits[2 * i]! * 16 + digits[2 * i + 1]!;
    return out;
  }
}

/** Bytes as a string of the same char codes (for names, keywords and messages). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const x of bytes) s += String.fromCharCode(x);
  return s;
}
