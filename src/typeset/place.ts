/**
 * The third step of paragraph layout: placing the glyphs of each chosen line. A line that is too short is
 * stretched evenly at its stretchable gaps; a line that is too long is shrunk, first by setting full-width marks at
 * half width (the mark at the line end first, then the others from the left: clreq §3.1.6, 标点挤压), then by
 * squeezing every gap alike. Glyph runs carry the glyph ids and advances found in preparation, so painting never
 * looks a glyph up again.
 *
 * A justified line that its stretchable gaps cannot fill within the loose limit (a line mostly of a URL, whose letters
 * are no gaps of Chinese text) takes the rest, as a last resort, between the characters of its URLs and e-mail
 * addresses, at most half the loose limit each (letter-spaced Latin reads looser than spaced ideographs), and stops
 * short only beyond that.
 */
import { LineMeasure, measureInto, type BreakParams } from './linebreak.js';
import { BLANK_LEFT, STRETCH, type PreparedParagraph } from './prepare.js';
import type { TextFont } from './textFont.js';

/**
 * How lines are placed in the measure. `justify` sets every line but the last flush to both edges;
 * `distribute` (均排) sets every line flush to both edges, the last one too.
 */
export type Alignment = 'justify' | 'distribute' | 'left' | 'center' | 'right';

/**
 * Glyphs of one run and face on a line. What is known of each of its `length` code points lies in `data`, the
 * placed paragraph's one array (four numbers a code point, in one memory block off the JavaScript heap, so that a
 * composed document is a few objects a line and the collector has little to copy): from `at`, the x of each code
 * point, then its glyph id, its own advance and its width on the line, `length` numbers each. The painter reads
 * them one by one (`xAt` …); `x`, `glyphs`, `advances` and `widths` give copies.
 */
export class GlyphRun {
  constructor(
    /** Index of the input run. */
    readonly run: number,
    readonly font: TextFont,
    /** Index of the font's face that draws these glyphs. */
    readonly face: number,
    readonly size: number,
    readonly text: string,
    readonly data: Float64Array,
    readonly at: number,
    /** The number of code points. */
    readonly length: number,
  ) {}

  /** The x of code point `k`, in points from the measure's left edge (no copy, for the painter). */
  xAt(k: number): number {
    return this.data[this.at + k]!;
  }

  /** The glyph id of code point `k` in the face. */
  glyphAt(k: number): number {
    return this.data[this.at + this.length + k]!;
  }

  /** The glyph's own advance of code point `k`, in em. */
  advanceAt(k: number): number {
    return this.data[this.at + 2 * this.length + k]!;
  }

  /** The width code point `k` takes on the line before any adjustment, in points. */
  widthAt(k: number): number {
    return this.data[this.at + 3 * this.length + k]!;
  }

  /** x of each code point, in points from the measure's left edge. */
  get x(): readonly number[] {
    return this.slice(0);
  }

  /** Glyph id of each code point in the face. */
  get glyphs(): readonly number[] {
    return this.slice(1);
  }

  /** The glyph's own advance of each code point, in em. */
  get advances(): readonly number[] {
    return this.slice(2);
  }

  /** The width each code point takes on the line before any adjustment, in points: a grid cell for a wide character. */
  get widths(): readonly number[] {
    return this.slice(3);
  }

  private slice(part: number): number[] {
    const from = this.at + part * this.length;
    return Array.from(this.data.subarray(from, from + this.length));
  }
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
  /** Space added at each stretchable gap (negative when squeezed), in points; half-width marks are not counted here. */
  readonly spacing: number;
  readonly runs: readonly GlyphRun[];
  readonly last: boolean;
}

const EPS = 1e-6;
/** The most a justified line's gaps are stretched by default, in em (just under the 0.1 em at which extractors read a space). */
export const LOOSE = 0.095;

/** Places the lines ending at `ends` (step three of layout). */
export function placeLines(p: PreparedParagraph, ends: readonly number[], params: BreakParams, align: Alignment): Line[] {
  const lines: Line[] = [];
  // Four numbers for every code point of the lines (GlyphRun), in the order of the runs.
  const data = new Float64Array(4 * (ends.length > 0 ? ends[ends.length - 1]! : 0));
  let a = 0;
  ends.forEach((b, k) => {
    lines.push(placeLine(p, params, a, b, k === 0, k === ends.length - 1, align, data));
    a = b;
  });
  return lines;
}

const lineMeasure = new LineMeasure();
/** How much each character of the line being placed gives up of its blank half (reused from line to line). */
let compressed = new Float64Array(64);

function placeLine(p: PreparedParagraph, params: BreakParams, a: number, b: number, first: boolean, last: boolean, align: Alignment, data: Float64Array): Line {
  const m = measureInto(lineMeasure, p, params, a, b, first);
  const e = m.inkEnd;
  const indent = first ? params.indent : params.restIndent;
  const justified = (align === 'justify' && !last) || align === 'distribute';
  let slack = m.available - m.natural;
  // Half-width marks: how much each character's blank gives up (after a right-blank mark, before a left-blank one).
  if (compressed.length < e - a) compressed = new Float64Array(Math.max(e - a, 2 * compressed.length));
  compressed.fill(0, 0, Math.max(0, e - a));
  if (slack < -EPS) slack += compressMarks(p, a, e, -slack, compressed);
  let spacing = 0;
  let x0 = indent;
  if ((justified && m.gaps > 0) || slack < -EPS) {
    spacing = m.gaps > 0 ? slack / m.gaps : 0;
    // A justified line is never letter-spaced by looseLimit em or more (PDF text extractors would read a space): a line
    // that needs more, because an address or a long number leaves it too few gaps, stops short of the measure instead.
    const limit = params.looseLimit ?? LOOSE;
    if (align === 'justify' && spacing > 0) spacing = Math.min(spacing, (limit * (p.sizeGapSum[e - 1]! - p.sizeGapSum[a]!)) / m.gaps);
  } else if (align === 'center') x0 += slack / 2;
  else if (align === 'right') x0 += slack;
  // The room the breaker counted (params.addressTracking, set for justified text) is used on every line but the last.
  const tracking = params.addressTracking && !last ? addressTracking(p, params, a, e, slack - spacing * m.gaps, m.em) : 0;

  const runs: GlyphRun[] = [];
  let x = x0;
  let runStart = a;
  let width = 0;
  for (let i = a; i < b; i++) {
    if (i > runStart && (p.run[i] !== p.run[i - 1] || p.face[i] !== p.face[i - 1])) {
      runs.push(glyphRun(p, runStart, i, data));
      runStart = i;
    }
    const left = i < e && (p.flags[i]! & BLANK_LEFT) !== 0 ? compressed[i - a]! : 0;
    x -= left;
    // The x of each character, at its place in its run's part of `data` (filled in by glyphRun).
    data[4 * runStart + (i - runStart)] = x;
    const right = i < e && (p.flags[i]! & BLANK_LEFT) === 0 ? compressed[i - a]! : 0;
    if (i === e - 1) width = x + p.advance[i]! - right - x0;
    if (i < e - 1) x += p.advance[i]! + p.glue[i]! - right + ((p.flags[i]! & STRETCH) !== 0 ? spacing : p.tracking[i]! * tracking);
    else x += p.advance[i]!;
  }
  runs.push(glyphRun(p, runStart, b, data));
  const start = p.offset[a]!;
  const end = p.offset[b]!;
  return { start, end, text: p.text.slice(start, end), x: x0, width: e > a ? width : 0, spacing, runs, last };
}

/** Space after each character of an address on the justified line [a, e) that still falls `rest` points short. */
function addressTracking(p: PreparedParagraph, params: BreakParams, a: number, e: number, rest: number, em: number): number {
  if (rest <= EPS) return 0;
  let gaps = 0;
  for (let i = a; i < e - 1; i++) if (p.tracking[i] === 1 && (p.flags[i]! & STRETCH) === 0) gaps++;
  return gaps > 0 ? Math.min(rest / gaps, ((params.looseLimit ?? LOOSE) / 2) * em) : 0;
}

/**
 * Sets marks of [a, e) at half width until `need` points are gained: the mark at the line end first, then the
 * others from the left. Returns the points gained; `out[i - a]` receives each mark's share.
 */
function compressMarks(p: PreparedParagraph, a: number, e: number, need: number, out: Float64Array): number {
  let gained = 0;
  const take = (i: number) => {
    if (gained >= need - EPS) return;
    if (i === a && (p.flags[i]! & BLANK_LEFT) !== 0) return; // an opening mark keeps its blank at a line start
    const s = Math.min(p.shrink[i]!, need - gained);
    if (s <= 0) return;
    out[i - a] = s;
    gained += s;
  };
  if (e > a) take(e - 1);
  for (let i = a; i < e - 1; i++) take(i);
  return gained;
}

/** The run of characters [a, b), whose x values are already in `data` (from 4a: x, glyph ids, advances, widths). */
function glyphRun(p: PreparedParagraph, a: number, b: number, data: Float64Array): GlyphRun {
  const run = p.runs[p.run[a]!]!;
  const n = b - a;
  const at = 4 * a;
  for (let i = a; i < b; i++) {
    data[at + n + i - a] = p.glyph[i]!;
    data[at + 2 * n + i - a] = p.em[i]!;
    data[at + 3 * n + i - a] = p.advance[i]!;
  }
  return new GlyphRun(p.run[a]!, run.font, p.face[a]!, run.size, p.text.slice(p.offset[a]!, p.offset[b]!), data, at, n);
}
