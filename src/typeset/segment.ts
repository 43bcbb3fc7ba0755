/**
 * Splits a paragraph into measured characters and into clusters: the smallest groups that never break
 * internally (an ideograph with the marks that may not be separated from it, a Latin word or number with its unit).
 */
import {
  hasLeftBlank,
  hasRightBlank,
  isAmbiguousWide,
  isFullwidthAlphanumeric,
  isDigit,
  isInseparable,
  isNoLineEnd,
  isNoLineStart,
  isCompoundUnit,
  isNumberUnit,
  isWideCodePoint,
  type Strictness,
} from './punctuation.js';
import type { TextFont } from './textFont.js';

/** A run of text in one font and size: the input of the typesetter. */
export interface TextRun {
  readonly text: string;
  readonly font: TextFont;
  /** Font size in points. */
  readonly size: number;
}

/** One code point of the paragraph with its measured advance. */
export interface MeasuredChar {
  readonly cp: number;
  /** UTF-16 offset in the paragraph's concatenated text. */
  readonly offset: number;
  readonly run: number;
  /** Font size of the character's run in points. */
  readonly size: number;
  /** Advance in points: a wide character takes one grid cell, others their font advance. */
  advance: number;
  /** Fixed space after the character when another follows on the same line (the optional Han–Latin gap); dropped at a line end. */
  glue: number;
  readonly wide: boolean;
  readonly space: boolean;
  /** A mark of zero advance (combining mark, zero-width character): it stays with the character before it. */
  readonly zeroWidth: boolean;
  /** Whether extra space may be put after this character when the line is justified. */
  stretchAfter: boolean;
}

/** A group of characters that is never split across lines (except in an emergency). */
export interface Cluster {
  readonly start: number;
  readonly end: number;
  /** Width in points without trailing spaces. */
  readonly width: number;
  /** Width of trailing spaces, which hang past the line end. */
  readonly hang: number;
  /** Width of trailing characters that may not start a line (what a push-in squeezes onto the line). */
  readonly tail: number;
  /** Whether the cluster is a URL or e-mail address, which may break after / . @ - _ when it does not fit. */
  readonly url: boolean;
}

/** Options that change how characters are measured and grouped. */
export interface SegmentOptions {
  /** Width of one grid cell for a wide character, as a multiple of the font size (1 = natural em). */
  readonly cellEm: number;
  readonly strictness: Strictness;
  /** Set full-width marks with a blank right half at half width when another full-width mark follows. */
  readonly compressPunctuation: boolean;
  /** Extra space, in em, between a wide character and a Latin letter or digit (0 = none). */
  readonly latinGap: number;
}

const isSpace = (cp: number) => cp === 0x20 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x09;

/** Measures every code point of the runs. */
export function measureChars(runs: readonly TextRun[], options: SegmentOptions): MeasuredChar[] {
  const chars: MeasuredChar[] = [];
  let offset = 0;
  runs.forEach((run, r) => {
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      const natural = run.font.advance(cp);
      // Ambiguous-width marks (“ ” — … ·) are wide when the font draws them about an em wide; ASCII never is (@ and % are 0.9 em in Noto).
      const wide = isWideCodePoint(cp) || isAmbiguousWide(cp, natural);
      const advance = (wide ? options.cellEm : natural) * run.size;
      const space = isSpace(cp);
      const zeroWidth = !space && (natural === 0 || COMBINING.test(ch));
      chars.push({ cp, offset, run: r, size: run.size, advance: zeroWidth ? 0 : advance, glue: 0, wide, space, zeroWidth, stretchAfter: true });
      offset += ch.length;
    }
  });
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    if (a.zeroWidth) {
      a.stretchAfter = false; // the space a justified line adds goes before the mark, after its base's
      continue;
    }
    let next = i + 1;
    while (next + 1 < chars.length && chars[next]!.zeroWidth) next++;
    const b = chars[next]!;
    const insideWord = (!a.wide && !b.wide && !a.space && !b.space) || (isFullwidthAlphanumeric(a.cp) && isFullwidthAlphanumeric(b.cp));
    a.stretchAfter = !insideWord && !b.zeroWidth && !(isInseparable(a.cp) && a.cp === b.cp);
    // Adjacent marks (clreq §3.1.6): a closing mark gives up its blank right half; before an opening mark whose
    // blank is on the left, the opening mark moves half an em back into its own blank.
    if (options.compressPunctuation && a.wide && b.wide && next === i + 1) {
      if (hasRightBlank(a.cp) && (hasRightBlank(b.cp) || hasLeftBlank(b.cp))) a.advance /= 2;
      else if (hasLeftBlank(a.cp) && hasLeftBlank(b.cp)) a.advance /= 2;
    }
    if (options.latinGap > 0 && a.wide !== b.wide && !a.space && !b.space && !b.zeroWidth) {
      const latin = a.wide ? b : a;
      const han = a.wide ? a : b;
      if (isWordLike(latin.cp) && !isPunctuationLike(han.cp)) a.glue = options.latinGap * runs[a.run]!.size;
    }
  }
  return chars;
}

const COMBINING = /^\p{M}$/u;
const isWordLike = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
const isPunctuationLike = (cp: number) => (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20) || (cp >= 0x2010 && cp <= 0x206f);

const HALF_WIDTH_PAUSES = new Set([...',;:?!'].map((c) => c.codePointAt(0)!));

/** Index of the last character before i that is neither a space nor a zero-width mark, or -1. */
function visibleBefore(chars: readonly MeasuredChar[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!chars[k]!.space && !chars[k]!.zeroWidth) return k;
  return -1;
}

/** Whether a line may break between characters i-1 and i. */
function breakAllowed(chars: readonly MeasuredChar[], i: number, strictness: Strictness, boundUnits: Uint8Array): boolean {
  const b = chars[i]!;
  if (b.space || b.zeroWidth || isNoLineStart(b.cp, strictness)) return false;
  const ai = visibleBefore(chars, i);
  if (ai < 0) return false;
  const a = chars[ai]!;
  if (chars[i - 1]!.space) return !isNoLineEnd(a.cp, strictness); // after a space, unless it follows an opening mark
  // A half-width , ; : ? ! written after an ideograph acts as the Chinese mark it stands for: a line may break after it.
  if (!a.wide && !b.wide) {
    const before = visibleBefore(chars, ai);
    return HALF_WIDTH_PAUSES.has(a.cp) && before >= 0 && chars[before]!.wide;
  }
  if (isFullwidthAlphanumeric(a.cp) && isFullwidthAlphanumeric(b.cp)) return false;
  if (isNoLineEnd(a.cp, strictness)) return false;
  if (isInseparable(a.cp) && a.cp === b.cp) return false;
  return boundUnits[i] === 0;
}

/**
 * Marks the unit bound to a preceding number: one character (2017年, 393条) or a compound unit (2万元, 63人次,
 * 2017年度, 4000多件). A date may break after 年 or 月 (2017年 | 12月31日): binding whole dates leaves lines loose.
 */
function bindNumberUnits(chars: readonly MeasuredChar[]): Uint8Array {
  const bound = new Uint8Array(chars.length);
  for (let i = 1; i < chars.length; i++) {
    if (!isDigit(chars[i - 1]!.cp) && chars[i - 1]!.cp !== 0x25 && chars[i - 1]!.cp !== 0xff05) continue;
    const first = chars[i];
    if (!first || !first.wide || !isNumberUnit(first.cp)) continue;
    bound[i] = 1;
    const second = chars[i + 1];
    if (second && second.wide && isCompoundUnit(first.cp, second.cp)) bound[i + 1] = 1;
  }
  return bound;
}

/** Whether a cluster's text holds a URL or an e-mail address; linear in the text (no backtracking pattern). */
function looksLikeAddress(text: string): boolean {
  return text.includes('://') || /www\.[a-z0-9]/i.test(text) || /@[a-z0-9-]+\.[a-z]/i.test(text);
}

/** Groups characters into clusters at the break opportunities; no break falls inside a `keepTogether` range. */
export function buildClusters(chars: readonly MeasuredChar[], strictness: Strictness, text: string, keepTogether: readonly (readonly [number, number])[] = []): Cluster[] {
  const bound = bindNumberUnits(chars);
  if (keepTogether.length > 0) {
    for (let i = 1; i < chars.length; i++) {
      const at = chars[i]!.offset;
      if (keepTogether.some(([s, e]) => at > s && at < e)) bound[i] = 1;
    }
  }
  const clusters: Cluster[] = [];
  let start = 0;
  const close = (end: number) => {
    let width = 0;
    let hang = 0;
    let tail = 0;
    let contentEnd = end;
    while (contentEnd > start && chars[contentEnd - 1]!.space) hang += chars[--contentEnd]!.advance;
    for (let i = start; i < contentEnd; i++) width += chars[i]!.advance;
    for (let i = contentEnd - 1; i > start && isNoLineStart(chars[i]!.cp, strictness); i--) tail += chars[i]!.advance;
    const last = chars[Math.max(start, contentEnd - 1)]!;
    const url = contentEnd - start > 4 && looksLikeAddress(text.slice(chars[start]!.offset, last.offset + (last.cp > 0xffff ? 2 : 1)));
    clusters.push({ start, end, width, hang, tail, url });
    start = end;
  };
  for (let i = 1; i < chars.length; i++) if (breakAllowed(chars, i, strictness, bound)) close(i);
  if (chars.length > 0) close(chars.length);
  return clusters;
}
