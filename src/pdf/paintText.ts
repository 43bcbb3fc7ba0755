/**
 * Paints typeset lines as PDF text: one text object per glyph run, glyphs placed exactly with Tc and TJ. The glyphs
 * of the whole document are encoded once (subset ids, widths and Unicode registered) before any page is painted, so
 * that the font programs can be compressed while the pages are; painting then writes each glyph id and offset
 * straight into the page's content buffer.
 */
import type { FontFace } from '../fonts/fontFace.js';
import { FontStack } from '../fonts/fontStack.js';
import { TrueTypeSubset } from '../fonts/trueTypeSubset.js';
import type { GlyphRun } from '../typeset/breakLines.js';
import type { ContentWriter } from './contentWriter.js';
import { embedFont, type EmbeddedFontHandle, type PdfDoc } from './pdfkitInternals.js';

export { num } from './contentWriter.js';

/**
 * The subset glyph ids of every glyph run of a document, in painting order, and the embedded font of each face.
 * `encode` is called for each run in the order the runs will be painted; painting reads the ids back in that order.
 */
export class GlyphEncoder {
  private ids = new Uint32Array(4096);
  private count = 0;
  private readonly fonts = new Map<FontFace, EmbeddedFontHandle>();

  constructor(private readonly doc: PdfDoc) {}

  /** The document's embedded font for the face that draws a run (embedded on first use). */
  fontOf(run: GlyphRun): EmbeddedFontHandle {
    if (!(run.font instanceof FontStack)) throw new Error('glyph run was not typeset with a FontStack');
    const face = run.font.faceAt(run.face);
    let font = this.fonts.get(face);
    if (!font) {
      font = embedFont(this.doc, face.font, `xxgk-face-${face.id}`);
      this.fonts.set(face, font);
    }
    return font;
  }

  /**
   * Includes the run's glyphs (found when the paragraph was prepared) in its font's subset, registering widths and
   * Unicode for ToUnicode, and appends their subset ids; no glyph is looked up again. Returns where its ids start.
   */
  encode(run: GlyphRun): number {
    const font = this.fontOf(run);
    const n = run.glyphs.length;
    if (this.count + n > this.ids.length) {
      const grown = new Uint32Array(Math.max(2 * this.ids.length, this.count + n));
      grown.set(this.ids.subarray(0, this.count));
      this.ids = grown;
    }
    const start = this.count;
    const subset = font.subset;
    const copies = subset instanceof TrueTypeSubset;
    const text = run.text;
    const ids = this.ids;
    for (let i = 0, k = 0; i < text.length; k++) {
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      const gid = run.glyphs[k]!;
      if (!(gid > 0)) throw new Error(`no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')}; validation should have refused it`);
      let id = subset.includeGlyph(gid);
      const mapped = font.unicode[id];
      // Two code points drawn by one glyph (· and • in Noto Sans SC) get separate codes, so each copies out as itself.
      if (mapped && (mapped.length !== 1 || mapped[0] !== cp) && copies) id = subset.includeCopy(gid, cp);
      font.widths[id] ??= run.advances[k]! * 1000;
      font.unicode[id] ??= [cp];
      ids[start + k] = id;
    }
    this.count = start + n;
    return start;
  }

  /** The subset id of the glyph at position `index` of the encoded sequence. */
  id(index: number): number {
    return this.ids[index]!;
  }
}

// Scratch arrays of one run (grown as needed, reused from run to run).
let tz = new Float64Array(256);
let gaps = new Float64Array(256);
let sorted = new Float64Array(256);

/**
 * Horizontal scale (Tz, in %) of each glyph: 100, or more for a glyph narrower than the grid cell it is set in (the
 * em dash of some fonts is 0.89 em), so that it fills its cell and no extractor reads the rest of the cell as a space.
 */
function scaleOf(run: GlyphRun, i: number): number {
  const natural = (run.advances[i]! * 1000 * run.size) / 1000;
  const cell = run.widths[i]!;
  return natural > 0 && cell > natural * 1.02 ? Math.round((cell / natural) * 10000) / 100 : 100;
}

/**
 * Writes the text object of one glyph run (its subset ids from `encoder` starting at `idStart`) with its baseline at
 * `baseline` and glyph x values offset by `left`, in font resource `resource`.
 */
export function paintGlyphRun(out: ContentWriter, run: GlyphRun, encoder: GlyphEncoder, idStart: number, resource: string, left: number, baseline: number): void {
  const n = run.glyphs.length;
  if (run.text.length === 0) return;
  if (tz.length < n) {
    tz = new Float64Array(2 * n);
    gaps = new Float64Array(2 * n);
    sorted = new Float64Array(2 * n);
  }
  for (let i = 0; i < n; i++) tz[i] = scaleOf(run, i);
  const size = run.size;
  const x = run.x;
  out.text('BT\n/').text(resource).byte(32).num(size).text(' Tf\n');
  let scale = 100;
  // Glyphs of one horizontal scale are written together; each group starts at its own x.
  for (let start = 0; start < n; ) {
    const t = tz[start]!;
    let end = start + 1;
    while (end < n && tz[end] === t) end++;
    const h = t / 100;
    // The gap after each glyph beyond its natural (scaled) advance; the most common one becomes Tc, the rest TJ offsets.
    const count = end - 1 - start;
    for (let i = start; i < end - 1; i++) gaps[i - start] = (x[i + 1]! - x[i]!) / h - (run.advances[i]! * 1000 * size) / 1000;
    const tc = mostCommon(gaps, count);
    if (t !== scale) out.num(t).text(' Tz\n');
    scale = t;
    out.num(tc).text(' Tc\n1 0 0 -1 ').num(left + x[start]!).byte(32).num(baseline).text(' Tm\n[<');
    for (let i = start; i < end; i++) {
      out.hex4(encoder.id(idStart + i));
      const excess = i + 1 < end ? gaps[i - start]! - tc : 0;
      if (Math.abs(excess) >= 0.0005) out.text('> ').num((-excess * 1000) / size).text(' <');
    }
    out.text('>] TJ\n');
    start = end;
  }
  if (scale !== 100) out.text('100 Tz\n');
  out.text('ET\n');
}

/** The most common of the first `count` values rounded to 4 decimals (the smallest of equally common ones); 0 for none. */
function mostCommon(values: Float64Array, count: number): number {
  if (count === 0) return 0;
  for (let i = 0; i < count; i++) sorted[i] = Math.round(values[i]! * 10000) / 10000;
  const keys = sorted.subarray(0, count).sort();
  let best = keys[0]!;
  let bestCount = 0;
  for (let i = 0; i < count; ) {
    let j = i + 1;
    while (j < count && keys[j] === keys[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = keys[i]!;
    }
    i = j;
  }
  return best;
}
