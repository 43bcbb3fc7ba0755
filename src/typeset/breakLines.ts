/**
 * Chinese paragraph layout (W3C clreq §3.1–3.8, GB/T 9704 §5.2.2): text and metrics in, lines of positioned
 * glyph runs out; pure and synchronous. The pipeline, as in Typst's inline layout:
 *
 *   prepareParagraph  (prepare.ts)   segment, classify and measure once, into typed arrays
 *   breakOptimal | breakGreedy | breakBalanced  (linebreak.ts)   choose the line ends
 *   placeLines        (place.ts)     stretch or shrink each line and position its glyphs
 */
import type { Strictness } from '../text/charClass.js';
import { breakBalanced, breakGreedy, breakOptimal, inkEnd, lineBlanks, type BreakParams, type LineBreaking } from './linebreak.js';
import { placeLines, type Alignment, type Line } from './place.js';
import { PENALTY, prepareParagraph, type PreparedParagraph, type TextRun } from './prepare.js';

export type { Alignment, GlyphRun, Line } from './place.js';
export type { TextRun } from './prepare.js';
export type { LineBreaking } from './linebreak.js';

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
  /** Total-fit breaking over the whole paragraph (`optimal`, the default) or first fit line by line (`greedy`). */
  readonly lineBreaking?: LineBreaking;
  /** Largest stretch of one gap, in em, before a line counts as loose. Default 0.1. */
  readonly maxStretch?: number;
  /** Largest squeeze of one gap, in em, beyond half-width marks (推入). Default 0.1. */
  readonly maxSqueeze?: number;
  /**
   * Largest stretch of one gap of a justified line, in em, default 0.095 (PDF text extractors read 0.1 em as a space):
   * a line that would need more (an address or a long number leaves it too few gaps) stops short of the measure.
   */
  readonly looseLimit?: number;
  /** Always set a mark with a blank right half at half width before another mark (）。 》、《). Default false. */
  readonly compressPunctuation?: boolean;
  /** Extra space in em between ideographs and Latin letters or digits. Default 0 (official documents use none). */
  readonly latinGap?: number;
  /** Never end a justified or flush-left paragraph with a line of one ideograph (孤字不成行). Default true. */
  readonly avoidLonelyLastLine?: boolean;
  /** UTF-16 ranges [start, end) of the text inside which no line may break (words of a title, names). */
  readonly keepTogether?: readonly (readonly [number, number])[];
  /** UTF-16 ranges [start, end) inside which a break is avoided at a cost (PENALTY.avoided): words kept whole where they can be. */
  readonly avoidBreaks?: readonly (readonly [number, number])[];
}

function paramsOf(options: BreakOptions, align: Alignment): BreakParams {
  // A measure that is not a positive number (0, negative, NaN) lays out one piece per line rather than failing.
  const measure = Number.isFinite(options.measure) && options.measure > 0 ? options.measure : 0;
  return {
    measure: options.measure === Number.POSITIVE_INFINITY ? Number.MAX_VALUE : measure,
    indent: options.indent ?? 0,
    restIndent: options.restIndent ?? 0,
    maxStretch: options.maxStretch ?? 0.1,
    maxSqueeze: options.maxSqueeze ?? 0.1,
    ...(options.looseLimit !== undefined ? { looseLimit: options.looseLimit } : {}),
    justifyLast: false, // 均排 stretches the last line when placing it, but its breaks are chosen like justified text
    avoidLonelyLastLine: (align === 'justify' || align === 'left') && (options.avoidLonelyLastLine ?? true),
    addressTracking: align === 'justify',
  };
}

/**
 * Prepares a paragraph for one or more breaking strategies. With `reuse`, the arrays are valid only until the next
 * paragraph is prepared with `reuse` (breakLines and balanceLines break and place a paragraph at once).
 */
export function prepare(runs: readonly TextRun[], options: BreakOptions, reuse = false): PreparedParagraph {
  return prepareParagraph(
    runs,
    {
      cellEm: options.cellEm ?? 1,
      strictness: options.strictness ?? 'gb',
      compressPunctuation: options.compressPunctuation ?? false,
      latinGap: options.latinGap ?? 0,
      keepTogether: options.keepTogether ?? [],
      avoidBreaks: options.avoidBreaks ?? [],
      // Only justified lines are worth a last resort's break: a ragged line set short shows no flaw.
      lastResortBreaks: (options.align ?? 'justify') === 'justify' || options.align === 'distribute',
    },
    reuse,
  );
}

/** Breaks a paragraph into lines and positions every glyph. Never throws on any text. */
export function breakLines(runs: readonly TextRun[], options: BreakOptions): Line[] {
  const align = options.align ?? 'justify';
  const prepared = prepare(runs, options, true); // segment, classify, measure
  if (prepared.n === 0) return [];
  const params = paramsOf(options, align);
  const ends = options.lineBreaking === 'greedy' ? breakGreedy(prepared, params) : breakOptimal(prepared, params); // choose the breaks
  return placeLines(prepared, ends, params, align); // stretch or shrink, position the glyphs
}

/**
 * The natural width of text set on one line: the width of the single line that breakLines gives with an unbounded
 * measure, flush left and without indent (the same sums in the same order), without breaking or placing anything.
 */
export function naturalWidth(runs: readonly TextRun[], options: BreakOptions): number {
  const p = prepare(runs, options, true);
  const e = inkEnd(p, 0, p.n);
  if (e === 0) return 0;
  let x = 0;
  for (let i = 0; i < e - 1; i++) x += p.advance[i]! + p.glue[i]!;
  return x + p.advance[e - 1]!;
}

/**
 * The min-content width of a paragraph (CSS Text §3): the width of its widest piece between two places where a line
 * may break, each set alone on a line without indent with its marks' blank halves compressed as a line may compress
 * them (measureInto, without squeezing its gaps). Inside a piece every break is forbidden (a number, a document
 * number 〔2017〕12号, a mark that may not start or end a line with its neighbour, a word kept together) or a last
 * resort (a document number between its issuer and its year, a URL after its scheme: PENALTY.lastResort), so a
 * measure at least this wide never forces an emergency break and keeps document numbers and URL schemes whole.
 */
export function minContentWidth(runs: readonly TextRun[], options: BreakOptions): number {
  const p = prepare(runs, options, true);
  let widest = 0;
  for (let a = 0, b = 1; b <= p.n; b++) {
    if (b < p.n && !(p.penalty[b]! < PENALTY.lastResort)) continue;
    const e = inkEnd(p, a, b);
    if (e > a) widest = Math.max(widest, p.widthSum[e]! - p.widthSum[a]! - p.glue[e - 1]! - lineBlanks(p, a, e));
    a = b;
  }
  return widest;
}

/**
 * Breaks a title into the fewest lines that fit, as even as possible (梯形 or 菱形), breaking only where `allowed`
 * says (a UTF-16 offset of the joined text); undefined when no such lines exist.
 */
export function balanceLines(runs: readonly TextRun[], options: BreakOptions, allowed: (offset: number) => boolean, maxLines = 4): Line[] | undefined {
  const align = options.align ?? 'center';
  const prepared = prepare(runs, { ...options, align }, true);
  if (prepared.n === 0) return [];
  const params = paramsOf(options, align);
  const ends = breakBalanced(prepared, params, (i) => allowed(prepared.offset[i]!), maxLines);
  return ends ? placeLines(prepared, ends, params, align) : undefined;
}
