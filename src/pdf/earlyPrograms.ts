/**
 * Font programs made before a document is composed. The glyphs a document draws are, nearly always, exactly the
 * glyphs of the characters of its texts (the document's own and the composer's furniture: page numbers, 续表), and a
 * face's subset program depends only on its glyphs. So the subsets can be made from the texts as soon as the report
 * is resolved, and compressed on zlib's threads while the pages are composed and painted, instead of after. writePdf
 * takes a program only when its face's subset comes out with the same glyphs in the same order (then its bytes are
 * the same); otherwise it makes the subset's program itself, as it would without.
 */
import { availableParallelism } from 'node:os';
import type { FontProgram } from '../fonts/fontProgram.js';
import type { FontStack } from '../fonts/fontStack.js';
import { canSubsetTrueType, TrueTypeSubset } from '../fonts/trueTypeSubset.js';
import type { FontRole } from '../model/fontRole.js';
import { compressProgram } from './fonts.js';

/** A program made early: the glyphs of its subset, in subset order, and its bytes, plain and compressed. */
interface Early {
  readonly glyphs: readonly number[];
  readonly program: Uint8Array;
  readonly compressed: Promise<Buffer>;
}

export class EarlyFontPrograms {
  private readonly byFont = new Map<FontProgram, Early>();
  /** How many programs writePdf took (the others it made itself). */
  taken = 0;

  /**
   * Makes the program of each TrueType face that the texts use, as the PDF writer's glyph encoder would from the same
   * characters (TrueTypeSubset.includeCodePoint for each, then the face's glyph order), and starts compressing it. Undefined with one core (by default the machine's), where the
   * compression would only take turns with the composition.
   */
  static start(
    texts: readonly { readonly role: FontRole; readonly text: string }[],
    stackOf: (role: FontRole) => FontStack,
    cores = availableParallelism(),
  ): EarlyFontPrograms | undefined {
    if (cores < 2) return undefined;
    const subsets = new Map<FontProgram, TrueTypeSubset>();
    const skipped = new Set<FontProgram>();
    // The code points already included, per font stack, one bit each (most characters of a document repeat).
    const seenBy = new Map<FontStack, Uint32Array>();
    for (let t = 0; t < texts.length; t++) {
      const { role, text } = texts[t]!;
      const stack = stackOf(role);
      let seen = seenBy.get(stack);
      if (!seen) seenBy.set(stack, (seen = new Uint32Array(0x110000 >> 5)));
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        const bit = 1 << (cp & 31);
        if ((seen[cp >> 5]! & bit) !== 0) continue;
        seen[cp >> 5]! |= bit;
        const face = stack.face(cp);
        const gid = face < 0 ? 0 : stack.glyphId(cp);
        if (!(gid > 0)) continue; // never drawn: validation refuses what no face has
        const font = stack.faceAt(face).font;
        let subset = subsets.get(font);
        if (!subset) {
          if (skipped.has(font)) continue;
          if (!canSubsetTrueType(font)) {
            skipped.add(font);
            continue;
          }
          subsets.set(font, (subset = new TrueTypeSubset(font)));
        }
        subset.includeCodePoint(gid, cp);
      }
    }
    const early = new EarlyFontPrograms();
    // The largest subset first: its compression takes longest.
    const bySize = [...subsets].sort((a, b) => b[1].glyphs.length - a[1].glyphs.length);
    for (const [font, subset] of bySize) {
      subset.sortByGlyph();
      const glyphs = subset.glyphs.slice(); // before encode() adds the components of composite glyphs
      const program = subset.encode();
      const compressed = compressProgram(program);
      compressed.catch(() => undefined); // a program not taken is not awaited; one taken is, with its error
      early.byFont.set(font, { glyphs, program, compressed });
    }
    return early;
  }

  /** The program made for `font` when its subset has exactly these glyphs (in subset order), else undefined. */
  take(font: FontProgram, glyphs: readonly number[]): { readonly program: Uint8Array; readonly compressed: Promise<Buffer> } | undefined {
    const early = this.byFont.get(font);
    if (!early || early.glyphs.length !== glyphs.length) return undefined;
    for (let i = 0; i < glyphs.length; i++) if (early.glyphs[i] !== glyphs[i]) return undefined;
    this.byFont.delete(font);
    this.taken++;
    return early;
  }
}
