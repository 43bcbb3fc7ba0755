/**
 * URLs and e-mail addresses inside text, found with linear scans (no backtracking regular expressions, so a
 * 100 000-character field cannot make the lint, the normaliser or the line breaker slow). The one place that says
 * what an address is and where a line may break inside one: punctuation inside addresses is never normalised,
 * and the line breaker breaks them only where this module allows.
 */

const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]/;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const URL_START = /(?:https?|ftp):\/\/(?:www\.)?|www\./gi;

/** A URL (`http://`, `https://`, `ftp://`, `www.`) or an e-mail address in a text, as UTF-16 offsets [start, end). */
export interface Address {
  readonly kind: 'url' | 'email';
  readonly start: number;
  readonly end: number;
  /** End of the prefix inside which no line may break (`http://www.`, `https://`, `www.`); `start` for an e-mail address. */
  readonly prefixEnd: number;
}

/** Every URL and e-mail address of a text, in text order; trailing `.,;:!?` is not part of a URL. */
export function findAddresses(text: string): Address[] {
  const found: Address[] = [];
  if (!text.includes('://') && !/www\./i.test(text) && !text.includes('@')) return found;
  const taken = new Uint8Array(text.length);
  for (const m of text.matchAll(URL_START)) {
    if (taken[m.index] === 1) continue;
    const prefixEnd = m.index + m[0].length;
    let end = prefixEnd;
    while (end < text.length && URL_CHAR.test(text[end]!)) end++;
    while (end > prefixEnd && '.,;:!?'.includes(text[end - 1]!)) end--;
    taken.fill(1, m.index, end);
    found.push({ kind: 'url', start: m.index, end, prefixEnd });
  }
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (taken[at] === 1) continue;
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end++;
    while (end > at + 1 && '.-'.includes(text[end - 1]!)) end--;
    const domain = text.slice(at + 1, end);
    const dot = domain.lastIndexOf('.');
    if (start < at && dot > 0 && /^[A-Za-z]{2,}$/.test(domain.slice(dot + 1))) {
      taken.fill(1, start, end);
      found.push({ kind: 'email', start, end, prefixEnd: start });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A URL's scheme written with a full-width colon or slashes (http：//, https：／／, ftp:／／), as a Chinese input method
 * types it: the text is then no address at all (findAddresses needs `://`), so a line may break inside it and the
 * address copies out broken. `repaired` is the ASCII form, `scheme://`.
 */
export interface MangledScheme {
  readonly index: number;
  readonly written: string;
  readonly repaired: string;
}

const SCHEME_WRITTEN = /(https?|ftp)([:：][/／]{2})/gi;

/** Every URL scheme of a text written with a full-width colon or slash, in text order. */
export function findMangledSchemes(text: string): MangledScheme[] {
  if (!text.includes('：') && !text.includes('／')) return [];
  const found: MangledScheme[] = [];
  for (const m of text.matchAll(SCHEME_WRITTEN)) {
    if (m[2] === '://') continue;
    found.push({ index: m.index, written: m[0], repaired: `${m[1]}://` });
  }
  return found;
}

/** Marks [start, end) of every URL and e-mail address with 1. */
export function addressMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const a of findAddresses(text)) mask.fill(1, a.start, a.end);
  return mask;
}

/** Half-open [start, end) ranges of URLs and e-mail addresses in a text. */
export function addressRanges(text: string): Array<[number, number]> {
  return findAddresses(text).map((a) => [a.start, a.end]);
}

/**
 * Kinds of line-break opportunity inside an address: after `/` (preferred), or before `. ? & = _ - @ # % ~` (where
 * The Chicago Manual of Style breaks a URL; before `%` a percent-encoded path, %E5%B1%B1…, breaks between its bytes);
 * and, as a last resort, right after a URL's scheme (`http://` | `jtyst.jiangsu.gov.cn`, after the double slash as
 * Chicago allows), for a justified line that would otherwise end short of the measure.
 */
export type AddressBreak = 'afterSlash' | 'beforeMark' | 'afterScheme';

/** Fewest characters of an address on either side of a line break inside it. */
export const MIN_ADDRESS_FRAGMENT = 3;

const BREAK_BEFORE = new Set([...'.?&=_-@#%~']);

/**
 * The kind of break allowed before UTF-16 offset `i` inside an address, or undefined where none is: never inside
 * `//`, inside the prefix or right after it (`www.`), except right after the scheme's `://` (`afterScheme`), nor where
 * it would leave fewer than MIN_ADDRESS_FRAGMENT characters of the address on one side.
 */
export function addressBreakAt(text: string, address: Address, i: number): AddressBreak | undefined {
  if (address.kind === 'url' && i > address.start && text.startsWith('://', i - 3) && i <= address.end - MIN_ADDRESS_FRAGMENT) return 'afterScheme';
  if (i <= address.prefixEnd || i <= address.start + MIN_ADDRESS_FRAGMENT - 1 || i > address.end - MIN_ADDRESS_FRAGMENT) return undefined;
  const before = text[i - 1]!;
  const after = text[i]!;
  if (before === '/' && after !== '/') return 'afterSlash';
  if (BREAK_BEFORE.has(after) && !BREAK_BEFORE.has(before) && before !== '/') return 'beforeMark';
  return undefined;
}
