/**
 * The table engine: a table of the resolved document (cells with column and row spans, header rows, keep rules)
 * laid out on the measure, its columns as tableColumns.ts sizes them and its cells' lines as tableCells.ts sets them.
 * Rows are placed by the paginator; this module draws them on a page with their rules.
 */
import type { FontRole } from '../model/fontRole.js';
import type { DocCell, DocRow, DocTable } from '../model/document.js';
import type { Line } from '../typeset/breakLines.js';
import type { PageItem, TextItem } from './page.js';
import { cellLines, cellPad, cellWidthOf, roleOf } from './tableCells.js';
import { columnWidths, edgesOf, widthsAt } from './tableColumns.js';
import type { Typesetter } from './typesetter.js';


/** Rule width of the table borders in points. */
const RULE = 0.5;

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
  const pad = cellPad(ts, size);
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
  // Each cell draws its four sides; a side shared with a neighbour is drawn once (told apart to 0.01 pt). A side is
  // known by its line (a horizontal side's y, a vertical one's x) and its two ends, in hundredths of a point: packed
  // in one number where they fit in 17 bits each (a page of up to 1310 pt), else in a string.
  const rules: PageItem[] = [];
  const drawn = new Set<number | string>();
  const rule = (x1: number, y1: number, x2: number, y2: number) => {
    const horizontal = y1 === y2;
    const line = 2 * Math.round((horizontal ? y1 : x1) * 100) + (horizontal ? 0 : 1);
    const from = Math.round((horizontal ? x1 : y1) * 100);
    const to = Math.round((horizontal ? x2 : y2) * 100);
    const packs = line >= 0 && line < 2 ** 18 && from >= 0 && from < 2 ** 17 && to >= 0 && to < 2 ** 17;
    const key = packs ? (line * 2 ** 17 + from) * 2 ** 17 + to : `${line},${from},${to}`;
    if (drawn.has(key)) return;
    drawn.add(key);
    rules.push({ kind: 'rule', x1, y1, x2, y2, width: RULE });
  };
  const draw = (c: CellLayout, first: number, last: number, artifact: boolean) => {
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
  };
  // Each placed row's cells, down to the last row on this page that a cell spans.
  let firstBody = -1;
  for (let k = 0; k < placed.length; k++) {
    const p = placed[k]!;
    if (firstBody < 0 && !p.row.header && !p.repeated) firstBody = k;
    for (const c of p.row.cells) {
      let last = k;
      while (last + 1 < placed.length && placed[last + 1]!.row.header === p.row.header && placed[last + 1]!.row.index < p.row.index + c.cell.rowSpan) last++;
      draw(c, k, last, p.repeated);
    }
  }
  // Cells spanning into the first body row on this page from a row on an earlier page (repeated, as artifacts).
  if (firstBody >= 0) {
    const index = placed[firstBody]!.row.index;
    for (let r = 0; r < index; r++) {
      const spanning = layout.body[r]!;
      for (const c of spanning.cells) {
        if (spanning.index + c.cell.rowSpan <= index) continue;
        let last = firstBody;
        while (last + 1 < placed.length && !placed[last + 1]!.row.header && placed[last + 1]!.row.index < spanning.index + c.cell.rowSpan) last++;
        draw(c, firstBody, last, true);
      }
    }
  }
  for (let i = 0; i < rules.length; i++) items.push(rules[i]!);
  return items;
}
