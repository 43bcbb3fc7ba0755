/** PDF objects and the file around them: a classic xref table, indirect objects, Flate streams. Anything else is refused. */
import { inflateSync } from 'node:zlib';
import { Budget, TextStreamLimitError } from './limits.js';
import { isWhitespace, latin1, Lexer, printable, type Token } from './lexer.js';

/** A name object (/Type). */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference (`12 0 R`). */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A stream object: its dictionary and its raw (still encoded) bytes. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array,
    /** The number of the indirect object it is (streams are always indirect), for messages. */
    readonly num = 0,
  ) {}
}

/** A dictionary, keyed by name without the slash. */
export type PdfDict = Map<string, PdfValue>;

/** Any PDF value; strings are bytes. */
export type PdfValue = number | boolean | null | Uint8Array | PdfName | PdfRef | PdfStream | PdfDict | PdfValue[];

/** Bounds of one parse: nesting depth, and optionally a count of values (content-stream operands). */
export interface ParseBounds {
  readonly budget: Budget;
  /** Where, in Chinese, for limit messages (e.g. 第 2 页). */
  readonly where?: string;
  /** Values parsed so far, counted against maxOperands when set (the interpreter resets it at each operator). */
  operands?: number;
}

const UNBOUNDED: ParseBounds = { budget: new Budget() };

type Frame = { readonly items: PdfValue[] } | { readonly dict: PdfDict; key: string | undefined };

/**
 * Reads one value starting with `first` (already read); `n g R` is recognised only when `refs` is set. Nested arrays
 * and dictionaries are read with an explicit stack, at most `limits.maxNesting` deep.
 */
export function parseValue(lx: Lexer, first: Token | undefined, refs: boolean, bounds: ParseBounds = UNBOUNDED): PdfValue {
  const stack: Frame[] = [];
  const { budget } = bounds;
  let t = first;
  for (;;) {
    if (!t) return lx.fail('unexpected end of input');
    const top = stack[stack.length - 1];
    let value: PdfValue;
    if (top && 'dict' in top && top.key === undefined) {
      // A dictionary wants a key or its end.
      if (t.kind === 'delim' && t.value === '>>') {
        stack.pop();
        value = top.dict;
      } else if (t.kind === 'name') {
        top.key = t.value;
        t = lx.next();
        continue;
      } else return lx.fail('expected a name as dictionary key');
    } else if (t.kind === 'delim' && t.value === ']' && top && 'items' in top) {
      stack.pop();
      value = top.items;
    } else {
      switch (t.kind) {
        case 'number': {
          value = t.value;
          if (refs && t.integer) {
            const saved = lx.pos;
            const gen = lx.next();
            const r = lx.next();
            if (gen?.kind === 'number' && gen.integer && r?.kind === 'keyword' && r.value === 'R') value = new PdfRef(t.value, gen.value);
            else lx.pos = saved;
          }
          break;
        }
        case 'name':
          value = new PdfName(t.value);
          break;
        case 'string':
          value = t.value;
          break;
        case 'keyword':
          if (t.value === 'true' || t.value === 'false') value = t.value === 'true';
          else if (t.value === 'null') value = null;
          else return lx.fail(`unexpected keyword "${printable(t.value)}"`);
          break;
        case 'delim':
          if (t.value === '[' || t.value === '<<') {
            budget.check('maxNesting', stack.length + 1, bounds.where, '数组和字典');
            stack.push(t.value === '[' ? { items: [] } : { dict: new Map(), key: undefined });
            t = lx.next();
            continue;
          }
          return lx.fail(`unexpected "${t.value}"`);
      }
    }
    if (bounds.operands !== undefined) budget.check('maxOperands', ++bounds.operands, bounds.where);
    const parent = stack[stack.length - 1];
    if (!parent) return value;
    if ('items' in parent) parent.items.push(value);
    else {
      parent.dict.set(parent.key!, value);
      parent.key = undefined;
    }
    t = lx.next();
  }
}

/** A value as a dictionary, or an error naming `what`. */
export function asDict(v: PdfValue | undefined, what: string): PdfDict {
  if (v instanceof Map) return v;
  if (v instanceof PdfStream) return v.dict;
  throw new Error(`${what}: expected a dictionary`);
}

/** A value as an array, or an error naming `what`. */
export function asArray(v: PdfValue | undefined, what: string): PdfValue[] {
  if (Array.isArray(v)) return v;
  throw new Error(`${what}: expected an array`);
}

/** A value as a number, or an error naming `what`. */
export function asNumber(v: PdfValue | undefined, what: string): number {
  if (typeof v === 'number') return v;
  throw new Error(`${what}: expected a number`);
}

/** A value as a name string, or an error naming `what`. */
export function asName(v: PdfValue | undefined, what: string): string {
  if (v instanceof PdfName) return v.name;
  throw new Error(`${what}: expected a name`);
}

/** The largest output of one inflation, whatever the limits (2 GiB − 1). */
const MAX_INFLATE = 2 ** 31 - 1;

/** A non-negative integer token (an object number, offset, count), or undefined. */
const whole = (t: Token | undefined): number | undefined => (t?.kind === 'number' && t.integer && Number.isSafeInteger(t.value) && t.value >= 0 ? t.value : undefined);

/** A parsed PDF file: the trailer and lazily parsed indirect objects, each parsed and decoded at most once. */
export class PdfFile {
  readonly trailer: PdfDict;
  /** Byte offset of each object in use, by object number. */
  private readonly offsets = new Map<number, number>();
  /** Generation numbers other than 0. */
  private readonly generations = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue>();
  /** Decoded bytes kept for streams read more than once (see `decode`). */
  private readonly decoded = new Map<PdfStream, Uint8Array>();
  /** Objects currently being read (a /Length may not lead back to them). */
  private readonly reading = new Set<number>();
  /** Values derived from objects (parsed CMaps, width tables), kept once per object. */
  readonly derived = new WeakMap<object, unknown>();

  constructor(
    readonly bytes: Uint8Array,
    readonly budget: Budget = new Budget(),
  ) {
    const head = latin1(bytes.subarray(0, 8));
    if (!head.startsWith('%PDF-')) throw new Error('not a PDF file: it does not start with %PDF-');
    const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
    const at = tail.lastIndexOf('startxref');
    if (at < 0) throw new Error('no startxref near the end of the file');
    const lx = new Lexer(bytes, bytes.length - tail.length + at + 'startxref'.length, 'startxref');
    const start = whole(lx.next());
    if (start === undefined || start >= bytes.length) throw new Error(`startxref, offset ${lx.pos}: expected the byte offset of the xref table, inside the file`);
    this.trailer = this.readXref(start);
    if (this.trailer.has('Encrypt')) throw new Error('the file is encrypted (/Encrypt in the trailer); encryption is not supported');
    if (this.trailer.has('Prev') || this.trailer.has('XRefStm')) throw new Error('the file has incremental updates or a hybrid xref (/Prev or /XRefStm in the trailer); not supported');
  }

  private readXref(offset: number): PdfDict {
    const lx = new Lexer(this.bytes, offset, 'xref table');
    const first = lx.next();
    if (first?.kind === 'number' && this.isXrefStream(lx)) throw new Error(`offset ${offset}: the cross-reference is an xref stream (PDF 1.5); only classic xref tables are supported`);
    if (first?.kind !== 'keyword' || first.value !== 'xref') return lx.fail('expected "xref"', offset);
    let entries = 0;
    for (;;) {
      const t = lx.next();
      if (t?.kind === 'keyword' && t.value === 'trailer') {
        return asDict(parseValue(lx, lx.next(), true, { budget: this.budget, where: '文件尾（trailer）' }), 'trailer');
      }
      const start = whole(t);
      const count = whole(lx.next());
      if (start === undefined || count === undefined) return lx.fail('expected a subsection header "first count" or "trailer"');
      entries += count;
      this.budget.check('maxObjects', entries);
      if (!Number.isSafeInteger(start + count)) return lx.fail(`object numbers ${start}..${start + count} out of range`);
      for (let i = 0; i < count; i++) {
        const [off, gen, type] = [lx.next(), lx.next(), lx.next()];
        const where = whole(off);
        if (where === undefined || whole(gen) === undefined || type?.kind !== 'keyword' || (type.value !== 'n' && type.value !== 'f')) {
          return lx.fail(`bad entry ${start + i} in the xref table`);
        }
        if (type.value === 'n') {
          if (where >= this.bytes.length) return lx.fail(`entry ${start + i} in the xref table: offset ${where} is past the end of the file (${this.bytes.length} bytes)`);
          this.offsets.set(start + i, where);
          if ((gen as { value: number }).value !== 0) this.generations.set(start + i, (gen as { value: number }).value);
          else this.generations.delete(start + i);
        }
      }
    }
  }

  /** Whether the lexer, after an object number, is at `g obj << /Type /XRef …` (an xref stream). */
  private isXrefStream(lx: Lexer): boolean {
    const start = lx.pos;
    const [g, obj] = [lx.next(), lx.next()];
    if (g?.kind !== 'number' || obj?.kind !== 'keyword' || obj.value !== 'obj') return false;
    try {
      const value = parseValue(lx, lx.next(), true, { budget: this.budget });
      const type = value instanceof Map ? value.get('Type') : undefined;
      return type instanceof PdfName && type.name === 'XRef';
    } catch (e) {
      if (e instanceof TextStreamLimitError) throw e;
      return false;
    } finally {
      this.budget.charge('maxObjectBytes', lx.pos - start);
    }
  }

  /** The value of indirect object `num` (streams come back as PdfStream). */
  get(ref: PdfRef): PdfValue {
    const cached = this.cache.get(ref.num);
    if (cached !== undefined) return cached;
    const value = this.read(ref, false);
    this.cache.set(ref.num, value);
    return value;
  }

  /**
   * Parses object `ref`. With `lengthOnly` (resolving a stream's /Length), a stream is an error instead of being read,
   * so a /Length never leads to another /Length; an object that is being read is an error (a reference cycle).
   */
  private read(ref: PdfRef, lengthOnly: boolean): PdfValue {
    const offset = this.offsets.get(ref.num);
    if (offset === undefined) throw new Error(`object ${ref.num} ${ref.gen} R is not in the xref table`);
    const gen = this.generations.get(ref.num) ?? 0;
    if (gen !== ref.gen) throw new Error(`object ${ref.num} ${ref.gen} R: the xref table has generation ${gen}`);
    if (this.reading.has(ref.num)) throw new Error(`object ${ref.num} ${ref.gen} R refers to itself through its /Length (a reference cycle)`);
    const where = `对象 ${ref.num}`;
    const lx = new Lexer(this.bytes, offset, `object ${ref.num}`);
    const [n, g, obj] = [lx.next(), lx.next(), lx.next()];
    if (n?.kind !== 'number' || n.value !== ref.num || g?.kind !== 'number' || obj?.kind !== 'keyword' || obj.value !== 'obj') {
      return lx.fail(`expected "${ref.num} ${ref.gen} obj" at the offset given by the xref table`, offset);
    }
    this.reading.add(ref.num);
    try {
      let value: PdfValue;
      try {
        value = parseValue(lx, lx.next(), true, { budget: this.budget, where });
      } finally {
        this.budget.charge('maxObjectBytes', lx.pos - offset, where);
      }
      const after = lx.next();
      if (after?.kind === 'keyword' && after.value === 'stream') {
        if (lengthOnly) throw new Error(`object ${ref.num}: a stream given as the /Length of another stream`);
        const dict = asDict(value, `object ${ref.num}`);
        let start = lx.pos;
        if (this.bytes[start] === 0x0d) start++;
        if (this.bytes[start] !== 0x0a) return lx.fail('expected an end of line after "stream"');
        start++;
        const given = dict.get('Length');
        const length = given instanceof PdfRef ? (this.cache.get(given.num) ?? this.read(given, true)) : given;
        if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
          throw new Error(`object ${ref.num} /Length: expected a non-negative integer, got ${typeof length === 'number' ? length : 'none'}`);
        }
        const end = start + length;
        if (end > this.bytes.length) return lx.fail(`/Length ${length} runs past the end of the file`, start);
        let k = end;
        while (k < this.bytes.length && isWhitespace(this.bytes[k]!)) k++;
        if (latin1(this.bytes.subarray(k, k + 9)) !== 'endstream') return lx.fail(`no "endstream" after /Length ${length} bytes`, end);
        value = new PdfStream(dict, this.bytes.subarray(start, end), ref.num);
      } else if (after?.kind !== 'keyword' || after.value !== 'endobj') return lx.fail('expected "endobj" or "stream"');
      return value;
    } finally {
      this.reading.delete(ref.num);
    }
  }

  /** Follows a reference (once; PDF has no references to references in practice). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v instanceof PdfRef ? this.get(v) : v;
  }

  /** A dictionary entry, resolved. */
  lookup(dict: PdfDict, key: string): PdfValue | undefined {
    return this.resolve(dict.get(key));
  }

  /**
   * The decoded bytes of a stream (no filter, or FlateDecode without predictors, possibly chained). Each stage is
   * inflated with a cap at the smaller of limits.maxStreamBytes and what is left of limits.maxDecodedBytes.
   * With `keep`, the result is kept so that the stream is decoded once however often it is asked for (until `forget`).
   */
  decode(stream: PdfStream, what: string, keep = false): Uint8Array {
    const kept = this.decoded.get(stream);
    if (kept) {
      if (!keep) this.decoded.delete(stream);
      return kept;
    }
    const where = stream.num ? `对象 ${stream.num}` : undefined;
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = filter === undefined || filter === null ? [] : Array.isArray(filter) ? filter : [filter];
    const parms = this.resolve(stream.dict.get('DecodeParms'));
    if (parms !== undefined && parms !== null && !(Array.isArray(parms) && parms.every((p) => p === null))) {
      throw new Error(`${what}: /DecodeParms (predictors) are not supported`);
    }
    let data = stream.raw;
    this.budget.check('maxStreamBytes', data.length, where);
    for (const f of filters) {
      const name = asName(this.resolve(f), `${what} /Filter`);
      if (name !== 'FlateDecode') throw new Error(`${what}: unsupported filter /${printable(name)} (only /FlateDecode)`);
      const streamCap = this.budget.limits.maxStreamBytes;
      const documentCap = this.budget.remaining('maxDecodedBytes');
      const cap = Math.min(streamCap, documentCap);
      try {
        data = inflateSync(data, { maxOutputLength: Math.max(1, Math.min(cap, MAX_INFLATE)) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          if (cap > MAX_INFLATE) throw new Error(`${what}: decodes to more than ${MAX_INFLATE} bytes, which one buffer cannot hold`);
          throw streamCap <= documentCap
            ? new TextStreamLimitError('maxStreamBytes', streamCap, streamCap + 1, where)
            : new TextStreamLimitError('maxDecodedBytes', this.budget.limits.maxDecodedBytes, this.budget.limits.maxDecodedBytes + 1, where);
        }
        throw new Error(`${what}: FlateDecode failed: ${(e as Error).message}`);
      }
      this.budget.charge('maxDecodedBytes', data.length, where);
    }
    if (filters.length === 0) this.budget.charge('maxDecodedBytes', data.length, where);
    if (keep) this.decoded.set(stream, data);
    return data;
  }

  /** Drops the decoded bytes kept for a stream. */
  forget(stream: PdfStream): void {
    this.decoded.delete(stream);
  }
}
