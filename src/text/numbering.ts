/**
 * Numbering written at the start of a title, an item or a label, as data: 一、 （一） (一) 1. 1． 1、 （1） (1). The
 * validator warns about it in titles and items (the library numbers those), the normaliser removes it there, and the
 * table engine keeps the short phrase after it on one line.
 */

/** Numbering at the start of a text, with the spaces around it. */
const LEADING_NUMBERING = /^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[（(]\d{1,2}[）)]|\d{1,2}(?:[.．](?!\d)|、))\s*/;

/** The numbering written at the start of `text` (with the spaces around it), or undefined; never the whole text. */
export function findLeadingNumbering(text: string): string | undefined {
  const m = LEADING_NUMBERING.exec(text);
  return m && m[0].length < text.length ? m[0] : undefined;
}
