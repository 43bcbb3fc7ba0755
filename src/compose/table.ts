/**
 * The table engine: a table of the resolved document (cells with column and row spans, header rows, keep rules)
 * laid out on the measure. Column widths follow the automatic table layout of CSS 2.1 §17.5.2.2: every column gets
 * its minimum (a value never wraps; a label keeps at least two characters a line, and a short phrase after its
 * numbering whole), and what is left is shared in proportion to how much more each column would like. A table that
 * cannot fit is set in a smaller size, down to the table's smallest size. A wrapped label breaks where a typesetter
 * would (setLabel). Rows are placed by the paginator; this module draws them on a page with their rules.
 */
import type { FontRole } from '../model/fontRole.js';
import type { DocCell, DocRow, DocTable } from '../model/document.js';
import { isPause } from '../text/charClass.js';
import { findLeadingNumbering } from '../text/numbering.js';
import { findShortQuoted } from '../text/quotes.js';
import type { Line } from '../typeset/breakLines.js';
import type { PageItem, TextItem } from './page.js';
import { titleWordRanges } from './title.js';
import type { SetOptions, Typesetter } from './typesetter.js';

/** Rule width of the table borders in points. */
const RULE = 0.5;
/** Sizes tried, largest first, when a table does not fit (小四, 五号, 小五 …). */
const SIZES = [12, 10.5, 9, 7.5];

/** A cell laid out: its measure's left edge and width (from the table's left), and its lines. */
export interface CellLayout {
  readonly cell: DocCell;
  readonly x: number;
  readonly width: number;
  readonly lines: readonly Line[];
  readonly role: FontRole;
}

/** A row laid out: the cells that start in it and its height. */
export interface RowLayout {
  readonly cells: readonly CellLayout[];
  readonly height: number;
  readonly keepWithNext: boolean;
  readonly struct: number;
  /** Index of the row among the header rows or the body rows. */
  readonly index: number;
  readonly header: boolean;
}

/** A table laid out at one size. */
export interface TableLayout {
  readonly table: DocTable;
  readonly size: number;
  readonly pad: number;
  readonly lineStep: number;
  /** Column edges from the table's left edge, edges[0] = 0. */
  readonly edges: readonly number[];
  readonly header: readonly RowLayout[];
  readonly body: readonly RowLayout[];
  /** Total height of the header rows (repeated on every page). */
  readonly headerHeight: number;
}

const roleOf = (cell: DocCell): FontRole => cell.pieces[0]?.role ?? 'table';

/**
 * Characters of a phrase after a label's numbering that stay on one line: a four-character term (不予公开, 无法提供,
 * 其他处理) is the common unit of these labels, and one split (（三）不 / 予公开) splits a word; a longer phrase
 * is a compound that has places of its own to break.
 */
const WHOLE_PHRASE = 4;

/** A quoted term or title (“临沂民政”, 《条例》) of at most this many characters inside is kept on one line of a label, as a word. */
const SHORT_QUOTED = 6;

/** Characters a line a wrapped label keeps when the table has room (minComfort). */
const COMFORT = 4;

/** The UTF-16 range of a label's short phrase after its numbering (（三）[不予公开]), kept on one line; or undefined. */
function wholePhrase(text: string): readonly [number, number] | undefined {
  const numbering = findLeadingNumbering(text);
  if (numbering === undefined) return undefined;
  const phrase = text.slice(numbering.length);
  return [...phrase].length <= WHOLE_PHRASE && !/\s/.test(phrase) ? [numbering.length, text.length] : undefined;
}

/** Where a wrapped cell's lines after the first begin, from the cell's left: under the text after the first piece when hanging. */
function restIndentOf(ts: Typesetter, cell: DocCell, size: number): number {
  const indent = cell.indent * ts.cell(roleOf(cell), size);
  return cell.hanging && cell.pieces.length > 1 ? indent + ts.width(roleOf(cell), cell.pieces[0]!.text, size) : indent;
}

/**
 * Minimum and preferred widths of a table's columns: `min` keeps two characters a line, `minPiece` also the widest
 * piece that may not break (a width below it forces an emergency break), `minWhole` also a short phrase after a
 * label's numbering, `minComfort` four characters a line (a label's lines narrower than that read as a column of
 * syllables: other columns give room for a piece from above it first).
 */
interface ColumnWidths {
  readonly min: number[];
  readonly minPiece: number[];
  readonly minComfort: number[];
  readonly minWhole: number[];
  readonly pref: number[];
  /** The widths fitted to a measure (widthsAt), by measure. */
  readonly fitted: Map<number, number[] | undefined>;
}

/** Column widths already worked out, per composition, table and size (a table's fit is tried, then laid out). */
const measured = new WeakMap<Typesetter, WeakMap<DocTable, Map<string, ColumnWidths>>>();

/** Minimum and preferred widths of the columns at a size (ColumnWidths): a value never wraps. */
function columnWidths(ts: Typesetter, table: DocTable, size: number, pad: number): ColumnWidths {
  let tables = measured.get(ts);
  if (!tables) measured.set(ts, (tables = new WeakMap()));
  let bySize = tables.get(table);
  if (!bySize) tables.set(table, (bySize = new Map()));
  const key = `${size}:${pad}`;
  let widths = bySize.get(key);
  if (!widths) bySize.set(key, (widths = measureColumns(ts, table, size, pad)));
  return widths;
}

function measureColumns(ts: Typesetter, table: DocTable, size: number, pad: number): ColumnWidths {
  const n = table.columns.length;
  const min = new Array<number>(n).fill(2 * pad);
  const minPiece = new Array<number>(n).fill(2 * pad);
  const minComfort = new Array<number>(n).fill(2 * pad);
  const minWhole = new Array<number>(n).fill(2 * pad);
  const pref = new Array<number>(n).fill(2 * pad);
  const cellWidths = (cell: DocCell) => {
    const role = roleOf(cell);
    const text = cell.pieces.map((p) => p.text).join('');
    const indent = cell.indent * ts.cell(role, size);
    const natural = ts.width(role, text, size) + indent + 2 * pad;
    const keep = cell.noWrap || text.length === 0 ? Infinity : cell.align === 'distribute' ? 4 : 2;
    const least = Math.min(natural, keep * ts.cell(role, size) + indent + 2 * pad);
    if (keep === Infinity || cell.align === 'distribute') return { min: least, minPiece: least, minComfort: least, minWhole: least, pref: natural };
    const restIndent = restIndentOf(ts, cell, size);
    // The widest piece that may not break (〔2017〕12号, （条）), wherever its line starts.
    const piece = Math.min(natural, Math.max(least, Math.max(indent, restIndent) + ts.minContent(cell.pieces, size) + 2 * pad));
    const comfort = Math.min(natural, Math.max(piece, COMFORT * ts.cell(role, size) + indent + 2 * pad));
    const phrase = wholePhrase(text);
    const whole = phrase ? Math.min(natural, Math.max(piece, restIndent + ts.width(role, text.slice(phrase[0]), size) + 2 * pad)) : piece;
    return { min: least, minPiece: piece, minComfort: comfort, minWhole: whole, pref: natural };
  };
  const rows = [...table.header, ...table.body];
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.colSpan !== 1) continue;
      const w = cellWidths(cell);
      min[cell.column] = Math.max(min[cell.column]!, w.min);
      minPiece[cell.column] = Math.max(minPiece[cell.column]!, w.minPiece);
      minComfort[cell.column] = Math.max(minComfort[cell.column]!, w.minComfort);
      minWhole[cell.column] = Math.max(minWhole[cell.column]!, w.minWhole);
      pref[cell.column] = Math.max(pref[cell.column]!, w.pref);
    }
  }
  // A spanning cell wider than its columns widens them evenly.
  const widen = (mins: number[], need: number, cols: readonly number[]) => {
    const sum = cols.reduce((s, c) => s + mins[c]!, 0);
    if (need > sum) for (const c of cols) mins[c]! += (need - sum) / cols.length;
  };
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.colSpan === 1) continue;
      const cols = Array.from({ length: cell.colSpan }, (_, k) => cell.column + k).filter((c) => c < n);
      const w = cellWidths(cell);
      widen(min, w.min, cols);
      widen(minPiece, w.minPiece, cols);
      widen(minComfort, w.minComfort, cols);
      widen(minWhole, w.minWhole, cols);
      for (const c of cols) pref[c] = Math.max(pref[c]!, min[c]!, minWhole[c]!);
    }
  }
  return { min, minPiece, minComfort, minWhole, pref, fitted: new Map() };
}

/** CSS 2.1 §17.5.2.2 over some columns: each gets its minimum, and `room` beyond the minimums is shared by (pref − min). */
function share(columns: readonly number[], min: readonly number[], pref: readonly number[], room: number, out: number[]): number {
  const want = columns.reduce((s, c) => s + (pref[c]! - min[c]!), 0);
  const given = Math.min(room, want);
  for (const c of columns) out[c] = min[c]! + (want > 0 ? (given * (pref[c]! - min[c]!)) / want : 0);
  return room - given;
}

/** Share of the measure that value and unit columns take at their preferred width (one-line headings) before wrapping. */
const VALUE_SHARE = 0.3;

/**
 * Column widths that fill the measure, or undefined when even the minimums do not fit. Value and unit columns take
 * their preferred width when that is a small share of the measure (headings on one line), else their minimum
 * (headings wrapped two characters a line); label columns share the rest; what is left widens every column alike.
 */
function fitColumns(table: DocTable, min: number[], pref: number[], measure: number): number[] | undefined {
  if (min.reduce((a, b) => a + b, 0) > measure + 0.01) return undefined;
  const widths = min.slice();
  const labels = table.columns.map((k, c) => (k === 'label' ? c : -1)).filter((c) => c >= 0);
  const values = table.columns.map((k, c) => (k !== 'label' ? c : -1)).filter((c) => c >= 0);
  const valuePref = values.reduce((s, c) => s + pref[c]!, 0);
  const labelMin = labels.reduce((s, c) => s + min[c]!, 0);
  let room = measure - min.reduce((a, b) => a + b, 0);
  if (labels.length > 0 && valuePref + labelMin <= measure && valuePref <= VALUE_SHARE * measure) {
    for (const c of values) widths[c] = pref[c]!;
    room = measure - valuePref - labelMin;
  }
  room = share(labels.length > 0 ? labels : values, widths, pref, room, widths);
  if (room > 0) room = share(values, widths, pref, room, widths);
  if (room > 0) {
    const total = widths.reduce((a, b) => a + b, 0);
    for (let c = 0; c < widths.length; c++) widths[c]! += (room * widths[c]!) / total;
  }
  return widths;
}

/**
 * Column widths of a table at a size (undefined when it does not fit): shared as CSS 2.1 says over the minimums of two
 * characters a line, then settled so that no piece must break and short phrases stay whole (settleColumns).
 */
function widthsAt(ts: Typesetter, table: DocTable, size: number, measure: number): number[] | undefined {
  const pad = ts.cell('table', size) * 0.3;
  const { min, minPiece, minComfort, minWhole, pref, fitted } = columnWidths(ts, table, size, pad);
  if (!fitted.has(measure)) {
    const widths = minPiece.reduce((a, b) => a + b, 0) > measure + 0.01 ? undefined : fitColumns(table, min, pref, measure);
    fitted.set(measure, widths && settleColumns(ts, table, widths, { minPiece, minComfort, minWhole }, size, pad, measure));
  }
  return fitted.get(measure);
}

/**
 * Widens the columns the shared widths leave too narrow, keeping the others as they were as far as it can:
 *  1. a column narrower than its `minWhole` (a short phrase after a label's numbering) takes the difference from one
 *     other label column whose cells keep exactly their lines at the narrower width (the one with most to spare
 *     first), or stays as it is when none can;
 *  2. a column still narrower than its `minPiece` (where a piece that may not break would be broken) takes the
 *     difference from the others' room above their `minComfort`, in proportion, and what that does not cover from
 *     their room above their own `minPiece` (the widths fit: the `minPiece` sum to at most the measure).
 */
function settleColumns(ts: Typesetter, table: DocTable, shared: readonly number[], mins: { minPiece: readonly number[]; minComfort: readonly number[]; minWhole: readonly number[] }, size: number, pad: number, measure: number): number[] {
  const { minPiece, minComfort, minWhole } = mins;
  let widths = shared.slice();
  const rows = [...table.header, ...table.body];
  // Cells are compared by the edges of the widths (as layoutTable lays them out): those before, and a trial's.
  const ends = (cell: DocCell, edges: readonly number[]) => cellLines(ts, cell, cellWidthOf(cell, edges), size, pad).map((l) => l.end).join();
  // A label on one line stays one line while it fits (most cells); only wrapped ones are set again.
  const oneLine = (cell: DocCell, edges: readonly number[]) =>
    cell.align !== 'distribute' && cell.indent * ts.cell(roleOf(cell), size) + ts.width(roleOf(cell), cell.pieces.map((p) => p.text).join(''), size) + 2 * pad <= cellWidthOf(cell, edges);
  let edgesBefore = edgesOf(widths, measure);
  const before = new Map<DocCell, string>();
  const endsBefore = (cell: DocCell) => before.get(cell) ?? before.set(cell, ends(cell, edgesBefore)).get(cell)!;
  const sameLines = (cell: DocCell, edges: readonly number[]) => (oneLine(cell, edgesBefore) ? oneLine(cell, edges) : ends(cell, edges) === endsBefore(cell));
  const keepsLines = (donor: number, w: readonly number[]) => {
    const edges = edgesOf(w, measure);
    return rows.every((row) => row.cells.every((cell) => donor < cell.column || donor >= cell.column + cell.colSpan || sameLines(cell, edges)));
  };
  for (let c = 0; c < widths.length; c++) {
    const need = minWhole[c]! - widths[c]!;
    if (need <= 0.01) continue;
    const donors = widths.map((_, d) => d).filter((d) => d !== c && table.columns[d] === 'label' && widths[d]! - minWhole[d]! >= need);
    donors.sort((a, b) => widths[b]! - minWhole[b]! - (widths[a]! - minWhole[a]!));
    for (const d of donors) {
      const trial = widths.slice();
      trial[d]! -= need;
      trial[c]! += need;
      if (keepsLines(d, trial)) {
        widths = trial;
        edgesBefore = edgesOf(widths, measure);
        before.clear();
        break;
      }
    }
  }
  let short = 0;
  widths = widths.map((w, c) => {
    short += Math.max(0, minPiece[c]! - w);
    return Math.max(w, minPiece[c]!);
  });
  for (const floor of [widths.map((_, c) => Math.max(minPiece[c]!, minComfort[c]!)), minPiece]) {
    if (short <= 0.01) break;
    const room = widths.reduce((s, w, c) => s + Math.max(0, w - floor[c]!), 0);
    if (room <= 0) continue;
    const take = Math.min(short, room);
    widths = widths.map((w, c) => w - (take * Math.max(0, w - floor[c]!)) / room);
    short -= take;
  }
  return widths;
}

/** The largest size, from the table role's size down to the table's smallest, at which the table fits the measure. */
export function tableFitSize(ts: Typesetter, table: DocTable, measure: number): number {
  const base = ts.size('table');
  const sizes = [base, ...SIZES.filter((s) => s < base && s >= table.minSize)];
  for (const size of sizes) if (widthsAt(ts, table, size, measure)) return size;
  return sizes[sizes.length - 1]!;
}

/** Lines of cells already set, per composition and cell, by size and width (a column's width is tried, then laid out). */
const cellLinesSet = new WeakMap<Typesetter, WeakMap<DocCell, Map<number, Map<number, readonly Line[]>>>>();

/** Column edges from the table's left edge (edges[0] = 0), the last at the measure. */
function edgesOf(widths: readonly number[], measure: number): number[] {
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1]! + w);
  edges[edges.length - 1] = measure;
  return edges;
}

/** Width of a cell between the edges of its columns. */
const cellWidthOf = (cell: DocCell, edges: readonly number[]) => edges[Math.min(cell.column + cell.colSpan, edges.length - 1)]! - edges[cell.column]!;

/** The lines of a cell of the given width (rules and padding included) at a size. */
function cellLines(ts: Typesetter, cell: DocCell, width: number, size: number, pad: number): readonly Line[] {
  let cells = cellLinesSet.get(ts);
  if (!cells) cellLinesSet.set(ts, (cells = new WeakMap()));
  let bySize = cells.get(cell);
  if (!bySize) cells.set(cell, (bySize = new Map()));
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
    return ts.set(cell.pieces, { measure: Math.max(measure, natural), align: natural > measure ? 'left' : align, size });
  }
  const indent = cell.indent * cellWidth;
  return setLabel(ts, cell.pieces, role, text, { measure, align, indent, restIndent: restIndentOf(ts, cell, size), size });
}

/**
 * Sets a label. One that wraps is broken, each rule taken when it takes no more lines and its lines fit:
 *  1. after a pause mark (、，；：), into lines as even as they can be: 危及国家安全、公共安全、/ 经济安全和社会稳定,
 *     not …经济安全和社 / 会稳定;
 *  2. with a short phrase after its numbering on one line: （三）/ 不予公开, not （三）不 / 予公开;
 *  3. not inside a word of these reports (政府信息公开, 年度 …: titleWordRanges) or a short quoted term (“临沂民政”),
 *     nor then inside a clause (up to a pause mark) that fits a line: 1.申请人无正当理由逾期不补正、/ 行政机关不再处理其 / 政府信息公开申请, not
 *     …其政府信息公 / 开申请 nor …逾期不 / 补正、….
 */
function setLabel(ts: Typesetter, pieces: DocCell['pieces'], role: FontRole, text: string, options: SetOptions & { measure: number; indent: number; restIndent: number }): readonly Line[] {
  let lines = ts.set(pieces, options);
  if (lines.length === 1) return lines;
  const { measure, indent, restIndent } = options;
  const fits = (set: readonly Line[]) => set.length <= lines.length && set.every((line, k) => line.width <= measure - (k === 0 ? indent : restIndent) + 0.01);
  const atPause = ts.balance(pieces, (offset) => offset > 0 && offset < text.length && isPause(text.charCodeAt(offset - 1)), options);
  if (atPause && atPause.length <= lines.length) lines = atPause;
  const phrase = wholePhrase(text);
  const kept: (readonly [number, number])[] = phrase ? [phrase] : [];
  if (phrase) {
    const whole = ts.set(pieces, { ...options, keepTogether: kept });
    if (fits(whole)) lines = whole;
  }
  // Only the words that fit a line can be kept whole.
  const room = measure - Math.max(indent, restIndent);
  const words = [...titleWordRanges(text), ...findShortQuoted(text, SHORT_QUOTED)].filter(([s, e]) => ts.width(role, text.slice(s, e), options.size) <= room);
  const splits = (set: readonly Line[]) => set.some((line) => !line.last && words.some(([s, e]) => s < line.end && line.end < e));
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
  return lines;
}

function layoutRow(ts: Typesetter, row: DocRow, index: number, header: boolean, edges: readonly number[], size: number, pad: number, lineStep: number): RowLayout {
  const cells = row.cells.map((cell): CellLayout => {
    const width = cellWidthOf(cell, edges);
    return { cell, x: edges[cell.column]!, width, lines: cellLines(ts, cell, width, size, pad), role: roleOf(cell) };
  });
  const ownLines = Math.max(1, ...cells.filter((c) => c.cell.rowSpan === 1).map((c) => c.lines.length));
  return { cells, height: ownLines * lineStep + 2 * pad, keepWithNext: row.keepWithNext, struct: row.struct, index, header };
}

/** A row span taller than the rows it spans makes its last row taller. */
function fitRowSpans(rows: RowLayout[], lineStep: number, pad: number): RowLayout[] {
  const heights = rows.map((r) => r.height);
  rows.forEach((row, i) => {
    for (const c of row.cells) {
      if (c.cell.rowSpan <= 1) continue;
      const last = Math.min(rows.length - 1, i + c.cell.rowSpan - 1);
      const need = c.lines.length * lineStep + 2 * pad;
      let have = 0;
      for (let k = i; k <= last; k++) have += heights[k]!;
      if (need > have) heights[last]! += need - have;
    }
  });
  return rows.map((r, i) => (heights[i] === r.height ? r : { ...r, height: heights[i]! }));
}

/** Lays a table out on the measure at a size. */
export function layoutTable(ts: Typesetter, table: DocTable, measure: number, size: number): TableLayout {
  const pad = ts.cell('table', size) * 0.3;
  const lineStep = size * 1.4;
  const { min } = columnWidths(ts, table, size, pad);
  // A table that does not fit even its smallest size shares the measure in proportion to its minimums.
  const widths = widthsAt(ts, table, size, measure) ?? min.map((m) => (m * measure) / min.reduce((a, b) => a + b, 0));
  const edges = edgesOf(widths, measure);
  const header = fitRowSpans(table.header.map((r, i) => layoutRow(ts, r, i, true, edges, size, pad, lineStep)), lineStep, pad);
  const body = fitRowSpans(table.body.map((r, i) => layoutRow(ts, r, i, false, edges, size, pad, lineStep)), lineStep, pad);
  return { table, size, pad, lineStep, edges, header, body, headerHeight: header.reduce((s, r) => s + r.height, 0) };
}

/** Splits a body row taller than `room` into rows of at most that height (cells of one row only; their lines are cut). */
export function splitRow(layout: TableLayout, row: RowLayout, room: number): RowLayout[] {
  const lines = Math.max(1, Math.floor((room - 2 * layout.pad) / layout.lineStep));
  const count = Math.ceil(Math.max(...row.cells.map((c) => c.lines.length)) / lines);
  return Array.from({ length: count }, (_, k) => {
    const cells = row.cells.map((c) => ({ ...c, lines: c.lines.slice(k * lines, (k + 1) * lines) }));
    const n = Math.max(1, ...cells.map((c) => c.lines.length));
    return { ...row, cells, height: n * layout.lineStep + 2 * layout.pad, keepWithNext: k < count - 1 ? true : row.keepWithNext };
  });
}

/** Baseline of a role's text inside a band of the given height: the em box centred in the band. */
export function baselineOffset(size: number, band: number): number {
  return (band - size) / 2 + 0.88 * size;
}

/** A row placed on a page: its top, and whether it is a repeated header (an artifact). */
export interface PlacedRow {
  readonly row: RowLayout;
  readonly top: number;
  readonly repeated: boolean;
}

/**
 * Draws the rows of one table placed on one page: cell texts (vertically centred in the part of the cell on this
 * page; a cell spanning rows from the page before is repeated there as an artifact) and the rules of every cell.
 */
export function drawTableRows(layout: TableLayout, placed: readonly PlacedRow[], left: number): PageItem[] {
  const items: PageItem[] = [];
  // Each cell draws its four sides; a side shared with a neighbour is drawn once (told apart to 0.01 pt).
  const rules = new Map<string, PageItem>();
  const rule = (x1: number, y1: number, x2: number, y2: number) => {
    const key = `${Math.round(x1 * 100)},${Math.round(y1 * 100)},${Math.round(x2 * 100)},${Math.round(y2 * 100)}`;
    if (!rules.has(key)) rules.set(key, { kind: 'rule', x1, y1, x2, y2, width: RULE });
  };
  // The row each placed row is, in order, to find how far a spanning cell reaches on this page.
  const bodyIndex = new Map<number, number>();
  placed.forEach((p, k) => {
    if (!p.row.header) bodyIndex.set(p.row.index, k);
  });
  const cellsOnPage: Array<{ c: CellLayout; first: number; last: number; artifact: boolean }> = [];
  placed.forEach((p, k) => {
    for (const c of p.row.cells) {
      let last = k;
      while (last + 1 < placed.length && placed[last + 1]!.row.header === p.row.header && placed[last + 1]!.row.index < p.row.index + c.cell.rowSpan) last++;
      cellsOnPage.push({ c, first: k, last, artifact: p.repeated });
    }
  });
  // Cells spanning into the first body row on this page from a row on an earlier page.
  const firstBody = placed.find((p) => !p.row.header && !p.repeated);
  if (firstBody) {
    const k = placed.indexOf(firstBody);
    for (const spanning of layout.body.slice(0, firstBody.row.index)) {
      for (const c of spanning.cells) {
        if (spanning.index + c.cell.rowSpan <= firstBody.row.index) continue;
        let last = k;
        while (last + 1 < placed.length && !placed[last + 1]!.row.header && placed[last + 1]!.row.index < spanning.index + c.cell.rowSpan) last++;
        cellsOnPage.push({ c, first: k, last, artifact: true });
      }
    }
  }
  for (const { c, first, last, artifact } of cellsOnPage) {
    const top = placed[first]!.top;
    const bottom = placed[last]!.top + placed[last]!.row.height;
    const x1 = left + c.x;
    const x2 = x1 + c.width;
    rule(x1, top, x2, top);
    rule(x1, bottom, x2, bottom);
    rule(x1, top, x1, bottom);
    rule(x2, top, x2, bottom);
    const size = layout.size;
    const offset = (bottom - top - 2 * layout.pad - c.lines.length * layout.lineStep) / 2;
    // Every run of the cell's lines belongs to the cell's element (one list for all its lines).
    const structs = artifact ? [] : c.cell.pieces.map(() => c.cell.struct);
    c.lines.forEach((line, i) => {
      const baseline = top + layout.pad + offset + i * layout.lineStep + baselineOffset(size, layout.lineStep);
      const item: TextItem = artifact
        ? { kind: 'text', role: c.role, x: x1 + layout.pad, baseline, line, structs, artifact: true }
        : { kind: 'text', role: c.role, x: x1 + layout.pad, baseline, line, structs };
      items.push(item);
    });
  }
  return [...items, ...rules.values()];
}
