/**
 * Repairs of text pasted from a CMS, each defined once so that a lint warns about exactly what the normaliser fixes:
 * - full-width digits and Latin letters in Chinese text → half-width (GB/T 15835: ２０１８年 → 2018年, ５～２．５万元 →
 *   5～2.5万元, ０５３４－４４６１０２３ → 0534-4461023, ８:３０ → 8:30), with the marks between digits that belong to the number;
 * - ASCII straight quotes next to Chinese text → paired “ ” ‘ ’ (text/quotes.ts says which open);
 * - numbering typed at the start of a title or item (一、 （一） 1. 1、 （1）) → removed, since the library numbers them;
 * - a URL's scheme typed with a full-width colon or slashes (http：//) → `http://` (text/addresses.ts finds them);
 * - spaces that print as a gap of their own (an indent typed as 　　, 数据 统计, 电话： 0539) → removed;
 * - a document number's year bracketed with [ ] （ ） 【 】 (国办发[2021]30号) → 〔 〕 (GB/T 9704; text/units.ts finds them).
 */
import { isCjkCodePoint, isDigit, isFullwidthAlphanumeric, isIdeograph } from '../text/charClass.js';
import { findStraightQuotes } from '../text/quotes.js';
import { findLeadingNumbering } from '../text/numbering.js';
import { findMangledSchemes } from '../text/addresses.js';
import { findMisbracketedYears } from '../text/units.js';

/** Full-width marks that belong to a number when written between its digits, and their half-width forms. */
const NUMBER_MARKS: Readonly<Record<string, string>> = { '．': '.', '：': ':', '－': '-', '，': ',' };

/** Offsets of full-width characters to write half-width: digits, letters, and number marks between digits written full-width. */
export function findFullwidthAlphanumerics(text: string): number[] {
  if (!/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(text)) return [];
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (isFullwidthAlphanumeric(cp)) out.push(i);
    else if (Object.hasOwn(NUMBER_MARKS, text[i]!) && i > 0 && i + 1 < text.length) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      // Only between two full-width digits: 2，3 in ordinary text is a list, not a number.
      if (isDigit(before) && isDigit(after) && isFullwidthAlphanumeric(before) && isFullwidthAlphanumeric(after) && text[i] !== '，') out.push(i);
    }
  }
  return out;
}

/** The half-width form of a character found by findFullwidthAlphanumerics. */
function halfwidth(ch: string): string {
  return NUMBER_MARKS[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}


/** A run of spaces [start, end) that `findStrayWhitespace` found, and where it is. */
export interface StrayWhitespace {
  readonly start: number;
  readonly end: number;
  readonly at: 'start' | 'end' | 'inside';
}

/** A two-character label spaced out at the start of a field (电　　话：): group 1 is what precedes its spaces. */
const SPACED_LABEL = /^(\p{Script=Han})[ \u3000\u00a0]+\p{Script=Han}[：:]/u;

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;
/** A character of Chinese text: an ideograph or a full-width mark (not the ideographic space itself). */
const isChinese = (c: number): boolean => c !== 0x3000 && isCjkCodePoint(c);
/** A full-width mark (，。：“ …): it carries its own blank, so a space beside it is one blank too many. */
const isMark = (c: number): boolean => isChinese(c) && !isIdeograph(c);

/**
 * Runs of spaces (ASCII, ideographic 　, no-break) that print as a gap a typesetter would not set: at the start of a
 * field (an indent typed by hand: the library indents paragraphs itself), at its end, between two characters of
 * Chinese text or between one and a digit (数据 统计, 2023年 1月), and beside a full-width mark, which has its blank
 * already (电话： 0539, www.gov.cn/ 。). Spaces between Latin words and around a Latin word in Chinese text
 * (使用 Word 软件, 详见 http://www.gov.cn/) are left alone, and so is a two-character label spaced out to line up
 * with longer ones at the start of a field (电　　话：, 邮  编：); a field of spaces only is an empty field, not this.
 */
export function findStrayWhitespace(text: string): StrayWhitespace[] {
  if (!/[ \u3000\u00a0]/.test(text) || text.trim() === '') return [];
  const out: StrayWhitespace[] = [];
  const label = SPACED_LABEL.exec(text);
  for (let i = 0; i < text.length; i++) {
    if (!isWhitespace(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isWhitespace(text.charCodeAt(end))) end++;
    if (label && i === label[1]!.length) {
      i = end - 1; // the spaces of a spaced-out label
      continue;
    }
    if (i === 0) out.push({ start: i, end, at: 'start' });
    else if (end === text.length) out.push({ start: i, end, at: 'end' });
    else {
      const before = text.codePointAt(i - 1 - (i >= 2 && (text.charCodeAt(i - 1) & 0xfc00) === 0xdc00 ? 1 : 0))!;
      const after = text.codePointAt(end)!;
      const chinese = (isChinese(before) && (isChinese(after) || isDigit(after))) || (isDigit(before) && isChinese(after));
      if (chinese || isMark(before) || isMark(after)) out.push({ start: i, end, at: 'inside' });
    }
    i = end - 1;
  }
  return out;
}

/**
 * `text` without the spaces at its start and end that findStrayWhitespace finds there: what the document prints of a
 * field (a typed indent is the library's own first-line indent, printed once).
 */
export function trimStrayWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The kinds of repair. */
export type RepairKind = 'fullwidth' | 'quotes' | 'numbering' | 'address' | 'whitespace' | 'yearBrackets';

/** Applies one kind of repair to a text (numbering only for titles and items). */
export function repairText(text: string, kind: RepairKind): string {
  switch (kind) {
    case 'fullwidth': {
      const at = new Set(findFullwidthAlphanumerics(text));
      if (at.size === 0) return text;
      let out = '';
      for (let i = 0; i < text.length; i++) out += at.has(i) ? halfwidth(text[i]!) : text[i]!;
      return out;
    }
    case 'quotes': {
      const quotes = findStraightQuotes(text);
      if (quotes.length === 0) return text;
      const chars = [...text.split('')];
      for (const q of quotes) chars[q.index] = q.quote === '"' ? (q.open ? '“' : '”') : q.open ? '‘' : '’';
      return chars.join('');
    }
    case 'address': {
      let out = text;
      // From the end, so that the earlier indices stay valid (a repair is never longer than what it replaces).
      for (const m of findMangledSchemes(text).reverse()) out = out.slice(0, m.index) + m.repaired + out.slice(m.index + m.written.length);
      return out;
    }
    case 'whitespace': {
      const runs = findStrayWhitespace(text);
      if (runs.length === 0) return text;
      let out = '';
      let from = 0;
      for (const r of runs) (out += text.slice(from, r.start)), (from = r.end);
      return out + text.slice(from);
    }
    case 'yearBrackets': {
      const found = findMisbracketedYears(text);
      if (found.length === 0) return text;
      const chars = text.split('');
      for (const f of found) (chars[f.open] = '〔'), (chars[f.close] = '〕');
      return chars.join('');
    }
    case 'numbering': {
      const typed = findLeadingNumbering(text);
      return typed ? text.slice(typed.length) : text;
    }
  }
}
