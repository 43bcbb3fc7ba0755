/**
 * Tables of the resolved document: a template's statistics table with the report's values (labels numbered and
 * indented by level, row notes, values formatted, keep rules from the hierarchy), and a report's own table block.
 */
import type { DocCell, DocRow, DocTable, DocText, StructElement, TableAttributes } from './document.js';
import type { FontRole } from './fontRole.js';
import { formatValue } from './format.js';
import { numberTableRows } from './numbering.js';
import type { PathSegment } from './paths.js';
import { formatPath } from './paths.js';
import { NOT_APPLICABLE } from './statisticsChecks.js';
import type { StructTree } from './resolve.js';
import type { BodyCellDefinition, HeaderCellDefinition, RowDefinition, TableDefinition } from './templates/index.js';
import type { Statistics, TableBlock } from './types.js';

type MakeText = (role: FontRole, text: string, struct: StructElement, path: string | PathSegment[]) => DocText;

/** Assigns columns to the cells of rows, skipping columns still covered by a row span from above. */
class ColumnGrid {
  private readonly covered: number[] = [];

  row<T extends object>(cells: readonly T[]): Array<{ cell: T; column: number }> {
    const placed: Array<{ cell: T; column: number }> = [];
    let column = 0;
    for (const cell of cells) {
      while ((this.covered[column] ?? 0) > 0) column++;
      placed.push({ cell, column });
      const { colSpan = 1, rowSpan = 1 } = cell as { colSpan?: number; rowSpan?: number };
      for (let c = column; c < column + colSpan; c++) this.covered[c] = Math.max(this.covered[c] ?? 0, rowSpan);
      column += colSpan;
    }
    // The row is done: every covering span has one row less to go.
    for (let c = 0; c < this.covered.length; c++) if ((this.covered[c] ?? 0) > 0) this.covered[c]!--;
    return placed;
  }
}

function attributes(scope: TableAttributes['scope'] | undefined, colSpan: number, rowSpan: number): TableAttributes {
  const a: { scope?: TableAttributes['scope']; colSpan?: number; rowSpan?: number } = {};
  if (scope) a.scope = scope;
  if (colSpan > 1) a.colSpan = colSpan;
  if (rowSpan > 1) a.rowSpan = rowSpan;
  return a;
}

function cell(tree: StructTree, tr: StructElement, pieces: (struct: StructElement) => DocText[], o: Omit<DocCell, 'pieces' | 'struct'> & { scope?: TableAttributes['scope'] }): DocCell {
  const struct = tree.add(o.header ? 'TH' : 'TD', tr, attributes(o.scope, o.colSpan, o.rowSpan));
  return { column: o.column, colSpan: o.colSpan, rowSpan: o.rowSpan, header: o.header, align: o.align, indent: o.indent, hanging: o.hanging, noWrap: o.noWrap, ...(o.keepWords ? { keepWords: o.keepWords } : {}), pieces: pieces(struct), struct: struct.id };
}

/** What a statistics table's printed form takes from its definition alone, worked out once per definition. */
interface TableShape {
  readonly header: readonly (readonly { readonly cell: HeaderCellDefinition; readonly column: number }[])[];
  readonly rows: readonly RowShape[];
}

interface RowShape {
  readonly row: RowDefinition;
  readonly allLabels: boolean;
  readonly keepWithNext: boolean;
  readonly numbered: { readonly prefix: string; readonly indent: number } | undefined;
  readonly cells: readonly { readonly cell: BodyCellDefinition; readonly column: number; readonly path: string }[];
  /** Path of the row's label when the report gives a note for it. */
  readonly notePath: string;
}

const shapes = new WeakMap<TableDefinition, TableShape>();

function shapeOf(def: TableDefinition): TableShape {
  let shape = shapes.get(def);
  if (!shape) {
    const grid = new ColumnGrid();
    const header = def.header.map((cells) => grid.row(cells));
    const numbers = def.numbered ? numberTableRows(def.rows) : undefined;
    const keep = keepRules(def.rows);
    const rows = def.rows.map((row, i): RowShape => {
      const rowPath = formatPath(['statistics', 'values', row.id]);
      return {
        row,
        allLabels: row.cells.every((c) => c.kind === 'label'),
        keepWithNext: keep[i]!,
        numbered: numbers?.get(row.id),
        cells: grid.row(row.cells).map(({ cell: c, column }) => ({ cell: c, column, path: c.kind === 'value' ? formatPath(['statistics', 'values', c.id]) : rowPath })),
        notePath: formatPath(['statistics', 'notes', row.id]),
      };
    });
    shape = { header, rows };
    shapes.set(def, shape);
  }
  return shape;
}

function headerRows(shape: TableShape, tree: StructTree, thead: StructElement, text: MakeText, path: string): DocRow[] {
  return shape.header.map((placed) => {
    const tr = tree.add('TR', thead);
    return {
      keepWithNext: true,
      struct: tr.id,
      cells: placed.map(({ cell: h, column }) =>
        cell(tree, tr, (s) => [text('tableHeader', h.text, s, path)], {
          column,
          colSpan: h.colSpan ?? 1,
          rowSpan: h.rowSpan ?? 1,
          header: true,
          scope: (h.rowSpan ?? 1) > 1 && (h.colSpan ?? 1) > 1 ? 'Both' : 'Column',
          align: h.distribute ? 'distribute' : 'center',
          indent: 0,
          hanging: false,
          noWrap: false,
        }),
      ),
    };
  });
}

/** Keep rules of a table's body from its hierarchy. */
function keepRules(rows: readonly RowDefinition[]): boolean[] {
  const keep = rows.map(() => false);
  const children = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.parent) children.set(row.parent, [...(children.get(row.parent) ?? []), i]);
  });
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    if (!next) return;
    // A row never ends a page when the next row belongs under it: a parent stays with its first child, a heading row
    // (第二十条第（一）项) with the rows it heads.
    if (next.parent === row.id || row.heading || row.cells.every((c) => c.kind === 'label')) keep[i] = true;
    // A 其中 group stays whole: its rows are parts of the row above, never to be read without it.
    if (row.level === 4 && next.level === 4 && next.parent === row.parent) keep[i] = true;
  });
  // A group of up to four children that have none of their own stays whole with its parent.
  for (const [, members] of children) {
    if (members.length > 4 || members.some((m) => children.has(rows[m]!.id))) continue;
    for (const m of members.slice(0, -1)) keep[m] = true;
  }
  // Title, header and the first two rows stay together.
  if (keep.length > 1) keep[0] = true;
  return keep;
}

/** A template's statistics table with the report's values. */
export function resolveStatisticsTable(def: TableDefinition, statistics: Statistics, tree: StructTree, parent: StructElement, text: MakeText): DocTable {
  const table = tree.add('Table', parent);
  const shape = shapeOf(def);
  const header = def.header.length > 0 ? headerRows(shape, tree, tree.add('THead', table), text, 'statistics') : [];
  const tbody = tree.add('TBody', table);
  const body = shape.rows.map((r): DocRow => {
    const tr = tree.add('TR', tbody);
    const cells = r.cells.map(({ cell: c, column, path }) => bodyCell(c, column, path, r, tree, tr, text, statistics));
    return { cells, keepWithNext: r.keepWithNext, struct: tr.id };
  });
  return { id: def.id, name: def.name, kind: 'statistics', columns: def.columns, header, body, minSize: def.minSize, struct: table.id };
}

function bodyCell(c: BodyCellDefinition, column: number, path: string, r: RowShape, tree: StructTree, tr: StructElement, text: MakeText, statistics: Statistics): DocCell {
  const colSpan = c.colSpan ?? 1;
  const rowSpan = c.kind === 'label' ? (c.rowSpan ?? 1) : 1;
  switch (c.kind) {
    case 'label': {
      const { row, allLabels, numbered } = r;
      const note = statistics.notes?.[row.id];
      const label = note ? `${c.text}（${note}）` : c.text;
      const role: FontRole = c.group || row.heading || allLabels ? 'tableHeader' : 'table';
      const labelPath = note ? r.notePath : path;
      return cell(
        tree,
        tr,
        (s) => (numbered?.prefix ? [text(role, numbered.prefix, s, labelPath), text(role, label, s, labelPath)] : [text(role, label, s, labelPath)]),
        {
          column,
          colSpan,
          rowSpan,
          header: true,
          scope: allLabels && !row.heading ? 'Column' : 'Row',
          align: allLabels && !row.heading ? 'center' : rowSpan > 1 ? 'center' : 'left',
          indent: numbered?.indent ?? 0,
          hanging: numbered?.prefix !== undefined && numbered.prefix !== '',
          noWrap: false,
        },
      );
    }
    case 'text':
      return cell(tree, tr, (s) => [text('table', c.text, s, path)], { column, colSpan, rowSpan, header: false, align: 'center', indent: 0, hanging: false, noWrap: false });
    case 'empty':
      return cell(tree, tr, () => [], { column, colSpan, rowSpan, header: false, align: 'center', indent: 0, hanging: false, noWrap: false });
    case 'value': {
      const value = statistics.values[c.id];
      const shown = value === undefined ? '' : formatValue(value);
      // A unit the form's heading does not name is printed with the number (6805947.43元), not after a dash standing for none.
      const printed = c.unitInCell && value !== undefined && !(typeof value === 'string' && NOT_APPLICABLE.has(value)) ? `${shown}${c.unit}` : shown;
      return cell(tree, tr, (s) => [text('table', printed, s, path)], { column, colSpan, rowSpan, header: false, align: 'center', indent: 0, hanging: false, noWrap: true });
    }
  }
}

/**
 * A value of a table of the report's own, set on one line and centred: a number (1,256, 12.5, 50%), a date
 * (2017年12月31日, 2017年12月, 2017-12-31) or a dash standing for none (—, ——, －, /).
 */
const VALUE = /^(?:[-+]?[\d.,%‰]+|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}[-./]\d{1,2}[-./]\d{1,2}|[—–－\-/／]{1,2})$/;

/**
 * A table block of the report's own: header rows of TH, body rows of TD; values (VALUE) centred and never wrapped; the
 * labels keep `keepWords` (the agency's places) whole where they can.
 */
export function resolveTableBlock(block: TableBlock, path: PathSegment[], tree: StructTree, parent: StructElement, text: MakeText, keepWords: readonly string[]): DocTable {
  const table = tree.add('Table', parent);
  const width = Math.max(...(block.header ?? []).map((r) => r.length), ...block.rows.map((r) => r.length), 1);
  const grid = new ColumnGrid();
  const rowsOf = (rows: readonly (readonly string[])[], kind: 'header' | 'body', group: StructElement): DocRow[] =>
    rows.map((cells, i) => {
      const tr = tree.add('TR', group);
      const placed = grid.row(cells.map((t) => ({ t })));
      return {
        keepWithNext: kind === 'header' || i === 0,
        struct: tr.id,
        cells: placed.map(({ cell: { t }, column }, k) => {
          const numeric = VALUE.test(t.trim());
          const last = k === cells.length - 1;
          return cell(tree, tr, (s) => [text(kind === 'header' ? 'tableHeader' : 'table', t, s, [...path, kind === 'header' ? 'header' : 'rows', i, k])], {
            column,
            colSpan: last ? width - column : 1,
            rowSpan: 1,
            header: kind === 'header',
            ...(kind === 'header' ? { scope: 'Column' as const } : {}),
            align: kind === 'header' || numeric ? 'center' : 'left',
            indent: 0,
            hanging: false,
            noWrap: numeric,
            ...(numeric || keepWords.length === 0 ? {} : { keepWords }),
          });
        }),
      };
    });
  const header = block.header && block.header.length > 0 ? rowsOf(block.header, 'header', tree.add('THead', table)) : [];
  const body = rowsOf(block.rows, 'body', tree.add('TBody', table));
  const columns = Array.from({ length: width }, (_, c) => (block.rows.every((r) => VALUE.test((r[c] ?? '').trim())) ? ('value' as const) : ('label' as const)));
  return { id: formatPath(path), name: block.title ?? '表格', kind: 'own', columns, header, body, minSize: 10.5, struct: table.id };
}
