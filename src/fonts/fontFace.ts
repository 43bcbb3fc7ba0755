import type { FontkitCollection, FontkitFont } from './fontkitTypes.js';
import { fontkit, fontkitProgram, readTrueType, type FontProgram } from './fontProgram.js';
import { isWoff, woffToSfnt } from './sfnt.js';
import { checkSfnt, FontError, MAX_FONT_BYTES } from './sfntCheck.js';

export type { FontProgram };

/** Glyph of a code point in one face, with its advance in em. */
export interface FaceGlyph {
  readonly id: number;
  readonly advance: number;
}

let nextFaceId = 1;

/**
 * One parsed font face, shared for the life of the process. Glyph lookups go straight through the cmap
 * (no shaping): Chinese, Latin and digits in these reports need nothing more, so this gives the same glyphs
 * as fontkit `layout` at a fraction of the cost. It does NOT apply ligatures, kerning or mark positioning
 * (scripts such as Arabic or Devanagari, or combining marks, would need `layout`).
 */
export class FontFace {
  /** Process-unique id, used as a map key by the PDF layer. */
  readonly id: number;
  readonly postscriptName: string;
  private readonly glyphs = new Map<number, FaceGlyph | null>();

  constructor(readonly font: FontProgram, readonly source: string) {
    this.id = nextFaceId++;
    this.postscriptName = font.postscriptName ?? `face${this.id}`;
  }

  /** Glyph and advance (em) of a code point, or null when the face has no glyph for it. Cached. */
  glyph(codePoint: number): FaceGlyph | null {
    let g = this.glyphs.get(codePoint);
    if (g === undefined) {
      g = null;
      const id = this.font.glyphIndex(codePoint);
      if (id > 0) g = { id, advance: this.font.advanceWidth(id) / this.font.unitsPerEm };
      this.glyphs.set(codePoint, g);
    }
    return g;
  }

  /** Whether the face draws the code point with a real glyph (never .notdef). */
  has(codePoint: number): boolean {
    return this.glyph(codePoint) !== null;
  }
}

/** Where a font comes from: a file path, the bytes of a file, or either with a face name for a collection (TTC). */
export type FontSource = string | Uint8Array | { readonly path: string; readonly face?: string } | { readonly data: Uint8Array; readonly face?: string };

/**
 * Parses font bytes (TTF, OTF, WOFF, or a TTC with `face` naming the PostScript name); `file` names the source in
 * errors. The file's structure is checked first (sfntCheck.ts), so neither reader meets a damaged table; a face the
 * built-in reader covers is read by it, any other by fontkit (fontProgram.ts). Every failure is a FontError naming
 * the file.
 */
export function parseFont(bytes: Uint8Array, file: string, faceName?: string): FontProgram {
  let data = bytes;
  if (isWoff(bytes)) {
    try {
      data = woffToSfnt(bytes, MAX_FONT_BYTES);
    } catch (e) {
      throw new FontError(file, `${(e as Error).message}。`);
    }
  }
  checkSfnt(data, file);
  if (faceName === undefined) {
    let own: FontProgram | null = null;
    try {
      own = readTrueType(data);
    } catch {
      // a table the built-in reader cannot read within its bounds: fontkit reads the face, or says what is wrong
    }
    if (own) return own;
  }
  let parsed: FontkitFont | FontkitCollection | null;
  try {
    parsed = fontkit().create(Buffer.from(data.buffer, data.byteOffset, data.byteLength), faceName);
  } catch (e) {
    throw new FontError(file, `无法读取（${(e as Error).message}）。`);
  }
  if (parsed == null) throw new FontError(file, `字体集合中没有名为“${faceName}”的字体。`);
  const collection = Array.isArray((parsed as { fonts?: unknown }).fonts) ? (parsed as FontkitCollection) : null;
  if (collection) {
    const names = collection.fonts.map((f) => f.postscriptName).join('、');
    if (!faceName) throw new FontError(file, `是字体集合（TTC），请用 #字体名 指定其中一个：${names}。`);
    const face = collection.fonts.find((f) => f.postscriptName === faceName || f.fullName === faceName || f.familyName === faceName);
    if (!face) throw new FontError(file, `字体集合中没有名为“${faceName}”的字体（有：${names}）。`);
    return fontkitProgram(face);
  }
  return fontkitProgram(parsed as FontkitFont);
}
