/**
 * Chinese line breaking and justification on font metrics (W3C clreq §3.1–3.8, GB/T 9704 §5.2.2).
 * Text and metrics in, lines of positioned glyph runs out; pure, synchronous and linear in the text length.
 */
import { isFullwidthAlphanumeric, isIdeograph, isNoLineStart, isWordCharacter, type Strictness } from './punctuation.js';
import { buildClusters, measureChars, type Cluster, type MeasuredChar, type TextRun } from './segment.js';
import type { TextFont } from './textFont.js';

export type { TextRun } from './segment.js';

/**
 * How lines are placed in the measure. `justify` sets every line but the last flush to both edges;
 * `distribute` (均排) sets every line flush to both edges, the last one too.
 */
export type Alignment = 'justify' | 'distribute' | 'left' | 'center' | 'right';

/** Options of `breakLines`. Lengths are in points. */
export interface BreakOptions {
  /** Line length. */
  readonly measure: number;
  readonly align?: Alignment;
  /** Indent of the first line (2 cells for a body paragraph). */
  readonly indent?: number;
  /** Indent of the other lines (a hanging indent, e.g. under the title after 附件：). */
  readonly restIndent?: number;
  /** Width of the grid cell of a wide character as a multiple of its size: measure / 28 / 16 for GB/T 9704's 28 characters of 16 pt. */
  readonly cellEm?: number;
  /** Line-edge prohibition level (default `gb`). */
  readonly strictness?: Strictness;
  /** Largest squeeze of one gap, in em, allowed to pull a mark that may not start a line back onto the line (推入). Default 0.1. */
  readonly maxSqueeze?: number;
  /** Set a mark with a blank right half at half width before another mark (）。 》、《). Default false. */
  readonly compressPunctuation?: boolean;
  /** Extra space in em between ideographs and Latin letters or digits. Default 0 (official documents use none). */
  readonly latinGap?: number;
  /** Never end a justified or flush-left paragraph with a line of one ideograph (孤字不成行). Default true. */
  readonly avoidLonelyLastLine?: boolean;
  /** UTF-16 ranges [start, end) of the text inside which no line may break (words of a title, names). */
  readonly keepTogether?: readonly (readonly [number, number])[];
}

/** Glyphs of one run and face on a line, with the x of each code point from the measure's left edge. */
export interface GlyphRun {
  /** Index of the input run. */
  readonly run: number;
  readonly font: TextFont;
  /** Index of the font's face that draws these glyphs. */
  readonly face: number;
  readonly size: number;
  readonly text: string;
  readonly x: readonly number[];
}

/** One typeset line. */
export interface Line {
  /** UTF-16 range of the line in the paragraph's text (the runs' texts joined). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** x of the first glyph and the width of the ink (trailing spaces excluded). */
  readonly x: number;
  readonly width: number;
  /** Space added at each gap between characters (negative when squeezed), in points. */
  readonly spacing: number;
  readonly runs: readonly GlyphRun[];
  readonly last: boolean;
}

const EPS = 1e-6;
const URL_BREAK_AFTER = new Set([...'/.@-_?&='].map((c) => c.codePointAt(0)!));

interface Span {
  a: number;
  b: number;
  first: boolean;
}

/** Breaks a paragraph into lines and positions every glyph. Never throws on any text. */
export function breakLines(runs: readonly TextRun[], options: BreakOptions): Line[] {
  const align = options.align ?? 'justify';
  const strictness = options.strictness ?? 'gb';
  const text = runs.map((r) => r.text).join('');
  const chars = measureChars(runs, {
    cellEm: options.cellEm ?? 1,
    strictness,
    compressPunctuation: options.compressPunctuation ?? false,
    latinGap: options.latinGap ?? 0,
  });
  if (chars.length === 0) return [];
  const layout = new LineBuilder(chars, buildClusters(chars, strictness, text, options.keepTogether ?? []), options);
  const spans = layout.spans();
  if ((align === 'justify' || align === 'left') && (options.avoidLonelyLastLine ?? true)) layout.avoidLonelyLastLine(spans);
  return spans.map((s, i) => layout.place(s, i === spans.length - 1, align, runs, text));
}

class LineBuilder {
  private readonly width: Float64Array;
  private readonly gaps: Int32Array;
  private readonly clusterOf: Int32Array;
  private readonly maxSqueeze: number;
  private readonly strictness: Strictness;

  constructor(
    private readonly chars: readonly MeasuredChar[],
    private readonly clusters: readonly Cluster[],
    private readonly options: BreakOptions,
  ) {
    const n = chars.length;
    this.width = new Float64Array(n + 1);
    this.gaps = new Int32Array(n + 1);
    this.clusterOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.width[i + 1] = this.width[i]! + chars[i]!.advance + chars[i]!.glue;
      this.gaps[i + 1] = this.gaps[i]! + (chars[i]!.stretchAfter ? 1 : 0);
    }
    clusters.forEach((c, k) => this.clusterOf.fill(k, c.start, c.end));
    this.maxSqueeze = options.maxSqueeze ?? 0.1;
    this.strictness = options.strictness ?? 'gb';
  }

  /** Width of characters [a, b) without trailing spaces (and without the glue after the last one). */
  private inkWidth(a: number, b: number): number {
    const end = this.inkEnd(a, b);
    return end > a ? this.width[end]! - this.width[a]! - this.chars[end - 1]!.glue : 0;
  }

  private inkEnd(a: number, b: number): number {
    while (b > a && this.chars[b - 1]!.space) b--;
    return b;
  }

  /** Stretchable gaps between characters [a, b) (trailing spaces excluded). */
  private gapCount(a: number, b: number): number {
    const end = this.inkEnd(a, b);
    return end - a < 2 ? 0 : this.gaps[end - 1]! - this.gaps[a]!;
  }

  private available(first: boolean): number {
    return this.options.measure - ((first ? this.options.indent : this.options.restIndent) ?? 0);
  }

  /** The greedy pass: each line takes clusters while they fit, then chooses between push-in and push-out. */
  spans(): Span[] {
    const n = this.chars.length;
    const spans: Span[] = [];
    let pos = 0;
    while (pos < n) {
      const first = spans.length === 0;
      const avail = this.available(first);
      let k = this.clusterOf[pos]!;
      let end = pos;
      while (k < this.clusters.length && this.inkWidth(pos, this.clusters[k]!.end) <= avail + EPS) end = this.clusters[k++]!.end;
      if (k === this.clusters.length) {
        spans.push({ a: pos, b: n, first });
        break;
      }
      const next = this.clusters[k]!;
      if (end === pos) end = this.splitInside(pos, next, avail, true);
      else end = this.chooseBreak(pos, end, next, avail);
      spans.push({ a: pos, b: end, first });
      pos = end;
    }
    return spans;
  }

  /** Push-out (break before `next`), a URL break inside `next`, or push-in (squeeze `next`'s closing marks onto the line). */
  private chooseBreak(pos: number, end: number, next: Cluster, avail: number): number {
    let best = end;
    if (next.url) {
      const split = this.splitInside(pos, next, avail, false);
      if (split > end) best = split;
    }
    const stretch = (avail - this.inkWidth(pos, best)) / Math.max(1, this.gapCount(pos, best));
    const overflow = this.inkWidth(pos, next.end) - avail;
    const pushInGaps = this.gapCount(pos, next.end);
    if (overflow <= next.tail + EPS && pushInGaps > 0) {
      const squeeze = overflow / pushInGaps;
      if (squeeze <= this.maxSqueeze * this.chars[pos]!.size + EPS && squeeze <= stretch + EPS) return next.end;
    }
    return best;
  }

  /** Splits a cluster that does not fit: after / . @ - _ in a URL, else (emergency) after the last character that fits. */
  private splitInside(pos: number, cluster: Cluster, avail: number, emergency: boolean): number {
    const from = Math.max(pos, cluster.start);
    let fit = from;
    let urlBreak = -1;
    for (let i = from + 1; i < cluster.end && this.inkWidth(pos, i) <= avail + EPS; i++) {
      const prev = this.chars[i - 1]!;
      const next = this.chars[i]!;
      if (next.zeroWidth) continue; // a combining mark stays with its base
      fit = i;
      if (URL_BREAK_AFTER.has(prev.cp) && !prev.wide && !next.wide && !isNoLineStart(next.cp, this.strictness)) urlBreak = i;
    }
    if (urlBreak > from) return urlBreak;
    if (!emergency) return -1;
    if (fit > pos) return fit;
    let one = pos + 1;
    while (one < cluster.end && this.chars[one]!.zeroWidth) one++;
    return one;
  }

  /** Whether a line holds a single ideograph (with or without marks) and no letters or digits. */
  private isLonely(a: number, b: number): boolean {
    let ideographs = 0;
    for (let i = a; i < b; i++) {
      const cp = this.chars[i]!.cp;
      if (isIdeograph(cp)) ideographs++;
      else if (isWordCharacter(cp) || isFullwidthAlphanumeric(cp)) return false;
    }
    return ideographs === 1;
  }

  /** 孤字不成行: a last line of one ideograph takes clusters from the line before until it holds two (clreq §3.8). */
  avoidLonelyLastLine(spans: Span[]): void {
    if (spans.length < 2) return;
    const last = spans[spans.length - 1]!;
    const prev = spans[spans.length - 2]!;
    let start = last.a;
    while (this.isLonely(start, last.b)) {
      const k = this.clusterOf[start - 1]!;
      const from = Math.max(this.clusters[k]!.start, prev.a);
      if (from <= prev.a || this.inkWidth(from, last.b) > this.available(false) + EPS) return;
      start = from;
    }
    if (start === last.a) return;
    prev.b = start;
    last.a = start;
  }

  /** Positions the glyphs of a line. */
  place(span: Span, last: boolean, align: Alignment, runs: readonly TextRun[], text: string): Line {
    const { a, b } = span;
    const indent = (span.first ? this.options.indent : this.options.restIndent) ?? 0;
    const avail = this.available(span.first);
    const ink = this.inkWidth(a, b);
    const gaps = this.gapCount(a, b);
    let spacing = 0;
    let x0 = indent;
    // A line holding more than the measure (a mark pulled in, 推入) is squeezed whatever the alignment.
    if ((((align === 'justify' && !last) || align === 'distribute') || ink > avail + EPS) && gaps > 0) spacing = (avail - ink) / gaps;
    else if (align === 'center') x0 += (avail - ink) / 2;
    else if (align === 'right') x0 += avail - ink;
    const glyphRuns: GlyphRun[] = [];
    let x = x0;
    let runStart = a;
    let xs: number[] = [];
    const inkEnd = this.inkEnd(a, b);
    for (let i = a; i < b; i++) {
      const c = this.chars[i]!;
      const face = runs[c.run]!.font.face(c.cp);
      if (i > runStart) {
        const p = this.chars[i - 1]!;
        if (p.run !== c.run || runs[p.run]!.font.face(p.cp) !== face) {
          glyphRuns.push(this.glyphRun(runs, text, runStart, i, xs));
          runStart = i;
          xs = [];
        }
      }
      xs.push(x);
      x += c.advance + (i < inkEnd - 1 ? c.glue + (c.stretchAfter ? spacing : 0) : 0);
    }
    glyphRuns.push(this.glyphRun(runs, text, runStart, b, xs));
    const startOffset = this.chars[a]!.offset;
    const endOffset = b < this.chars.length ? this.chars[b]!.offset : text.length;
    return { start: startOffset, end: endOffset, text: text.slice(startOffset, endOffset), x: x0, width: ink + spacing * gaps, spacing, runs: glyphRuns, last };
  }

  private glyphRun(runs: readonly TextRun[], text: string, a: number, b: number, x: number[]): GlyphRun {
    const c = this.chars[a]!;
    const run = runs[c.run]!;
    const endOffset = b < this.chars.length ? this.chars[b]!.offset : text.length;
    return { run: c.run, font: run.font, face: run.font.face(c.cp), size: run.size, text: text.slice(c.offset, endOffset), x };
  }
}
