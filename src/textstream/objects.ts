/** PDF objects and the file around them: a classic xref table, indirect objects, Flate streams. Anything else is refused. */
import { inflateSync } from 'node:zlib';
import { isWhitespace, latin1, Lexer, type Token } from './lexer.js';

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
  ) {}
}

/** A dictionary, keyed by name without the slash. */
export type PdfDict = Map<string, PdfValue>;

/** Any PDF value; strings are bytes. */
export type PdfValue = number | boolean | null | Uint8Array | PdfName | PdfRef | PdfStream | PdfDict | PdfValue[];

/** Reads one value starting with `first` (already read); `n g R` is recognised only when `refs` is set. */
export function parseValue(lx: Lexer, first: Token | undefined, refs: boolean): PdfValue {
  if (!first) return lx.fail('unexpected end of input');
  switch (first.kind) {
    case 'number': {
      if (!refs || !first.integer) return first.value;
      const saved = lx.pos;
      const gen = lx.next();
      const r = lx.next();
      if (gen?.kind === 'number' && gen.integer && r?.kind === 'keyword' && r.value === 'R') return new PdfRef(first.value, gen.value);
      lx.pos = saved;
      return first.value;
    }
    case 'name':
      return new PdfName(first.value);
    case 'string':
      return first.value;
    case 'keyword':
      if (first.value === 'true' || first.value === 'false') return first.value === 'true';
      if (first.value === 'null') return null;
      return lx.fail(`unexpected keyword "${first.value}"`);
    case 'delim':
      if (first.value === '[') {
        const items: PdfValue[] = [];
        for (let t = lx.next(); !(t?.kind === 'delim' && t.value === ']'); t = lx.next()) items.push(parseValue(lx, t, refs));
        return items;
      }
      if (first.value === '<<') {
        const dict: PdfDict = new Map();
        for (let t = lx.next(); !(t?.kind === 'delim' && t.value === '>>'); t = lx.next()) {
          if (t?.kind !== 'name') return lx.fail('expected a name as dictionary key');
          dict.set(t.value, parseValue(lx, lx.next(), refs));
        }
        return dict;
      }
      return lx.fail(`unexpected "${first.value}"`);
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

/** A parsed PDF file: the trailer and lazily parsed indirect objects. */
export class PdfFile {
  readonly trailer: PdfDict;
  private readonly offsets = new Map<number, { offset: number; gen: number }>();
  private readonly cache = new Map<number, PdfValue>();

  constructor(readonly bytes: Uint8Array) {
    const head = latin1(bytes.subarray(0, 8));
    if (!head.startsWith('%PDF-')) throw new Error('not a PDF file: it does not start with %PDF-');
    const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
    const at = tail.lastIndexOf('startxref');
    if (at < 0) throw new Error('no startxref near the end of the file');
    const lx = new Lexer(bytes, bytes.length - tail.length + at + 'startxref'.length, 'startxref');
    const start = lx.next();
    this.trailer = this.readXref(start?.kind === 'number' ? start.value : lx.fail('expected the xref offset'));
    if (this.trailer.has('Encrypt')) throw new Error('the file is encrypted (/Encrypt in the trailer); encryption is not supported');
    if (this.trailer.has('Prev') || this.trailer.has('XRefStm')) throw new Error('the file has incremental updates or a hybrid xref (/Prev or /XRefStm in the trailer); not supported');
  }

  private readXref(offset: number): PdfDict {
    const lx = new Lexer(this.bytes, offset, 'xref table');
    const first = lx.next();
    if (first?.kind === 'number') throw new Error(`offset ${offset}: the cross-reference is an xref stream (PDF 1.5); only classic xref tables are supported`);
    if (first?.kind !== 'keyword' || first.value !== 'xref') return lx.fail('expected "xref"', offset);
    for (;;) {
      const t = lx.next();
      if (t?.kind === 'keyword' && t.value === 'trailer') return asDict(parseValue(lx, lx.next(), true), 'trailer');
      const count = lx.next();
      if (t?.kind !== 'number' || count?.kind !== 'number') return lx.fail('expected a subsection header "first count" or "trailer"');
      for (let i = 0; i < count.value; i++) {
        const [off, gen, type] = [lx.next(), lx.next(), lx.next()];
        if (off?.kind !== 'number' || gen?.kind !== 'number' || type?.kind !== 'keyword' || (type.value !== 'n' && type.value !== 'f')) {
          return lx.fail(`bad entry ${t.value + i} in the xref table`);
        }
        if (type.value === 'n') this.offsets.set(t.value + i, { offset: off.value, gen: gen.value });
      }
    }
  }

  /** The value of indirect object `num` (streams come back as PdfStream). */
  get(ref: PdfRef): PdfValue {
    const cached = this.cache.get(ref.num);
    if (cached !== undefined) return cached;
    const entry = this.offsets.get(ref.num);
    if (!entry) throw new Error(`object ${ref.num} ${ref.gen} R is not in the xref table`);
    if (entry.gen !== ref.gen) throw new Error(`object ${ref.num} ${ref.gen} R: the xref table has generation ${entry.gen}`);
    const lx = new Lexer(this.bytes, entry.offset, `object ${ref.num}`);
    const [n, g, obj] = [lx.next(), lx.next(), lx.next()];
    if (n?.kind !== 'number' || n.value !== ref.num || g?.kind !== 'number' || obj?.kind !== 'keyword' || obj.value !== 'obj') {
      return lx.fail(`expected "${ref.num} ${ref.gen} obj" at the offset given by the xref table`, entry.offset);
    }
    let value = parseValue(lx, lx.next(), true);
    const after = lx.next();
    if (after?.kind === 'keyword' && after.value === 'stream') {
      const dict = asDict(value, `object ${ref.num}`);
      let start = lx.pos;
      if (this.bytes[start] === 0x0d) start++;
      if (this.bytes[start] !== 0x0a) return lx.fail('expected an end of line after "stream"');
      start++;
      const length = asNumber(this.resolve(dict.get('Length')), `object ${ref.num} /Length`);
      const end = start + length;
      let k = end;
      while (k < this.bytes.length && isWhitespace(this.bytes[k]!)) k++;
      if (latin1(this.bytes.subarray(k, k + 9)) !== 'endstream') return lx.fail(`no "endstream" after /Length ${length} bytes`, end);
      value = new PdfStream(dict, this.bytes.subarray(start, end));
    } else if (after?.kind !== 'keyword' || after.value !== 'endobj') return lx.fail('expected "endobj" or "stream"');
    this.cache.set(ref.num, value);
    return value;
  }

  /** Follows a reference (once; PDF has no references to references in practice). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v instanceof PdfRef ? this.get(v) : v;
  }

  /** A dictionary entry, resolved. */
  lookup(dict: PdfDict, key: string): PdfValue | undefined {
    return this.resolve(dict.get(key));
  }

  /** The decoded bytes of a stream (no filter, or FlateDecode without predictors). */
  decode(stream: PdfStream, what: string): Uint8Array {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = filter === undefined || filter === null ? [] : Array.isArray(filter) ? filter : [filter];
    const parms = this.resolve(stream.dict.get('DecodeParms'));
    if (parms !== undefined && parms !== null && !(Array.isArray(parms) && parms.every((p) => p === null))) {
      throw new Error(`${what}: /DecodeParms (predictors) are not supported`);
    }
    let data = stream.raw;
    for (const f of filters) {
      const name = asName(f, `${what} /Filter`);
      if (name !== 'FlateDecode') throw new Error(`${what}: unsupported filter /${name} (only /FlateDecode)`);
      try {
        data = inflateSync(data);
      } catch (e) {
        throw new Error(`${what}: FlateDecode failed: ${(e as Error).message}`);
      }
    }
    return data;
  }
}
