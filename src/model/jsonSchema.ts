/**
 * The JSON Schema of a report, generated from the zod schema. Output is deterministic: keys are sorted
 * recursively, except the children of `properties`, which keep the schema's definition order (the order in
 * which a report is read: metadata, preamble, sections 一 to 十二, signature, statistics).
 */
import { z } from 'zod';
import { reportSchema } from './schema.js';

function stable(value: unknown, keepOrder = false): unknown {
  if (Array.isArray(value)) return value.map((v) => stable(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!keepOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, stable(v, k === 'properties' && !keepOrder)]));
}

/** The report's JSON Schema (draft 2020-12) as text: 2-space indent, stable key order, trailing newline. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(stable(z.toJSONSchema(reportSchema)), null, 2)}\n`;
}
