/**
 * The one definition of "half-width punctuation in Chinese context", shared by the `halfwidth_punctuation`
 * lint and by `normalizePunctuation`, so the lint warns about exactly what the normaliser fixes.
 *
 * A half-width mark `, ; : ( ) ? !` is in Chinese context when the nearest character before it or after it,
 * skipping ASCII spaces and other marks of the same set, is a CJK character (an ideograph, kana, or
 * full-width/CJK punctuation such as 。，“”《》). Marks inside a URL (`http://…`, `https://…`, `www.…`) or
 * an e-mail address are never touched, so `1,000`, `3.5`, `10:30` and addresses stay as they are (their
 * neighbours are not CJK). Parentheses are converted in pairs: when one of a matched `(` `)` pair is in
 * Chinese context, both are converted, so `电话(0539)7200966` becomes `电话（0539）7200966`.
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

/** Whether a code point is a CJK character for the purpose of "Chinese context" (ideographs, kana, CJK and full-width punctuation). */
export function isCjkCodePoint(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x3000 && cp <= 0x30ff) || // CJK symbols and punctuation, kana
    (cp >= 0x3100 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) || // vertical forms
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2014 || // —
    cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d || // ‘ ’ “ ”
    cp === 0x2026 || // …
    cp === 0x00b7 // ·
  );
}

const URL_OR_EMAIL =
  /(?:https?|ftp):\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+|www\.[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Half-open [start, end) ranges of URLs and e-mail addresses in a text; trailing `.,;:!?` is not part of a URL. */
export function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_OR_EMAIL)) {
    let end = m.index + m[0].length;
    while (end > m.index && '.,;:!?'.includes(text[end - 1]!)) end--;
    ranges.push([m.index, end]);
  }
  return ranges;
}

/** A half-width mark to be converted: its UTF-16 offset, the mark and its full-width form. */
export interface HalfwidthMark {
  readonly index: number;
  readonly mark: string;
  readonly replacement: string;
}

function neighbourIsCjk(text: string, index: number, step: 1 | -1, isProtected: (i: number) => boolean): boolean {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    const ch = text[i]!;
    if (ch === ' ' || (ch in FULLWIDTH_OF && !isProtected(i))) continue;
    const cp = step === 1 ? text.codePointAt(i)! : codePointEndingAt(text, i);
    return isCjkCodePoint(cp);
  }
  return false;
}

function codePointEndingAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) return text.codePointAt(i - 1)!;
  return unit;
}

/** Every half-width mark of the set that is in Chinese context (see the module comment), in text order. */
export function findHalfwidthInChineseContext(text: string): HalfwidthMark[] {
  if (!/[,;:()?!]/.test(text)) return [];
  const ranges = protectedRanges(text);
  const isProtected = (i: number) => ranges.some(([s, e]) => i >= s && i < e);
  const chosen = new Set<number>();
  const open: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!(ch in FULLWIDTH_OF) || isProtected(i)) continue;
    if (neighbourIsCjk(text, i, -1, isProtected) || neighbourIsCjk(text, i, 1, isProtected)) chosen.add(i);
    if (ch === '(') open.push(i);
    else if (ch === ')' && open.length > 0) pairs.push([open.pop()!, i]);
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
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const r = replaced.get(i);
    if (r !== undefined) {
      out += r;
      continue;
    }
    if (text[i] === ' ' && isDroppableSpace(text, i, replaced)) continue;
    out += text[i];
  }
  return out;
}

/** A space run touching a replaced mark on one side and a CJK character (or another replaced mark) on the other. */
function isDroppableSpace(text: string, i: number, replaced: ReadonlyMap<number, string>): boolean {
  let start = i;
  while (start > 0 && text[start - 1] === ' ') start--;
  let end = i;
  while (end < text.length - 1 && text[end + 1] === ' ') end++;
  const before = start - 1;
  const after = end + 1;
  if (before < 0 || after >= text.length) return false;
  const cjkOrMark = (j: number, cp: number) => replaced.has(j) || isCjkCodePoint(cp);
  const beforeOk = cjkOrMark(before, codePointEndingAt(text, before));
  const afterOk = cjkOrMark(after, text.codePointAt(after)!);
  return beforeOk && afterOk && (replaced.has(before) || replaced.has(after));
}
