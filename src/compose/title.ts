/**
 * Titles wrapped into symmetric lines (GB/T 9704 §7.2.3: 回行时词意完整，排列对称，长短适宜，梯形或菱形). Breaks fall
 * only between words (text/titleWords.ts): the agency's name stays whole when it fits a line, and a longer name breaks
 * only after an administrative unit or organisation word; lines are as even as possible, never a last line of one or
 * two characters; a report may give the lines itself.
 */
import type { FontRole } from '../model/fontRole.js';
import { byFirstUnit, NAME_BREAKS_AFTER, TITLE_WORDS } from '../text/titleWords.js';
import type { Line } from '../typeset/breakLines.js';
import type { SetOptions, Typesetter } from './typesetter.js';

/** Fewest characters of a title line before or after a break (no line of one or two characters). */
const MIN_PIECE = 3;

/** Word lists of more words than this are searched through an index by first character (byFirstUnit). */
const INDEXED = 16;

/**
 * UTF-16 ranges of every occurrence of the words in a text. A long list (the lexicons of text/titleWords.ts) is
 * looked up at each character of the text, a short one (names) searched word by word.
 */
export function wordRanges(text: string, words: readonly string[], ranges: Array<[number, number]> = []): Array<[number, number]> {
  if (words.length > INDEXED) {
    const index = byFirstUnit(words);
    for (let at = 0; at < text.length; at++) {
      const starting = index.get(text.charCodeAt(at));
      if (starting) for (const word of starting) if (text.startsWith(word, at)) ranges.push([at, at + word.length]);
    }
    return ranges;
  }
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) ranges.push([at, at + word.length]);
  }
  return ranges;
}

/** UTF-16 ranges of a title's words that no line may split: the agency (when it fits), 2017年度, document numbers, title words. */
export function titleWordRanges(text: string, names: readonly string[] = [], fits: (name: string) => boolean = () => true): Array<[number, number]> {
  const ranges = wordRanges(text, TITLE_WORDS, wordRanges(text, names.filter((name) => name && fits(name))));
  for (const m of text.matchAll(/[0-9０-９]+年度?|〔[0-9０-９]+〕[0-9０-９]*号?/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Offsets inside a long agency name after which a title may break. */
function nameBreaks(text: string, name: string): Set<number> {
  const out = new Set<number>();
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    for (const word of NAME_BREAKS_AFTER) {
      for (let k = name.indexOf(word); k >= 0; k = name.indexOf(word, k + 1)) out.add(at + k + word.length);
    }
  }
  return out;
}

/** Sets a title (centred unless `align` says otherwise): the report's own lines, or balanced lines broken between words. */
export function setTitle(ts: Typesetter, role: FontRole, text: string, names: readonly string[] = [], lines?: readonly string[], options: SetOptions = {}): readonly Line[] {
  const measure = options.measure ?? ts.geometry.width;
  if (lines && lines.length > 0) return lines.flatMap((l) => ts.set([{ role, text: l }], { align: 'center', ...options }));
  const fits = (name: string) => ts.width(role, name, options.size) <= measure;
  const protectedRanges = titleWordRanges(text, names, fits);
  const inside = new Uint8Array(text.length + 1);
  for (const [s, e] of protectedRanges) for (let k = s + 1; k < e; k++) inside[k] = 1;
  const longNames = names.filter((n) => n && !fits(n));
  const allowedInName = new Set<number>();
  const nameCovered = new Uint8Array(text.length + 1);
  for (const name of longNames) {
    for (const k of nameBreaks(text, name)) allowedInName.add(k);
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) nameCovered.fill(1, at + 1, at + name.length);
  }
  // Code points before each UTF-16 offset, to keep MIN_PIECE characters on each side of a break.
  const cpIndex = new Int32Array(text.length + 1);
  for (let i = 0, k = 0; i <= text.length; i++) {
    cpIndex[i] = k;
    if (i < text.length && !(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff)) k++;
  }
  const codePoints = cpIndex[text.length]!;
  const allowed = (offset: number) => {
    if (cpIndex[offset]! < MIN_PIECE || codePoints - cpIndex[offset]! < MIN_PIECE) return false;
    if (nameCovered[offset] === 1) return allowedInName.has(offset) && inside[offset] !== 1;
    return inside[offset] !== 1;
  };
  const natural = ts.width(role, text, options.size);
  const keepTogether = protectedRanges;
  if (natural <= measure) return ts.set([{ role, text }], { align: 'center', ...options, keepTogether });
  // Very long titles are set like a paragraph (centred), keeping their words whole.
  if (natural > measure * 4) return ts.set([{ role, text }], { align: 'center', ...options, keepTogether });
  return ts.balance([{ role, text }], allowed, options) ?? ts.set([{ role, text }], { align: 'center', ...options, keepTogether });
}
