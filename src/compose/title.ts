/**
 * Titles wrapped into symmetric lines (GB/T 9704 §7.2.3: 回行时词意完整，排列对称，长短适宜，梯形或菱形).
 * Breaks fall only between words; the lines are as even as possible, never ending in a line of one or two characters.
 */
import type { FontRole } from '../model/fontRole.js';
import { isNoLineEnd, isNoLineStart, isWordCharacter } from '../text/charClass.js';
import type { Line } from '../typeset/breakLines.js';
import type { Typesetter } from './typesetter.js';

/** Words that are never split in a title of these reports, besides the agency's name and the year. */
const TITLE_WORDS = ['政府信息公开', '信息公开', '工作', '年度报告', '年度', '情况', '统计表', '人民政府', '办公室', '委员会', '领导小组', '管理局'];

/** Sets a title centred on as few lines as fit, balanced, breaking only between words. */
export function setTitle(ts: Typesetter, role: FontRole, text: string, keepWhole: readonly string[] = []): Line[] {
  const measure = ts.geometry.width;
  const [natural] = ts.set([{ role, text }], { align: 'left', measure: 1e9 });
  if (!natural) return [];
  if (natural.width <= measure || natural.width > measure * 4) return ts.set([{ role, text }], { align: 'center' });
  const cps = [...text];
  const offsets: number[] = [];
  let o = 0;
  for (const c of cps) {
    offsets.push(o);
    o += c.length;
  }
  offsets.push(o);
  const xs = natural.runs.flatMap((r) => r.x);
  const edge = (i: number) => (i < xs.length ? xs[i]! : natural.x + natural.width) - xs[0]!;
  const allowed = breakPositions(text, cps, offsets, keepWhole);
  const best = balance(cps.length, allowed, edge, measure);
  if (!best) return ts.set([{ role, text }], { align: 'center' });
  const bounds = [0, ...best, cps.length];
  const lines: Line[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const piece = text.slice(offsets[bounds[i]!], offsets[bounds[i + 1]!]);
    lines.push(...ts.set([{ role, text: piece }], { align: 'center' }));
  }
  return lines;
}

/** UTF-16 ranges of the words of a title that must not be split: the agency, the year (2017年度), common title words. */
export function titleWordRanges(text: string, keepWhole: readonly string[] = []): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const word of [...keepWhole, ...TITLE_WORDS]) {
    if (!word) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) ranges.push([at, at + word.length]);
  }
  for (const m of text.matchAll(/\d+年度?|〔\d+〕\d*号?/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Code-point indices where a title may break. */
function breakPositions(text: string, cps: string[], offsets: number[], keepWhole: readonly string[]): boolean[] {
  const ok = cps.map((_, i) => i > 0);
  const protect = (start: number, end: number) => {
    for (let i = start + 1; i < end; i++) ok[i] = false;
  };
  const indexByOffset = new Map(offsets.map((off, i) => [off, i]));
  const indexOfOffset = (off: number) => indexByOffset.get(off) ?? 0;
  for (const [start, end] of titleWordRanges(text, keepWhole)) protect(indexOfOffset(start), indexOfOffset(end));
  for (let i = 1; i < cps.length; i++) {
    const a = cps[i - 1]!.codePointAt(0)!;
    const b = cps[i]!.codePointAt(0)!;
    if (isNoLineStart(b, 'gb') || isNoLineEnd(a) || (isWordCharacter(a) && isWordCharacter(b))) ok[i] = false;
  }
  return ok;
}

/** Chooses breaks for the fewest lines that fit, minimising the spread of line widths; 梯形 or 菱形 shapes only. */
function balance(n: number, allowed: boolean[], edge: (i: number) => number, measure: number): number[] | undefined {
  const total = edge(n);
  const minLines = Math.max(2, Math.ceil(total / measure));
  for (let k = minLines; k <= Math.min(minLines + 1, 4); k++) {
    let best: { breaks: number[]; score: number } | undefined;
    const search = (from: number, left: number, breaks: number[]) => {
      if (left === 0) {
        const bounds = [0, ...breaks, n];
        const widths = bounds.slice(1).map((b, i) => edge(b) - edge(bounds[i]!));
        if (widths.some((w) => w > measure + 0.01)) return;
        if (n - bounds[bounds.length - 2]! < 3) return;
        const mean = total / k;
        let score = widths.reduce((s, w) => s + (w - mean) ** 2, 0);
        if (!isTrapezoidOrDiamond(widths)) score += measure * measure * 10;
        score -= widths[0]! * 1e-6; // on a tie, the longer line first
        if (!best || score < best.score) best = { breaks: [...breaks], score };
        return;
      }
      for (let i = from + 1; i < n; i++) if (allowed[i]) search(i, left - 1, [...breaks, i]);
    };
    search(0, k - 1, []);
    if (best) return best.breaks;
  }
  return undefined;
}

function isTrapezoidOrDiamond(w: number[]): boolean {
  const up = w.every((x, i) => i === 0 || x >= w[i - 1]! - 0.01);
  const down = w.every((x, i) => i === 0 || x <= w[i - 1]! + 0.01);
  if (up || down) return true;
  const peak = w.indexOf(Math.max(...w));
  return w.slice(0, peak + 1).every((x, i, a) => i === 0 || x >= a[i - 1]! - 0.01) && w.slice(peak).every((x, i, a) => i === 0 || x <= a[i - 1]! + 0.01);
}
