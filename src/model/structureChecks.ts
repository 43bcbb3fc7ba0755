/**
 * Checks of a report beyond its schema, on the raw input (any shape: wrong types are skipped, so these run even when
 * the schema fails and every fault is reported at once). Errors: `invalid_date`, `missing_field`, `conflicting_fields`,
 * `title_lines_mismatch`, `too_deep`, `unknown_table`, `table_in_wrong_part`, `duplicate_table`,
 * `unknown_placeholder`, `placeholder_group_row`, `statistics_not_in_template`, `metadata_too_long`. Warnings: `template_year_mismatch`,
 * `date_before_period_end`, `date_after_deadline`, `run_in_without_paragraph`.
 */
import { defaultTableTitle, defaultTitle, formatChineseDate, isValidIsoDate } from './format.js';
import { clip, error, warning } from './issues.js';
import type { PathSegment } from './paths.js';
import { findPlaceholders } from './placeholders.js';
import type { TextFieldOf } from './reportText.js';
import { rowsById, TEMPLATE_IDS, TEMPLATES, valueCells, type Template } from './templates/index.js';
import type { ValidationIssue } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The signature: an office (or several, not both), a real date after the reporting year and before its deadline. */
function checkSignature(input: Obj): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const sig = input['signature'];
  if (!isObj(sig)) return { errors, warnings };
  if (sig['office'] === undefined && sig['offices'] === undefined) errors.push(error('missing_field', ['signature', 'office'], '缺少落款机关（office），应为字符串；几个机关联合落款时用 offices 数组。'));
  if (sig['office'] !== undefined && sig['offices'] !== undefined) errors.push(error('conflicting_fields', ['signature', 'offices'], '落款机关只能写 office（一个）或 offices（多个）之一，不能同时写。'));
  const date = sig['date'];
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { errors, warnings };
  const path = 'signature.date';
  if (!isValidIsoDate(date)) {
    errors.push(error('invalid_date', path, `日期“${clip(date)}”不存在，应为真实的日期（YYYY-MM-DD，如 2018-01-21）。`));
    return { errors, warnings };
  }
  const year = isObj(input['metadata']) ? input['metadata']['year'] : undefined;
  if (typeof year !== 'number' || !Number.isInteger(year)) return { errors, warnings };
  if (date <= `${year}-12-31`) {
    warnings.push(warning('date_before_period_end', path, `成文日期${formatChineseDate(date)}不晚于统计期截止日${year}年12月31日，应在统计期结束之后。`));
  } else if (date > `${year + 1}-03-31`) {
    warnings.push(warning('date_after_deadline', path, `成文日期${formatChineseDate(date)}晚于${year + 1}年3月31日，年度报告应在此日期前公布。`));
  }
  return { errors, warnings };
}

/** The years a template was prescribed for, as text: 2019—2020年度, 2021年度起. */
const yearsText = (t: Template) => (t.years.to === undefined ? `${t.years.from}年度起` : `${t.years.from}—${t.years.to}年度`);

/** A report of a year its template was not prescribed for (a 2020 report in the 2021 format), with the templates that were. */
function checkTemplateYear(input: Obj, template: Template): ValidationIssue[] {
  const year = isObj(input['metadata']) ? input['metadata']['year'] : undefined;
  if (typeof year !== 'number' || !Number.isInteger(year)) return [];
  const fits = (t: Template) => year >= t.years.from && (t.years.to === undefined || year <= t.years.to);
  if (fits(template)) return [];
  const others = TEMPLATE_IDS.map((id) => TEMPLATES[id]).filter(fits);
  const advice = others.length > 0 ? `；${year}年度的报告应使用模板 ${others.map((t) => `${t.id}（${t.basis}）`).join('或')}` : '';
  return [warning('template_year_mismatch', 'template', `模板 ${template.id}（${template.basis}）用于${yearsText(template)}的报告，本报告为${year}年度${advice}。`, '模板')];
}

/** Lines given for a title must make up the title exactly. */
function checkTitleLines(input: Obj, template: Template): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const md = input['metadata'];
  const check = (lines: unknown, title: string | undefined, path: PathSegment[], what: string) => {
    if (!Array.isArray(lines) || title === undefined || !lines.every((l) => typeof l === 'string')) return;
    const joined = lines.join('');
    if (joined !== title) out.push(error('title_lines_mismatch', path, `${what}的各行连起来是“${clip(joined)}”，与${what}“${clip(title)}”不一致；各行只能分开${what}，不能改动文字。`));
  };
  if (isObj(md) && typeof md['agency'] === 'string' && typeof md['year'] === 'number') {
    const meta = { agency: md['agency'], year: md['year'] };
    check(md['titleLines'], typeof md['title'] === 'string' ? md['title'] : defaultTitle(meta), ['metadata', 'titleLines'], '报告标题');
    const st = input['statistics'];
    if (isObj(st) && template.tables.some((t) => t.titled)) check(st['titleLines'], typeof st['title'] === 'string' ? st['title'] : defaultTableTitle(meta), ['statistics', 'titleLines'], '统计表标题');
  }
  return out;
}

/** Headings nest three deep at most ((一) > 1. > (1)); a run-in heading starts with a paragraph; statistics tables go in their own part, once. */
function checkBlocks(input: Obj, template: Template): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const sections = input['sections'];
  const placed = new Set<string>();
  const walk = (blocks: unknown, base: PathSegment[], depth: number, part: string) => {
    arr(blocks).forEach((block, i) => {
      if (!isObj(block)) return;
      const path = [...base, i];
      if (block['type'] === 'subsection') {
        if (depth > 3) errors.push(error('too_deep', path, '小标题最多三层（（一）、1.、（1）），此处是第四层；请改为段落或编号条目。'));
        const first = arr(block['blocks'])[0];
        if (block['runIn'] === true && !(isObj(first) && first['type'] === 'paragraph')) {
          warnings.push(warning('run_in_without_paragraph', [...path, 'runIn'], '标题与正文同行（runIn）时，第一个块应为段落；此处标题将单独成行。'));
        }
        walk(block['blocks'], [...path, 'blocks'], depth + 1, part);
      } else if (block['type'] === 'statisticsTable' && typeof block['table'] === 'string') {
        const id = block['table'];
        const table = template.tables.find((t) => t.id === id);
        const ids = template.tables.filter((t) => t.placement.kind === 'part').map((t) => t.id);
        if (!table || table.placement.kind !== 'part') {
          errors.push(error('unknown_table', [...path, 'table'], `模板 ${template.id} 中没有可放在正文中的统计表“${clip(id)}”${ids.length > 0 ? `，应为 ${ids.join('、')} 之一` : ''}。`));
        } else if (table.placement.part !== part) {
          const home = template.parts.find((p) => p.key === (table.placement as { part: string }).part);
          errors.push(error('table_in_wrong_part', [...path, 'table'], `统计表“${table.name}”属于“${home?.title ?? ''}”部分，不能放在此部分。`));
        } else if (placed.has(id)) {
          errors.push(error('duplicate_table', [...path, 'table'], `统计表“${table.name}”已放过一次，不能重复。`));
        } else placed.add(id);
      }
    });
  };
  if (isObj(sections)) for (const [key, section] of Object.entries(sections)) if (isObj(section)) walk(section['blocks'], ['sections', key, 'blocks'], 1, key);
  // A part the template does not have is no table's home.
  arr(input['additionalParts']).forEach((part, i) => {
    if (isObj(part)) walk(part['blocks'], ['additionalParts', i, 'blocks'], 1, '');
  });
  return { errors, warnings };
}

/** `{{id}}` must name a value cell of the template. */
function checkPlaceholders(field: TextFieldOf, template: Template): ValidationIssue[] {
  const cells = valueCells(template);
  const rows = rowsById(template);
  return findPlaceholders(field.text).flatMap((p) => {
    const written = clip(field.text.slice(p.start, p.end), 60);
    if (cells.has(p.id)) return [];
    const row = rows.get(p.id)?.row;
    if (row) return [error('placeholder_group_row', field.path, `“${written}”是分组标题行“${row.cells.find((c) => c.kind === 'label')?.text ?? p.id}”，没有统计数，不能引用。`)];
    const example = cells.keys().next().value ?? '';
    return [error('unknown_placeholder', field.path, `引用了不存在的统计项“${written}”，花括号内应为统计表的编号，如 {{${example}}}。`)];
  });
}

/** The longest text string a PDF may hold (PDF 1.4 Appendix C: 65 535 bytes, UTF-16 with its byte-order mark). */
export const MAX_PDF_STRING = 32_767;

/** Fields written into the document information and XMP must each fit one PDF string. */
function checkMetadataLengths(input: Obj): ValidationIssue[] {
  const md = input['metadata'];
  if (!isObj(md)) return [];
  const out: ValidationIssue[] = [];
  const check = (path: PathSegment[], text: unknown, what: string) => {
    if (typeof text === 'string' && text.length > MAX_PDF_STRING) {
      out.push(error('metadata_too_long', path, `${what}共${text.length}个字符，写入 PDF 文档信息时超过了 PDF 字符串的上限${MAX_PDF_STRING}个字符。`));
    }
  };
  for (const key of ['agency', 'title', 'documentNumber', 'retentionPeriod', 'classification', 'disclosureMode'] as const) check(['metadata', key], md[key], key === 'agency' ? '发布机关' : '此项');
  const keywords = md['keywords'];
  if (Array.isArray(keywords) && keywords.every((k) => typeof k === 'string')) check(['metadata', 'keywords'], keywords.join('；'), '关键词（以“；”连接）');
  return out;
}

/** Every check of this module on the raw input. */
export function checkStructure(input: unknown, template: Template, fields: readonly TextFieldOf[]): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  if (!isObj(input)) return { errors: [], warnings: [] };
  const sig = checkSignature(input);
  const blocks = checkBlocks(input, template);
  const errors = [...sig.errors, ...checkTitleLines(input, template), ...blocks.errors, ...checkMetadataLengths(input), ...fields.flatMap((f) => checkPlaceholders(f, template))];
  if (input['statistics'] !== undefined && template.tables.length === 0) errors.push(error('statistics_not_in_template', ['statistics'], `模板 ${template.id} 没有统计表。`));
  return { errors, warnings: [...checkTemplateYear(input, template), ...sig.warnings, ...blocks.warnings] };
}
