// The small part of fontkit 2 that this library uses (fontkit ships no type declarations).
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly codePoints: number[];
  }
  export interface Subset {
    includeGlyph(glyph: number | Glyph): number;
    encode(): Uint8Array;
  }
  export interface Font {
    readonly postscriptName: string | null;
    readonly fullName: string | null;
    readonly familyName: string | null;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly numGlyphs: number;
    readonly characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number, codePoints?: number[]): Glyph;
    createSubset(): Subset;
    layout(text: string): { glyphs: Glyph[]; advanceWidth: number };
    readonly [table: string]: unknown;
  }
  export interface FontCollection {
    readonly fonts: Font[];
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font | FontCollection;
}
