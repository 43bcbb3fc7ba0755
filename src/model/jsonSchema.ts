/**
 * The JSON Schema of a report, generated from the zod schemas: one branch per template (anyOf), each listing every
 * statistics cell of its template as a property with its Chinese label as description, so that an editor completes
 * and checks the cell ids. Output is deterministic: keys are sorted recursively, except the children of
 * `properties`, which keep the schema's definition order (the order in which a report is read).
 */
import { z } from 'zod';
import { allReportSchemas } from './schema.js';

function stable(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((v) => stable(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, stable(v, k === 'properties' && !keepOrder)]));
}

/** The report's JSON Schema (draft 2020-12) as text: 2-space indent, stable key order, trailing newline. */
export function reportJsonSchemaText(): string {
  const schema = z.union(allReportSchemas(true) as [z.ZodType, z.ZodType, ...z.ZodType[]]).meta({
    title: '政府信息公开工作年度报告',
    description: 'A report for xxgk-report. "template" chooses the branch: 2014 (default, twelve parts and the 附件 table), 2008 (seven parts) or 2021 (the national format with three tables).',
  });
  return `${JSON.stringify(stable(z.toJSONSchema(schema)), null, 2)}\n`;
}
