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
  /**
   * Whether a line its gaps cannot fill takes the rest between the characters of its addresses (place.ts does so for
   * justified text): breaking counts that room. Default false.
   */
  readonly addressTracking?: boolean;
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

/**
 * A reusable, mutable LineMetrics: the breakers measure thousands of candidate lines per paragraph, and measuring
 * into one of these allocates nothing (a fresh object per candidate was most of what a render allocated).
 */
export class LineMeasure implements LineMetrics {
  inkEnd = 0;
  natural = 0;
  available = 0;
  stretch = 0;
  shrink = 0;
  gaps = 0;
  em = 0;
}

/** The ink end of [a, b) (trailing spaces excluded). */
export function inkEnd(p: PreparedParagraph, a: number, b: number): number {
  while (b > a && (p.flags[b - 1]! & SPACE) !== 0) b--;
  return b;
}

/** How much the blank halves of marks on the line [a, e) (e its ink end) may be compressed, in points. */
export function lineBlanks(p: PreparedParagraph, a: number, e: number): number {
  if (e <= a) return 0;
  const blanks = p.shrinkSum[e]! - p.shrinkSum[a]!;
  // An opening mark keeps its blank at a line start.
  return (p.flags[a]! & BLANK_LEFT) !== 0 ? blanks - p.shrink[a]! : blanks;
}

/** Measures the line [a, b) into `out`; `first` tells whether it is the paragraph's first line. */
export function measureInto(out: LineMeasure, p: PreparedParagraph, params: BreakParams, a: number, b: number, first: boolean): LineMeasure {
  const e = inkEnd(p, a, b);
  const natural = e > a ? p.widthSum[e]! - p.widthSum[a]! - p.glue[e - 1]! : 0;
  const available = params.measure - (first ? params.indent : params.restIndent);
  const gaps = e - a < 2 ? 0 : p.gapSum[e - 1]! - p.gapSum[a]!;
  const sizeAtGaps = e - a < 2 ? 0 : p.sizeGapSum[e - 1]! - p.sizeGapSum[a]!;
  const blanks = lineBlanks(p, a, e);
  // Gaps are squeezed only to pull the marks that may not start a line back onto it (推入): never more than their width.
  let tail = 0;
  for (let i = e - 1; i > a && (p.flags[i]! & NO_START) !== 0; i--) tail += p.advance[i]!;
  out.inkEnd = e;
  out.natural = natural;
  out.available = available;
  out.stretch = sizeAtGaps * (params.maxStretch ?? 0.1);
  out.shrink = blanks + Math.min(tail, sizeAtGaps * (params.maxSqueeze ?? 0.1));
  out.gaps = gaps;
  out.em = gaps > 0 ? sizeAtGaps / gaps : e > a ? p.size[a]! : 1;
  return out;
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

/**
 * Break nodes of the total-fit passes, in typed arrays reused from paragraph to paragraph: node k ends a line at
 * nodePos[k] with total demerits nodeTotal[k], after the line that ends at node nodePrev[k] (-1 for the start).
 */
let nodePos = new Int32Array(256);
let nodeTotal = new Float64Array(256);
let nodePrev = new Int32Array(256);
let activeNodes = new Int32Array(256);
let nodeCount = 0;

function newNode(pos: number, total: number, prev: number): number {
  if (nodeCount === nodePos.length) {
    const grow = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    nodePos = grow(nodePos);
    nodeTotal = grow(nodeTotal);
    nodePrev = grow(nodePrev);
    activeNodes = grow(activeNodes);
  }
  nodePos[nodeCount] = pos;
  nodeTotal[nodeCount] = total;
  nodePrev[nodeCount] = prev;
  return nodeCount++;
}

/** Breaks as a list of line ends (the last is n). */
function unwind(node: number): number[] {
  const ends: number[] = [];
  for (let k = node; k >= 0 && nodePos[k]! > 0; k = nodePrev[k]!) ends.push(nodePos[k]!);
  return ends.reverse();
}

const measure1 = new LineMeasure();
const measure2 = new LineMeasure();

/**
 * Total-fit line breaking (Knuth and Plass 1981): the breaks that minimise the paragraph's demerits. A first pass
 * takes only allowed breaks and lines no looser than TOLERANCE; if no such set of lines exists, a second pass also
 * allows emergency breaks and any looseness. Linear in the text for a given line length (active nodes are pruned
 * once their line can no longer fit).
 */
export function breakOptimal(p: PreparedParagraph, params: BreakParams): number[] {
  if (p.n === 0) return [];
  nodeCount = 0;
  const first = optimalPass(p, params, false);
  // A lonely last line within tolerance may still cost more than a looser set of lines: compare with the second pass.
  const second = first < 0 || nodeTotal[first]! >= LONELY ? optimalPass(p, params, true) : -1;
  const best = first >= 0 && (second < 0 || nodeTotal[first]! <= nodeTotal[second]!) ? first : second;
  return best >= 0 ? unwind(best) : breakGreedy(p, params);
}

/**
 * One pass of total fit; returns the node that ends the paragraph, or -1 when no set of lines fits. The measures of
 * each candidate line are those of `measureInto`, computed inline with the same expressions (so the same numbers),
 * and only as far as the decision needs them: most candidates are too short or too long, decided by their width.
 */
function optimalPass(p: PreparedParagraph, params: BreakParams, emergency: boolean): number {
  const n = p.n;
  const justifyLast = params.justifyLast ?? false;
  const lonely = params.avoidLonelyLastLine ?? true;
  const maxStretch = params.maxStretch ?? 0.1;
  const maxSqueeze = params.maxSqueeze ?? 0.1;
  const tracks = params.addressTracking ?? false;
  const firstAvailable = params.measure - params.indent;
  const restAvailable = params.measure - params.restIndent;
  const { flags, widthSum, glue, gapSum, sizeGapSum, shrinkSum, shrink, advance, narrowSum, size, sizeTrackSum } = p;
  let active = 1;
  activeNodes[0] = newNode(0, 0, -1);
  let best = -1;
  for (let b = 1; b <= n; b++) {
    let pen = p.penalty[b]!;
    if (pen === Infinity) {
      if (!emergency || p.emergency[b] !== 1) continue;
      pen = EMERGENCY;
    }
    const last = b === n;
    // The ink end of a line ending at b (trailing spaces excluded), for a line starting at or before it.
    let ink = b;
    while (ink > 0 && (flags[ink - 1]! & SPACE) !== 0) ink--;
    let chosenTotal = Infinity;
    let chosenPrev = -1;
    let kept = 0;
    for (let i = 0; i < active; i++) {
      const a = activeNodes[i]!;
      const aPos = nodePos[a]!;
      const aTotal = nodeTotal[a]!;
      const e = ink > aPos ? ink : aPos;
      const natural = e > aPos ? widthSum[e]! - widthSum[aPos]! - glue[e - 1]! : 0;
      const available = aPos === 0 ? firstAvailable : restAvailable;
      const d = available - natural;
      const sizeAtGaps = e - aPos < 2 ? 0 : sizeGapSum[e - 1]! - sizeGapSum[aPos]!;
      // The adjustment ratio (see ratio()): > 0 stretch, < 0 shrink, -Infinity when the line cannot fit. A line its
      // gaps cannot fill may take the rest between the letters of its addresses (place.ts): `track` is how much, and
      // `loose` its ratio with them, which decides whether the line is too loose to consider.
      let r: number;
      let track = 0;
      let loose: number;
      if (d >= -EPS) {
        if (last && !justifyLast) r = 0;
        else if (d <= EPS) r = 0;
        else {
          const stretch = sizeAtGaps * maxStretch;
          r = stretch > 0 ? d / stretch : Infinity;
          if (tracks && r > 1 && e - aPos >= 2) track = (sizeTrackSum[e - 1]! - sizeTrackSum[aPos]!) * (maxStretch / 2);
        }
        loose = track > 0 ? d / (sizeAtGaps * maxStretch + track) : r;
      } else {
        let blanks = e > aPos ? shrinkSum[e]! - shrinkSum[aPos]! : 0;
        if (e > aPos && (flags[aPos]! & BLANK_LEFT) !== 0) blanks -= shrink[aPos]!;
        let tail = 0;
        for (let k = e - 1; k > aPos && (flags[k]! & NO_START) !== 0; k--) tail += advance[k]!;
        const lineShrink = blanks + Math.min(tail, sizeAtGaps * maxSqueeze);
        if (lineShrink <= 0) r = -Infinity;
        else {
          r = d / lineShrink;
          if (r < -1 - EPS) r = -Infinity;
        }
        loose = r;
      }
      if (r === -Infinity) {
        // Too long already: longer lines only get worse. In an emergency a line of one unbreakable piece may overflow.
        if (emergency && !hasCandidateBetween(p, aPos, b)) {
          const total = aTotal + HUGE * (1 + natural - available);
          if (chosenPrev < 0 || total < chosenTotal) {
            chosenTotal = total;
            chosenPrev = a;
          }
        }
        continue;
      }
      activeNodes[kept++] = a;
      if (!emergency && loose > TOLERANCE) {
        // Too loose. The nodes after this one start later, so their lines are shorter and stretch less: looser still.
        // They stay active for later breaks; nothing needs measuring now. (Not for the first line, whose indent differs.)
        if (aPos > 0) {
          if (kept === i + 1) kept = active; // none dropped before: the rest are in place
          else for (let j = i + 1; j < active; j++) activeNodes[kept++] = activeNodes[j]!;
          break;
        }
        continue;
      }
      // Badness of the line. Up to r = 1 (gaps of maxStretch) it is Knuth's 100·r³; beyond, the line is set short of
      // the measure (place.ts never stretches a gap by maxStretch or more), and it costs by how far it falls short, in
      // em: a line of few gaps (an address, a long number) that misses by a little is not worse than one of many gaps.
      // A line its addresses' letters fill costs as much as the loosest line its gaps fill.
      let badness: number;
      if (r === Infinity && track === 0) badness = MAX_BADNESS * (1 + (available - natural) / Math.max(1, available));
      else if (r <= 1) {
        // r³ as a product (a power is a call to pow(), several times dearer; the two differ at most in the last bit).
        const a = Math.abs(r);
        badness = 100 * (a * a * a);
      } else {
        const gaps = e - aPos < 2 ? 0 : gapSum[e - 1]! - gapSum[aPos]!;
        const em = gaps > 0 ? sizeAtGaps / gaps : e > aPos ? size[aPos]! : 1;
        const shortfall = Math.max(0, available - natural - sizeAtGaps * maxStretch - track) / em;
        badness = Math.min(100 + OVER_STRETCH * shortfall, MAX_BADNESS);
      }
      const lineDemerits = LINE_PENALTY + badness;
      let dm = lineDemerits * lineDemerits + (last ? 0 : pen * pen); // x * x is x ** 2 exactly (one rounding either way), without a call
      if (last && lonely && !justifyLast && isLonely(p, aPos, e) && aPos > 0) dm += LONELY;
      if (Math.abs(r) > 1e-3 && r !== Infinity && (!last || r < 0) && narrowSum[e]! === narrowSum[aPos]!) dm += OFF_GRID;
      const total = aTotal + dm;
      if (chosenPrev < 0 || total < chosenTotal) {
        chosenTotal = total;
        chosenPrev = a;
      }
    }
    active = kept;
    if (chosenPrev >= 0) {
      const chosen = newNode(b, chosenTotal, chosenPrev);
      if (last) best = chosen;
      else activeNodes[active++] = chosen;
    }
    if (active === 0) return -1;
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
      const m = measureInto(measure1, p, params, a, b, first);
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
    if (fitFree > 0 && fitFree !== fit && ratio(measureInto(measure1, p, params, a, fitFree, first), false, false) <= 1) end = fitFree;
    if (over > 0) {
      const mo = measureInto(measure1, p, params, a, over, first);
      if (ratio(mo, over === p.n, false) !== -Infinity && p.penalty[over] === 0) {
        // Push in when the squeeze each gap needs (after the marks' blank halves) is no more than pushing out would stretch it.
        const blanks = p.shrinkSum[mo.inkEnd]! - p.shrinkSum[a]!;
        const squeeze = Math.max(0, mo.natural - mo.available - blanks) / Math.max(1, mo.gaps);
        const me = end > a ? measureInto(measure2, p, params, a, end, first) : undefined;
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
    const m = measureInto(measure1, p, params, k, p.n, false);
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
    const m = measureInto(measure1, p, params, a, b, first);
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
  const total = measureInto(measure1, p, params, 0, n, true).natural;
  const width = (a: number, b: number) => measureInto(measure1, p, params, a, b, a === 0);
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
          const off = w.natural - mean;
          const c = cost[i]! + off * off;
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

