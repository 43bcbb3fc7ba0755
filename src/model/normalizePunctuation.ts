/**
 * `normalizePunctuation`: replaces half-width `, ; : ( ) ? !` in Chinese context with full-width marks in
 * every printed text field (the rule is defined once, in punctuation.ts). URLs, e-mail addresses and numbers
 * are left alone, an ASCII space between a replaced mark and a CJK character is removed, and nothing is
 * NFKC-normalised. The input report is not modified.
 */
import { toFullwidthPunctuation } from './punctuation.js';
import { forEachText } from './reportText.js';
import type { Report } from './types.js';

/** One changed field: its path and its whole text before and after. */
export interface PunctuationChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/** Returns a normalised copy of the report (the input is untouched) and the list of changed fields in reading order. */
export function normalizePunctuation(report: Report): { report: Report; changes: PunctuationChange[] } {
  const copy = structuredClone(report);
  const changes: PunctuationChange[] = [];
  forEachText(copy, (field, set) => {
    const after = toFullwidthPunctuation(field.text);
    if (after === field.text) return;
    set(after);
    changes.push({ path: field.path, before: field.text, after });
  });
  return { report: copy, changes };
}
