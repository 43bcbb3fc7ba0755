/**
 * Character classes of Chinese text, as data: the one place that says what a character is, used by the line
 * breaker, the title breaker, the validator's lints and the normaliser alike.
 * Sources: W3C clreq §3.1.7 (line-start and line-end prohibition, 禁则) and §3.1.6 (punctuation adjustment),
 * GB/T 15834-2011 (标点符号用法) 5.1.10, GB/T 15835-2011 (出版物上数字用法), UAX #11 (East Asian width),
 * UAX #14 classes CL/CP/OP/QU/NS/IN for the half-width forms.
 */

/** How strict the line-edge prohibitions are (clreq §3.1.7): `basic`, `gb` (default), `strict` (also —— and …… off a line start). */
export type Strictness = 'basic' | 'gb' | 'strict';

const toSet = (chars: string) => new Set([...chars].map((c) => c.codePointAt(0)!));

/** Never at the start of a line: closing brackets and quotes, pause and stop marks, connectors, and the half-width forms. */
const NO_LINE_START = toSet('，。、；：？！）》」』】〉〕〗〙〛］｝”’％‰℃°′″·・〃々〜～﹚﹜﹞／－,.;:?!)]}%');

/** Never at the end of a line: opening brackets and quotes, and the half-width forms. */
const NO_LINE_END = toSet('（《「『【〈〔〖〘〚［｛“‘([{');

/** Marks written doubled as one two-em unit that never splits: —— (U+2014 ×2) and …… (U+2026 ×2, U+22EF ×2). */
const INSEPARABLE = toSet('—…⋯⸺');

/** Full-width marks whose glyph sits in the left half of the em (blank right half); they may be set at half width. */
const RIGHT_BLANK = toSet('，。、；：？！）》」』】〉〕〗〙〛］｝”’');

/** Full-width marks whose glyph sits in the right half of the em (blank left half). */
const LEFT_BLANK = toSet('（《「『【〈〔〖〘〚［｛“‘');

/** Whether the code point may not begin a line at this strictness. */
export function isNoLineStart(cp: number, strictness: Strictness = 'gb'): boolean {
  if (NO_LINE_START.has(cp)) return true;
  return strictness === 'strict' && INSEPARABLE.has(cp);
}

/** Whether the code point may not end a line; `gb` and `strict` also keep the solidus ／ off a line end (clreq §3.1.7). */
export function isNoLineEnd(cp: number, strictness: Strictness = 'gb'): boolean {
  return NO_LINE_END.has(cp) || (strictness !== 'basic' && cp === 0xff0f);
}

/** Whether two adjacent copies of the code point form one unbreakable mark (—— or ……). */
export function isInseparable(cp: number): boolean {
  return INSEPARABLE.has(cp);
}

/** Marks that end a clause or an item of a series (、，；：): where a label that must wrap reads best broken. */
const PAUSES = toSet('、，；：');

/** Whether a code point ends a clause or a series item (、，；：). */
export function isPause(cp: number): boolean {
  return PAUSES.has(cp);
}

/** Marks that end a sentence: 。！？；… and the ASCII ! ? ;. */
const SENTENCE_MARKS = toSet('。！？；…!?;');
/** Closing quotes and brackets that may follow the mark that ends a sentence (……。” , ……。）). */
const AFTER_SENTENCE = toSet('”’）)」』》');

/** Whether a text ends a sentence: its last character, before any closing quotes or brackets and spaces, is a sentence mark. */
export function endsSentence(text: string): boolean {
  let i = text.length;
  while (i > 0 && (AFTER_SENTENCE.has(text.charCodeAt(i - 1)) || /\s/.test(text[i - 1]!))) i--;
  return i > 0 && SENTENCE_MARKS.has(text.charCodeAt(i - 1));
}

/** Whether a full-width mark has a blank right half (may be set at half width: 标点挤压). */
export function hasRightBlank(cp: number): boolean {
  return RIGHT_BLANK.has(cp);
}

/** Whether a full-width mark has a blank left half. */
export function hasLeftBlank(cp: number): boolean {
  return LEFT_BLANK.has(cp);
}

/** Marks of ambiguous East Asian width that take a full grid cell when the font draws them (nearly) an em wide. */
const AMBIGUOUS_WIDE = toSet('—―…⋯⸺·‘’“”※℃‰°′″§№←↑→↓○●□■△▲◆◇★☆');

/** Whether a code point of ambiguous width counts as wide for this advance (in em). */
export function isAmbiguousWide(cp: number, advance: number): boolean {
  return AMBIGUOUS_WIDE.has(cp) && advance >= 0.8;
}

/** Full-width digits ０-９. */
export function isFullwidthDigit(cp: number): boolean {
  return cp >= 0xff10 && cp <= 0xff19;
}

/** Full-width Latin letters Ａ-Ｚ ａ-ｚ. */
export function isFullwidthLatin(cp: number): boolean {
  return (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Full-width digits and Latin letters (０-９ Ａ-Ｚ ａ-ｚ): wide, but they form numbers and words like their ASCII forms. */
export function isFullwidthAlphanumeric(cp: number): boolean {
  return isFullwidthDigit(cp) || isFullwidthLatin(cp);
}

/** Whether the code point is a digit, ASCII or full-width. */
export function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || isFullwidthDigit(cp);
}

/** ASCII letters. */
export function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** Letters and digits of alphabetic scripts (and their full-width forms), which form words never letter-spaced or split. */
export function isWordCharacter(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    isAsciiLetter(cp) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x370 && cp <= 0x52f) ||
    isFullwidthAlphanumeric(cp)
  );
}

/** Characters written between the digits of one number: decimal points, thousands separators, time separators (1,250.5  8:30  ２．５). */
const NUMBER_INNER = toSet('.,:．：');

/** Whether a character between two digits belongs to the number (a decimal point, a thousands separator, a time separator). */
export function isNumberInner(cp: number): boolean {
  return NUMBER_INNER.has(cp);
}

/**
 * Hyphens and dashes that join the parts of one number: of a phone number or a code (0539-7200966,
 * ０５３４－４４６１０２３), or of a range (1—12月, 9:00—11:30, 2021～2025年, 1~3). A line may break after one, never
 * before it.
 */
export function isJoiningHyphen(cp: number): boolean {
  return cp === 0x2d || cp === 0xff0d || cp === 0x2010 || cp === 0x2011 || cp === 0x2013 || cp === 0x2014 || cp === 0xff5e || cp === 0x301c || cp === 0x7e;
}

/** Characters that stay with a preceding number as its unit or measure word (393条, 2017年, 2万元, 50%, 63人次). */
const NUMBER_UNITS = toSet('年月日时分秒号条件篇次个人名位家项场期批份套台辆户元万亿千百米克吨度倍页册本岁天周届类所座处部款点种余多');

/** Whether the code point may be bound to a preceding number as its unit. */
export function isNumberUnit(cp: number): boolean {
  return NUMBER_UNITS.has(cp);
}

const MULTIPLIERS = toSet('万亿千百多余');

/** Whether two unit characters after a number form one unit: 万元, 亿元, 多件, 人次, 件次, 年度. */
export function isCompoundUnit(first: number, second: number): boolean {
  return (MULTIPLIERS.has(first) && isNumberUnit(second)) || second === 0x6b21 /* 次 */ || (first === 0x5e74 && second === 0x5ea6); /* 年度 */
}

/** CJK ideographs (unified, extensions, compatibility) and 〇. */
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

/** Whether a code point is a CJK character for "Chinese context": ideographs, kana, CJK and full-width punctuation, “ ” ‘ ’ — … ·. */
export function isCjkCodePoint(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0x3100 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2014 ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2026 ||
    cp === 0x00b7
  );
}

/** Spaces that a line may break after and that hang past the line end. */
export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || (cp >= 0x2000 && cp <= 0x200a);
}

const COMBINING = /^[\p{M}\u200c\u200d]$/u;

/** Whether a code point is a combining mark (or a joiner): it stays with the character before it, and no line breaks before it. */
export function isCombining(cp: number): boolean {
  // Fast path for the blocks where these reports' text lives.
  if (cp < 0x300 || (cp >= 0x3400 && cp <= 0x9fff)) return false;
  return COMBINING.test(String.fromCodePoint(cp));
}
