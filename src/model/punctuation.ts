/**
 * The one definition of "half-width punctuation in Chinese context", shared by the `halfwidth_punctuation`
 * lint and by `normalizePunctuation`, so the lint warns about exactly what the normaliser fixes.
 *
 * A half-width mark `, ; : ( ) ? !` is in Chinese context when the nearest character before it or after it,
 * skipping ASCII spaces and other marks of the same set, is a CJK character (an ideograph, kana, or
 * full-width/CJK punctuation such as 。，“”《》). Marks inside a URL (`http://…`, `https://…`, `www.…`) or
 * an e-mail address (found by addresses.ts) are never touched, so `1,000`, `3.5`, `10:30` and addresses stay as they are (their
 * neighbours are not CJK). Parentheses are converted in pairs: when one of a matched `(` `)` pair is in
 * Chinese context, both are converted, so `电话(0539)7200966` becomes `电话（0539）7200966`.
 *
 * Everything here runs in linear time, so the 100 000-character limit per field keeps it fast.
 *
 * Spaces: ASCII spaces between a converted mark and a CJK character (on either side) are removed, since the
 * full-width mark carries its own spacing: `措施, “天珣` becomes `措施，“天珣`. No other space is touched.
 */

/** Half-width marks and their full-width replacements. */
export const FULLWIDTH_OF: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '?': '？',
  '!': '！',
};

import { addressMask } from '../text/addresses.js';
import { isCjkCodePoint } from '../text/charClass.js';

export { isCjkCodePoint };

/** Whether a UTF-16 code unit is one of the half-width marks of FULLWIDTH_OF (, ; : ( ) ? !). */
function isHalfwidthMark(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x3f || c === 0x21;
}

/** A half-width mark to be converted: its UTF-16 offset, the mark and its full-width form. */
export interface HalfwidthMark {
  readonly index: number;
  readonly mark: string;
  readonly replacement: string;
}

/**
 * For each code point, whether the nearest significant code point before it (`before`) and after it (`after`)
 * is CJK; spaces and unprotected marks of the set are not significant. Two linear passes.
 */
function cjkNeighbours(text: string, isMark: (i: number) => boolean) {
  const n = text.length;
  const before = new Uint8Array(n);
  const after = new Uint8Array(n);
  // Code units that continue a code point (the low half of a surrogate pair) are skipped: each code point is
  // seen once, at its first unit, without building a list of code points. Spaces and unprotected marks are not
  // significant.
  let last = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    before[i] = last;
    if (c !== 0x20 && !isMark(i)) last = isCjkCodePoint(text.codePointAt(i)!) ? 1 : 0;
  }
  last = 0;
  for (let i = n - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    after[i] = last;
    if (c !== 0x20 && !isMark(i)) last = isCjkCodePoint(text.codePointAt(i)!) ? 1 : 0;
  }
  return { before, after };
}

/** Every half-width mark of the set that is in Chinese context (see the module comment), in text order. */
export function findHalfwidthInChineseContext(text: string): HalfwidthMark[] {
  if (!/[,;:()?!]/.test(text)) return [];
  const protectedMask = addressMask(text);
  const isMark = (i: number) => isHalfwidthMark(text.charCodeAt(i)) && protectedMask[i] !== 1;
  const { before, after } = cjkNeighbours(text, isMark);
  const chosen = new Set<number>();
  const open: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    if (!isMark(i)) continue;
    if (before[i] === 1 || after[i] === 1) chosen.add(i);
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length > 0) pairs.push([open.pop()!, i]);
  }
  for (const [a, b] of pairs) {
    if (chosen.has(a) || chosen.has(b)) {
      chosen.add(a);
      chosen.add(b);
    }
  }
  return [...chosen]
    .sort((a, b) => a - b)
    .map((index) => ({ index, mark: text[index]!, replacement: FULLWIDTH_OF[text[index]!]! }));
}

/** Replaces the marks found by `findHalfwidthInChineseContext` and removes ASCII spaces between a replaced mark and a CJK character. */
export function toFullwidthPunctuation(text: string): string {
  const marks = findHalfwidthInChineseContext(text);
  if (marks.length === 0) return text;
  const replaced = new Map(marks.map((m) => [m.index, m.replacement]));
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const r = replaced.get(i);
    if (r !== undefined) {
      parts.push(r);
    } else if (text[i] === ' ') {
      let end = i;
      while (end + 1 < text.length && text[end + 1] === ' ') end++;
      if (!isDroppableSpaceRun(text, i, end, replaced)) parts.push(text.slice(i, end + 1));
      i = end;
    } else {
      parts.push(text[i]!);
    }
  }
  return parts.join('');
}

/** A space run [start, end] touching a replaced mark on one side and a CJK character (or another replaced mark) on the other. */
function isDroppableSpaceRun(text: string, start: number, end: number, replaced: ReadonlyMap<number, string>): boolean {
  const before = start - 1;
  const after = end + 1;
  if (before < 0 || after >= text.length) return false;
  const beforeOk = replaced.has(before) || isCjkCodePoint(codePointEndingAt(text, before));
  const afterOk = replaced.has(after) || isCjkCodePoint(text.codePointAt(after)!);
  return beforeOk && afterOk && (replaced.has(before) || replaced.has(after));
}

function codePointEndingAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) return text.codePointAt(i - 1)!;
  return unit;
}
