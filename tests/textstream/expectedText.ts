/**
 * Test oracle: a report's printed text in reading order, built from the report with the model's exports only
 * (never from src/compose), so the composed PDF can be checked against it.
 */
import {
  formatChineseDate,
  formatValue,
  numberLabel,
  reportTitle,
  resolvePlaceholders,
  SECTION_KEYS,
  sectionTitle,
  STATISTICS_ROWS,
  tableTitle,
  type Block,
  type ItemNumbering,
  type Report,
  type StatisticsRow,
} from '../../src/model/index.js';

/** The pieces of text a reader meets, in order: body (title … signature), then the attachment with the table row by row. */
export function expectedReadingOrder(report: Report, itemNumbering?: ItemNumbering): string[] {
  const numbering = itemNumbering ?? report.style?.itemNumbering ?? 'period';
  const resolve = (text: string) => resolvePlaceholders(text, report.statistics.values);
  const out: string[] = [reportTitle(report)];
  if (report.metadata.subtitle) out.push(report.metadata.subtitle);
  for (const p of report.preamble) out.push(resolve(p.text));
  SECTION_KEYS.forEach((key, i) => {
    out.push(numberLabel(1, i + 1) + resolve(sectionTitle(report, key)));
    out.push(...blockTexts(report.sections[key].blocks, resolve, numbering));
  });
  out.push(`附件：${resolve(tableTitle(report))}`, report.signature.office, formatChineseDate(report.signature.date));
  out.push('附件', tableTitle(report));
  if (report.statistics.subtitle) out.push(report.statistics.subtitle);
  out.push('统计指标', '单位', '统计数');
  const labels = rowLabels(report);
  for (const row of STATISTICS_ROWS) {
    const value = report.statistics.values[row.id];
    out.push(labels.get(row.id)!, row.unit, value === undefined ? '' : formatValue(value));
  }
  return out;
}

function blockTexts(blocks: readonly Block[], resolve: (t: string) => string, numbering: ItemNumbering): string[] {
  const out: string[] = [];
  let subsection = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') out.push(resolve(block.text));
    else if (block.type === 'subsection') {
      out.push(numberLabel(2, ++subsection) + resolve(block.title));
      out.push(...blockTexts(block.blocks, resolve, numbering));
    } else block.items.forEach((item, i) => out.push(numberLabel(3, i + 1, numbering) + resolve(item.lead ?? '') + resolve(item.text)));
  }
  return out;
}

/**
 * Row labels as the table prints them: 一、 for level 1 (counted over level-1 rows), （一） and 1. numbered within the
 * parent, 其中： before the first of a run of level-4 rows, and the report's note in full-width parentheses.
 */
function rowLabels(report: Report): Map<string, string> {
  const counters = new Map<string | undefined, number>();
  const labels = new Map<string, string>();
  let previous: StatisticsRow | undefined;
  for (const row of STATISTICS_ROWS) {
    const n = (counters.get(row.parent) ?? 0) + 1;
    counters.set(row.parent, n);
    let prefix = '';
    if (row.level === 1 || row.level === 2 || row.level === 3) prefix = numberLabel(row.level, n);
    else if (!(previous?.level === 4 && previous.parent === row.parent)) prefix = '其中：';
    const note = report.statistics.notes?.[row.id];
    labels.set(row.id, prefix + row.label + (note ? `（${note}）` : ''));
    previous = row;
  }
  return labels;
}

/** Removes all whitespace (pdf.js infers spaces from gaps, so whitespace is not compared). */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Where two texts first differ, with 20 characters of context each, or undefined when equal. */
export function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 20), i + 20));
  return `differ at ${i} (lengths ${actual.length} and ${expected.length}): actual ${around(actual)}, expected ${around(expected)}`;
}
