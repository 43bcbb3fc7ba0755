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
import { EmbeddedFont } from './fonts.js';
import type { PdfFile } from './pdfFile.js';

export { num } from './contentWriter.js';

/**
 * The subset glyph ids of every glyph run of a document, in painting order, and the embedded font of each face.
 * `encode` is called for each run in the order the runs will be painted; painting reads the ids back in that order.
 */
export class GlyphEncoder {
  private ids = new Uint32Array(4096);
  private count = 0;
  private readonly embedded = new Map<FontFace, EmbeddedFont>();
  /** The font and the first id of each encoded run. */
  private readonly runFonts: EmbeddedFont[] = [];
  private readonly runStarts: number[] = [];

  constructor(private readonly file: PdfFile) {}

  /** The document's embedded font for the face that draws a run (embedded on first use, named F1, F2 … in that order). */
  fontOf(run: GlyphRun): EmbeddedFont {
    if (!(run.font instanceof FontStack)) throw new Error('glyph run was not typeset with a FontStack');
    const face = run.font.faceAt(run.face);
    let font = this.embedded.get(face);
    if (!font) {
      font = new EmbeddedFont(face.font, `F${this.embedded.size + 1}`, this.file);
      this.embedded.set(face, font);
    }
    return font;
  }

  /** The embedded fonts, in order of first use. */
  fonts(): EmbeddedFont[] {
    return [...this.embedded.values()];
  }

  /**
   * Includes the run's glyphs (found when the paragraph was prepared) in its font's subset, registering widths and
   * Unicode for ToUnicode, and appends their subset ids; no glyph is looked up again. Returns where its ids start.
   */
  encode(run: GlyphRun): number {
    const font = this.fontOf(run);
    const n = run.length;
    if (this.count + n > this.ids.length) {
      const grown = new Uint32Array(Math.max(2 * this.ids.length, this.count + n));
      grown.set(this.ids.subarray(0, this.count));
      this.ids = grown;
    }
    const start = this.count;
    this.runFonts.push(font);
    this.runStarts.push(start);
    const subset = font.subset;
    const copies = subset instanceof TrueTypeSubset;
    const text = run.text;
    const ids = this.ids;
    for (let i = 0, k = 0; i < text.length; k++) {
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      const gid = run.glyphAt(k);
      if (!(gid > 0)) throw new Error(`no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')}; validation should have refused it`);
      // Two code points drawn by one glyph (· and • in Noto Sans SC) get separate codes in a TrueType subset, so that
      // each copies out as itself.
      const id = copies ? (subset as TrueTypeSubset).includeCodePoint(gid, cp) : subset.includeGlyph(gid);
      font.widths[id] ??= run.advanceAt(k) * 1000;
      font.unicode[id] ??= [cp];
      ids[start + k] = id;
    }
    this.count = start + n;
    return start;
  }

  /**
   * Renumbers every font's subset in its face's glyph order, once every run is encoded; the encoded ids follow.
   */
  sortSubsets(): void {
    const renumbered = new Map<EmbeddedFont, Int32Array>();
    for (const font of this.embedded.values()) {
      const renumber = font.sortByGlyph();
      if (renumber) renumbered.set(font, renumber);
    }
    if (renumbered.size === 0) return;
    for (let i = 0; i < this.runFonts.length; i++) {
      const renumber = renumbered.get(this.runFonts[i]!);
      if (!renumber) continue;
      for (let k = this.runStarts[i]!, end = this.runStarts[i + 1] ?? this.count; k < end; k++) this.ids[k] = renumber[this.ids[k]!]!;
    }
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
  const natural = (run.advanceAt(i) * 1000 * run.size) / 1000;
  const cell = run.widthAt(i);
  return natural > 0 && cell > natural * 1.02 ? Math.round((cell / natural) * 10000) / 100 : 100;
}

/**
 * What a page's content stream holds at the point being written, so that each operator is written only when it
 * changes something: one text object (BT … ET) for the text between two sets of rules, the open marked-content
 * sequence, and the text state (font, size, character spacing, horizontal scale), which persists across text
 * objects (PDF 32000 §9.3). Marked-content sequences nest inside the text object, or around rules outside it.
 */
export class PageContent {
  private font = '';
  private size = NaN;
  private tc = 0;
  private tz = 100;
  private inText = false;
  /** The text line matrix [1 0 0 -1 e f] set last in the open text object (lineSet false: none yet). */
  private lineSet = false;
  private lineE = 0;
  private lineF = 0;
  /**
   * The open marked-content sequence (its key: a structure element's id, or a negative number for an artifact kind)
   * and whether it was opened inside the text object.
   */
  private marked: number | undefined;
  private markedInText = false;

  constructor(readonly out: ContentWriter) {}

  /** Starts a page's content: nothing open, the default text state, the page flipped (y grows downwards). */
  start(height: string): void {
    this.out.reset();
    this.font = '';
    this.size = NaN;
    this.tc = 0;
    this.tz = 100;
    this.inText = false;
    this.lineSet = false;
    this.marked = undefined;
    this.out.text('1 0 0 -1 0 ').text(height).text(' cm\n');
  }

  /** Opens the text object (closing a marked-content sequence opened outside it). */
  beginText(): void {
    if (this.inText) return;
    this.endMarked();
    this.out.text('BT\n');
    this.inText = true;
    this.lineSet = false;
  }

  /** Closes the text object (and a marked-content sequence opened inside it). */
  endText(): void {
    if (!this.inText) return;
    if (this.markedInText) this.endMarked();
    this.out.text('ET\n');
    this.inText = false;
  }

  /**
   * Whether the marked-content sequence `key` is the one open: consecutive content of one element (the lines of a
   * paragraph on a page) is one sequence. When it is not, the caller ends the open one and begins its own with
   * `beginMarked`.
   */
  isMarked(key: number): boolean {
    return this.marked === key;
  }

  /** Ends the open marked-content sequence and records `key` as open; the caller then writes the BDC operator. */
  beginMarked(key: number): ContentWriter {
    this.endMarked();
    this.marked = key;
    this.markedInText = this.inText;
    return this.out;
  }

  /** Ends the open marked-content sequence, if any. */
  endMarked(): void {
    if (this.marked === undefined) return;
    this.out.text('EMC\n');
    this.marked = undefined;
  }

  /** Ends what is open at the end of the page. */
  finish(): void {
    this.endText();
    this.endMarked();
  }

  /** Sets font and size. */
  setFont(resource: string, size: number): void {
    if (this.font === resource && this.size === size) return;
    this.out.byte(47).text(resource).byte(32).num(size).text(' Tf\n');
    this.font = resource;
    this.size = size;
  }

  /** Sets the character spacing (a value already rounded to 4 decimals). */
  setCharSpacing(tc: number): void {
    if (tc === this.tc) return;
    this.out.num(tc).text(' Tc\n');
    this.tc = tc;
  }

  /** Sets the horizontal scale (%). */
  setScale(tz: number): void {
    if (tz === this.tz) return;
    this.out.num(tz).text(' Tz\n');
    this.tz = tz;
  }

  /**
   * Starts a line at (x, y), rounded to 4 decimals like every coordinate: the text matrix [1 0 0 -1 x y] (text upright
   * on the flipped page). A line after the first in the text object moves from the one before with Td when a reader
   * computing the new matrix from the old one (e + tx, f − ty) arrives at exactly the same numbers (with a step of at
   * most 7 decimals); otherwise Tm.
   */
  moveTo(x: number, y: number): void {
    const X = round4(x);
    const Y = round4(y);
    if (this.lineSet) {
      const tx = exactStep(X - this.lineE, this.lineE, X, 1);
      const ty = tx === undefined ? undefined : exactStep(this.lineF - Y, this.lineF, Y, -1);
      if (tx !== undefined && ty !== undefined) {
        writeStep(this.out, tx);
        writeStep(this.out.byte(32), ty);
        this.out.text(' Td\n');
        this.lineE = X;
        this.lineF = Y;
        return;
      }
    }
    this.out.text('1 0 0 -1 ').num(X).byte(32).num(Y).text(' Tm\n');
    this.lineSet = true;
    this.lineE = X;
    this.lineF = Y;
  }
}

/**
 * The shortest decimal (4 to 7 places) of a step `d` that a reader applying it to `from` (adding it, `sign` 1, or
 * subtracting it, -1) gets exactly `to` with, or undefined when none does.
 */
function exactStep(d: number, from: number, to: number, sign: 1 | -1): number | undefined {
  for (let places = 4; places <= 7; places++) {
    const p = 10 ** places;
    const t = Math.round(d * p) / p;
    if ((sign === 1 ? t + from : from - t) === to) return t;
  }
  return undefined;
}

/**
 * Writes a step of exactStep: as `num` writes it when it has at most 4 decimals (the same digits; 0 among them),
 * else as JavaScript does.
 */
function writeStep(out: ContentWriter, t: number): void {
  if (Math.round(t * 10000) / 10000 === t) out.num(t);
  else out.text(String(t));
}

/** A number as it is written (4 decimals) and read back. */
function round4(n: number): number {
  const r = Math.round(n * 10000) / 10000;
  return r === 0 ? 0 : r;
}

/**
 * Writes one glyph run (its subset ids from `encoder` starting at `idStart`) with its baseline at `baseline` and glyph
 * x values offset by `left`, in font resource `resource`, inside the page's open text object.
 */
export function paintGlyphRun(page: PageContent, run: GlyphRun, encoder: GlyphEncoder, idStart: number, resource: string, left: number, baseline: number): void {
  const n = run.length;
  if (run.text.length === 0) return;
  if (tz.length < n) {
    tz = new Float64Array(2 * n);
    gaps = new Float64Array(2 * n);
    sorted = new Float64Array(2 * n);
  }
  for (let i = 0; i < n; i++) tz[i] = scaleOf(run, i);
  const size = run.size;
  const out = page.out;
  page.setFont(resource, size);
  // Glyphs of one horizontal scale are written together; each group starts at its own x.
  for (let start = 0; start < n; ) {
    const t = tz[start]!;
    let end = start + 1;
    while (end < n && tz[end] === t) end++;
    const h = t / 100;
    // The gap after each glyph beyond its natural (scaled) advance; the most common one becomes Tc, the rest TJ offsets.
    const count = end - 1 - start;
    for (let i = start; i < end - 1; i++) gaps[i - start] = (run.xAt(i + 1) - run.xAt(i)) / h - (run.advanceAt(i) * 1000 * size) / 1000;
    const tc = mostCommon(gaps, count);
    page.setScale(t);
    page.setCharSpacing(tc);
    page.moveTo(left + run.xAt(start), baseline);
    let adjusted = false;
    for (let i = start; i < end - 1; i++) if (Math.abs(gaps[i - start]! - tc) >= 0.0005) adjusted = true;
    // Each glyph's code is its two-byte subset id, in a literal string (its bytes escaped where they are delimiters or
    // line ends): never text of the report as PDF syntax.
    out.text(adjusted ? '[(' : '(');
    for (let i = start; i < end; i++) {
      out.code2(encoder.id(idStart + i));
      const excess = i + 1 < end ? gaps[i - start]! - tc : 0;
      // In thousandths of an em: one decimal places a glyph to 1/10 000 em (a thousandth of a point at 10 pt).
      if (Math.abs(excess) >= 0.0005) out.byte(41).num1((-excess * 1000) / size).byte(40);
    }
    out.text(adjusted ? ')] TJ\n' : ') Tj\n');
    start = end;
  }
}

/** The most common of the first `count` values rounded to 4 decimals (the smallest of equally common ones); 0 for none. */
function mostCommon(values: Float64Array, count: number): number {
  if (count === 0) return 0;
  for (let i = 0; i < count; i++) sorted[i] = Math.round(values[i]! * 10000) / 10000;
  // Most lines space nearly every glyph alike: a value held by more than half is the most common. The one candidate
  // for it (Boyer and Moore's majority vote), then its count, without sorting.
  let candidate = sorted[0]!;
  let lead = 0;
  for (let i = 0; i < count; i++) {
    if (lead === 0) candidate = sorted[i]!;
    lead += sorted[i] === candidate ? 1 : -1;
  }
  let same = 0;
  for (let i = 0; i < count; i++) if (sorted[i] === candidate) same++;
  if (same * 2 > count) return candidate;
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
