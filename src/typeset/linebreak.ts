/**
 * The second step of paragraph layout: choosing line breaks on a prepared paragraph. Three strategies over the
 * same data: `optimal` (total fit, Knuth–Plass over the whole paragraph), `greedy` (first fit with push-in or
 * push-out at each line end, 先挤进后推出) and `balanced` (for titles: a given number of lines as even as possible).
 *
 * The glue model for Chinese (W3C clreq §3.8 and §3.1.6): every gap between characters that may stretch
 * stretches by the same amount; a justified line is "loose" when that amount reaches `maxStretch` (0.1 em, where
 * PDF text extractors start to read a space). A line may shrink by setting full-width marks at half width
 * (标点挤压, their blank half) and, beyond that, by squeezing its gaps by at most `maxSqueeze` each (推入).
 * Badness is 100·r³ of the adjustment ratio r (stretch over stretchability, or shrink over shrinkability);
 * a line's demerits are (10 + badness)² + penalty², penalties coming from prepare.ts (393 | 件次 and a URL after
 * `/` cost a little, a phone number after its hyphen more, forbidden breaks are never taken unless nothing else fits).
 */
import { BLANK_LEFT, IDEOGRAPH, NO_START, SPACE, WORD, type PreparedParagraph } from './prepare.js';

/** How a paragraph is broken into lines. */
export type LineBreaking = 'optimal' | 'greedy';

/** Geometry and tolerances of breaking, in points (stretch and squeeze in em). */
export interface BreakParams {
  readonly measure: number;
  /** Indent of the first line and of the others. */
  readonly indent: number;
  readonly restIndent: number;
  /** Largest stretch of one gap, in em, before a line counts as loose (default 0.1). */
  readonly maxStretch?: number;
  /** Largest squeeze of one gap, in em, beyond half-width punctuation (default 0.1). */
  readonly maxSqueeze?: number;
  /** Largest stretch of one gap of a justified line, in em, when it is placed (default 0.095): a line needing more stops short. */
  readonly looseLimit?: number;
  /** Whether the last line is also set flush to both edges (均排): then it is judged like the others. */
  readonly justifyLast?: boolean;
  /** Never end with a line holding a single ideograph (孤字不成行, clreq §3.8). Default true. */
  readonly avoidLonelyLastLine?: boolean;
}

const EPS = 1e-6;
const LINE_PENALTY = 10;
/** A last line of one ideograph (孤字不成行) costs more than the loosest line, less than a forbidden break. */
const LONELY = 1e13;
/**
 * Moving a line of wide characters only (ideographs and full-width marks) off the grid costs as much as a line
 * stretched to about 0.07 em: the grid of GB/T 9704 holds wherever a nearby line does not need the room.
 */
const OFF_GRID = 2_500;
/** The most stretch ratio a line may have in the first pass (0.4 em gaps): beyond that only when nothing else fits. */
const TOLERANCE = 4;
const HUGE = 1e10;
/** Badness of the loosest lines (capped, so that they still cost less than a forbidden break). */
const MAX_BADNESS = 1e6;
/** Badness per em by which a line falls short of the measure. */
const OVER_STRETCH = 5e3;
/** A forbidden break, taken in the second pass only where a piece cannot fit a line at all. */
const EMERGENCY = 1e8;

/**
 * Badness of a line of adjustment ratio r. Up to r = 1 (gaps of maxStretch) it is Knuth's 100·r³; beyond, the line
 * is set short of the measure (place.ts never stretches a gap by maxStretch or more), and it costs by how far it
 * falls short, in em: a line of few gaps (an address, a long number) that misses by a little is not worse than one
 * of many gaps that misses by the same amount.
 */
function badnessOf(r: number, m: LineMetrics): number {
  if (r === Infinity) return MAX_BADNESS * (1 + (m.available - m.natural) / Math.max(1, m.available));
  if (r <= 1) return 100 * Math.abs(r) ** 3;
  const shortfall = (m.available - m.natural - m.stretch) / m.em;
  return Math.min(100 + OVER_STRETCH * shortfall, MAX_BADNESS);
}

/** Measures of a candidate line [a, b). */
export interface LineMetrics {
  /** End of the ink: b without trailing spaces. */
  readonly inkEnd: number;
  readonly natural: number;
  readonly available: number;
  /** Total stretchability (maxStretch at each stretchable gap) and shrinkability (blank halves and squeeze). */
  readonly stretch: number;
  readonly shrink: number;
  readonly gaps: number;
  /** The font size at the line's gaps (their mean), which measures shortfalls in em. */
  readonly em: number;
}

/** The ink end of [a, b) (trailing spaces excluded). */
export function inkEnd(p: PreparedParagraph, a: number, b: number): number {
  while (b > a && (p.flags[b - 1]! & SPACE) !== 0) b--;
  return b;
}

/** Measures the line [a, b); `first` tells whether it is the paragraph's first line. */
export function measureLine(p: PreparedParagraph, params: BreakParams, a: number, b: number, first: boolean): LineMetrics {
  const e = inkEnd(p, a, b);
  const natural = e > a ? p.widthSum[e]! - p.widthSum[a]! - p.glue[e - 1]! : 0;
  const available = params.measure - (first ? params.indent : params.restIndent);
  const gaps = e - a < 2 ? 0 : p.gapSum[e - 1]! - p.gapSum[a]!;
  const sizeAtGaps = e - a < 2 ? 0 : p.sizeGapSum[e - 1]! - p.sizeGapSum[a]!;
  let blanks = e > a ? p.shrinkSum[e]! - p.shrinkSum[a]! : 0;
  if (e > a && (p.flags[a]! & BLANK_LEFT) !== 0) blanks -= p.shrink[a]!; // an opening mark keeps its blank at a line start
  // Gaps are squeezed only to pull the marks that may not start a line back onto it (推入): never more than their width.
  let tail = 0;
  for (let i = e - 1; i > a && (p.flags[i]! & NO_START) !== 0; i--) tail += p.advance[i]!;
  const stretch = sizeAtGaps * (params.maxStretch ?? 0.1);
  const shrink = blanks + Math.min(tail, sizeAtGaps * (params.maxSqueeze ?? 0.1));
  const em = gaps > 0 ? sizeAtGaps / gaps : e > a ? p.size[a]! : 1;
  return { inkEnd: e, natural, available, stretch, shrink, gaps, em };
}

/** The adjustment ratio of a line: > 0 stretch, < 0 shrink, −Infinity when it cannot fit, +Infinity when it cannot stretch. */
function ratio(m: LineMetrics, last: boolean, justifyLast: boolean): number {
  const d = m.available - m.natural;
  if (d >= -EPS) {
    if (last && !justifyLast) return 0;
    if (d <= EPS) return 0;
    return m.stretch > 0 ? d / m.stretch : Infinity;
  }
  if (m.shrink <= 0) return -Infinity;
  const r = d / m.shrink;
  return r < -1 - EPS ? -Infinity : r;
}

/** Whether [a, b) holds a single ideograph and no letters or digits. */
function isLonely(p: PreparedParagraph, a: number, b: number): boolean {
  let ideographs = 0;
  for (let i = a; i < b; i++) {
    const f = p.flags[i]!;
    if ((f & IDEOGRAPH) !== 0) ideographs++;
    else if ((f & WORD) !== 0) return false;
  }
  return ideographs === 1;
}

interface Node {
  readonly pos: number;
  readonly total: number;
  readonly prev: Node | undefined;
}

/** Breaks as a list of line ends (the last is n). */
function unwind(node: Node): number[] {
  const ends: number[] = [];
  for (let k: Node | undefined = node; k && k.pos > 0; k = k.prev) ends.push(k.pos);
  return ends.reverse();
}

/**
 * Total-fit line breaking (Knuth and Plass 1981): the breaks that minimise the paragraph's demerits. A first pass
 * takes only allowed breaks and lines no looser than TOLERANCE; if no such set of lines exists, a second pass also
 * allows emergency breaks and any looseness. Linear in the text for a given line length (active nodes are pruned
 * once their line can no longer fit).
 */
export function breakOptimal(p: PreparedParagraph, params: BreakParams): number[] {
  if (p.n === 0) return [];
  const first = optimalPass(p, params, false);
  // A lonely last line within tolerance may still cost more than a looser set of lines: compare with the second pass.
  const second = !first || first.total >= LONELY ? optimalPass(p, params, true) : undefined;
  const best = first && (!second || first.total <= second.total) ? first : second;
  return best ? unwind(best) : breakGreedy(p, params);
}

function optimalPass(p: PreparedParagraph, params: BreakParams, emergency: boolean): Node | undefined {
  const n = p.n;
  const justifyLast = params.justifyLast ?? false;
  const lonely = params.avoidLonelyLastLine ?? true;
  let active: Node[] = [{ pos: 0, total: 0, prev: undefined }];
  let best: Node | undefined;
  for (let b = 1; b <= n; b++) {
    let pen = p.penalty[b]!;
    if (pen === Infinity) {
      if (!emergency || p.emergency[b] !== 1) continue;
      pen = EMERGENCY;
    }
    const last = b === n;
    let chosen: Node | undefined;
    const keep: Node[] = [];
    for (const a of active) {
      const m = measureLine(p, params, a.pos, b, a.pos === 0);
      const r = ratio(m, last, justifyLast);
      if (r === -Infinity) {
        // Too long already: longer lines only get worse. In an emergency a line of one unbreakable piece may overflow.
        if (emergency && !hasCandidateBetween(p, a.pos, b)) {
          const total = a.total + HUGE * (1 + m.natural - m.available);
          if (!chosen || total < chosen.total) chosen = { pos: b, total, prev: a };
        }
        continue;
      }
      keep.push(a);
      if (!emergency && r > TOLERANCE) continue;
      const badness = badnessOf(r, m);
      let d = (LINE_PENALTY + badness) ** 2 + (last ? 0 : pen * pen);
      if (last && lonely && !justifyLast && isLonely(p, a.pos, m.inkEnd) && a.pos > 0) d += LONELY;
      if (Math.abs(r) > 1e-3 && r !== Infinity && (!last || r < 0) && p.narrowSum[m.inkEnd]! === p.narrowSum[a.pos]!) d += OFF_GRID;
      const total = a.total + d;
      if (!chosen || total < chosen.total) chosen = { pos: b, total, prev: a };
    }
    active = keep;
    if (chosen) {
      if (last) best = chosen;
      else active.push(chosen);
    }
    if (active.length === 0) return undefined;
  }
  return best;
}

/** Whether some allowed or emergency break lies strictly between a and b. */
function hasCandidateBetween(p: PreparedParagraph, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (p.penalty[i]! < Infinity || p.emergency[i] === 1) return true;
  return false;
}

/**
 * First fit: each line takes characters while they fit, then ends at the last allowed break (push-out), or takes
 * the next piece with its closing marks squeezed in (push-in) when that changes each gap less; a break with a
 * penalty is taken only when the free break before it would leave a loose line.
 */
export function breakGreedy(p: PreparedParagraph, params: BreakParams): number[] {
  const n = p.n;
  const ends: number[] = [];
  let a = 0;
  while (a < n) {
    const first = a === 0;
    let fit = -1; // the last allowed break whose line fits at natural width
    let fitFree = -1; // the same among breaks without a penalty
    let over = -1; // the first allowed break beyond
    for (let b = a + 1; b <= n; b++) {
      if (p.penalty[b] === Infinity) continue;
      const m = measureLine(p, params, a, b, first);
      if (m.natural <= m.available + EPS) {
        fit = b;
        if (p.penalty[b] === 0) fitFree = b;
        if (b === n) break;
      } else {
        over = b;
        break;
      }
    }
    if (fit === n) {
      ends.push(n);
      break;
    }
    let end = fit;
    if (fitFree > 0 && fitFree !== fit && ratio(measureLine(p, params, a, fitFree, first), false, false) <= 1) end = fitFree;
    if (over > 0) {
      const mo = measureLine(p, params, a, over, first);
      if (ratio(mo, over === p.n, false) !== -Infinity && p.penalty[over] === 0) {
        // Push in when the squeeze each gap needs (after the marks' blank halves) is no more than pushing out would stretch it.
        const blanks = p.shrinkSum[mo.inkEnd]! - p.shrinkSum[a]!;
        const squeeze = Math.max(0, mo.natural - mo.available - blanks) / Math.max(1, mo.gaps);
        const me = end > a ? measureLine(p, params, a, end, first) : undefined;
        const stretch = me ? (me.available - me.natural) / Math.max(1, me.gaps) : Infinity;
        if (squeeze <= stretch + EPS) end = over;
      }
    }
    if (end <= a) end = emergencyEnd(p, params, a, first);
    ends.push(end);
    a = end;
  }
  if (params.avoidLonelyLastLine ?? true) avoidLonelyLastLine(p, params, ends);
  return ends;
}

/** 孤字不成行 for first fit: a last line of one ideograph takes pieces from the line before until it holds two (clreq §3.8). */
function avoidLonelyLastLine(p: PreparedParagraph, params: BreakParams, ends: number[]): void {
  if (ends.length < 2) return;
  const prevStart = ends.length > 2 ? ends[ends.length - 3]! : 0;
  let start = ends[ends.length - 2]!;
  while (isLonely(p, start, inkEnd(p, start, p.n))) {
    let k = start - 1;
    while (k > prevStart && p.penalty[k] === Infinity) k--;
    if (k <= prevStart) return;
    const m = measureLine(p, params, k, p.n, false);
    if (m.natural > m.available + EPS) return;
    start = k;
  }
  ends[ends.length - 2] = start;
}

/** The farthest emergency break from a whose line fits, or the first one after a. */
function emergencyEnd(p: PreparedParagraph, params: BreakParams, a: number, first: boolean): number {
  let end = -1;
  for (let b = a + 1; b <= p.n; b++) {
    if (p.penalty[b] === Infinity && p.emergency[b] !== 1 && b !== p.n) continue;
    const m = measureLine(p, params, a, b, first);
    if (m.natural > m.available + EPS && end > a) break;
    end = b;
    if (m.natural > m.available + EPS) break;
  }
  return end > a ? end : p.n;
}

/**
 * Balanced breaking for titles (GB/T 9704 §7.2.3: 排列对称，长短适宜): the fewest lines that fit, as even as possible,
 * breaking only where `allowed` says (and where prepare.ts allows a break at all). Returns undefined when no such
 * set of lines exists. Dynamic programming over the allowed breaks, bounded to `maxLines` lines.
 */
export function breakBalanced(p: PreparedParagraph, params: BreakParams, allowed: (i: number) => boolean, maxLines = 4): number[] | undefined {
  const n = p.n;
  const candidates: number[] = [0];
  for (let i = 1; i < n; i++) if (p.penalty[i]! < Infinity && allowed(i)) candidates.push(i);
  candidates.push(n);
  const total = measureLine(p, params, 0, n, true).natural;
  const width = (a: number, b: number) => measureLine(p, params, a, b, a === 0);
  const minLines = Math.max(1, Math.ceil(total / Math.max(1, params.measure - Math.max(params.indent, params.restIndent)) - EPS));
  for (let lines = minLines; lines <= Math.min(maxLines, Math.max(minLines, 1) + 1); lines++) {
    const mean = total / lines;
    const m = candidates.length;
    // cost[k][j]: best cost of breaking [0, candidates[j]) into k lines; from[k][j]: the previous candidate.
    let cost = new Float64Array(m).fill(Infinity);
    cost[0] = 0;
    const from: Int32Array[] = [];
    for (let k = 1; k <= lines; k++) {
      const next = new Float64Array(m).fill(Infinity);
      const back = new Int32Array(m).fill(-1);
      for (let j = 1; j < m; j++) {
        for (let i = j - 1; i >= 0; i--) {
          if (cost[i] === Infinity) continue;
          const w = width(candidates[i]!, candidates[j]!);
          if (w.natural > w.available + EPS) break;
          const c = cost[i]! + (w.natural - mean) ** 2;
          if (c < next[j]!) {
            next[j] = c;
            back[j] = i;
          }
        }
      }
      from.push(back);
      cost = next;
    }
    if (cost[m - 1] === Infinity) continue;
    const ends: number[] = [];
    let j = m - 1;
    for (let k = lines - 1; k >= 0; k--) {
      ends.push(candidates[j]!);
      j = from[k]![j]!;
    }
    return ends.reverse();
  }
  return undefined;
}

