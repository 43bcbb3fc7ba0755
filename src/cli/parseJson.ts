/**
 * A strict JSON reader for report files. Unlike JSON.parse it refuses what would silently change the data — a key
 * given twice in one object (JSON.parse keeps the last) and a number that a double cannot hold exactly
 * (9007199254740993 becomes …992) — and every problem has its offset in the text, for a line and column.
 * On request it also records where each string value stands, so that a fix can replace those literals alone and
 * leave the rest of the file byte for byte.
 */

/** One step of a path in the parsed value: an object key or an array index. */
export type PathSegment = string | number;

/** Where a string literal stands in the text (start at its opening quote, end after its closing quote). */
export interface StringSpan {
  readonly start: number;
  readonly end: number;
}

/** A problem in the text, at `offset`; `first` is the offset of the earlier occurrence of a duplicate key. */
export class JsonSourceError extends Error {
  constructor(
    readonly kind: 'syntax' | 'duplicate_key' | 'unsafe_number' | 'too_deep',
    readonly offset: number,
    readonly detail: string,
    readonly first?: number,
  ) {
    super(`${kind} at ${offset}: ${detail}`);
    this.name = 'JsonSourceError';
  }
}

/** Deepest nesting accepted (a report needs about eight levels). */
const MAX_DEPTH = 1000;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Key under which the span of the string at `path` is recorded. */
export const spanKey = (path: readonly PathSegment[]): string => JSON.stringify(path);

/**
 * Parses JSON text (without a byte-order mark). Throws JsonSourceError. With `spans`, returns the span of every
 * string value (not keys) by `spanKey(path)`.
 */
export function parseJson(text: string, options: { spans?: boolean } = {}): { value: unknown; spans?: Map<string, StringSpan> } {
  const spans = options.spans ? new Map<string, StringSpan>() : undefined;
  const path: PathSegment[] = [];
  let i = 0;
  const n = text.length;

  const unexpected = (): never => {
    throw new JsonSourceError('syntax', i, i >= n ? 'end' : String.fromCodePoint(text.codePointAt(i)!));
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const string = (): string => {
    // text[i] is the opening quote
    const start = ++i;
    let out = '';
    let from = start;
    for (;;) {
      if (i >= n) unexpected();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) unexpected();
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(from, i);
      const e = text[i + 1];
      i++;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = text.slice(i + 1, i + 5);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) unexpected();
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          unexpected();
      }
      from = ++i;
    }
    out += text.slice(from, i);
    i++; // closing quote
    return out;
  };
  const number = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) unexpected();
    const literal = m![0];
    const value = Number(literal);
    // Beyond 2^53 a double no longer holds every integer: the value read would differ from the one written.
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) throw new JsonSourceError('unsafe_number', i, literal);
    i += literal.length;
    return value;
  };
  const literal = (word: string, value: unknown): unknown => {
    if (!text.startsWith(word, i)) {
      let k = 0;
      while (k < word.length && text[i + k] === word[k]) k++;
      i += k;
      unexpected();
    }
    i += word.length;
    return value;
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new JsonSourceError('too_deep', i, String(MAX_DEPTH));
    ws();
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Map<string, number>();
      ws();
      if (text.charCodeAt(i) === 0x7d) return i++, obj;
      for (;;) {
        ws();
        if (text.charCodeAt(i) !== 0x22) unexpected();
        const keyAt = i;
        const key = string();
        const first = seen.get(key);
        if (first !== undefined) throw new JsonSourceError('duplicate_key', keyAt, key, first);
        seen.set(key, keyAt);
        ws();
        if (text.charCodeAt(i) !== 0x3a) unexpected();
        i++;
        path.push(key);
        const v = value(depth + 1);
        path.pop();
        // An own property even for "__proto__", as JSON.parse makes it.
        Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
        ws();
        const d = text.charCodeAt(i);
        if (d === 0x2c) i++;
        else if (d === 0x7d) return i++, obj;
        else unexpected();
      }
    }
    if (c === 0x5b /* [ */) {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text.charCodeAt(i) === 0x5d) return i++, arr;
      for (;;) {
        path.push(arr.length);
        arr.push(value(depth + 1));
        path.pop();
        ws();
        const d = text.charCodeAt(i);
        if (d === 0x2c) i++;
        else if (d === 0x5d) return i++, arr;
        else unexpected();
      }
    }
    if (c === 0x22) {
      const start = i;
      const s = string();
      spans?.set(spanKey(path), { start, end: i });
      return s;
    }
    if (c === 0x74) return literal('true', true);
    if (c === 0x66) return literal('false', false);
    if (c === 0x6e) return literal('null', null);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return number();
    return unexpected();
  };

  const result = value(0);
  ws();
  if (i < n) unexpected();
  return spans ? { value: result, spans } : { value: result };
}

/** 1-based line and column (in UTF-16 code units, as editors count CJK characters: one each) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) (line++, (start = k + 1));
  return { line, column: offset - start + 1 };
}
