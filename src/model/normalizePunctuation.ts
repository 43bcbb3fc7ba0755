/**
 * `normalizePunctuation`: repairs the text of every field the way the lints describe (one definition each, in
 * punctuation.ts and repairs.ts): half-width `, ; : ( ) ? !` in Chinese context → full-width; full-width digits and
 * Latin letters → half-width (GB/T 15835); ASCII straight quotes → “ ” ‘ ’; numbering typed at the start of a title or
 * item → removed; a URL's scheme typed with a full-width colon or slashes (http：//) → ASCII; spaces that print as a
 * gap of their own (a typed indent, 数据 统计) → removed; a document number's year in [ ] or （ ） → 〔 〕. URLs, e-mail addresses
 * and numbers are otherwise left alone, and nothing is NFKC-normalised. It works on any
 * input shaped like a report, valid or not (the CLI's `validate --fix` repairs what it can before reporting the rest);
 * the input is not modified.
 */
import { toFullwidthPunctuation } from './punctuation.js';
import { forEachText } from './reportText.js';
import { repairText } from './repairs.js';
import type { Report } from './types.js';

/** One changed field: its path and its whole text before and after. */
export interface PunctuationChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** Returns a repaired copy of the report (the input is untouched) and the list of changed fields in reading order. */
export function normalizePunctuation<T = Report>(report: T): { report: T; changes: PunctuationChange[] } {
  const copy = structuredClone(report);
  const changes: PunctuationChange[] = [];
  forEachText(copy, (field, set) => {
    // Addresses first: once its scheme is ASCII a URL is one, and the other repairs leave it alone.
    const text = repairText(field.text, 'address');
    let after = field.kind === 'name' ? text : toFullwidthPunctuation(text);
    after = repairText(after, 'fullwidth');
    if (field.kind !== 'name') after = repairText(after, 'quotes');
    if (field.kind === 'title' || field.kind === 'lead') after = repairText(after, 'numbering');
    after = repairText(after, 'whitespace');
    if (field.kind !== 'name') after = repairText(after, 'yearBrackets');
    if (after === field.text) return;
    set(after);
    changes.push({ path: field.path, before: field.text, after });
  });
  return { report: copy, changes };
}
