/**
 * ASCII straight quotes written in Chinese text (a CMS's damage to “创业富民30条”): which of them open and which
 * close. Used by the normaliser, which replaces them with “ ” ‘ ’, and by the line breaker, which keeps an opening
 * one off a line end and a closing one off a line start while they are still straight. Linear.
 */
import { findAddresses } from './addresses.js';
import { isCjkCodePoint } from './charClass.js';

/** A straight quote in Chinese context: its UTF-16 offset, the quote, and whether it opens. */
export interface StraightQuote {
  readonly index: number;
  readonly quote: '"' | "'";
  readonly open: boolean;
}

/** Whether the nearest character before (dir −1) or after (+1) offset i, skipping spaces and quotes, is CJK. */
function cjkNeighbour(text: string, i: number, dir: 1 | -1): boolean {
  for (let k = i + dir; k >= 0 && k < text.length; k += dir) {
    const c = text[k]!;
    if (c === ' ' || c === '"' || c === "'") continue;
    const cp = text.codePointAt(dir === 1 ? k : k - (k > 0 && /[\uDC00-\uDFFF]/.test(c) ? 1 : 0))!;
    return isCjkCodePoint(cp);
  }
  return false;
}

/** Straight quotes next to Chinese text (outside addresses), paired in order: the first of each kind opens, the next closes. */
export function findStraightQuotes(text: string): StraightQuote[] {
  if (!text.includes('"') && !text.includes("'")) return [];
  const inAddress = new Uint8Array(text.length);
  for (const a of findAddresses(text)) inAddress.fill(1, a.start, a.end);
  const found: StraightQuote[] = [];
  const open = { '"': false, "'": false };
  for (let i = 0; i < text.length; i++) {
    const q = text[i];
    if ((q !== '"' && q !== "'") || inAddress[i] === 1) continue;
    if (!cjkNeighbour(text, i, -1) && !cjkNeighbour(text, i, 1)) continue;
    open[q] = !open[q];
    found.push({ index: i, quote: q, open: open[q] });
  }
  return found;
}

/** Closing mark of each opening mark of a quoted term or a title, by the opening mark's code. */
const CLOSING: ReadonlyMap<number, string> = new Map(['“”', '‘’', '《》', '〈〉', '「」', '『』'].map((pair) => [pair.charCodeAt(0), pair[1]!]));

/** UTF-16 ranges [opening, after closing) of quoted terms and titles with at most `max` UTF-16 units inside (“临沂民政”, 《条例》). Linear. */
export function findShortQuoted(text: string, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const closing = CLOSING.get(text.charCodeAt(i));
    if (closing === undefined) continue;
    const end = text.indexOf(closing, i + 1);
    if (end > i + 1 && end - i - 1 <= max) {
      out.push([i, end + 1]);
      i = end;
    }
  }
  return out;
}
