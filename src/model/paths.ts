/**
 * JSON paths of report fields and their Chinese labels. The path syntax itself is pathSyntax.ts.
 */
import { z } from 'zod';
import { reportSchemaOf } from './schema.js';
import { formatPath, parsePath, type PathSegment } from './pathSyntax.js';
import { rowsById, templateOf, valueCells, type Template } from './templates/index.js';

export { formatPath, parsePath, type PathSegment };

type AnySchema = z.core.$ZodType;

function titleOf(schema: AnySchema): string | undefined {
  const meta = z.globalRegistry.get(schema);
  return typeof meta?.title === 'string' ? meta.title : undefined;
}

function unwrap(schema: AnySchema): AnySchema[] {
  const chain = [schema];
  let s = schema;
  while (s._zod.def.type === 'optional' || s._zod.def.type === 'nullable') {
    s = (s._zod.def as unknown as { innerType: AnySchema }).innerType;
    chain.push(s);
  }
  return chain;
}

function childSchema(schema: AnySchema, seg: PathSegment): AnySchema | undefined {
  const inner = unwrap(schema).at(-1)!;
  const def = inner._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, AnySchema>;
      return typeof seg === 'string' && Object.hasOwn(shape, seg) ? shape[seg] : undefined;
    }
    case 'array':
      return typeof seg === 'number' ? (def['element'] as AnySchema) : undefined;
    case 'record':
      return def['valueType'] as AnySchema;
    case 'union':
      for (const option of def['options'] as AnySchema[]) {
        const found = childSchema(option, seg);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The title of the deepest schema along the path that has one (through a union, the option that has the key). */
function schemaLabel(segments: readonly PathSegment[], template: Template): string | undefined {
  const root = reportSchemaOf(template.id);
  let schema: AnySchema | undefined = root;
  let label = titleOf(root);
  for (const seg of segments) {
    if (!schema) break;
    const inner = unwrap(schema).at(-1)!;
    if (inner._zod.def.type === 'union') {
      const matching = ((inner._zod.def as unknown as { options: AnySchema[] }).options ?? []).filter((o) => childSchema(o, seg));
      const option = matching.length === 1 ? matching[0] : undefined; // `type` is in every option: no one of them
      if (option) {
        label = titleOf(option) ?? label;
        schema = option;
      }
    }
    schema = childSchema(schema, seg);
    if (!schema) break;
    for (const s of unwrap(schema)) label = titleOf(s) ?? label;
  }
  return label;
}

/**
 * The Chinese label of the field at a path in a report of a template (default 2014): a statistics cell's row and
 * column labels, a part's title, or the schema's `title`.
 */
export function labelForPath(path: string | readonly PathSegment[], template: Template = templateOf(undefined)!): string | undefined {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  const [first, second, third] = segments;
  if (first === 'statistics' && (second === 'values' || second === 'notes' || second === 'previous') && typeof third === 'string') {
    const cell = valueCells(template).get(third);
    const row = rowsById(template).get(third)?.row;
    const name = cell?.cell.label ?? row?.cells.find((c) => c.kind === 'label')?.text;
    if (name) return second === 'values' ? name : second === 'notes' ? `${name}（行备注）` : `${name}（上年度）`;
  }
  if (first === 'sections' && typeof second === 'string') {
    const part = template.parts.find((p) => p.key === second);
    if (part) {
      if (segments.length === 2) return part.title;
      const inner = schemaLabel(segments, template);
      return inner && inner !== part.title ? `${part.title} › ${inner}` : part.title;
    }
  }
  return schemaLabel(segments, template);
}
