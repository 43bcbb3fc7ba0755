/**
 * URLs and e-mail addresses inside text, found with linear scans (no backtracking regular expressions, so a
 * 100 000-character field cannot make the lint or the normaliser slow). Punctuation inside them is never touched.
 */

const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]/;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const URL_START = /(?:https?|ftp):\/\/|www\./gi;

/** Marks [start, end) of every URL (`http://`, `https://`, `ftp://`, `www.`) and e-mail address; trailing `.,;:!?` is not part of a URL. */
export function addressMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const m of text.matchAll(URL_START)) {
    if (mask[m.index] === 1) continue; // `www.` inside an http URL
    let end = m.index + m[0].length;
    while (end < text.length && URL_CHAR.test(text[end]!)) end++;
    while (end > m.index + m[0].length && '.,;:!?'.includes(text[end - 1]!)) end--;
    mask.fill(1, m.index, end);
  }
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (mask[at] === 1) continue;
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end++;
    while (end > at + 1 && '.-'.includes(text[end - 1]!)) end--;
    const domain = text.slice(at + 1, end);
    const dot = domain.lastIndexOf('.');
    if (start < at && dot > 0 && /^[A-Za-z]{2,}$/.test(domain.slice(dot + 1))) mask.fill(1, start, end);
  }
  return mask;
}

/** Half-open [start, end) ranges of URLs and e-mail addresses in a text. */
export function addressRanges(text: string): Array<[number, number]> {
  const mask = addressMask(text);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    const start = i;
    while (i < mask.length && mask[i] === 1) i++;
    ranges.push([start, i]);
  }
  return ranges;
}
