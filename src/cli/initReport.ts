/** A starting report for `init`, in JSON or in YAML with the Chinese titles and labels as comments. */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { chineseNumeral, TEMPLATES, valueCells, type Report, type Template, type TemplateId } from '../model/index.js';
import { PACKAGE_VERSION } from '../packageInfo.js';
import { yamlModule } from './readReportFile.js';

/** Where the schema of an installed package lies, from the project folder. */
const INSTALLED_SCHEMA = ['node_modules', 'xxgk-report', 'schema', 'report.schema.json'];

/** The published schema of this version (npm package files as served by unpkg). */
export const PUBLISHED_SCHEMA_URL = `https://unpkg.com/xxgk-report@${PACKAGE_VERSION}/schema/report.schema.json`;

/**
 * The `$schema` for a report written at `file`: the installed package's schema, relative to the file, when the
 * file lies in a project that has it (a folder above it with node_modules/xxgk-report/schema), else the published URL.
 */
export function schemaReference(file: string | undefined): string {
  if (file) {
    const from = dirname(resolve(file));
    for (let dir = from; ; dir = dirname(dir)) {
      if (existsSync(join(dir, ...INSTALLED_SCHEMA))) {
        const rel = relative(from, join(dir, ...INSTALLED_SCHEMA)).split(sep).join('/');
        return rel.startsWith('../') ? rel : `./${rel}`;
      }
      if (dirname(dir) === dir) break;
    }
  }
  return PUBLISHED_SCHEMA_URL;
}

/**
 * The format a report on `year` is written in: the national format from the 2021 reports on, its trial version for the
 * 2019 and 2020 reports, the 2014 scheme before.
 */
export const defaultTemplate = (year: number): TemplateId => (year >= 2021 ? '2021' : year >= 2019 ? '2019' : '2014');

/** The conventional signature date of a report on `year`: 31 January of the following year (the deadline is 31 March). */
export const defaultSignatureDate = (year: number): string => `${year + 1}-01-31`;

/**
 * Builds the starting report of a template: every part present and empty (`blocks: []`, one warning each), one empty
 * preamble paragraph, every statistics value 0, the signature by the agency on `date` (ISO), and `$schema` when given.
 */
export function initReport(agency: string, year: number, date: string, schema?: string, templateId: TemplateId = '2014'): Report {
  const template = TEMPLATES[templateId];
  const sections = Object.fromEntries(template.parts.map((p) => [p.key, { blocks: [] }])) as unknown as Report['sections'];
  const values = Object.fromEntries([...valueCells(template).keys()].map((id) => [id, 0]));
  return {
    ...(schema ? { $schema: schema } : {}),
    ...(templateId !== '2014' ? { template: templateId } : {}),
    metadata: { agency, year, keywords: ['政府信息公开', '年度报告'] },
    preamble: [{ type: 'paragraph', text: '' }],
    sections,
    signature: { office: agency, date },
    ...(template.tables.length > 0 ? { statistics: { values } } : {}),
  } as Report;
}

/** The report as JSON text. */
export const reportJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;

/**
 * The report as YAML, with comments: the schema for the YAML language server, each section's number and Chinese
 * title, each statistics row's label and unit, and each group of rows before its first row.
 */
export function reportYaml(report: Report): string {
  const yaml = yamlModule();
  const template: Template = TEMPLATES[((report as { template?: TemplateId }).template ?? '2014') as TemplateId] ?? TEMPLATES['2014'];
  const doc = new yaml.Document(report);
  const schema = (report as { $schema?: string }).$schema;
  if (schema) doc.commentBefore = ` yaml-language-server: $schema=${schema}`;
  const titles = new Map(template.parts.map((p, i) => [p.key, `${chineseNumeral(i + 1)}、${p.title}${p.required ? '' : '（可选，可删去）'}`]));
  const sections = doc.getIn(['sections']);
  if (yaml.isMap(sections)) {
    for (const pair of sections.items) {
      const title = yaml.isScalar(pair.key) ? titles.get(String(pair.key.value)) : undefined;
      if (title && yaml.isScalar(pair.key)) pair.key.commentBefore = ` ${title}`;
    }
  }
  const values = doc.getIn(['statistics', 'values']);
  if (yaml.isMap(values)) {
    // Before a row's first value: the table's name (at its first row) and the labels of the heading rows above it.
    const before = new Map<string, string[]>();
    for (const table of template.tables) {
      let pending = template.tables.length > 1 ? [`【${table.name}】`] : [];
      for (const row of table.rows) {
        const first = row.cells.find((c) => c.kind === 'value');
        if (!first) {
          // A heading row (第二十条第（一）项) or a group row (一、主动公开情况); not a column-header row (信息内容 …).
          const label = row.cells.find((c) => c.kind === 'label');
          if (label?.kind === 'label' && (row.heading || label.level !== undefined)) pending.push(label.text);
        } else if (pending.length > 0) {
          before.set(first.id, pending);
          pending = [];
        }
      }
    }
    const cells = valueCells(template);
    for (const pair of values.items) {
      if (!yaml.isScalar(pair.key) || !yaml.isScalar(pair.value)) continue;
      const id = String(pair.key.value);
      const cell = cells.get(id)?.cell;
      if (!cell) continue;
      const groups = before.get(id);
      if (groups) pair.key.commentBefore = groups.map((g) => ` ${g}`).join('\n');
      pair.value.comment = ` ${cell.label}${cell.unit ? `（${cell.unit}）` : ''}`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
