/**
 * A TrueType subsetter for PDF embedding that copies glyph programs byte for byte. It gives the same font
 * program as fontkit's TTFSubset (glyf, loca, hmtx, head, hhea, maxp, cvt, fpgm, prep) in a fraction of the
 * time, because each face's tables are read once and kept for the life of the process.
 */
import type { FontProgram, FontTables } from './fontProgram.js';
import { writeSfntHeader } from './sfnt.js';

interface FaceTables extends FontTables {
  readonly glyf: Uint8Array;
  readonly loca: Uint32Array;
}

const tableCache = new WeakMap<FontProgram, FaceTables | null>();

/** The glyf and loca tables of a TrueType face, read once; null when the face has CFF outlines. */
function faceTables(font: FontProgram): FaceTables | null {
  if (tableCache.has(font)) return tableCache.get(font)!;
  const base = font.tables;
  let result: FaceTables | null = null;
  if (base && base.raw.has('glyf') && base.raw.has('loca') && !base.raw.has('CFF ')) {
    const head = base.raw.get('head')!;
    const longLoca = new DataView(head.buffer, head.byteOffset, head.byteLength).getInt16(50) === 1;
    const rawLoca = base.raw.get('loca')!;
    const locaView = new DataView(rawLoca.buffer, rawLoca.byteOffset, rawLoca.byteLength);
    const loca = new Uint32Array(base.numGlyphs + 1);
    for (let i = 0; i <= base.numGlyphs; i++) loca[i] = longLoca ? locaView.getUint32(i * 4) : locaView.getUint16(i * 2) * 2;
    result = { ...base, glyf: base.raw.get('glyf')!, loca };
  }
  tableCache.set(font, result);
  return result;
}

/** Whether the fast subsetter can handle the font (TrueType outlines, no variations). */
export function canSubsetTrueType(font: FontProgram): boolean {
  return font.trueType && faceTables(font) !== null;
}

/** A subset with fontkit's Subset interface (`includeGlyph`, `encode`); new glyph ids are given in order of inclusion. */
export class TrueTypeSubset {
  readonly glyphs: number[] = [];
  /** Subset id + 1 of each glyph of the face (0: not in the subset). */
  private readonly mapping: Int32Array;
  private readonly outside = new Map<number, number>();
  private readonly copies = new Map<number, number>();
  /** The code point each subset id was first included for by includeCodePoint. */
  private drawnFor: number[] = [];
  private readonly tables: FaceTables;

  constructor(font: FontProgram) {
    const tables = faceTables(font);
    if (!tables) throw new Error('TrueTypeSubset needs a TrueType font');
    this.tables = tables;
    this.mapping = new Int32Array(tables.numGlyphs);
    this.includeGlyph(0);
  }

  /** Adds a glyph (by original id) and returns its id in the subset. */
  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'number' ? glyph : glyph.id;
    if (!(gid >= 0 && gid < this.mapping.length)) {
      // Not a glyph of the face (a damaged composite glyph): still one subset entry per id.
      let id = this.outside.get(gid);
      if (id === undefined) this.outside.set(gid, (id = this.glyphs.push(gid) - 1));
      return id;
    }
    const known = this.mapping[gid]!;
    if (known > 0) return known - 1;
    const id = this.glyphs.push(gid) - 1;
    this.mapping[gid] = id + 1;
    return id;
  }

  /**
   * The subset id that draws `codePoint` with glyph `gid`: the glyph's own entry for the first code point drawn with
   * it, a copy (includeCopy) for any other, so that every code point copies out as itself.
   */
  includeCodePoint(gid: number, codePoint: number): number {
    const id = this.includeGlyph(gid);
    const first = this.drawnFor[id];
    if (first === undefined) this.drawnFor[id] = codePoint;
    else if (first !== codePoint) return this.includeCopy(gid, codePoint);
    return id;
  }

  /**
   * A second subset entry drawing the same glyph as `gid`, for a code point that shares its glyph with another
   * (· • ・ in Noto Sans SC): each entry gets its own ToUnicode mapping, so both copy out as they went in.
   */
  includeCopy(gid: number, codePoint: number): number {
    const key = gid * 0x110000 + codePoint;
    let id = this.copies.get(key);
    if (id === undefined) {
      id = this.glyphs.push(gid) - 1;
      this.copies.set(key, id);
    }
    return id;
  }

  /**
   * Renumbers the subset in the face's own glyph order (copies of a glyph after it): neighbouring glyphs of a face
   * are often alike, so the glyph data compress better. Returns the new id of each old id.
   */
  sortByGlyph(): Int32Array {
    const before = this.glyphs;
    const n = before.length;
    // Each entry as one number, sorted as numbers: its glyph id, then the code point of a copy (0 for the glyph's own
    // entry, which comes first), then its old id (the order of inclusion among equals). At most 65536 · 0x110001 ·
    // 65536 < 2^53, so the key is exact.
    const copyCode = new Float64Array(n);
    for (const [key, id] of this.copies) copyCode[id] = (key % 0x110000) + 1;
    const keys = new Float64Array(n);
    for (let id = 0; id < n; id++) keys[id] = (before[id]! * 0x110001 + copyCode[id]!) * 65536 + id;
    keys.sort();
    const renumber = new Int32Array(n);
    const glyphs = new Array<number>(n);
    for (let id = 0; id < n; id++) {
      const old = keys[id]! % 65536;
      renumber[old] = id;
      glyphs[id] = before[old]!;
    }
    // The ids the mapping gives, renumbered (a copy shares its glyph id with the original, which the mapping names).
    const mapping = this.mapping;
    for (let old = 0; old < n; old++) {
      const gid = before[old]!;
      if (gid >= 0 && gid < mapping.length && mapping[gid] === old + 1) mapping[gid] = -(renumber[old]! + 1);
    }
    for (let old = 0; old < n; old++) {
      const gid = before[old]!;
      if (gid >= 0 && gid < mapping.length && mapping[gid]! < 0) mapping[gid] = -mapping[gid]!;
    }
    for (let id = 0; id < n; id++) before[id] = glyphs[id]!;
    for (const [gid, id] of this.outside) this.outside.set(gid, renumber[id]!);
    for (const [key, id] of this.copies) this.copies.set(key, renumber[id]!);
    const drawnFor = this.drawnFor;
    this.drawnFor = [];
    for (let old = 0; old < drawnFor.length; old++) if (drawnFor[old] !== undefined) this.drawnFor[renumber[old]!] = drawnFor[old]!;
    return renumber;
  }

  /** The glyph program of a glyph, with component ids of a composite glyph remapped into the subset. */
  private glyphProgram(gid: number): Uint8Array {
    const { glyf, loca, numGlyphs } = this.tables;
    // A component id beyond the face (a damaged composite glyph) draws nothing.
    if (!(gid >= 0 && gid < numGlyphs)) return new Uint8Array(0);
    const data = glyf.subarray(loca[gid]!, loca[gid + 1]!);
    // A simple glyph (numberOfContours ≥ 0: the sign bit of its first byte clear) is copied as it is.
    if (data.length < 10 || (data[0]! & 0x80) === 0) return data;
    const copy = new Uint8Array(data); // a copy: Buffer#slice would be a view of the shared font
    const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
    let pos = 10;
    for (;;) {
      const flags = view.getUint16(pos);
      view.setUint16(pos + 2, this.includeGlyph(view.getUint16(pos + 2)));
      pos += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      if (!(flags & 0x0020) || pos >= copy.length) break;
    }
    return copy;
  }

  /**
   * The subset font program: glyph programs 2-byte aligned, the short loca format when the glyph data allow it,
   * advance widths stored once for the trailing glyphs that share the last one's (numberOfHMetrics), and an empty
   * .notdef.
   */
  encode(): Uint8Array {
    const programs: Uint8Array[] = [];
    // Glyph 0 (.notdef) is kept without its outline: it is never drawn (a character no font draws is refused).
    for (let i = 0; i < this.glyphs.length; i++) programs.push(i === 0 && this.glyphs[0] === 0 ? new Uint8Array(0) : this.glyphProgram(this.glyphs[i]!)); // may grow with components
    const n = this.glyphs.length;
    const { advances, bearings } = this.tables;
    let glyfSize = 0;
    for (const p of programs) glyfSize += (p.length + 1) & ~1;
    const shortLoca = glyfSize / 2 <= 0xffff;
    const loca = new DataView(new ArrayBuffer((n + 1) * (shortLoca ? 2 : 4)));
    const glyf = new Uint8Array(glyfSize);
    let at = 0;
    programs.forEach((p, i) => {
      if (shortLoca) loca.setUint16(i * 2, at / 2);
      else loca.setUint32(i * 4, at);
      glyf.set(p, at);
      at += (p.length + 1) & ~1;
    });
    if (shortLoca) loca.setUint16(n * 2, at / 2);
    else loca.setUint32(n * 4, at);
    let metrics = n;
    while (metrics > 1 && advances[this.glyphs[metrics - 2]!] === advances[this.glyphs[n - 1]!]) metrics--;
    const hmtx = new DataView(new ArrayBuffer(metrics * 4 + (n - metrics) * 2));
    for (let i = 0; i < n; i++) {
      const gid = this.glyphs[i]!;
      if (i < metrics) {
        hmtx.setUint16(i * 4, advances[gid]!);
        hmtx.setInt16(i * 4 + 2, bearings[gid]!);
      } else hmtx.setInt16(metrics * 4 + (i - metrics) * 2, bearings[gid]!);
    }
    const patched = (tag: string, edit: (v: DataView) => void) => {
      const copy = new Uint8Array(this.tables.raw.get(tag)!);
      edit(new DataView(copy.buffer, copy.byteOffset, copy.byteLength));
      return copy;
    };
    const tables = new Map<string, Uint8Array>([
      ['head', patched('head', (v) => (v.setUint32(8, 0), v.setInt16(50, shortLoca ? 0 : 1)))],
      ['hhea', patched('hhea', (v) => v.setUint16(34, metrics))],
      ['maxp', patched('maxp', (v) => v.setUint16(4, n))],
      ['hmtx', new Uint8Array(hmtx.buffer)],
      ['loca', new Uint8Array(loca.buffer)],
      ['glyf', glyf],
    ]);
    for (const tag of ['cvt ', 'fpgm', 'prep']) if (this.tables.raw.has(tag)) tables.set(tag, this.tables.raw.get(tag)!);
    return writeSfnt(tables);
  }
}

/** The table checksum: the sum of its big-endian 32-bit words, the last one padded with zeros (modulo 2^32). */
function checksum(data: Uint8Array): number {
  // Summed in 32-bit integers (wrapping is the modulo), which stay small integers in V8 even before the function is
  // optimised: a sum kept in a double would allocate a number for every word while the code is still interpreted.
  let sum = 0;
  const whole = data.length & ~3;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getInt32(i)) | 0;
  if (whole < data.length) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (data[whole + k] ?? 0);
    sum = (sum + last) | 0;
  }
  return sum >>> 0;
}

/** Writes an SFNT file from tables (sorted by tag, 4-byte aligned, checksums and head.checkSumAdjustment set). */
function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerSize = 12 + 16 * tags.length;
  const size = tags.reduce((s, t) => s + ((tables.get(t)!.length + 3) & ~3), headerSize);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  writeSfntHeader(view, 0x00010000, tags.length);
  let offset = headerSize;
  let headOffset = 0;
  // The file's checksum is the header's plus every table's: tables start on 4-byte boundaries and are padded with
  // zeros, and head's checkSumAdjustment is still 0.
  let fileSum = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    for (let k = 0; k < 4; k++) out[12 + i * 16 + k] = tag.charCodeAt(k);
    const sum = checksum(data);
    fileSum += sum;
    view.setUint32(12 + i * 16 + 4, sum);
    view.setUint32(12 + i * 16 + 8, offset);
    view.setUint32(12 + i * 16 + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  fileSum += checksum(out.subarray(0, headerSize));
  view.setUint32(headOffset + 8, (0xb1b0afba - (fileSum % 0x100000000) + 0x100000000) % 0x100000000);
  return out;
}
