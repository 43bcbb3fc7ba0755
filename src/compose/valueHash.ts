/**
 * Hashes and comparisons of plain values (numbers, words, flags, lists of them), for what composition keeps from
 * render to render: a kept result is found by the hash of what it was made from, then served only when all of that
 * compares the same (sameValue), so a hash that collides never serves another's result.
 */

/** The hash to start from (FNV-1a's offset basis). */
export const HASH_START = 0x811c9dc5;

/** One step of FNV-1a over a 32-bit value. */
export const mix = (h: number, v: number): number => Math.imul(h ^ v, 0x01000193);

/** Hashes a value (a number, a word, a flag, a list of these, nested) into `h`. */
export function hashValue(h: number, value: unknown): number {
  if (typeof value === 'number') return mix(mix(h, value | 0), (value * 65536) | 0);
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) h = mix(h, value.charCodeAt(i));
    return mix(h, value.length);
  }
  if (typeof value === 'boolean') return mix(h, value ? 1 : 2);
  if (Array.isArray(value)) {
    for (const item of value) h = hashValue(h, item);
    return mix(h, value.length);
  }
  return mix(h, 3);
}

/** Whether two values are the same (numbers by value, NaN included; lists item by item). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}
