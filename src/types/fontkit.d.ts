// `import … from 'fontkit'` for the tests, which load fontkit directly (fontkit ships no type declarations).
// The library itself uses the types of src/fonts/fontkitTypes.ts, so nothing here reaches the published
// declarations; this file is not part of the package.
declare module 'fontkit' {
  export type Glyph = import('../fonts/fontkitTypes.js').FontkitGlyph;
  export type Subset = import('../fonts/fontkitTypes.js').FontkitSubset;
  export type Font = import('../fonts/fontkitTypes.js').FontkitFont;
  export type FontCollection = import('../fonts/fontkitTypes.js').FontkitCollection;
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font | FontCollection;
}
