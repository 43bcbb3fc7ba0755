/**
 * The statistics table (附表): three ruled columns 统计指标 | 单位 | 统计数, labels indented by level and wrapped,
 * the header repeated on every page with 续表 above it, and rows never split across pages.
 */
import type { FontRole } from '../model/fontRole.js';
import { formatValue } from '../model/format.js';
import { numberLabel } from '../model/numbering.js';
import { STATISTICS_ROWS, type StatisticsRow } from '../model/statisticsTemplate.js';
import type { Report } from '../model/types.js';
import type { Line } from '../typeset/breakLines.js';
import type { PageItem, StructNode } from './page.js';
import type { StructBuilder } from './structBuilder.js';
import type { Typesetter } from './typesetter.js';

/** Rule width of the table borders in points. */
const RULE = 0.5;

interface Cell {
  readonly lines: Line[];
  readonly role: FontRole;
  /** Left edge of the cell's measure. */
  readonly x: number;
}

interface Row {
  readonly cells: Cell[];
  readonly height: number;
  readonly header: boolean;
}

/** Column edges of the table, from the type area's left. */
interface Columns {
  readonly edges: readonly [number, number, number, number];
  readonly pad: number;
}

/** The numbered, indented label of a row as printed: 一、… （一）… 1.… 其中：… plus the report's note. */
export function rowLabels(report: Report): Map<string, { prefix: string; text: string; indent: number }> {
  const counters = new Map<string | undefined, number>();
  const labels = new Map<string, { prefix: string; text: string; indent: number }>();
  let previous: StatisticsRow | undefined;
  for (const row of STATISTICS_ROWS) {
    const n = (counters.get(row.parent) ?? 0) + 1;
    counters.set(row.parent, n);
    let prefix = '';
    let indent = row.level - 1;
    if (row.level < 4) prefix = numberLabel(row.level as 1 | 2 | 3, row.level === 1 ? countTopLevel(row) : n);
    else if (previous?.level === 4 && previous.parent === row.parent) indent += 3; // aligned under the text after 其中：
    else prefix = '其中：';
    const note = report.statistics.notes?.[row.id];
    labels.set(row.id, { prefix, text: row.label + (note ? `（${note}）` : ''), indent });
    previous = row;
  }
  return labels;
}

function countTopLevel(row: StatisticsRow): number {
  return STATISTICS_ROWS.filter((r) => r.level === 1).indexOf(row) + 1;
}

function columns(ts: Typesetter, report: Report): Columns {
  const pad = ts.cell('table') * 0.3;
  const width = ts.geometry.width;
  const valueTexts = Object.values(report.statistics.values).map(formatValue);
  const valueWidth = Math.max(ts.width('tableHeader', '统计数'), ...valueTexts.map((v) => ts.width('table', v)));
  const unitWidth = Math.max(ts.width('tableHeader', '单位'), ...STATISTICS_ROWS.map((r) => ts.width('table', r.unit)));
  const valueCol = Math.min(width / 4, valueWidth + 6 * pad);
  const unitCol = unitWidth + 6 * pad;
  return { edges: [0, width - valueCol - unitCol, width - valueCol, width], pad };
}

function lineStep(ts: Typesetter): number {
  return ts.fonts.table.size * 1.4;
}

function buildRows(ts: Typesetter, report: Report, cols: Columns): { header: Row; body: Row[] } {
  const [c0, c1, c2, c3] = cols.edges;
  const { pad } = cols;
  const cell = ts.cell('table');
  const centered = (role: FontRole, text: string, a: number, b: number): Cell => ({ role, x: a + pad, lines: ts.set([{ role, text }], { measure: b - a - 2 * pad, align: 'center' }) });
  const rowOf = (cells: Cell[], header = false): Row => {
    const n = Math.max(1, ...cells.map((c) => c.lines.length));
    return { cells, header, height: n * lineStep(ts) + 2 * pad };
  };
  // 统计指标 is set with distributed spacing (均排) over eight cells rather than with typed spaces.
  const spread = Math.min(8 * ts.cell('tableHeader'), c1 - c0 - 2 * pad);
  const indicator: Cell = { role: 'tableHeader', x: c0 + (c1 - c0 - spread) / 2, lines: ts.set([{ role: 'tableHeader', text: '统计指标' }], { measure: spread, align: 'distribute' }) };
  const header = rowOf([indicator, centered('tableHeader', '单位', c1, c2), centered('tableHeader', '统计数', c2, c3)], true);
  const labels = rowLabels(report);
  const body = STATISTICS_ROWS.map((row) => {
    const label = labels.get(row.id)!;
    const role: FontRole = row.level === 1 ? 'tableHeader' : 'table';
    const indent = label.indent * cell;
    const hanging = indent + (label.prefix ? ts.width(role, label.prefix) : 0);
    const labelCell: Cell = { role, x: c0 + pad, lines: ts.set([{ role, text: label.prefix + label.text }], { measure: c1 - c0 - 2 * pad, indent, restIndent: hanging, align: 'left' }) };
    const value = report.statistics.values[row.id];
    return rowOf([labelCell, centered('table', row.unit, c1, c2), centered('table', value === undefined ? '' : formatValue(value), c2, c3)]);
  });
  return { header, body };
}

/** A page's share of the table: items and the y where the table ends. */
export interface TablePage {
  readonly items: PageItem[];
}

/** Lays the table out from `startY` on the first page; each further page starts at the top of the type area with 续表. */
export function layoutTable(ts: Typesetter, report: Report, structs: StructBuilder, startY: number, parent?: StructNode): TablePage[] {
  const g = ts.geometry;
  const cols = columns(ts, report);
  const { header, body } = buildRows(ts, report, cols);
  const table = structs.add('Table', parent);
  const pages: TablePage[] = [];
  const bottom = g.top + g.height;
  let items: PageItem[] = [];
  let y = startY;
  let rowTops: number[] = [];
  const finishPage = () => {
    drawRules(items, cols, g.left, rowTops, y);
    pages.push({ items });
  };
  const place = (row: Row, cellNodes: readonly (StructNode | undefined)[]) => {
    rowTops.push(y);
    placeRow(items, row, cellNodes, ts, g.left, y, cols.pad);
    y += row.height;
  };
  const newPage = () => {
    finishPage();
    items = [];
    rowTops = [];
    y = g.top;
    const label = ts.set([{ role: 'table', text: '续表' }], { align: 'left' });
    items.push({ kind: 'text', role: 'table', x: g.left, baseline: y + baselineOffset(ts, 'table', g.linePitch), line: label[0]!, structs: [], artifact: true });
    y += g.linePitch;
    place(header, header.cells.map(() => undefined));
  };
  const cellsOf = (row: Row) => {
    const tr = structs.add('TR', table);
    return row.cells.map(() => structs.add(row.header ? 'TH' : 'TD', tr));
  };
  place(header, cellsOf(header));
  // The tallest row a continued page can hold; a row taller than that (a very long note) is the one row that is split.
  const roomOnNewPage = bottom - g.top - g.linePitch - header.height;
  for (const row of body) {
    const nodes = cellsOf(row);
    if (y + row.height > bottom + 0.01 && rowTops.length > 1) newPage();
    if (row.height <= roomOnNewPage + 0.01) {
      place(row, nodes);
      continue;
    }
    const parts = splitRow(row, Math.max(1, Math.floor((roomOnNewPage - 2 * cols.pad) / lineStep(ts))), ts, cols.pad);
    parts.forEach((part, i) => {
      if (i > 0 || y + part.height > bottom + 0.01) newPage();
      place(part, nodes);
    });
  }
  finishPage();
  return pages;
}

/** Splits a row taller than a page into rows of at most `lines` lines (one-line cells stay in the first part). */
function splitRow(row: Row, lines: number, ts: Typesetter, pad: number): Row[] {
  const count = Math.ceil(Math.max(...row.cells.map((c) => c.lines.length)) / lines);
  return Array.from({ length: count }, (_, k) => {
    const cells = row.cells.map((c) => ({ ...c, lines: c.lines.slice(k * lines, (k + 1) * lines) }));
    const n = Math.max(1, ...cells.map((c) => c.lines.length));
    return { cells, header: row.header, height: n * lineStep(ts) + 2 * pad };
  });
}

/** Baseline of a role's text inside a band of the given height: the em box centred in the band. */
export function baselineOffset(ts: Typesetter, role: FontRole, band: number): number {
  const size = ts.fonts[role].size;
  return (band - size) / 2 + 0.88 * size;
}

function placeRow(items: PageItem[], row: Row, nodes: readonly (StructNode | undefined)[], ts: Typesetter, left: number, top: number, pad: number): void {
  const step = lineStep(ts);
  row.cells.forEach((cell, c) => {
    const node = nodes[c];
    // Vertically centred: a one-line cell in a row of three lines sits on the middle line.
    const offset = ((row.height - 2 * pad) / step - cell.lines.length) / 2;
    cell.lines.forEach((line, i) => {
      const baseline = top + pad + (offset + i) * step + baselineOffset(ts, cell.role, step);
      items.push({ kind: 'text', role: cell.role, x: left + cell.x, baseline, line, structs: node ? [node.id] : [], ...(node ? {} : { artifact: true }) });
    });
  });
}

function drawRules(items: PageItem[], cols: Columns, left: number, rowTops: number[], bottom: number): void {
  const x0 = left + cols.edges[0];
  const x1 = left + cols.edges[3];
  const top = rowTops[0]!;
  for (const y of [...rowTops, bottom]) items.push({ kind: 'rule', x1: x0, y1: y, x2: x1, y2: y, width: RULE });
  for (const e of cols.edges) items.push({ kind: 'rule', x1: left + e, y1: top, x2: left + e, y2: bottom, width: RULE });
}
