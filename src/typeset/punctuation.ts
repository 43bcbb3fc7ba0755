/**
 * Character classes for Chinese line layout, as data.
 * Sources: W3C clreq §3.1.7 (line-start and line-end prohibition, 禁则), GB/T 15834-2011 (标点符号用法) 5.1.10,
 * UAX #14 classes CL/CP/OP/QU/NS/IN for the half-width forms.
 */

/** How strict the line-edge prohibitions are (clreq §3.1.7): `basic`, `gb` (default), `strict` (also —— and …… off a line start). */
export type Strictness = 'basic' | 'gb' | 'strict';

/** Never at the start of a line: closing brackets and quotes, pause and stop marks, and the half-width forms. */
const NO_LINE_START = '，。、；：？！）》」』】〉〕〗〙〛］｝”’％‰℃°′″·・〃々〜～﹚﹜﹞／,.;:?!)]}%';

/** Never at the end of a line: opening brackets and quotes, and the half-width forms. */
const NO_LINE_END = '（《「『【〈〔〖〘〚［｛“‘([{';

/** Marks written doubled as one two-em unit that never splits: —— (U+2014 ×2) and …… (U+2026 ×2, U+22EF ×2). */
const INSEPARABLE = '—…⋯⸺';

/** Full-width marks whose glyph sits in the left half of the em (blank right half); they may be set at half width. */
const RIGHT_BLANK = '，。、；：？！）》」』】〉〕〗〙〛］｝”’';

/** Full-width marks whose glyph sits in the right half of the em (blank left half). */
const LEFT_BLANK = '（《「『【〈〔〖〘〚［｛“‘';

const toSet = (chars: string) => new Set([...chars].map((c) => c.codePointAt(0)!));
const noLineStart = toSet(NO_LINE_START);
const noLineEnd = toSet(NO_LINE_END);
const inseparable = toSet(INSEPARABLE);
const rightBlank = toSet(RIGHT_BLANK);
const leftBlank = toSet(LEFT_BLANK);

/** Whether the code point may not begin a line at this strictness. */
export function isNoLineStart(cp: number, strictness: Strictness): boolean {
  if (noLineStart.has(cp)) return true;
  return strictness === 'strict' && inseparable.has(cp);
}

/** Whether the code point may not end a line; `gb` and `strict` also keep the solidus ／ off a line end (clreq §3.1.7). */
export function isNoLineEnd(cp: number, strictness: Strictness = 'gb'): boolean {
  return noLineEnd.has(cp) || (strictness !== 'basic' && cp === 0xff0f);
}

/** Marks of ambiguous East Asian width that take a full grid cell when the font draws them (nearly) an em wide. */
const AMBIGUOUS_WIDE = toSet('—―…⋯⸺·‘’“”※℃‰°′″§№←↑→↓○●□■△▲◆◇★☆');

/** Whether a code point of ambiguous width counts as wide for this advance (in em). */
export function isAmbiguousWide(cp: number, advance: number): boolean {
  return AMBIGUOUS_WIDE.has(cp) && advance >= 0.8;
}

/** Full-width digits and Latin letters (０-９ Ａ-Ｚ ａ-ｚ): wide, but never split from each other. */
export function isFullwidthAlphanumeric(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Whether two adjacent copies of the code point form one unbreakable mark (—— or ……). */
export function isInseparable(cp: number): boolean {
  return inseparable.has(cp);
}

/** Whether a full-width mark has a blank right half (may be compressed to half an em before another mark). */
export function hasRightBlank(cp: number): boolean {
  return rightBlank.has(cp);
}

/** Whether a full-width mark has a blank left half. */
export function hasLeftBlank(cp: number): boolean {
  return leftBlank.has(cp);
}

/** Characters that stay with a preceding number as its unit or measure word (393条, 2017年, 2万元, 50%, 63人次). */
const NUMBER_UNITS = toSet('年月日时分秒号条件篇次个人名位家项场期批份套台辆户元万亿千百米克吨度倍页册本岁天周届类所座处部款点种余多');

/** Whether the code point may be bound to a preceding number as its unit. */
export function isNumberUnit(cp: number): boolean {
  return NUMBER_UNITS.has(cp);
}

const MULTIPLIERS = toSet('万亿千百多余');
const COMPOUND_SECOND = toSet('次');

/** Whether two unit characters after a number form one unit: 万元, 亿元, 多件, 人次, 件次, 年度. */
export function isCompoundUnit(first: number, second: number): boolean {
  return (MULTIPLIERS.has(first) && isNumberUnit(second)) || COMPOUND_SECOND.has(second) || (first === 0x5e74 && second === 0x5ea6);
}

/** CJK ideographs (unified, extensions, compatibility). */
export function isIdeograph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    cp === 0x3007
  );
}

/** Wide (East Asian Width W/F) code points: they take one grid cell. Ambiguous marks such as “ ” … — are judged by the font's advance. */
export function isWideCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Letters and digits of alphabetic scripts, which form words that are never letter-spaced or split. */
export function isWordCharacter(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x370 && cp <= 0x52f)
  );
}

/** Whether the code point is a digit, ASCII or full-width. */
export function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}
