/**
 * Column widths of a table, as the automatic table layout of CSS 2.1 §17.5.2.2 gives them: every column gets its
 * minimum (a value never wraps; a label keeps at least two characters a line) and what is left is shared in proportion
 * to how much more each column would like; then the columns are settled so that no piece that may not break is broken
 * and a short phrase after a label's numbering stays whole (settleColumns). A table that cannot fit is set in a
 * smaller size, down to the table's smallest size.
 */
import type { DocCell, DocTable } from '../model/document.js';
import { cellLines, cellPad, cellWidthOf, endsAlone, restIndentOf, roleOf, wholePhrase } from './tableCells.js';
import type { Typesetter } from './typesetter.js';

/** Sizes tried, largest first, when a table does not fit (小四, 五号, 小五 …). */
const SIZES = [12, 10.5, 9, 7.5];

/** Characters a line a wrapped label keeps when the table has room (minComfort). */
const COMFORT = 4;

/**
 * Characters a line a column heading of a report's own table keeps (minHeading), where two would stack it (粉丝 / 数);
 * a heading with its unit in brackets keeps its words whole before them (发布信息 / （条）).
 */
const HEADING_CHARS = 3;

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
  /** Three characters a line for the column's headings, their words kept before a bracketed unit (or their width, when shorter). */
  readonly minHeading: number[];
  readonly pref: number[];
  /** The widths fitted to a measure (widthsAt), by measure. */
  readonly fitted: Map<number, number[] | undefined>;
}

/** Column widths already worked out, per composition, table and size (a table's fit is tried, then laid out). */
const measured = new WeakMap<Typesetter, WeakMap<DocTable, Map<string, ColumnWidths>>>();

/** Minimum and preferred widths of the columns at a size (ColumnWidths): a value never wraps. */
export function columnWidths(ts: Typesetter, table: DocTable, size: number, pad: number): ColumnWidths {
  let tables = measured.get(ts);
  if (!tables) measured.set(ts, (tables = new WeakMap()));
  let bySize = tables.get(table);
  if (!bySize) tables.set(table, (bySize = new Map()));
  const key = `${size}:${pad}`;
  let widths = bySize.get(key);
  if (!widths) bySize.set(key, (widths = measureColumns(ts, table, size, pad)));
  return widths;
}

/** The kinds of minimum a column has (ColumnWidths). */
const MINIMUMS = ['min', 'minPiece', 'minComfort', 'minWhole'] as const;
type Minimums = Record<(typeof MINIMUMS)[number], number>;

function measureColumns(ts: Typesetter, table: DocTable, size: number, pad: number): ColumnWidths {
  const n = table.columns.length;
  const column = () => new Array<number>(n).fill(2 * pad);
  const mins = { min: column(), minPiece: column(), minComfort: column(), minWhole: column() };
  const pref = column();
  const cellWidths = (cell: DocCell): Minimums & { pref: number } => {
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
      for (const k of MINIMUMS) mins[k][cell.column] = Math.max(mins[k][cell.column]!, w[k]);
      pref[cell.column] = Math.max(pref[cell.column]!, w.pref);
    }
  }
  const minHeading = mins.min.slice();
  // Only the headings of value columns count (a label column keeps its `min`).
  for (const row of table.header) {
    for (const cell of row.cells) {
      if (cell.colSpan !== 1 || table.columns[cell.column] === 'label') continue;
      const role = roleOf(cell);
      const widths = cellWidths(cell);
      // A statistics table is widened for its lone characters only where its widths leave one (settleColumns).
      const unorphaned = table.kind === 'own' ? unorphanedWidth(ts, cell, widths.min, widths.pref, size, pad) : widths.min;
      const words = cell.pieces.map((p) => p.text).join('').split(/(?=[（(])/).reduce((w, part) => Math.max(w, ts.width(role, part, size)), 0);
      const least = Math.max(HEADING_CHARS * ts.cell(role, size), words) + cell.indent * ts.cell(role, size) + 2 * pad;
      minHeading[cell.column] = Math.max(minHeading[cell.column]!, unorphaned, Math.min(widths.pref, least));
    }
  }
  // A spanning cell wider than its columns widens them evenly.
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.colSpan === 1) continue;
      const cols = Array.from({ length: cell.colSpan }, (_, k) => cell.column + k).filter((c) => c < n);
      const w = cellWidths(cell);
      for (const k of MINIMUMS) {
        const sum = cols.reduce((s, c) => s + mins[k][c]!, 0);
        if (w[k] > sum) for (const c of cols) mins[k][c]! += (w[k] - sum) / cols.length;
      }
      for (const c of cols) pref[c] = Math.max(pref[c]!, mins.min[c]!, mins.minWhole[c]!);
    }
  }
  return { ...mins, minHeading, pref, fitted: new Map() };
}

/**
 * The narrowest width, from `from` up, at which a heading does not end on one character alone: a typesetter sets 自然人
 * on one line rather than 自然 / 人 (one character's width more at a time, up to the heading's own width, `pref`).
 */
function unorphanedWidth(ts: Typesetter, cell: DocCell, from: number, pref: number, size: number, pad: number): number {
  const step = ts.cell(roleOf(cell), size);
  let width = from;
  for (;;) {
    if (width >= pref - 0.01 || !endsAlone(cellLines(ts, cell, width, size, pad))) return width;
    width = Math.min(pref, width + step);
  }
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
function fitColumns(table: DocTable, min: readonly number[], pref: readonly number[], measure: number): number[] | undefined {
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
export function widthsAt(ts: Typesetter, table: DocTable, size: number, measure: number): number[] | undefined {
  const pad = cellPad(ts, size);
  const { min, minPiece, minComfort, minWhole, minHeading, pref, fitted } = columnWidths(ts, table, size, pad);
  if (!fitted.has(measure)) {
    // A report's own table keeps the headings of its value columns three characters a line where the measure has room
    // (its label columns share what is left, as before).
    const valueHeadings = min.map((m, c) => (table.columns[c] === 'label' ? m : Math.max(m, minHeading[c]!)));
    const headed = table.kind === 'own' && valueHeadings.reduce((a, b) => a + b, 0) <= measure + 0.01 ? valueHeadings : min;
    const widths = minPiece.reduce((a, b) => a + b, 0) > measure + 0.01 ? undefined : fitColumns(table, headed, pref, measure);
    fitted.set(measure, widths && settleColumns(ts, table, widths, { minPiece, minComfort, minWhole, pref }, size, pad, measure));
  }
  return fitted.get(measure);
}

/**
 * Widens the columns the shared widths leave too narrow, keeping the others as they were as far as it can:
 *  1. a column narrower than its `minWhole` (a short phrase after a label's numbering) takes the difference from one
 *     other label column whose cells keep exactly their lines at the narrower width (the one with most to spare
 *     first), or stays as it is when none can;
 *  2. a value column whose heading would end on a lone character (自然 / 人), and a wrapped label that up to three
 *     characters more would set in fewer lines, take the width they need from the columns of labels that span rows
 *     (widenWrapped);
 *  3. a column still narrower than its `minPiece` (where a piece that may not break would be broken) takes the
 *     difference from the others' room above their `minComfort`, in proportion, and what that does not cover from
 *     their room above their own `minPiece` (the widths fit: the `minPiece` sum to at most the measure).
 */
function settleColumns(ts: Typesetter, table: DocTable, shared: readonly number[], mins: { minPiece: readonly number[]; minComfort: readonly number[]; minWhole: readonly number[]; pref: readonly number[] }, size: number, pad: number, measure: number): number[] {
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
  widths = widenWrapped(ts, table, widths, mins, size, pad, measure, sameLines);
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

/**
 * The largest size, from the table role's size down to the table's smallest, at which the table fits the measure. A
 * report's own table is also set so that it reads: the largest size at which the headings of its value columns keep
 * three characters a line (minHeading) and its label columns four (minComfort), as a typesetter sets a table of many
 * columns smaller rather than stack its words two characters a line (粉丝 / 数, 临沂市民政 / 局网站); the largest that
 * fits when no size does.
 * A template's statistics tables keep the form's look at one size for the document (社会 / 公益 / 组织 stacked).
 */
export function tableFitSize(ts: Typesetter, table: DocTable, measure: number): number {
  const base = ts.size('table');
  const sizes = [base, ...SIZES.filter((s) => s < base && s >= table.minSize)];
  let fits: number | undefined;
  for (const size of sizes) {
    const widths = widthsAt(ts, table, size, measure);
    if (!widths) continue;
    if (table.kind !== 'own') return size;
    const { minHeading, minComfort } = columnWidths(ts, table, size, cellPad(ts, size));
    if (widths.every((w, c) => w >= (table.columns[c] === 'label' ? minComfort[c]! : minHeading[c]!) - 0.01)) return size;
    fits ??= size;
  }
  return fits ?? sizes[sizes.length - 1]!;
}

/** Most a wrapped label is widened by to save a line, in characters, and the steps tried, in characters (widenWrapped). */
const WIDEN_MOST = 3;
const WIDEN_STEP = 0.5;

/**
 * Widens, with width taken from the columns of labels spanning rows (三、本年度办理结果 beside fourteen rows), whose
 * rows give them room to wrap:
 *  - a value column whose heading ends on a lone character (自然 / 人), to the width that spares it (unorphanedWidth;
 *    where no width can be had, setCell stacks the heading 自 / 然 / 人);
 *  - the column of a wrapped label (2.其他法律行政法规禁止 / 公开, a row two lines tall), by the least that sets it in
 *    fewer lines, up to WIDEN_MOST characters.
 * The width comes most from the donor with most to spare: every cell made narrower keeps its lines, or spans rows that
 * hold its new lines, and each donor keeps four characters a line and its phrases whole (`minComfort`, `minWhole`).
 * `sameLines(cell, edges)` says whether a cell keeps at `edges` the lines it had before settleColumns widened any.
 */
function widenWrapped(ts: Typesetter, table: DocTable, shared: readonly number[], mins: { minPiece: readonly number[]; minComfort: readonly number[]; minWhole: readonly number[]; pref: readonly number[] }, size: number, pad: number, measure: number, sameLines: (cell: DocCell, edges: readonly number[]) => boolean): number[] {
  // Columns of labels spanning rows (三、本年度办理结果).
  const donors = table.columns.flatMap((kind, d) => (kind === 'label' && table.body.some((row) => row.cells.some((cell) => cell.column === d && cell.colSpan === 1 && cell.rowSpan > 1)) ? [d] : []));
  if (donors.length === 0) return shared.slice();
  const rows = [...table.header, ...table.body];
  const linesAt = (cell: DocCell, edges: readonly number[]) => cellLines(ts, cell, cellWidthOf(cell, edges), size, pad).length;
  const floor = (d: number) => Math.max(mins.minPiece[d]!, mins.minComfort[d]!, mins.minWhole[d]!);
  let widths = shared.slice();
  let edges = edgesOf(widths, measure);
  const spare = (c: number) => donors.reduce((sum, d) => sum + (d === c ? 0 : Math.max(0, widths[d]! - floor(d))), 0);
  /** Gives column c `need` more, from the donors with most to spare first, when every cell made narrower keeps its lines or spans rows that hold its new lines. */
  const take = (c: number, need: number): boolean => {
    const next = widths.slice();
    let rest = need;
    for (const d of donors.filter((d) => d !== c).sort((a, b) => widths[b]! - floor(b) - (widths[a]! - floor(a)))) {
      const give = Math.min(rest, Math.max(0, widths[d]! - floor(d)));
      next[d]! -= give;
      rest -= give;
    }
    if (rest > 0.01) return false;
    next[c]! += need;
    const at = edgesOf(next, measure);
    const narrower = (other: DocCell) => cellWidthOf(other, at) < cellWidthOf(other, edges) - 0.01;
    if (!rows.every((r) => r.cells.every((other) => !narrower(other) || sameLines(other, at) || (other.rowSpan > 1 && linesAt(other, at) <= other.rowSpan)))) return false;
    widths = next;
    edges = at;
    return true;
  };
  // A heading that ends on a lone character, set at the width it will be laid out at (cellLines keeps it).
  for (const row of table.header) {
    for (const cell of row.cells) {
      const c = cell.column;
      if (cell.colSpan !== 1 || table.columns[c] === 'label' || spare(c) < 0.01 || !endsAlone(cellLines(ts, cell, widths[c]!, size, pad))) continue;
      const need = unorphanedWidth(ts, cell, widths[c]!, mins.pref[c]!, size, pad) - widths[c]!;
      if (need > 0.01) take(c, need);
    }
  }
  for (const row of table.body) {
    for (const cell of row.cells) {
      const c = cell.column;
      if (cell.colSpan !== 1 || cell.rowSpan !== 1 || cell.noWrap || table.columns[c] !== 'label') continue;
      // What the donors have to spare, and whether the label wraps, are asked first: a width is costly to try.
      const room = spare(c);
      const step = WIDEN_STEP * ts.cell(roleOf(cell), size);
      if (room < step - 0.01) continue;
      const lines = linesAt(cell, edges);
      if (lines < 2) continue;
      for (let need = step; need <= Math.min(room, WIDEN_MOST * ts.cell(roleOf(cell), size)) + 0.01; need += step) {
        const wider = edges.slice();
        for (let k = c + 1; k < wider.length - 1; k++) wider[k]! += need;
        if (linesAt(cell, wider) >= lines) continue;
        take(c, need);
        break;
      }
    }
  }
  return widths;
}

/** Column edges from the table's left edge (edges[0] = 0), the last at the measure. */
export function edgesOf(widths: readonly number[], measure: number): number[] {
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1]! + w);
  edges[edges.length - 1] = measure;
  return edges;
}
