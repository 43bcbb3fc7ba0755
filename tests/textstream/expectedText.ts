/**
 * Test oracle: a report's printed text in reading order, built from the report and its template's data with the
 * model's exports only (never from the resolver or composition), so the composed PDF can be checked against it.
 * Tables are given as the list of their cells' texts: their reading order in a PDF is row by row, but a cell spanning
 * rows sits beside several of them, so a table is compared as the characters it holds.
 */
import {
  chineseNumeral,
  defaultTableTitle,
  formatChineseDate,
  formatValue,
  NOT_APPLICABLE,
  numberLabel,
  reportTitle,
  resolvePlaceholders,
  templateOf,
  type Block,
  type ItemNumbering,
  type Report,
  type TableDefinition,
} from '../../src/model/index.js';

/** A piece of the expected text: running text in order, or a table's cell texts. */
export type Expected = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'table'; readonly cells: readonly string[] };

/** The pieces of text a reader meets, in order: the body (title … signature), then any attachment. */
export function expectedReadingOrder(report: Report, itemNumbering?: ItemNumbering): Expected[] {
  const template = templateOf(report.template)!;
  const numbering = itemNumbering ?? report.style?.itemNumbering ?? 'period';
  const values = report.statistics?.values ?? {};
  const resolve = (text: string) => resolvePlaceholders(text, values);
  const out: Expected[] = [];
  const text = (t: string) => out.push({ kind: 'text', text: t });
  text(resolve(reportTitle(report)));
  if (report.metadata.subtitle) text(resolve(report.metadata.subtitle));
  for (const p of report.preamble) text(resolve(p.text));
  let n = 0;
  const part = (title: string, blocks: Block[], tables: TableDefinition[]) => {
    text(numberLabel(1, ++n) + resolve(title));
    const hasText = blocks.some((b) => b.type !== 'paragraph' || b.text.trim() !== '');
    if (!hasText && (tables.length === 0 || !report.statistics)) {
      text(template.emptyPartText);
      return;
    }
    const placed = new Set<string>();
    out.push(...blockTexts(blocks, resolve, numbering, 2, report, tables, placed));
    for (const t of tables) if (!placed.has(t.id) && report.statistics) out.push({ kind: 'table', cells: tableCells(t, report) });
  };
  // The report's additional parts follow the template part they name (present or not), or the last.
  const additional = (after: string | undefined) => {
    for (const p of report.additionalParts ?? []) if (p.after === after) part(p.title, p.blocks, []);
  };
  for (const def of template.parts) {
    const section = report.sections[def.key];
    if (section) part(section.title ?? def.title, section.blocks, template.tables.filter((t) => t.placement.kind === 'part' && t.placement.part === def.key));
    additional(def.key);
  }
  additional(undefined);
  const attached = template.tables.filter((t) => t.placement.kind === 'attachment');
  const statistics = report.statistics;
  const tableTitle = statistics ? resolve(statistics.title ?? defaultTableTitle(report.metadata)) : '';
  if (attached.length > 0 && statistics) text(`附件：${tableTitle}`);
  for (const office of report.signature.offices ?? [report.signature.office!]) text(office);
  text(formatChineseDate(report.signature.date, report.signature.dateStyle ?? 'arabic'));
  if (attached.length > 0 && statistics) {
    for (const t of attached) {
      text('附件');
      text(tableTitle);
      if (statistics.subtitle) text(statistics.subtitle);
      out.push({ kind: 'table', cells: tableCells(t, report) });
    }
  }
  return out;
}

function blockTexts(
  blocks: readonly Block[],
  resolve: (t: string) => string,
  numbering: ItemNumbering,
  level: 2 | 3 | 4,
  report: Report,
  tables: readonly TableDefinition[],
  placed: Set<string>,
): Expected[] {
  const out: Expected[] = [];
  const text = (t: string) => out.push({ kind: 'text', text: t });
  let subsection = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      if (block.text.trim() !== '') text(resolve(block.text));
    } else if (block.type === 'subsection') {
      const label = numberLabel(level, ++subsection, numbering);
      const [first, ...rest] = block.blocks;
      const next = level === 2 ? 3 : 4;
      if (block.runIn && first?.type === 'paragraph') {
        text(label + resolve(block.title) + (/[。？！：；…]$/.test(block.title) ? '' : '。') + resolve(first.text));
        out.push(...blockTexts(rest, resolve, numbering, next, report, tables, placed));
      } else {
        text(label + resolve(block.title));
        out.push(...blockTexts(block.blocks, resolve, numbering, next, report, tables, placed));
      }
    } else if (block.type === 'list') {
      const itemLevel = level === 4 ? 4 : 3;
      block.items.forEach((item, i) => {
        text(numberLabel(itemLevel, i + 1, numbering) + resolve(item.lead ?? '') + resolve(item.text));
        for (const p of item.paragraphs ?? []) text(resolve(p));
      });
    } else if (block.type === 'table') {
      if (block.title) text(resolve(block.title));
      out.push({ kind: 'table', cells: [...(block.header ?? []), ...block.rows].flat().map(resolve) });
    } else {
      const table = tables.find((t) => t.id === block.table);
      if (table && report.statistics && !placed.has(table.id)) {
        placed.add(table.id);
        out.push({ kind: 'table', cells: tableCells(table, report) });
      }
    }
  }
  return out;
}

/** Every cell's text of a statistics table: header cells, labels (numbered 一、 （一） 1. 其中： in a numbered table, with notes), units, values. */
function tableCells(table: TableDefinition, report: Report): string[] {
  const statistics = report.statistics!;
  const cells: string[] = table.header.flat().map((h) => h.text);
  const counters = new Map<string | undefined, number>();
  let previous: (typeof table.rows)[number] | undefined;
  for (const row of table.rows) {
    let prefix = '';
    if (table.numbered) {
      const key = row.level === 1 ? undefined : row.parent;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      if (row.level === 1) prefix = `${chineseNumeral(n)}、`;
      else if (row.level === 2) prefix = `（${chineseNumeral(n)}）`;
      else if (row.level === 3) prefix = `${n}.`;
      else if (!(previous?.level === 4 && previous.parent === row.parent)) prefix = '其中：';
    }
    previous = row;
    for (const cell of row.cells) {
      if (cell.kind === 'label') {
        const note = statistics.notes?.[row.id];
        cells.push(prefix + cell.text + (note ? `（${note}）` : ''));
      } else if (cell.kind === 'text') cells.push(cell.text);
      else if (cell.kind === 'value') {
        const v = statistics.values[cell.id];
        // A unit the heading does not name follows the number (6805947.43元); a dash standing for none prints alone.
        const unit = cell.unitInCell && !(typeof v === 'string' && NOT_APPLICABLE.has(v)) ? cell.unit : '';
        cells.push(v === undefined ? '' : formatValue(v) + unit);
      }
    }
  }
  return cells;
}

/** Removes all whitespace (pdf.js infers spaces from gaps, so whitespace is not compared). */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

const sorted = (text: string) => [...text].sort().join('');

/**
 * Where the actual text first departs from the expected pieces, or undefined when it follows them: running text must
 * match exactly, a table must hold exactly its cells' characters (in whatever order its rows put them).
 */
export function firstDeparture(actual: string, expected: readonly Expected[]): string | undefined {
  const text = withoutWhitespace(actual);
  let at = 0;
  for (const piece of expected) {
    if (piece.kind === 'text') {
      const want = withoutWhitespace(piece.text);
      if (text.slice(at, at + want.length) !== want) return `at ${at}: expected ${JSON.stringify(want.slice(0, 40))}, found ${JSON.stringify(text.slice(at, at + 40))}`;
      at += want.length;
    } else {
      const want = withoutWhitespace(piece.cells.join(''));
      const got = text.slice(at, at + want.length);
      if (sorted(got) !== sorted(want)) return `table at ${at}: the ${want.length} characters found are not the table's (${JSON.stringify(got.slice(0, 40))}…)`;
      at += want.length;
    }
  }
  return at === text.length ? undefined : `after the expected text: ${JSON.stringify(text.slice(at, at + 40))}`;
}

/** Where two texts first differ, with 20 characters of context each, or undefined when equal. */
export function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 20), i + 20));
  return `differ at ${i} (lengths ${actual.length} and ${expected.length}): actual ${around(actual)}, expected ${around(expected)}`;
}
