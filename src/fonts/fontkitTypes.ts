/**
 * The small part of fontkit 2 that this library uses, as an ordinary module (fontkit ships no type declarations).
 * Types that reach the published declarations come from here, so that they stand alone: a consumer needs no
 * ambient `declare module 'fontkit'` and no @types package.
 */

/** A glyph of a face. */
export interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: number[];
}

/** fontkit's subset of a face (the library replaces it with its own byte-copying subsetter where it can). */
export interface FontkitSubset {
  includeGlyph(glyph: number | FontkitGlyph): number;
  encode(): Uint8Array;
}

/** One face of a font file, as fontkit parses it. */
export interface FontkitFont {
  readonly postscriptName: string | null;
  readonly fullName: string | null;
  readonly familyName: string | null;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly numGlyphs: number;
  readonly characterSet: number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph;
  createSubset(): FontkitSubset;
  layout(text: string): { glyphs: FontkitGlyph[]; advanceWidth: number };
  readonly [table: string]: unknown;
}

/** A font collection (TTC): several faces in one file. */
export interface FontkitCollection {
  readonly fonts: FontkitFont[];
}

/** The fontkit module as the library loads it (its CommonJS build, through require). */
export interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection | null;
}
