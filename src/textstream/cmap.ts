/** ToUnicode CMaps (bfchar, bfrange with offsets or arrays) and CID width arrays (/W), for 2-byte Identity-H codes. */
import { Budget } from './limits.js';
import { Lexer, printable, type Token } from './lexer.js';
import { PdfName, type PdfValue } from './objects.js';

/** Code → Unicode text of a font; every code is `codeBytes` bytes long. */
export interface UnicodeMap {
  readonly codeBytes: number;
  readonly map: ReadonlyMap<number, string>;
}

const UNSUPPORTED = new Set(['usecmap', 'begincidrange', 'begincidchar', 'beginnotdefrange', 'beginnotdefchar', 'usefont']);

/** Longest destination string of a bfchar or bfrange: 32 UTF-16 units (a font of this library maps a glyph to one or two). */
const MAX_DESTINATION_BYTES = 64;

/** UTF-16BE bytes as a string. */
export function utf16be(bytes: Uint8Array): string {
  if (bytes.length > 64) return Buffer.from(bytes.subarray(0, bytes.length & ~1)).swap16().toString('utf16le');
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return s;
}

const codeOf = (bytes: Uint8Array) => bytes.reduce((n, b) => n * 256 + b, 0);

/**
 * Parses a ToUnicode CMap; `label` names the font in errors, `where` in limit messages. Only 2-byte codes are
 * accepted; every code mapped counts against limits.maxUnicodeEntries.
 */
export function parseToUnicode(data: Uint8Array, label: string, budget: Budget = new Budget(), where?: string): UnicodeMap {
  const lx = new Lexer(data, 0, `ToUnicode of ${label}`);
  const map = new Map<number, string>();
  let sawCodespace = false;
  const hex = (t: Token | undefined, what: string): Uint8Array => {
    if (t?.kind !== 'string' || !t.hex) return lx.fail(`expected a hex string (${what})`);
    if (t.value.length > MAX_DESTINATION_BYTES) lx.fail(`a hex string of ${t.value.length} bytes (${what}); at most ${MAX_DESTINATION_BYTES}`);
    return t.value;
  };
  const source = (t: Token | undefined): number => {
    const bytes = hex(t, 'source code');
    if (bytes.length !== 2) return lx.fail(`source code of ${bytes.length} bytes; only 2-byte codes (Identity-H) are supported`);
    return codeOf(bytes);
  };
  const section = (end: string, read: (first: Token) => void) => {
    for (let t = lx.next(); !(t?.kind === 'keyword' && t.value === end); t = lx.next()) {
      read(t ?? lx.fail(`missing "${end}"`));
    }
  };
  for (let t = lx.next(); t; t = lx.next()) {
    if (t.kind !== 'keyword') continue;
    if (UNSUPPORTED.has(t.value)) lx.fail(`"${t.value}" is not supported in a ToUnicode CMap`);
    if (t.value === 'begincodespacerange') {
      sawCodespace = true;
      section('endcodespacerange', (first) => {
        const lo = hex(first, 'codespace start');
        const hi = hex(lx.next(), 'codespace end');
        if (lo.length !== 2 || hi.length !== 2) lx.fail(`codespace range of ${lo.length} bytes; only 2-byte codes (Identity-H) are supported`);
      });
    } else if (t.value === 'beginbfchar') {
      section('endbfchar', (first) => {
        const code = source(first);
        budget.charge('maxUnicodeEntries', 1, where);
        map.set(code, utf16be(hex(lx.next(), 'destination of bfchar')));
      });
    } else if (t.value === 'beginbfrange') {
      section('endbfrange', (first) => {
        const lo = source(first);
        const hi = source(lx.next());
        if (hi < lo) lx.fail(`bfrange <${lo.toString(16)}> <${hi.toString(16)}> ends before it starts`);
        budget.charge('maxUnicodeEntries', hi - lo + 1, where);
        const dest = lx.next();
        if (dest?.kind === 'delim' && dest.value === '[') {
          for (let code = lo; code <= hi; code++) map.set(code, utf16be(hex(lx.next(), 'bfrange array entry')));
          const close = lx.next();
          if (close?.kind !== 'delim' || close.value !== ']') lx.fail(`bfrange array longer than its range <${lo.toString(16)}>..<${hi.toString(16)}>`);
        } else {
          const base = hex(dest, 'bfrange destination');
          if (base.length === 0 || base[base.length - 1]! + (hi - lo) > 0xff) lx.fail(`bfrange <${lo.toString(16)}> <${hi.toString(16)}>: the destination's last byte would overflow`);
          for (let code = lo; code <= hi; code++) {
            const bytes = Uint8Array.from(base);
            bytes[bytes.length - 1] = bytes[bytes.length - 1]! + (code - lo); // only the last byte varies
            map.set(code, utf16be(bytes));
          }
        }
      });
    }
  }
  if (!sawCodespace) lx.fail('no codespace range');
  return { codeBytes: 2, map };
}

/** Glyph widths of a CID font in 1/1000 em: the /W array and the default /DW. */
export interface CidWidths {
  readonly widths: ReadonlyMap<number, number>;
  readonly defaultWidth: number;
}

/**
 * Parses a /W array: `first [w1 w2 …]` and `first last w` entries. CIDs are non-negative safe integers; a range may
 * span at most limits.maxCidRange CIDs, and every CID given a width counts against limits.maxWidthEntries.
 */
export function parseCidWidths(w: readonly PdfValue[], defaultWidth: number, label: string, budget: Budget = new Budget(), where?: string): CidWidths {
  const widths = new Map<number, number>();
  const num = (v: PdfValue | undefined, i: number): number => {
    if (typeof v !== 'number') throw new Error(`/W of ${label}, entry ${i}: expected a number, got ${describe(v)}`);
    return v;
  };
  const cid = (v: PdfValue | undefined, i: number): number => {
    const n = num(v, i);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`/W of ${label}, entry ${i}: expected a CID (a non-negative integer below 2^53), got ${n}`);
    return n;
  };
  for (let i = 0; i < w.length; ) {
    const first = cid(w[i], i);
    const next = w[i + 1];
    if (Array.isArray(next)) {
      budget.charge('maxWidthEntries', next.length, where);
      if (!Number.isSafeInteger(first + next.length)) throw new Error(`/W of ${label}, entry ${i}: CIDs ${first}.. out of range`);
      for (let k = 0; k < next.length; k++) widths.set(first + k, num(next[k], i + 1));
      i += 2;
    } else {
      const last = cid(next, i + 1);
      const width = num(w[i + 2], i + 2);
      if (last < first) throw new Error(`/W of ${label}, entry ${i}: range ${first}..${last} ends before it starts`);
      budget.check('maxCidRange', last - first + 1, where);
      budget.charge('maxWidthEntries', last - first + 1, where);
      for (let c = first; c <= last; c++) widths.set(c, width);
      i += 3;
    }
  }
  return { widths, defaultWidth };
}

function describe(v: PdfValue | undefined): string {
  if (v === undefined) return 'the end of the array';
  if (v instanceof PdfName) return `/${printable(v.name)}`;
  return Array.isArray(v) ? 'an array' : typeof v === 'object' && v !== null ? 'an object' : String(v);
}
