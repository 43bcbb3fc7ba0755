import type { TextFont } from '../typeset/textFont.js';
import type { LazyFace } from './defaultFonts.js';
import type { FontFace } from './fontFace.js';

/** A face index that no code point has (indices are -1 for none, else 0 and up). */
const UNASKED = -2;

/**
 * A role's font: a primary face and a fallback chain. A character missing from the primary face is drawn
 * from the first face of the chain that has it; lazy faces are parsed only when one of their characters is asked for.
 * Face indices are stable for the life of the stack, so the typesetter's output can name faces by index.
 */
export class FontStack implements TextFont {
  private readonly loaded: FontFace[] = [];
  private readonly lazyIndex = new Map<LazyFace, number>();
  /** The face index of each code point asked about, in pages of 256 (UNASKED: not asked yet). */
  private readonly faceOf: (Int32Array | undefined)[] = [];

  private fallbackList: readonly LazyFace[] | undefined;

  /** `fallbacks` is called once, the first time a character is missing from the primary faces. */
  constructor(
    private readonly primary: readonly FontFace[],
    private readonly fallbacks: () => readonly LazyFace[],
  ) {
    this.loaded.push(...primary);
  }

  /** The face with this index (as returned by `face`). */
  faceAt(index: number): FontFace {
    const face = this.loaded[index];
    if (!face) throw new Error(`no font face ${index} in this stack`);
    return face;
  }

  /** The first face of the stack, whose name identifies the role's font. */
  get primaryFace(): FontFace {
    return this.loaded[0]!;
  }

  face(codePoint: number): number {
    const page = (this.faceOf[codePoint >> 8] ??= new Int32Array(256).fill(UNASKED));
    let index = page[codePoint & 255]!;
    if (index === UNASKED) page[codePoint & 255] = index = this.findFace(codePoint);
    return index;
  }

  glyphId(codePoint: number): number {
    const index = this.face(codePoint);
    return index < 0 ? 0 : this.loaded[index]!.glyph(codePoint)!.id;
  }

  advance(codePoint: number): number {
    const index = this.face(codePoint);
    return index < 0 ? 0 : this.loaded[index]!.glyph(codePoint)!.advance;
  }

  /**
   * Whether some face of the stack can draw the code point. A fallback face is parsed when its Unicode ranges
   * include the code point: the ranges are a hint, not a promise (fontsource lists U+1F1E8 in a file that has no glyph for it).
   */
  canDraw(codePoint: number): boolean {
    return this.face(codePoint) >= 0;
  }

  private findFace(codePoint: number): number {
    for (let i = 0; i < this.primary.length; i++) if (this.primary[i]!.has(codePoint)) return i;
    this.fallbackList ??= this.fallbacks();
    for (const lazy of this.fallbackList) {
      if (!inRanges(lazy.ranges, codePoint)) continue;
      let index = this.lazyIndex.get(lazy);
      if (index === undefined) {
        index = this.loaded.push(lazy.load()) - 1;
        this.lazyIndex.set(lazy, index);
      }
      if (this.loaded[index]!.has(codePoint)) return index;
    }
    return -1;
  }
}

function inRanges(ranges: readonly (readonly [number, number])[], cp: number): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}
