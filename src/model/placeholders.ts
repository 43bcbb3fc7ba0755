/** `{{row.id}}` references from narrative text to statistics values (spaces inside the braces are allowed). */
import { formatValue } from './format.js';

/** One `{{id}}` occurrence: the trimmed id and the UTF-16 offsets [start, end) of the whole placeholder. */
export interface PlaceholderMatch {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** Every `{{id}}` in a text, in order, with offsets. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  if (!text.includes('{{')) return [];
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    id: m[1]!.trim(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Replaces each `{{id}}` with its value as printed (integers without separators, amount strings as given); unknown ids are left as written. */
export function resolvePlaceholders(text: string, values: Readonly<Record<string, number | string>>): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, inner: string) => {
    const id = inner.trim();
    return Object.hasOwn(values, id) ? formatValue(values[id]!) : whole;
  });
}
