/**
 * Units of Chinese official text that a line never splits, or splits only at one kind of place, whatever width
 * they are written in: numbers (393, 1,250.5, ２．５, ８:３０), phone numbers and codes (0539-7200966, breakable
 * after the hyphen), document numbers (国办发〔2015〕22号, 〔2016〕8号), @handles (@山东人社), #topics#, and the
 * addresses of addresses.ts. Linear scans only.
 */
import { findAddresses, type Address } from './addresses.js';
import { isDigit, isIdeograph, isJoiningHyphen, isNumberInner } from './charClass.js';

/** What a protected unit is. */
export type UnitKind = 'url' | 'email' | 'number' | 'documentNumber' | 'handle' | 'topic';

/**
 * A unit as UTF-16 offsets [start, end); `address` is set for URLs and e-mail addresses, `yearAt` for a document number
 * with its issuer's code: the offset of its year bracket (国办发 | 〔2015〕22号), where a typesetter may part it.
 */
export interface TextUnit {
  readonly kind: UnitKind;
  readonly start: number;
  readonly end: number;
  readonly address?: Address;
  readonly yearAt?: number;
}

const cpAt = (text: string, i: number) => text.codePointAt(i)!;
const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** End of the number starting at `i` (digits, with . , : ． ： between digits and hyphens between digit groups). */
function numberEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length) {
    const cp = cpAt(text, end);
    if (isDigit(cp)) {
      end += width(cp);
      continue;
    }
    const next = end + 1 < text.length ? cpAt(text, end + 1) : -1;
    if ((isNumberInner(cp) || isJoiningHyphen(cp)) && isDigit(next)) {
      end += 1;
      continue;
    }
    break;
  }
  return end;
}

/** Issuer codes precede 〔year〕: 国办发, 鲁政办字, 国办公开办函; words that introduce them are not part of them. */
const INTRODUCERS = ['根据', '按照', '依据', '依照', '关于', '印发', '转发', '贯彻', '落实', '执行', '参照', '对照'];
const MAX_ISSUER = 6;

/** Start of the issuer code before the bracket at `open` (as far back as MAX_ISSUER ideographs, after any introducer). */
function issuerStart(text: string, open: number): number {
  let start = open;
  let count = 0;
  while (start > 0 && count < MAX_ISSUER) {
    const prev = text.codePointAt(start - 1)!;
    const unit = prev >= 0xdc00 && prev <= 0xdfff && start > 1 ? 2 : 1;
    const cp = text.codePointAt(start - unit)!;
    if (!isIdeograph(cp)) break;
    start -= unit;
    count++;
  }
  const code = text.slice(start, open);
  let cut = 0;
  for (const word of INTRODUCERS) {
    const at = code.lastIndexOf(word);
    if (at >= 0) cut = Math.max(cut, at + word.length);
  }
  return start + cut;
}

const OPENERS = '〔[［【'; // U+3014 U+005B U+FF3B U+3010, tested by code in findUnits
const CLOSERS = '〕]］】';

/** A document number whose year bracket opens at `open`: [start, end) or undefined (〔2015〕22号, 国办发〔2015〕第22号). */
function documentNumberAt(text: string, open: number): [number, number] | undefined {
  const closer = CLOSERS[OPENERS.indexOf(text[open]!)]!;
  let i = open + 1;
  const yearStart = i;
  while (i < text.length && isDigit(cpAt(text, i))) i += width(cpAt(text, i));
  if (i - yearStart < 4 || i - yearStart > 8 || text[i] !== closer) return undefined;
  i++;
  if (text[i] === '第') i++;
  const numStart = i;
  while (i < text.length && isDigit(cpAt(text, i))) i += width(cpAt(text, i));
  if (i === numStart || text[i] !== '号') return undefined;
  return [issuerStart(text, open), i + 1];
}

/** A document number whose year is bracketed with other marks than 〔 〕, and the offsets of the two brackets. */
export interface MisbracketedYear {
  readonly start: number;
  readonly end: number;
  readonly open: number;
  readonly close: number;
}

/** A year in one of YEAR_BRACKETS' pairs (or a mismatched one), as a fast test before the scan. */
const MISBRACKETED_YEAR = /[[［【（(][\d０-９]{4}[\]］】）)]/;
const YEAR_BRACKETS: Readonly<Record<string, string>> = { '[': ']', '［': '］', '【': '】', '（': '）', '(': ')' };

/**
 * Document numbers whose year is bracketed with [ ] ［ ］ 【 】 （ ） or ( ) (国办发[2021]30号, 鲁政办字（2016）8号):
 * GB/T 9704 brackets it with 六角括号 〔 〕. An issuer code of two ideographs or more must precede the bracket, so that
 * a year in parentheses such as （2021）京01民初30号 or 第（2021）30号 is no document number.
 */
export function findMisbracketedYears(text: string): MisbracketedYear[] {
  if (!MISBRACKETED_YEAR.test(text)) return [];
  const found: MisbracketedYear[] = [];
  for (let open = 1; open < text.length; open++) {
    const closer = YEAR_BRACKETS[text[open]!];
    if (closer === undefined || open - issuerStart(text, open) < 2) continue;
    let i = open + 1;
    while (i < text.length && isDigit(cpAt(text, i))) i++;
    if (i - open - 1 !== 4 || text[i] !== closer) continue;
    const close = i++;
    if (text[i] === '第') i++;
    const numStart = i;
    while (i < text.length && isDigit(cpAt(text, i))) i++;
    if (i === numStart || text[i] !== '号') continue;
    found.push({ start: issuerStart(text, open), end: i + 1, open, close });
  }
  return found;
}

const HANDLE_MAX = 16;
const TOPIC_MAX = 24;

const isHandleChar = (cp: number) => isIdeograph(cp) || isDigit(cp) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;

/** Every protected unit of a text, in text order, not overlapping (addresses first, then document numbers, handles, topics, numbers). */
export function findUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const taken = new Uint8Array(text.length);
  const add = (kind: UnitKind, start: number, end: number, extra: { address?: Address; yearAt?: number } = {}) => {
    for (let k = start; k < end; k++) if (taken[k] === 1) return;
    taken.fill(1, start, end);
    units.push({ kind, start, end, ...extra });
  };
  for (const a of findAddresses(text)) add(a.kind, a.start, a.end, { address: a });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3014 || c === 0x5b || c === 0xff3b || c === 0x3010) {
      // one of OPENERS
      const doc = documentNumberAt(text, i);
      if (doc) add('documentNumber', doc[0], doc[1], doc[0] < i ? { yearAt: i } : {});
    } else if ((c === 0x40 || c === 0xff20) && taken[i] !== 1) {
      let end = i + 1;
      let n = 0;
      while (end < text.length && n < HANDLE_MAX && isHandleChar(cpAt(text, end))) (end += width(cpAt(text, end))), n++;
      if (n >= 2) add('handle', i, end);
    } else if (c === 0x23 && taken[i] !== 1) {
      const close = text.indexOf('#', i + 1);
      if (close > i + 1 && close - i <= TOPIC_MAX && !/\s/.test(text.slice(i + 1, close))) add('topic', i, close + 1);
    }
  }
  for (let i = 0; i < text.length; ) {
    const cp = cpAt(text, i);
    if (isDigit(cp) && taken[i] !== 1) {
      const end = numberEnd(text, i);
      if (end - i > 1) add('number', i, end);
      i = end;
    } else i += width(cp);
  }
  return units.sort((a, b) => a.start - b.start);
}
