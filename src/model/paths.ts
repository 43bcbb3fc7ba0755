/**
 * JSON paths of report fields and their Chinese labels.
 *
 * Path syntax (one syntax everywhere): object keys are joined with `.`, array indexes are `[n]`, and
 * keys of `statistics.values` and `statistics.notes` (row ids, which contain dots) are always written
 * bracket-quoted: `statistics.values["applications.received"]`. Any other key that is not a plain
 * identifier is bracket-quoted too.
 */
import { z } from 'zod';
import { reportSchemaOf } from './schema.js';
import { rowsById, templateOf, valueCells, type Template } from './templates/index.js';

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isRowKey(segments: readonly PathSegment[], index: number): boolean {
  return index === 2 && segments[0] === 'statistics' && (segments[1] === 'values' || segments[1] === 'notes' || segments[1] === 'previous');
}

/** Formats path segments as a path string, e.g. `["sections","overview","blocks",0]` → `sections.overview.blocks[0]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  segments.forEach((seg, i) => {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg) && !isRowKey(segments, i)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  });
  return out;
}

/** Parses a path string written by `formatPath` back into segments (lenient: unparsable rest is one key). */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const re = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let pos = 0;
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (!m) {
      segments.push(path.slice(pos));
      break;
    }
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3]!) as string);
    pos = re.lastIndex;
  }
  return segments;
}

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
