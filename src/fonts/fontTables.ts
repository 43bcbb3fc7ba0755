/**
 * Direct reads of a parsed font's tables, kept per face for the life of the process: the raw table bytes,
 * the glyph index of a code point (the font's cmap) and the horizontal advances (hmtx). They replace fontkit
 * Glyph objects on the hot path, whose creation also decodes vertical metrics.
 */
import type { FontkitFont } from './fontFace.js';

/** Raw tables and horizontal metrics of a face. */
export interface FontTables {
  /** Table bytes by tag, views into the font file. */
  readonly raw: ReadonlyMap<string, Uint8Array>;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly advances: Uint16Array;
  readonly bearings: Int16Array;
}

const cache = new WeakMap<FontkitFont, FontTables | null>();

/** The face's tables, read once; null when the font object does not expose its file (then fontkit's API is used). */
export function fontTables(font: FontkitFont): FontTables | null {
  if (cache.has(font)) return cache.get(font)!;
  const f = font as unknown as { stream?: { buffer?: Uint8Array }; directory?: { tables: Record<string, { offset: number; length: number }> } };
  const bytes = f.stream?.buffer;
  const dir = f.directory?.tables;
  let result: FontTables | null = null;
  if (bytes && dir && dir.hhea && dir.hmtx && dir.maxp && dir.head) {
    const raw = new Map<string, Uint8Array>();
    for (const [tag, { offset, length }] of Object.entries(dir)) raw.set(tag, bytes.subarray(offset, offset + length));
    const view = (t: string) => new DataView(raw.get(t)!.buffer, raw.get(t)!.byteOffset, raw.get(t)!.byteLength);
    const numGlyphs = view('maxp').getUint16(4);
    const metrics = Math.max(1, Math.min(view('hhea').getUint16(34), numGlyphs));
    const hmtx = view('hmtx');
    const advances = new Uint16Array(numGlyphs);
    const bearings = new Int16Array(numGlyphs);
    for (let i = 0; i < numGlyphs; i++) {
      advances[i] = hmtx.getUint16(Math.min(i, metrics - 1) * 4);
      const at = i < metrics ? i * 4 + 2 : metrics * 4 + (i - metrics) * 2;
      bearings[i] = at + 2 <= hmtx.byteLength ? hmtx.getInt16(at) : 0;
    }
    result = { raw, numGlyphs, unitsPerEm: view('head').getUint16(18), advances, bearings };
  }
  cache.set(font, result);
  return result;
}

/** The glyph index of a code point through the font's cmap (0 when it has none). */
export function glyphIndex(font: FontkitFont, codePoint: number): number {
  const processor = (font as unknown as { _cmapProcessor?: { lookup(cp: number): number } })._cmapProcessor;
  return processor ? processor.lookup(codePoint) || 0 : font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).id : 0;
}
