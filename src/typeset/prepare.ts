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
  /** UTF-16 ranges [start, end) inside which a break costs PENALTY.avoided (words a label keeps whole where it can). */
  readonly avoidBreaks?: readonly (readonly [number, number])[];
  /**
   * Allow the breaks a typesetter takes only to spare a justified line set short of the measure (PENALTY.lastResort):
   * in a document number between its issuer's code and its year, and in a URL right after its scheme. Default false:
   * document numbers stay whole and a URL keeps its scheme with its host.
   */
  readonly lastResortBreaks?: boolean;
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
  /**
   * Between a number and its measure word (393 | 件次, 1.2 | 万人次): high enough that the breaker parts them only to
   * spare a line that its gaps cannot stretch to the measure (one that would end short), never for a line that they
   * can; a date's units never part (DATE_UNITS).
   */
  unit: 1000,
  /** After the hyphen of a phone number or code: 0539- | 7200966. */
  hyphen: 100,
  /** Inside a URL after `/`. */
  afterSlash: 20,
  /** Inside an address before `. ? & = _ - @ # % ~`. */
  beforeMark: 50,
  /**
   * A break taken only to spare the paragraph a line set visibly short of the measure: in a document number between
   * the issuer's code and the year bracket (苏政办发 | 〔2023〕18号), the one place a typesetter parts one; in a URL
   * right after its scheme (https:// | jtyst.jiangsu.gov.cn), when its host is too long for the rest of the line.
   */
  lastResort: 3000,
  /**
   * Inside a word a label keeps whole where it can (政府 / 网站): a cost, so that among breaks giving as many lines
   * the breaker takes those at words' edges (a label set in more lines is refused by its caller).
   */
  avoided: 300,
} as const;

/**
 * A paragraph measured and classified: per code point arrays of n elements, per boundary arrays of n + 1 elements
 * (the arrays may be longer: only these elements count).
 */
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
  /**
   * 1 where a little space may follow the character as a last resort, on a justified line that its stretchable gaps
   * cannot fill: between two characters of a URL or an e-mail address (place.ts).
   */
  readonly tracking: Uint8Array;
  /** Prefix sums: widthSum[i] = Σ advance + glue of chars [0, i); gapSum counts STRETCH gaps; shrinkSum sums `shrink`; sizeGapSum sums the size at each STRETCH gap. */
  readonly widthSum: Float64Array;
  readonly gapSum: Int32Array;
  readonly shrinkSum: Float64Array;
  readonly sizeGapSum: Float64Array;
  /** Prefix count of characters that are not wide (letters, digits, half-width marks, spaces): a line with none sits on the grid. */
  readonly narrowSum: Int32Array;
  /** Prefix sums of the size at each `tracking` gap that is not a stretchable one: what a line's addresses may give as a last resort. */
  readonly sizeTrackSum: Float64Array;
}

const HALF_WIDTH_PAUSES = new Set([...',;:?!'].map((c) => c.codePointAt(0)!));
const ORDINAL = 0x7b2c; // 第

// Classes of a code point (text/charClass.ts), as bits: computed once per code point and kept in pages of 256.
const C_WIDE = 1 << 0; // isWideCodePoint
const C_AMBIGUOUS = 1 << 1; // isAmbiguousWide at a full-width advance: wide when the font draws it nearly an em wide
const C_SPACE = 1 << 2;
const C_COMBINING = 1 << 3;
const C_IDEOGRAPH = 1 << 4;
const C_WORD = 1 << 5;
const C_RIGHT_BLANK = 1 << 6;
const C_LEFT_BLANK = 1 << 7;
const C_NO_START = 1 << 8; // at `basic` and `gb`
const C_NO_START_STRICT = 1 << 9;
const C_NO_END_BASIC = 1 << 10;
const C_NO_END = 1 << 11; // at `gb` and `strict`
const C_INSEPARABLE = 1 << 12;
const C_FULLWIDTH_ALNUM = 1 << 13;
const C_DIGIT = 1 << 14;
const C_NUMBER_UNIT = 1 << 15;
const C_JOINING_HYPHEN = 1 << 16;
const C_KNOWN = 1 << 30;

const classPages: (Int32Array | undefined)[] = [];

/** The class bits of a code point (from the predicates of text/charClass.ts, which they cache). */
function classOf(c: number): number {
  const page = (classPages[c >> 8] ??= new Int32Array(256));
  let k = page[c & 255]!;
  if (k === 0) {
    k =
      C_KNOWN |
      (isWideCodePoint(c) ? C_WIDE : 0) |
      (isAmbiguousWide(c, 1) ? C_AMBIGUOUS : 0) |
      (isSpace(c) ? C_SPACE : 0) |
      (isCombining(c) ? C_COMBINING : 0) |
      (isIdeograph(c) ? C_IDEOGRAPH : 0) |
      (isWordCharacter(c) ? C_WORD : 0) |
      (hasRightBlank(c) ? C_RIGHT_BLANK : 0) |
      (hasLeftBlank(c) ? C_LEFT_BLANK : 0) |
      (isNoLineStart(c, 'gb') ? C_NO_START : 0) |
      (isNoLineStart(c, 'strict') ? C_NO_START_STRICT : 0) |
      (isNoLineEnd(c, 'basic') ? C_NO_END_BASIC : 0) |
      (isNoLineEnd(c, 'gb') ? C_NO_END : 0) |
      (isInseparable(c) ? C_INSEPARABLE : 0) |
      (isFullwidthAlphanumeric(c) ? C_FULLWIDTH_ALNUM : 0) |
      (isDigit(c) ? C_DIGIT : 0) |
      (isNumberUnit(c) ? C_NUMBER_UNIT : 0) |
      (isJoiningHyphen(c) ? C_JOINING_HYPHEN : 0);
    page[c & 255] = k;
  }
  return k;
}

/** What a font says of the code points it was asked about (face, glyph, advance), kept per font in pages of 256. */
interface FontPage {
  readonly face: Int32Array;
  readonly glyph: Int32Array;
  readonly advance: Float64Array;
}

const fontCaches = new WeakMap<TextFont, (FontPage | undefined)[]>();
/** Face index that marks a code point not asked about yet (a font's faces are numbered from -1). */
const UNKNOWN = -2;

/** The pages of what a font said, kept for the life of the font object. */
function fontPages(font: TextFont): (FontPage | undefined)[] {
  let pages = fontCaches.get(font);
  if (!pages) fontCaches.set(font, (pages = []));
  return pages;
}

/** The page of code point c, with c asked about. */
function fontPageOf(font: TextFont, pages: (FontPage | undefined)[], c: number): FontPage {
  let page = pages[c >> 8];
  if (!page) {
    page = { face: new Int32Array(256).fill(UNKNOWN), glyph: new Int32Array(256), advance: new Float64Array(256) };
    pages[c >> 8] = page;
  }
  const i = c & 255;
  if (page.face[i] === UNKNOWN) {
    page.advance[i] = font.advance(c);
    page.face[i] = font.face(c);
    page.glyph[i] = font.glyphId(c);
  }
  return page;
}

/**
 * Arrays reused from paragraph to paragraph by the breaking functions (a typed array of more than a few elements
 * costs a memory allocation of its own): `prepareParagraph(…, true)` returns views into them, valid until the next
 * such call.
 */
const scratch = {
  capacity: 0,
  i32: [] as Int32Array[],
  f64: [] as Float64Array[],
  u8: [] as Uint8Array[],
};

function scratchArrays(size: number): { i32: Int32Array[]; f64: Float64Array[]; u8: Uint8Array[] } {
  if (size > scratch.capacity) {
    const capacity = Math.max(256, 2 ** Math.ceil(Math.log2(size)));
    scratch.capacity = capacity;
    scratch.i32 = Array.from({ length: 8 }, () => new Int32Array(capacity));
    scratch.f64 = Array.from({ length: 10 }, () => new Float64Array(capacity));
    scratch.u8 = Array.from({ length: 4 }, () => new Uint8Array(capacity));
  }
  return scratch;
}

/**
 * Measures and classifies a paragraph (step one of layout). Linear in the text length. With `reuse`, the arrays are
 * views into buffers that the next call with `reuse` overwrites (for a paragraph broken at once).
 */
export function prepareParagraph(runs: readonly TextRun[], options: PrepareOptions = {}, reuse = false): PreparedParagraph {
  const text = runs.length === 1 ? runs[0]!.text : runs.map((r) => r.text).join('');
  let n = 0;
  for (const run of runs) for (let i = 0; i < run.text.length; i++) if (!isLowSurrogateAt(run.text, i)) n++;
  // With `reuse`, the shared buffers themselves (longer than n + 1: only the first elements count).
  const sc = reuse ? scratchArrays(n + 1) : undefined;
  const i32 = sc ? sc.i32 : Array.from({ length: 8 }, (_, k) => new Int32Array(k === 1 || k >= 6 ? n + 1 : n));
  const f64 = sc ? sc.f64 : Array.from({ length: 10 }, (_, k) => new Float64Array(k >= 5 ? n + 1 : n));
  const u8 = sc ? sc.u8 : Array.from({ length: 4 }, (_, k) => new Uint8Array(k >= 1 ? n + 1 : n));
  const cp = i32[0]!;
  const offset = i32[1]!;
  const runOf = i32[2]!;
  const face = i32[3]!;
  const glyph = i32[4]!;
  const classes = i32[5]!;
  const em = f64[0]!;
  const advance = f64[1]!;
  const glue = f64[2]!.fill(0, 0, n);
  const size = f64[3]!;
  const flags = u8[0]!;
  const shrink = f64[4]!.fill(0, 0, n);
  const cellEm = options.cellEm ?? 1;
  const strictness = options.strictness ?? 'gb';
  const noStart = strictness === 'strict' ? C_NO_START_STRICT : C_NO_START;

  let k = 0;
  let off = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const font = run.font;
    const pages = fontPages(font);
    const t = run.text;
    for (let i = 0; i < t.length; ) {
      const c = t.codePointAt(i)!;
      const page = fontPageOf(font, pages, c);
      const natural = page.advance[c & 255]!;
      const kc = classOf(c);
      const wide = (kc & C_WIDE) !== 0 || ((kc & C_AMBIGUOUS) !== 0 && natural >= 0.8);
      const space = (kc & C_SPACE) !== 0;
      const zero = !space && (natural === 0 || (kc & C_COMBINING) !== 0);
      cp[k] = c;
      classes[k] = kc;
      offset[k] = off;
      runOf[k] = r;
      face[k] = page.face[c & 255]!;
      glyph[k] = page.glyph[c & 255]!;
      em[k] = natural;
      size[k] = run.size;
      advance[k] = zero ? 0 : (wide ? cellEm : natural) * run.size;
      let f = (wide ? WIDE : 0) | (space ? SPACE : 0) | (zero ? ZERO : 0) | ((kc & C_IDEOGRAPH) !== 0 ? IDEOGRAPH : 0) | ((kc & C_WORD) !== 0 ? WORD : 0);
      if (wide && (kc & C_RIGHT_BLANK) !== 0) shrink[k] = advance[k]! / 2;
      else if (wide && (kc & C_LEFT_BLANK) !== 0) {
        shrink[k] = advance[k]! / 2;
        f |= BLANK_LEFT;
      }
      if ((kc & noStart) !== 0) f |= NO_START;
      flags[k] = f;
      const len = c > 0xffff ? 2 : 1;
      i += len;
      off += len;
      k++;
    }
  }
  offset[n] = off;

  const units = findUnits(text);
  const insideNumber = u8[1]!.fill(0, 0, n + 1);
  const penalty = f64[5]!;
  const emergency = u8[2]!.fill(0, 0, n + 1);
  const tracking = u8[3]!.fill(0, 0, n + 1);
  setStretchAndGlue(n, cp, classes, flags, glue, size, options);
  computePenalties(n, cp, classes, flags, strictness, penalty, emergency);
  applyUnits(n, text, units, offset, cp, classes, flags, penalty, insideNumber, tracking, options.lastResortBreaks ?? false);
  // Straight quotes still in the text (a CMS's “ ”): an opening one never ends a line, a closing one never starts one.
  for (const q of findStraightQuotes(text)) {
    const i = indexAtOrAfter(offset, n, q.index);
    if (q.open && i + 1 < n) penalty[i + 1] = Infinity;
    if (!q.open) penalty[i] = Infinity;
  }
  for (const [s, e] of options.keepTogether ?? []) {
    for (let i = indexAtOrAfter(offset, n, s) + 1; i < n && offset[i]! < e; i++) penalty[i] = Infinity;
  }
  for (const [s, e] of options.avoidBreaks ?? []) {
    for (let i = indexAtOrAfter(offset, n, s) + 1; i < n && offset[i]! < e; i++) if (penalty[i]! < PENALTY.avoided) penalty[i] = PENALTY.avoided;
  }
  if (options.compressPunctuation) compressAdjacentMarks(n, classes, flags, advance, shrink);
  // Of a closing mark followed by an opening one (，“), only one blank may go: the pair keeps 1.5 em (clreq §3.1.6).
  // An opening mark after a letter or digit keeps its blank too: it is the space between the two scripts.
  for (let i = 1; i < n; i++) {
    if ((flags[i]! & BLANK_LEFT) === 0) continue;
    if ((flags[i - 1]! & WIDE) === 0 || (classes[i - 1]! & C_RIGHT_BLANK) !== 0) shrink[i] = 0;
  }

  const widthSum = f64[6]!;
  const gapSum = i32[6]!;
  const shrinkSum = f64[7]!;
  const sizeGapSum = f64[8]!;
  const narrowSum = i32[7]!;
  widthSum[0] = 0;
  gapSum[0] = 0;
  shrinkSum[0] = 0;
  sizeGapSum[0] = 0;
  narrowSum[0] = 0;
  for (let i = 0; i < n; i++) {
    narrowSum[i + 1] = narrowSum[i]! + ((flags[i]! & (WIDE | ZERO)) === 0 ? 1 : 0);
    widthSum[i + 1] = widthSum[i]! + advance[i]! + glue[i]!;
    const stretch = (flags[i]! & STRETCH) !== 0;
    gapSum[i + 1] = gapSum[i]! + (stretch ? 1 : 0);
    sizeGapSum[i + 1] = sizeGapSum[i]! + (stretch ? size[i]! : 0);
    shrinkSum[i + 1] = shrinkSum[i]! + shrink[i]!;
  }
  // Most paragraphs hold no address: their sums stay 0 without a pass over them.
  const sizeTrackSum = f64[9]!.fill(0, 0, n + 1);
  if (units.some((u) => u.address)) {
    for (let i = 0; i < n; i++) sizeTrackSum[i + 1] = sizeTrackSum[i]! + (tracking[i] === 1 && (flags[i]! & STRETCH) === 0 ? size[i]! : 0);
  }
  return { text, runs, n, cp, offset, run: runOf, face, glyph, em, advance, glue, size, flags, shrink, penalty, emergency, tracking, widthSum, gapSum, shrinkSum, sizeGapSum, narrowSum, sizeTrackSum };
}

function isLowSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/** Index of the first of the n code points whose offset is at or after `off` (n when none is). */
function indexAtOrAfter(offset: Int32Array, n: number, off: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offset[mid]! < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The next of the n characters that is not a combining mark, from i on. */
function nextVisible(n: number, flags: Uint8Array, i: number): number {
  while (i < n && (flags[i]! & ZERO) !== 0) i++;
  return i;
}

/** Which gaps may stretch (never inside a word, a number, —— or ……, nor before a combining mark), and the Han–Latin glue. */
function setStretchAndGlue(n: number, cp: Int32Array, classes: Int32Array, flags: Uint8Array, glue: Float64Array, size: Float64Array, options: PrepareOptions): void {
  const latinGap = options.latinGap ?? 0;
  for (let i = 0; i + 1 < n; i++) {
    const fa = flags[i]!;
    if ((fa & ZERO) !== 0) continue;
    const j = nextVisible(n, flags, i + 1);
    if (j >= n) continue;
    const fb = flags[j]!;
    const narrowPair = (fa & (WIDE | SPACE)) === 0 && (fb & (WIDE | SPACE)) === 0;
    const fullwidthWord = (classes[i]! & C_FULLWIDTH_ALNUM) !== 0 && (classes[j]! & C_FULLWIDTH_ALNUM) !== 0;
    const inseparable = (classes[i]! & C_INSEPARABLE) !== 0 && cp[i] === cp[j];
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
function computePenalties(n: number, cp: Int32Array, classes: Int32Array, flags: Uint8Array, strictness: Strictness, penalty: Float64Array, emergency: Uint8Array): void {
  const noStart = strictness === 'strict' ? C_NO_START_STRICT : C_NO_START;
  const noEnd = strictness === 'basic' ? C_NO_END_BASIC : C_NO_END;
  penalty[0] = Infinity;
  penalty[n] = 0;
  for (let i = 1; i < n; i++) {
    const fb = flags[i]!;
    const b = cp[i]!;
    const kb = classes[i]!;
    // A line never starts with a combining mark or a space; an emergency break may fall anywhere else.
    emergency[i] = (fb & (ZERO | SPACE)) === 0 ? 1 : 0;
    penalty[i] = Infinity;
    if ((fb & (SPACE | ZERO)) !== 0 || (kb & noStart) !== 0) continue;
    const ai = visibleBefore(flags, i);
    if (ai < 0) continue;
    const a = cp[ai]!;
    const fa = flags[ai]!;
    const ka = classes[ai]!;
    if ((flags[i - 1]! & SPACE) !== 0) {
      if ((ka & noEnd) === 0) penalty[i] = 0; // after a space, unless it follows an opening mark
      continue;
    }
    if ((fa & WIDE) === 0 && (fb & WIDE) === 0) {
      // Between two narrow characters only after a half-width , ; : ? ! written after an ideograph (it acts as the Chinese mark).
      const before = visibleBefore(flags, ai);
      if (HALF_WIDTH_PAUSES.has(a) && before >= 0 && (flags[before]! & WIDE) !== 0) penalty[i] = 0;
      continue;
    }
    if ((ka & C_FULLWIDTH_ALNUM) !== 0 && (kb & C_FULLWIDTH_ALNUM) !== 0) continue;
    if ((ka & noEnd) !== 0) continue;
    if ((ka & C_INSEPARABLE) !== 0 && a === b) continue;
    if (a === ORDINAL && (kb & C_DIGIT) !== 0) continue; // 第 | 3
    penalty[i] = 0;
  }
}

/** Numbers and their units, phone numbers, document numbers, handles, topics and addresses (units.ts). */
function applyUnits(n: number, text: string, units: ReturnType<typeof findUnits>, offset: Int32Array, cp: Int32Array, classes: Int32Array, flags: Uint8Array, penalty: Float64Array, insideNumber: Uint8Array, tracking: Uint8Array, lastResort: boolean): void {
  for (const unit of units) {
    const a = indexAtOrAfter(offset, n, unit.start);
    const b = indexAtOrAfter(offset, n, unit.end);
    for (let i = a + 1; i < b; i++) {
      if (unit.address) {
        tracking[i - 1] = 1;
        const kind = addressBreakAt(text, unit.address, offset[i]!);
        penalty[i] = kind === 'afterSlash' ? PENALTY.afterSlash : kind === 'beforeMark' ? PENALTY.beforeMark : kind === 'afterScheme' && lastResort ? PENALTY.lastResort : Infinity;
      } else if (lastResort && unit.yearAt === offset[i]) {
        penalty[i] = PENALTY.lastResort;
      } else if (unit.kind === 'number' && (classes[i - 1]! & C_JOINING_HYPHEN) !== 0 && (classes[i]! & C_DIGIT) !== 0) {
        penalty[i] = PENALTY.hyphen;
      } else penalty[i] = Infinity;
      if (unit.kind === 'number') {
        insideNumber[i] = 1;
        flags[i - 1] = flags[i - 1]! & ~STRETCH; // never letter-space inside a number
      }
    }
    // A break right after a URL or e-mail address that would leave its closing marks alone is already forbidden (kinsoku).
    if (unit.kind === 'number' && b < n) bindUnit(n, cp, classes, flags, penalty, b);
  }
  // A number written with a trailing % (50%) keeps its unit the same way.
  for (let i = 1; i < n; i++) if ((cp[i - 1] === 0x25 || cp[i - 1] === 0xff05) && i < n) bindUnit(n, cp, classes, flags, penalty, i);
  // A single digit (not a unit of its own in units.ts) binds its unit too.
  for (let i = 1; i < n; i++) if ((classes[i - 1]! & C_DIGIT) !== 0 && (i < 2 || (classes[i - 2]! & C_DIGIT) === 0)) bindUnit(n, cp, classes, flags, penalty, i);
}

/** Units of dates, times and numbered things, never parted from their number (GB/T 15835: 2017年, 12月31日, 8时, 22号). */
const DATE_UNITS = new Set([...'年月日时分秒号'].map((c) => c.codePointAt(0)!));

/**
 * The unit after a number at index i: one character (393条) or a compound (2万元, 63人次, 2017年度). A break
 * before a measure word costs PENALTY.unit; before a date or time unit it is forbidden.
 */
function bindUnit(n: number, cp: Int32Array, classes: Int32Array, flags: Uint8Array, penalty: Float64Array, i: number): void {
  if (i >= n || (flags[i]! & WIDE) === 0 || (classes[i]! & C_NUMBER_UNIT) === 0) return;
  const cost = DATE_UNITS.has(cp[i]!) ? Infinity : PENALTY.unit;
  if (penalty[i]! < cost) penalty[i] = cost;
  if (i + 1 < n && (flags[i + 1]! & WIDE) !== 0 && isCompoundUnit(cp[i]!, cp[i + 1]!)) penalty[i + 1] = Infinity;
}

/** Adjacent marks (clreq §3.1.6): a closing mark gives up its blank right half before another mark, an opening mark before an opening mark. */
function compressAdjacentMarks(n: number, classes: Int32Array, flags: Uint8Array, advance: Float64Array, shrink: Float64Array): void {
  for (let i = 0; i + 1 < n; i++) {
    if ((flags[i]! & WIDE) === 0 || (flags[i + 1]! & WIDE) === 0) continue;
    const a = classes[i]!;
    const b = classes[i + 1]!;
    if (((a & C_RIGHT_BLANK) !== 0 && ((b & C_RIGHT_BLANK) !== 0 || (b & C_LEFT_BLANK) !== 0)) || ((a & C_LEFT_BLANK) !== 0 && (b & C_LEFT_BLANK) !== 0)) {
      advance[i] = advance[i]! / 2;
      shrink[i] = 0;
    }
  }
}
