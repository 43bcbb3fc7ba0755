/**
 * The first step of paragraph layout: a paragraph's runs are joined, classified and measured once, into typed
 * arrays that the break strategies (linebreak.ts) and placement (place.ts) read. Nothing here chooses a line break;
 * it says where a break may fall and what it costs (a penalty), how wide each character is, and how much each gap
 * may stretch and shrink (the glue model of the module comment in linebreak.ts).
 */
import { addressBreakAt } from '../text/addresses.js';
import {
  hasLeftBlank,
  hasRightBlank,
  isAmbiguousWide,
  isCombining,
  isCompoundUnit,
  isDigit,
  isFullwidthAlphanumeric,
  isIdeograph,
  isInseparable,
  isJoiningHyphen,
  isNoLineEnd,
  isNoLineStart,
  isNumberUnit,
  isSpace,
  isWideCodePoint,
  isWordCharacter,
  type Strictness,
} from '../text/charClass.js';
import { findStraightQuotes } from '../text/quotes.js';
import { findUnits } from '../text/units.js';
import type { TextFont } from './textFont.js';

/** A run of text in one font and size: the input of the typesetter. */
export interface TextRun {
  readonly text: string;
  readonly font: TextFont;
  /** Font size in points. */
  readonly size: number;
}

/** Options that change how characters are measured, classified and grouped. */
export interface PrepareOptions {
  /** Width of one grid cell for a wide character, as a multiple of the font size (1 = natural em). */
  readonly cellEm?: number;
  readonly strictness?: Strictness;
  /** Always set a mark with a blank right half at half width before another mark (）。 》、《). */
  readonly compressPunctuation?: boolean;
  /** Extra space, in em, between a wide character and a Latin letter or digit (0 = none). */
  readonly latinGap?: number;
  /** UTF-16 ranges [start, end) of the text inside which no line may break (words of a title, names). */
  readonly keepTogether?: readonly (readonly [number, number])[];
}

/** Bit flags of a prepared character. */
export const WIDE = 1;
export const SPACE = 2;
/** A combining mark or a character of zero advance: it stays with the character before it. */
export const ZERO = 4;
/** Extra space may be put after this character when its line is justified. */
export const STRETCH = 8;
export const IDEOGRAPH = 16;
/** A letter or digit (ASCII or full-width). */
export const WORD = 32;
/** The character's blank half (it is a full-width mark) is on its left; otherwise a compressible mark's blank is on its right. */
export const BLANK_LEFT = 64;
/** The character may not start a line (at the paragraph's strictness): a line that ends with it may squeeze it in (推入). */
export const NO_START = 128;

/** Penalties of break opportunities that cost something; a forbidden break is +Infinity. */
export const PENALTY = {
  /** Between a number and its unit or measure word: 393 | 件次. */
  unit: 70,
  /** After the hyphen of a phone number or code: 0539- | 7200966. */
  hyphen: 100,
  /** Inside a URL after `/`. */
  afterSlash: 20,
  /** Inside an address before `. ? & = _ - @ #`. */
  beforeMark: 50,
} as const;

/** A paragraph measured and classified: per code point arrays of length n, per boundary arrays of length n + 1. */
export interface PreparedParagraph {
  readonly text: string;
  readonly runs: readonly TextRun[];
  /** Number of code points. */
  readonly n: number;
  readonly cp: Int32Array;
  /** UTF-16 offset of each code point; offset[n] is the text's length. */
  readonly offset: Int32Array;
  readonly run: Int32Array;
  readonly face: Int32Array;
  readonly glyph: Int32Array;
  /** The glyph's own advance in em (what the painter sets before any adjustment). */
  readonly em: Float64Array;
  /** Advance as laid out, in points: a wide character takes one grid cell. */
  readonly advance: Float64Array;
  /** Fixed space after the character when another follows on its line (the optional Han–Latin gap). */
  readonly glue: Float64Array;
  readonly size: Float64Array;
  readonly flags: Uint8Array;
  /** How much the character's blank half may be compressed, in points (0 for characters that are not such marks). */
  readonly shrink: Float64Array;
  /** Penalty of a break before code point i; +Infinity where forbidden. penalty[n] = 0 (the paragraph's end). */
  readonly penalty: Float64Array;
  /** 1 where a forbidden break may still be taken in an emergency (never before a combining mark or a space). */
  readonly emergency: Uint8Array;
  /** Prefix sums: widthSum[i] = Σ advance + glue of chars [0, i); gapSum counts STRETCH gaps; shrinkSum sums `shrink`; sizeGapSum sums the size at each STRETCH gap. */
  readonly widthSum: Float64Array;
  readonly gapSum: Int32Array;
  readonly shrinkSum: Float64Array;
  readonly sizeGapSum: Float64Array;
  /** Prefix count of characters that are not wide (letters, digits, half-width marks, spaces): a line with none sits on the grid. */
  readonly narrowSum: Int32Array;
}

const HALF_WIDTH_PAUSES = new Set([...',;:?!'].map((c) => c.codePointAt(0)!));
const ORDINAL = 0x7b2c; // 第

/** Measures and classifies a paragraph (step one of layout). Linear in the text length. */
export function prepareParagraph(runs: readonly TextRun[], options: PrepareOptions = {}): PreparedParagraph {
  const text = runs.map((r) => r.text).join('');
  let n = 0;
  for (const run of runs) for (let i = 0; i < run.text.length; i++) if (!isLowSurrogateAt(run.text, i)) n++;
  const cp = new Int32Array(n);
  const offset = new Int32Array(n + 1);
  const runOf = new Int32Array(n);
  const face = new Int32Array(n);
  const glyph = new Int32Array(n);
  const em = new Float64Array(n);
  const advance = new Float64Array(n);
  const glue = new Float64Array(n);
  const size = new Float64Array(n);
  const flags = new Uint8Array(n);
  const shrink = new Float64Array(n);
  const cellEm = options.cellEm ?? 1;
  const strictness = options.strictness ?? 'gb';

  let k = 0;
  let off = 0;
  runs.forEach((run, r) => {
    const font = run.font;
    for (let i = 0; i < run.text.length; ) {
      const c = run.text.codePointAt(i)!;
      const natural = font.advance(c);
      const wide = isWideCodePoint(c) || isAmbiguousWide(c, natural);
      const space = isSpace(c);
      const zero = !space && (natural === 0 || isCombining(c));
      cp[k] = c;
      offset[k] = off;
      runOf[k] = r;
      face[k] = font.face(c);
      glyph[k] = font.glyphId(c);
      em[k] = natural;
      size[k] = run.size;
      advance[k] = zero ? 0 : (wide ? cellEm : natural) * run.size;
      let f = (wide ? WIDE : 0) | (space ? SPACE : 0) | (zero ? ZERO : 0) | (isIdeograph(c) ? IDEOGRAPH : 0) | (isWordCharacter(c) ? WORD : 0);
      if (wide && hasRightBlank(c)) shrink[k] = advance[k]! / 2;
      else if (wide && hasLeftBlank(c)) {
        shrink[k] = advance[k]! / 2;
        f |= BLANK_LEFT;
      }
      if (isNoLineStart(c, strictness)) f |= NO_START;
      flags[k] = f;
      const len = c > 0xffff ? 2 : 1;
      i += len;
      off += len;
      k++;
    }
  });
  offset[n] = off;

  const units = findUnits(text);
  const insideNumber = new Uint8Array(n + 1);
  const penalty = new Float64Array(n + 1);
  const emergency = new Uint8Array(n + 1);
  setStretchAndGlue(cp, flags, glue, size, options);
  computePenalties(text, cp, offset, flags, strictness, penalty, emergency);
  applyUnits(text, units, offset, cp, flags, penalty, insideNumber);
  // Straight quotes still in the text (a CMS's “ ”): an opening one never ends a line, a closing one never starts one.
  for (const q of findStraightQuotes(text)) {
    const i = indexAtOrAfter(offset, q.index);
    if (q.open && i + 1 < n) penalty[i + 1] = Infinity;
    if (!q.open) penalty[i] = Infinity;
  }
  for (const [s, e] of options.keepTogether ?? []) {
    for (let i = indexAtOrAfter(offset, s) + 1; i < n && offset[i]! < e; i++) penalty[i] = Infinity;
  }
  if (options.compressPunctuation) compressAdjacentMarks(cp, flags, advance, shrink);
  // Of a closing mark followed by an opening one (，“), only one blank may go: the pair keeps 1.5 em (clreq §3.1.6).
  // An opening mark after a letter or digit keeps its blank too: it is the space between the two scripts.
  for (let i = 1; i < n; i++) {
    if ((flags[i]! & BLANK_LEFT) === 0) continue;
    if ((flags[i - 1]! & WIDE) === 0 || hasRightBlank(cp[i - 1]!)) shrink[i] = 0;
  }

  const widthSum = new Float64Array(n + 1);
  const gapSum = new Int32Array(n + 1);
  const shrinkSum = new Float64Array(n + 1);
  const sizeGapSum = new Float64Array(n + 1);
  const narrowSum = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    narrowSum[i + 1] = narrowSum[i]! + ((flags[i]! & (WIDE | ZERO)) === 0 ? 1 : 0);
    widthSum[i + 1] = widthSum[i]! + advance[i]! + glue[i]!;
    const stretch = (flags[i]! & STRETCH) !== 0;
    gapSum[i + 1] = gapSum[i]! + (stretch ? 1 : 0);
    sizeGapSum[i + 1] = sizeGapSum[i]! + (stretch ? size[i]! : 0);
    shrinkSum[i + 1] = shrinkSum[i]! + shrink[i]!;
  }
  return { text, runs, n, cp, offset, run: runOf, face, glyph, em, advance, glue, size, flags, shrink, penalty, emergency, widthSum, gapSum, shrinkSum, sizeGapSum, narrowSum };
}

function isLowSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/** Index of the first code point whose offset is at or after `off`. */
function indexAtOrAfter(offset: Int32Array, off: number): number {
  let lo = 0;
  let hi = offset.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offset[mid]! < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The next character that is not a combining mark, from i on. */
function nextVisible(flags: Uint8Array, i: number): number {
  while (i < flags.length && (flags[i]! & ZERO) !== 0) i++;
  return i;
}

/** Which gaps may stretch (never inside a word, a number, —— or ……, nor before a combining mark), and the Han–Latin glue. */
function setStretchAndGlue(cp: Int32Array, flags: Uint8Array, glue: Float64Array, size: Float64Array, options: PrepareOptions): void {
  const n = cp.length;
  const latinGap = options.latinGap ?? 0;
  for (let i = 0; i + 1 < n; i++) {
    const fa = flags[i]!;
    if ((fa & ZERO) !== 0) continue;
    const j = nextVisible(flags, i + 1);
    if (j >= n) continue;
    const fb = flags[j]!;
    const narrowPair = (fa & (WIDE | SPACE)) === 0 && (fb & (WIDE | SPACE)) === 0;
    const fullwidthWord = isFullwidthAlphanumeric(cp[i]!) && isFullwidthAlphanumeric(cp[j]!);
    const inseparable = isInseparable(cp[i]!) && cp[i] === cp[j];
    // The gap goes after the base, before any zero-width character or combining mark that follows it, so that x
    // never decreases on a squeezed line (a mark drawn with no advance is shifted by one gap at most).
    if (!narrowPair && !fullwidthWord && !inseparable) flags[i] = fa | STRETCH;
    if (latinGap > 0 && (fa & WIDE) !== (fb & WIDE) && ((fa | fb) & SPACE) === 0) {
      const latin = (fa & WIDE) !== 0 ? cp[j]! : cp[i]!;
      const han = (fa & WIDE) !== 0 ? cp[i]! : cp[j]!;
      if (isAsciiAlnum(latin) && !isPunctuationLike(han)) glue[i] = latinGap * size[i]!;
    }
  }
}

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isPunctuationLike = (c: number) => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0x2010 && c <= 0x206f);

/** The last character before i that is neither a space nor a combining mark, or -1. */
function visibleBefore(flags: Uint8Array, i: number): number {
  for (let k = i - 1; k >= 0; k--) if ((flags[k]! & (SPACE | ZERO)) === 0) return k;
  return -1;
}

/** Line-edge rules (clreq §3.1.7) and the rules of words, numbers and units, as a penalty per boundary. */
function computePenalties(text: string, cp: Int32Array, offset: Int32Array, flags: Uint8Array, strictness: Strictness, penalty: Float64Array, emergency: Uint8Array): void {
  const n = cp.length;
  penalty[0] = Infinity;
  penalty[n] = 0;
  for (let i = 1; i < n; i++) {
    const fb = flags[i]!;
    const b = cp[i]!;
    // A line never starts with a combining mark or a space; an emergency break may fall anywhere else.
    emergency[i] = (fb & (ZERO | SPACE)) === 0 ? 1 : 0;
    penalty[i] = Infinity;
    if ((fb & (SPACE | ZERO)) !== 0 || isNoLineStart(b, strictness)) continue;
    const ai = visibleBefore(flags, i);
    if (ai < 0) continue;
    const a = cp[ai]!;
    const fa = flags[ai]!;
    if ((flags[i - 1]! & SPACE) !== 0) {
      if (!isNoLineEnd(a, strictness)) penalty[i] = 0; // after a space, unless it follows an opening mark
      continue;
    }
    if ((fa & WIDE) === 0 && (fb & WIDE) === 0) {
      // Between two narrow characters only after a half-width , ; : ? ! written after an ideograph (it acts as the Chinese mark).
      const before = visibleBefore(flags, ai);
      if (HALF_WIDTH_PAUSES.has(a) && before >= 0 && (flags[before]! & WIDE) !== 0) penalty[i] = 0;
      continue;
    }
    if (isFullwidthAlphanumeric(a) && isFullwidthAlphanumeric(b)) continue;
    if (isNoLineEnd(a, strictness)) continue;
    if (isInseparable(a) && a === b) continue;
    if (a === ORDINAL && isDigit(b)) continue; // 第 | 3
    penalty[i] = 0;
  }
  void text;
  void offset;
}

/** Numbers and their units, phone numbers, document numbers, handles, topics and addresses (units.ts). */
function applyUnits(text: string, units: ReturnType<typeof findUnits>, offset: Int32Array, cp: Int32Array, flags: Uint8Array, penalty: Float64Array, insideNumber: Uint8Array): void {
  const n = cp.length;
  for (const unit of units) {
    const a = indexAtOrAfter(offset, unit.start);
    const b = indexAtOrAfter(offset, unit.end);
    for (let i = a + 1; i < b; i++) {
      if (unit.address) {
        const kind = addressBreakAt(text, unit.address, offset[i]!);
        penalty[i] = kind === 'afterSlash' ? PENALTY.afterSlash : kind === 'beforeMark' ? PENALTY.beforeMark : Infinity;
      } else if (unit.kind === 'number' && isJoiningHyphen(cp[i - 1]!) && isDigit(cp[i]!)) {
        penalty[i] = PENALTY.hyphen;
      } else penalty[i] = Infinity;
      if (unit.kind === 'number') {
        insideNumber[i] = 1;
        flags[i - 1] = flags[i - 1]! & ~STRETCH; // never letter-space inside a number
      }
    }
    // A break right after a URL or e-mail address that would leave its closing marks alone is already forbidden (kinsoku).
    if (unit.kind === 'number' && b < n) bindUnit(cp, flags, penalty, b);
  }
  // A number written with a trailing % (50%) keeps its unit the same way.
  for (let i = 1; i < n; i++) if ((cp[i - 1] === 0x25 || cp[i - 1] === 0xff05) && i < n) bindUnit(cp, flags, penalty, i);
  // A single digit (not a unit of its own in units.ts) binds its unit too.
  for (let i = 1; i < n; i++) if (isDigit(cp[i - 1]!) && (i < 2 || !isDigit(cp[i - 2]!))) bindUnit(cp, flags, penalty, i);
}

/** Units of dates, times and numbered things, never parted from their number (GB/T 15835: 2017年, 12月31日, 8时, 22号). */
const DATE_UNITS = new Set([...'年月日时分秒号'].map((c) => c.codePointAt(0)!));

/**
 * The unit after a number at index i: one character (393条) or a compound (2万元, 63人次, 2017年度). A break
 * before a measure word costs PENALTY.unit; before a date or time unit it is forbidden.
 */
function bindUnit(cp: Int32Array, flags: Uint8Array, penalty: Float64Array, i: number): void {
  const n = cp.length;
  if (i >= n || (flags[i]! & WIDE) === 0 || !isNumberUnit(cp[i]!)) return;
  const cost = DATE_UNITS.has(cp[i]!) ? Infinity : PENALTY.unit;
  if (penalty[i]! < cost) penalty[i] = cost;
  if (i + 1 < n && (flags[i + 1]! & WIDE) !== 0 && isCompoundUnit(cp[i]!, cp[i + 1]!)) penalty[i + 1] = Infinity;
}

/** Adjacent marks (clreq §3.1.6): a closing mark gives up its blank right half before another mark, an opening mark before an opening mark. */
function compressAdjacentMarks(cp: Int32Array, flags: Uint8Array, advance: Float64Array, shrink: Float64Array): void {
  for (let i = 0; i + 1 < cp.length; i++) {
    if ((flags[i]! & WIDE) === 0 || (flags[i + 1]! & WIDE) === 0) continue;
    const a = cp[i]!;
    const b = cp[i + 1]!;
    if ((hasRightBlank(a) && (hasRightBlank(b) || hasLeftBlank(b))) || (hasLeftBlank(a) && hasLeftBlank(b))) {
      advance[i] = advance[i]! / 2;
      shrink[i] = 0;
    }
  }
}
