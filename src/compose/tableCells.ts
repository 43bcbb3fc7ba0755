/**
 * The text of a table's cells set in lines: a value on one line, 均排 over its cells, a label wrapped where a
 * typesetter would break it (setLabel). Lines are kept per composition, cell, size and width, since the column widths
 * try a width before the table is laid out at it.
 */
import type { DocCell } from '../model/document.js';
import type { FontRole } from '../model/fontRole.js';
import { isIdeograph, isPause } from '../text/charClass.js';
import { findLeadingNumbering } from '../text/numbering.js';
import { findShortQuoted } from '../text/quotes.js';
import { LABEL_WORDS, leadingPlaceNames } from '../text/titleWords.js';
import type { Line } from '../typeset/breakLines.js';
import { titleWordRanges, wordRanges } from './title.js';
import { KEPT_SETTINGS, keptMap, type SetOptions, type Typesetter } from './typesetter.js';
import { HASH_START, hashValue, sameValue } from './valueHash.js';

/** The role of a cell's text (its first piece's). */
export const roleOf = (cell: DocCell): FontRole => cell.pieces[0]?.role ?? 'table';

/** Padding inside a cell's rules at a size: 0.3 of a grid cell. */
export const cellPad = (ts: Typesetter, size: number): number => ts.cell('table', size) * 0.3;

/**
 * Characters of a phrase after a label's numbering that stay on one line: a four-character term (不予公开, 无法提供,
 * 其他处理) is the common unit of these labels, and one split (（三）不 / 予公开) splits a word; a longer phrase
 * is a compound that has places of its own to break.
 */
const WHOLE_PHRASE = 4;

/** A quoted term or title (“临沂民政”, 《条例》) of at most this many characters inside is kept on one line of a label, as a word. */
const SHORT_QUOTED = 6;

/** The UTF-16 range of a label's short phrase after its numbering (（三）[不予公开]), kept on one line; or undefined. */
export function wholePhrase(text: string): readonly [number, number] | undefined {
  const numbering = findLeadingNumbering(text);
  if (numbering === undefined) return undefined;
  const phrase = text.slice(numbering.length);
  return [...phrase].length <= WHOLE_PHRASE && !/\s/.test(phrase) ? [numbering.length, text.length] : undefined;
}

/** Where a wrapped cell's lines after the first begin, from the cell's left: under the text after the first piece when hanging. */
export function restIndentOf(ts: Typesetter, cell: DocCell, size: number): number {
  const indent = cell.indent * ts.cell(roleOf(cell), size);
  return cell.hanging && cell.pieces.length > 1 ? indent + ts.width(roleOf(cell), cell.pieces[0]!.text, size) : indent;
}

/** A cell's lines, by size, then width (a column's width is tried, then laid out; the padding follows the size). */
type CellLines = Map<number, Map<number, readonly Line[]>>;

/**
 * A label's lines (by size, then width), kept with the first cell they were set for: a cell is served them only when
 * everything setCell reads besides the typesetter, size and width is the same (sameLabel). Of the names the cell
 * keeps whole, only those in its text count (the others change nothing: wordsOf finds no range of theirs), so that a
 * label serves the reports of every agency. Labels whose hashes collide are chained.
 */
interface KeptLabel {
  readonly cell: DocCell;
  readonly names: readonly string[];
  readonly lines: CellLines;
  readonly next: KeptLabel | undefined;
}

/**
 * Labels' lines kept from render to render: per font stack of the table role, by the typesetter's key, then the
 * hash of the cell's text and setting (labelHash), since the labels of a format's tables are the same in every
 * report and setting one tries many breaks (setLabel). Never changed: the same lines serve every repeat.
 */
const cellsSet = new WeakMap<object, Map<string, Map<number, KeptLabel>>>();
/** Labels kept per font and typesetter key before they are dropped and set anew (a long-running server; a composition
 * that sets more keeps them until the next one). */
const CELLS_ENTRIES = 2_000;

/** Per composition: each cell's lines, and the labels' lines kept for its typesetter's key (cellsSet). */
const compositions = new WeakMap<Typesetter, { readonly cells: WeakMap<DocCell, CellLines>; readonly shared: Map<number, KeptLabel> }>();

/** The names a cell keeps whole that occur in its text. */
function namesIn(cell: DocCell): readonly string[] {
  if (!cell.keepWords || cell.keepWords.length === 0) return [];
  let text = '';
  for (const p of cell.pieces) text += p.text;
  return cell.keepWords.filter((name) => name.length > 0 && text.includes(name));
}

/** The hash of everything setCell reads of a label besides the typesetter, size and width. */
function labelHash(cell: DocCell, names: readonly string[]): number {
  let h = hashValue(hashValue(hashValue(hashValue(hashValue(HASH_START, cell.align), cell.indent), cell.hanging), cell.rowSpan), names);
  for (const p of cell.pieces) h = hashValue(hashValue(h, p.role), p.text);
  return h >>> 0;
}

/** Whether two labels are set alike: the same alignment, indent, hanging, row span, names kept and pieces (role and text). */
function sameLabel(a: DocCell, aNames: readonly string[], b: DocCell, bNames: readonly string[]): boolean {
  if (a.align !== b.align || !sameValue(a.indent, b.indent) || a.hanging !== b.hanging || !sameValue(a.rowSpan, b.rowSpan) || !sameValue(aNames, bNames)) return false;
  if (a.pieces.length !== b.pieces.length) return false;
  for (let i = 0; i < a.pieces.length; i++) if (a.pieces[i]!.role !== b.pieces[i]!.role || a.pieces[i]!.text !== b.pieces[i]!.text) return false;
  return true;
}

function cellEntry(ts: Typesetter, cell: DocCell): CellLines {
  let composition = compositions.get(ts);
  if (!composition) {
    const shared = keptMap(keptMap(cellsSet, ts.fonts.table.stack, KEPT_SETTINGS), ts.key, CELLS_ENTRIES);
    compositions.set(ts, (composition = { cells: new WeakMap(), shared }));
  }
  let entry = composition.cells.get(cell);
  if (entry) return entry;
  if (cell.noWrap) {
    // A value: one line, set by ts.set and ts.width (which keep theirs); values differ from report to report.
    composition.cells.set(cell, (entry = new Map()));
    return entry;
  }
  const names = namesIn(cell);
  const hash = labelHash(cell, names);
  const chain = composition.shared.get(hash);
  for (let k = chain; k !== undefined && !entry; k = k.next) if (sameLabel(k.cell, k.names, cell, names)) entry = k.lines;
  if (!entry) composition.shared.set(hash, { cell, names, lines: (entry = new Map()), next: chain });
  composition.cells.set(cell, entry);
  return entry;
}

/** Width of a cell between the edges of its columns. */
export const cellWidthOf = (cell: DocCell, edges: readonly number[]) => edges[Math.min(cell.column + cell.colSpan, edges.length - 1)]! - edges[cell.column]!;

/** The lines of a cell of the given width (rules and padding included) at a size, with the size's padding. */
export function cellLines(ts: Typesetter, cell: DocCell, width: number, size: number, pad: number): readonly Line[] {
  const bySize = cellEntry(ts, cell);
  let byWidth = bySize.get(size);
  if (!byWidth) bySize.set(size, (byWidth = new Map()));
  let lines = byWidth.get(width);
  if (!lines) byWidth.set(width, (lines = setCell(ts, cell, width, size, pad)));
  return lines;
}

function setCell(ts: Typesetter, cell: DocCell, width: number, size: number, pad: number): readonly Line[] {
  if (!cell.pieces.some((p) => p.text.length > 0)) return [];
  const role = roleOf(cell);
  const measure = width - 2 * pad;
  const cellWidth = ts.cell(role, size);
  const text = cell.pieces.map((p) => p.text).join('');
  if (cell.align === 'distribute') {
    // 均排 over as many cells as the text would fill with one blank cell between characters, centred in the cell.
    const spread = Math.min((2 * [...text].length - 1) * cellWidth, measure);
    return ts.set(cell.pieces, { measure: (measure + spread) / 2, align: 'distribute', size, indent: (measure - spread) / 2 });
  }
  const align = cell.align === 'center' ? 'center' : 'left';
  if (cell.noWrap) {
    // A value is one line, centred in the cell (or flush left when the cell is narrower than the value).
    const natural = ts.width(role, text, size);
    return ts.set(cell.pieces, { measure: Math.max(measure, natural), align: natural > measure ? 'left' : align, size, ownText: true });
  }
  const indent = cell.indent * cellWidth;
  const lines = setLabel(ts, cell.pieces, role, text, { measure, align, indent, restIndent: restIndentOf(ts, cell, size), size }, cell.rowSpan, wordsOf(cell, text));
  if (align === 'center' && lines.length === 2 && indent === 0 && isStackable(text) && endsAlone(lines)) {
    // A short heading (centred: a label of the body is set flush left, and a third line would make its row taller)
    // that would end on one character alone (自然 / 人) is stacked a character a line, centred in the cell (自 / 然 /
    // 人), as forms set a short heading in a narrow column.
    return ts.set(cell.pieces, { measure: (measure + cellWidth) / 2, align: 'center', indent: (measure - cellWidth) / 2, restIndent: (measure - cellWidth) / 2, size });
  }
  return lines;
}

/** The ranges of a cell's words (wordsOf), found once per cell: its label is set at every width a column tries. */
const cellWords = new WeakMap<DocCell, readonly (readonly [number, number])[]>();

/**
 * UTF-16 ranges of the words a label keeps whole where it can: of these reports, the cell's names (the agency and its
 * places), the label's start up to each administrative unit it begins with (建新镇人民政府门户网站: 建新镇;
 * 关于枣庄市城乡低保…: 关于枣庄市), short quoted terms.
 */
function wordsOf(cell: DocCell, text: string): readonly (readonly [number, number])[] {
  let words = cellWords.get(cell);
  if (!words) {
    const names = [...(cell.keepWords ?? []), ...leadingPlaceNames(text)];
    cellWords.set(cell, (words = [...wordRanges(text, LABEL_WORDS, titleWordRanges(text, names)), ...findShortQuoted(text, SHORT_QUOTED)]));
  }
  return words;
}

/** Whether wrapped lines end on one character alone (the last of 自然 / 人, or of a stack 自 / 然 / 人). */
export const endsAlone = (lines: readonly Line[]): boolean => lines.length > 1 && [...lines[lines.length - 1]!.text.trim()].length === 1;

/** Characters of the longest heading stacked a character a line rather than end on one alone (stacked, 自然人 takes three lines). */
const STACKED = 3;

/** Whether a text is a short run of ideographs that is stacked a character a line rather than wrapped with one alone. */
function isStackable(text: string): boolean {
  const chars = [...text];
  return chars.length <= STACKED && chars.every((c) => isIdeograph(c.codePointAt(0)!));
}

/**
 * Sets a label. One that wraps is broken, each rule taken when its lines fit and are no more than the label would
 * take without it, or than the `rows` it spans (each row holds a line: 三、本年度 / 办理 / 结果 beside fourteen rows,
 * （三）/ 不予 / 公开 beside eight, not 三、本年 / 度办理 / 结果 and （三）/ 不予公 / 开):
 *  1. after a pause mark (、，；：), into lines as even as they can be: 危及国家安全、公共安全、/ 经济安全和社会稳定,
 *     not …经济安全和社 / 会稳定;
 *  2. with a short phrase after its numbering on one line: （三）/ 不予公开, not （三）不 / 予公开;
 *  3. not inside a word (`allWords`: of these reports, 政府信息公开, 年度, 提供 …; a name the cell keeps, the agency
 *     and its places, 临沂市; a short quoted term, “临沂民政”), nor then inside a clause (up to a pause mark) that fits
 *     a line: 1.申请人无正当理由逾期不补正、/ 行政机关不再处理其 / 政府信息公开申请, not …其政府信息公 / 开申请 nor
 *     …逾期不 / 补正、….
 */
function setLabel(ts: Typesetter, pieces: DocCell['pieces'], role: FontRole, text: string, options: SetOptions & { measure: number; indent: number; restIndent: number }, rows: number, allWords: readonly (readonly [number, number])[]): readonly Line[] {
  let lines = ts.set(pieces, options);
  if (lines.length === 1) return lines;
  const { measure, indent, restIndent } = options;
  const most = Math.max(lines.length, rows);
  const fits = (set: readonly Line[]) => set.length <= most && set.every((line, k) => line.width <= measure - (k === 0 ? indent : restIndent) + 0.01);
  const atPause = ts.balance(pieces, (offset) => offset > 0 && offset < text.length && isPause(text.charCodeAt(offset - 1)), options);
  if (atPause && atPause.length <= most) lines = atPause;
  // The phrase is kept whole only where it fits a line (（三）/ 不予 / 公开 in a column three characters wide).
  const phrase = wholePhrase(text);
  const kept: (readonly [number, number])[] = [];
  if (phrase) {
    const whole = ts.set(pieces, { ...options, keepTogether: [phrase] });
    if (fits(whole) && splitCount(whole, [phrase]) === 0) {
      lines = whole;
      kept.push(phrase);
    }
  }
  // Only the words that fit a line can be kept whole.
  const room = measure - Math.max(indent, restIndent);
  const words = allWords.filter(([s, e]) => ts.width(role, text.slice(s, e), options.size) <= room);
  const splits = (set: readonly Line[]) => splitCount(set, words) > 0;
  if (!splits(lines)) return lines;
  const clauses: [number, number][] = [];
  for (let a = 0, b = 1; b <= text.length; b++) {
    if (b < text.length && !isPause(text.charCodeAt(b - 1))) continue;
    if (b - a > 1 && ts.set([{ role, text: text.slice(a, b) }], { ...options, indent: Math.max(indent, restIndent) }).length === 1) clauses.push([a, b]);
    a = b;
  }
  for (const keep of clauses.length > 0 ? [[...kept, ...words, ...clauses], [...kept, ...words]] : [[...kept, ...words]]) {
    const whole = ts.set(pieces, { ...options, keepTogether: keep });
    if (fits(whole) && !splits(whole)) return whole;
  }
  // Not every word can stay whole in these lines: as few as can be are split (建新镇 / 人民政府门户 / 网站政务公开 /
  // 专栏建设情况, not 建新镇人民 / 政府门户网 / 站政务公 / 开专栏建设 / 情况).
  const fewer = ts.set(pieces, { ...options, keepTogether: kept, avoidBreaks: words });
  return fits(fewer) && splitCount(fewer, words) < splitCount(lines, words) ? fewer : lines;
}

/** How many of the ranges (words) the lines break inside. */
function splitCount(lines: readonly Line[], words: readonly (readonly [number, number])[]): number {
  return words.filter(([s, e]) => lines.some((line) => !line.last && s < line.end && line.end < e)).length;
}
