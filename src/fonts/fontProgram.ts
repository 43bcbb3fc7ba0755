/**
 * A parsed face as the library uses it: names and metrics for the PDF font descriptor, the glyph of a code point,
 * advances, raw tables for the TrueType subsetter. Two readers give it:
 *
 *  - the built-in reader (`readTrueType`) for the common case: one TrueType-outlined face (glyf), no variations, a
 *    Unicode character map of format 4 or 12 and an English PostScript name, which covers the default fonts and the
 *    usual system fonts. It reads the tables directly and gives exactly what fontkit gives for such a face (the
 *    same subtable choice and look-up, the same name record, the same metrics), at a fraction of the start-up cost;
 *  - fontkit, loaded only when a face needs it: CFF outlines (subset by fontkit), collections (TTC), variable fonts,
 *    other character maps.
 *
 * Every file has passed `checkSfnt` first, so the offsets read here are within the file.
 */
import { createRequire } from 'node:module';
import type { FontkitFont, FontkitModule, FontkitSubset } from './fontkitTypes.js';
import { sfntTableRecords } from './sfnt.js';

/** Raw tables and horizontal metrics of a face. */
export interface FontTables {
  /** Table bytes by tag, views into the font file. */
  readonly raw: ReadonlyMap<string, Uint8Array>;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly advances: Uint16Array;
  readonly bearings: Int16Array;
}

/**
 * One face of a font file. Names, units per em and the hhea ascender and descender (font units) are those fontkit
 * gives.
 */
export interface FontProgram extends Pick<FontkitFont, 'postscriptName' | 'fullName' | 'familyName' | 'unitsPerEm' | 'ascent' | 'descent'> {
  /** The font file (SFNT; a WOFF file's converted bytes; a collection's whole file). */
  readonly data: Uint8Array;
  /** head's bounding box of all glyphs, font units. */
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  /** post's italic angle, degrees. */
  readonly italicAngle: number;
  /** OS/2 capital height, or the ascent when the font gives none. */
  readonly capHeight: number;
  /** The class of OS/2 sFamilyClass (its high byte). */
  readonly familyClass: number;
  readonly fixedPitch: boolean;
  readonly italic: boolean;
  /** Raw tables and metrics; null when the face's file is not at hand (then advances come from `advanceWidth`). */
  readonly tables: FontTables | null;
  /** Whether the face has TrueType outlines and no variations (the byte-copying subsetter applies). */
  readonly trueType: boolean;
  /** The glyph of a code point through the face's Unicode character map (0 when it has none). */
  glyphIndex(codePoint: number): number;
  /** Advance width of a glyph, font units. */
  advanceWidth(glyph: number): number;
  /** fontkit's subset of the face (for faces that are not `trueType`). */
  createFontkitSubset(): FontkitSubset;
}

let fontkitModule: FontkitModule | undefined;

/**
 * The CommonJS build of fontkit (its `main`), loaded on first use: one module instance for the library and any
 * caller that requires it (importing the ESM build as well would load fontkit twice).
 */
export function fontkit(): FontkitModule {
  return (fontkitModule ??= createRequire(import.meta.url)('fontkit') as FontkitModule);
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Horizontal metrics from raw tables. */
function metrics(raw: ReadonlyMap<string, Uint8Array>): FontTables {
  const numGlyphs = view(raw.get('maxp')!).getUint16(4);
  const count = Math.max(1, Math.min(view(raw.get('hhea')!).getUint16(34), numGlyphs));
  const hmtx = view(raw.get('hmtx')!);
  const advances = new Uint16Array(numGlyphs);
  const bearings = new Int16Array(numGlyphs);
  for (let i = 0; i < numGlyphs; i++) {
    advances[i] = hmtx.getUint16(Math.min(i, count - 1) * 4);
    const at = i < count ? i * 4 + 2 : count * 4 + (i - count) * 2;
    bearings[i] = at + 2 <= hmtx.byteLength ? hmtx.getInt16(at) : 0;
  }
  return { raw, numGlyphs, unitsPerEm: view(raw.get('head')!).getUint16(18), advances, bearings };
}

/** The Unicode subtables fontkit looks for, in its order of preference (platform, encoding). */
const UNICODE_SUBTABLES: readonly (readonly [number, number])[] = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]];

type Lookup = (codePoint: number) => number;

/** The look-up of the subtable fontkit would choose, or null when it is not of format 4 or 12. */
function cmapLookup(cmap: Uint8Array): Lookup | null {
  const v = view(cmap);
  const count = v.getUint16(2);
  let chosen = -1;
  for (const [platform, encoding] of UNICODE_SUBTABLES) {
    for (let i = 0; i < count && chosen < 0; i++) {
      if (v.getUint16(4 + i * 8) === platform && v.getUint16(6 + i * 8) === encoding) chosen = v.getUint32(8 + i * 8);
    }
    if (chosen >= 0) break;
  }
  if (chosen < 0) return null;
  const format = v.getUint16(chosen);
  if (format === 4) {
    const length = v.getUint16(chosen + 2);
    const segCount = v.getUint16(chosen + 6) >> 1;
    const ends = chosen + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    const glyphIds = rangeOffsets + segCount * 2;
    const glyphIdCount = Math.max(0, (chosen + length - glyphIds) >> 1);
    return (cp) => {
      let min = 0;
      let max = segCount - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        if (cp < v.getUint16(starts + mid * 2)) max = mid - 1;
        else if (cp > v.getUint16(ends + mid * 2)) min = mid + 1;
        else {
          const rangeOffset = v.getUint16(rangeOffsets + mid * 2);
          const delta = v.getInt16(deltas + mid * 2);
          if (rangeOffset === 0) return (cp + delta) & 0xffff;
          const index = rangeOffset / 2 + (cp - v.getUint16(starts + mid * 2)) - (segCount - mid);
          const gid = index >= 0 && index < glyphIdCount ? v.getUint16(glyphIds + index * 2) : 0;
          return gid === 0 ? 0 : (gid + delta) & 0xffff;
        }
      }
      return 0;
    };
  }
  if (format === 12) {
    const groups = v.getUint32(chosen + 12);
    const first = chosen + 16;
    return (cp) => {
      let min = 0;
      let max = groups - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        const at = first + mid * 12;
        if (cp < v.getUint32(at)) max = mid - 1;
        else if (cp > v.getUint32(at + 4)) min = mid + 1;
        else return v.getUint32(at + 8) + (cp - v.getUint32(at));
      }
      return 0;
    };
  }
  return null;
}

/**
 * A name (by name ID) as fontkit reads it for English, or undefined when the face's name records are not ones this
 * reader decodes like fontkit (then fontkit reads the face). fontkit keeps the last record of each language and
 * prefers English: Windows records in US English (platform 3, language 0x409) and Macintosh records in English
 * (platform 1, language 0).
 */
function englishName(name: Uint8Array, nameId: number): string | null | undefined {
  const v = view(name);
  if (name.length < 6) return undefined;
  const count = v.getUint16(2);
  const strings = v.getUint16(4);
  if (6 + count * 12 > name.length) return undefined;
  let found: string | null = null;
  let other = false;
  for (let i = 0; i < count; i++) {
    const rec = 6 + i * 12;
    if (v.getUint16(rec + 6) !== nameId) continue;
    const platform = v.getUint16(rec);
    const encoding = v.getUint16(rec + 2);
    const language = v.getUint16(rec + 4);
    const length = v.getUint16(rec + 8);
    const at = strings + v.getUint16(rec + 10);
    if (at + length > name.length) return undefined;
    if (platform === 3 && (encoding === 1 || encoding === 10) && language === 0x409) {
      let s = '';
      for (let j = 0; j + 1 < length; j += 2) s += String.fromCharCode(v.getUint16(at + j));
      found = s;
    } else if (platform === 1 && encoding === 0 && language === 0) {
      let s = '';
      for (let j = 0; j < length; j++) {
        const c = name[at + j]!;
        if (c > 0x7e) return undefined; // Mac Roman beyond ASCII: left to fontkit's decoder
        s += String.fromCharCode(c);
      }
      found = s;
    } else other = true;
  }
  // Only records in other languages, or an empty English one: fontkit would take another record; leave the face to it.
  return (found === null && other) || found === '' ? undefined : found;
}

/** Reads a face with the built-in reader, or returns null when the face is not one it covers (see the module comment). */
export function readTrueType(data: Uint8Array): FontProgram | null {
  const v = view(data);
  if (v.getUint32(0) !== 0x00010000 && v.getUint32(0) !== 0x74727565) return null;
  const raw = new Map<string, Uint8Array>();
  for (const { tag, offset, length } of sfntTableRecords(v, 0)) raw.set(tag, data.subarray(offset, offset + length));
  if (!raw.has('glyf') || !raw.has('loca') || raw.has('CFF ') || raw.has('CFF2') || raw.has('fvar') || !raw.has('name') || !raw.has('post')) return null;
  const lookup = cmapLookup(raw.get('cmap')!);
  if (!lookup) return null;
  const names = raw.get('name')!;
  const postscriptName = englishName(names, 6);
  const fullName = englishName(names, 4);
  const familyName = englishName(names, 1);
  if (postscriptName === undefined || fullName === undefined || familyName === undefined) return null;
  const post = raw.get('post')!;
  if (post.length < 16) return null;

  const tables = metrics(raw);
  const head = view(raw.get('head')!);
  const hhea = view(raw.get('hhea')!);
  const os2 = raw.get('OS/2');
  const os2View = os2 && os2.length >= 32 ? view(os2) : undefined;
  const ascent = hhea.getInt16(4);
  const capHeight = os2View && os2View.getUint16(0) >= 2 && os2View.byteLength >= 90 ? os2View.getInt16(88) : 0;
  return {
    data,
    postscriptName,
    fullName,
    familyName,
    unitsPerEm: tables.unitsPerEm,
    ascent,
    descent: hhea.getInt16(6),
    bbox: { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) },
    italicAngle: view(post).getInt32(4) / 65536,
    capHeight: capHeight || ascent,
    familyClass: os2View ? os2View.getInt16(30) >> 8 : 0,
    fixedPitch: view(post).getUint32(12) !== 0,
    italic: (head.getUint16(44) & 2) !== 0,
    tables,
    trueType: true,
    glyphIndex: lookup,
    advanceWidth: (glyph) => tables.advances[glyph] ?? tables.advances[tables.numGlyphs - 1] ?? 0,
    createFontkitSubset: () => {
      throw new Error('a TrueType face is subset by TrueTypeSubset');
    },
  };
}

/** A face parsed by fontkit, as a FontProgram. */
export function fontkitProgram(font: FontkitFont): FontProgram {
  const f = font as unknown as {
    stream?: { buffer?: Uint8Array };
    directory?: { tables: Record<string, { offset: number; length: number }> };
    _cmapProcessor?: { lookup(cp: number): number };
  };
  const bytes = f.stream?.buffer;
  const dir = f.directory?.tables;
  let tables: FontTables | null = null;
  if (bytes && dir && dir.hhea && dir.hmtx && dir.maxp && dir.head) {
    const raw = new Map<string, Uint8Array>();
    for (const [tag, { offset, length }] of Object.entries(dir)) raw.set(tag, bytes.subarray(offset, offset + length));
    tables = metrics(raw);
  }
  const processor = f._cmapProcessor;
  const os2 = font['OS/2'] as { sFamilyClass?: number } | undefined;
  const capHeight = (font['capHeight'] as number | undefined) ?? 0;
  const bbox = font.bbox as { minX: number; minY: number; maxX: number; maxY: number };
  return {
    data: bytes ?? new Uint8Array(0),
    postscriptName: font.postscriptName,
    fullName: font.fullName,
    familyName: font.familyName,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    bbox: { minX: bbox.minX, minY: bbox.minY, maxX: bbox.maxX, maxY: bbox.maxY },
    italicAngle: (font['italicAngle'] as number | undefined) ?? 0,
    capHeight: capHeight || font.ascent,
    familyClass: ((os2?.sFamilyClass ?? 0) || 0) >> 8,
    fixedPitch: Boolean((font.post as { isFixedPitch?: number } | undefined)?.isFixedPitch),
    italic: Boolean((font.head as { macStyle?: { italic?: boolean } } | undefined)?.macStyle?.italic),
    tables,
    trueType: tables !== null && tables.raw.has('glyf') && tables.raw.has('loca') && !tables.raw.has('CFF ') && !font['fvar'],
    glyphIndex: processor
      ? (cp) => processor.lookup(cp) || 0
      : (cp) => (font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).id : 0),
    advanceWidth: (glyph) => (tables && glyph < tables.numGlyphs ? tables.advances[glyph]! : font.getGlyph(glyph).advanceWidth),
    createFontkitSubset: () => font.createSubset(),
  };
}
