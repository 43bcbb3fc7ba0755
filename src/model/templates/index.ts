/** The templates a report may name, and what can be looked up in them. */
import { TEMPLATE_2008 } from './t2008.js';
import { TEMPLATE_2014 } from './t2014.js';
import { TEMPLATE_2019 } from './t2019.js';
import { TEMPLATE_2021 } from './t2021.js';
import type { BodyCellDefinition, RowDefinition, TableDefinition, Template, TemplateId } from './types.js';

export type * from './types.js';

/** Every template, by id. */
export const TEMPLATES: Readonly<Record<TemplateId, Template>> = { '2014': TEMPLATE_2014, '2008': TEMPLATE_2008, '2019': TEMPLATE_2019, '2021': TEMPLATE_2021 };

/** Template ids in the order users are offered them (the default first). */
export const TEMPLATE_IDS: readonly TemplateId[] = ['2014', '2008', '2019', '2021'];

/** The template of a report's `template` field (absent means 2014); undefined for an unknown id. */
export function templateOf(id: unknown): Template | undefined {
  if (id === undefined) return TEMPLATE_2014;
  return typeof id === 'string' && Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id as TemplateId] : undefined;
}

/** A value cell of a template with the table and row it is in. */
export interface ValueCell {
  readonly id: string;
  readonly table: TableDefinition;
  readonly row: RowDefinition;
  readonly cell: Extract<BodyCellDefinition, { kind: 'value' }>;
}

const cellsByTemplate = new Map<Template, ReadonlyMap<string, ValueCell>>();

/** Every value cell of a template, by id, in table order. */
export function valueCells(template: Template): ReadonlyMap<string, ValueCell> {
  let cells = cellsByTemplate.get(template);
  if (!cells) {
    const map = new Map<string, ValueCell>();
    for (const table of template.tables) {
      for (const row of table.rows) for (const cell of row.cells) if (cell.kind === 'value') map.set(cell.id, { id: cell.id, table, row, cell });
    }
    cellsByTemplate.set(template, (cells = map));
  }
  return cells;
}

const rowsByTemplate = new Map<Template, ReadonlyMap<string, { table: TableDefinition; row: RowDefinition }>>();

/** The rows of every table of a template, by id (group rows included); built once per template. */
export function rowsById(template: Template): ReadonlyMap<string, { table: TableDefinition; row: RowDefinition }> {
  let rows = rowsByTemplate.get(template);
  if (!rows) rowsByTemplate.set(template, (rows = new Map(template.tables.flatMap((table) => table.rows.map((row) => [row.id, { table, row }] as const)))));
  return rows;
}
