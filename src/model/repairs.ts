/**
 * Repairs of text pasted from a CMS, each defined once so that a lint warns about exactly what the normaliser fixes:
 * - full-width digits and Latin letters in Chinese text → half-width (GB/T 15835: ２０１８年 → 2018年, ５～２．５万元 →
 *   5～2.5万元, ０５３４－４４６１０２３ → 0534-4461023, ８:３０ → 8:30), with the marks between digits that belong to the number;
 * - ASCII straight quotes next to Chinese text → paired “ ” ‘ ’ (text/quotes.ts says which open);
 * - numbering typed at the start of a title or item (一、 （一） 1. 1、 （1）) → removed, since the library numbers them;
 * - a URL's scheme typed with a full-width colon or slashes (http：//) → `http://` (text/addresses.ts finds them).
 */
import { isFullwidthAlphanumeric, isDigit } from '../text/charClass.js';
import { findStraightQuotes } from '../text/quotes.js';
import { findLeadingNumbering } from '../text/numbering.js';
import { findMangledSchemes } from '../text/addresses.js';

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


/** The kinds of repair. */
export type RepairKind = 'fullwidth' | 'quotes' | 'numbering' | 'address';

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
    case 'numbering': {
      const typed = findLeadingNumbering(text);
      return typed ? text.slice(typed.length) : text;
    }
  }
}
