/**
 * What the editor page is told when it starts: the report, the file it came from, and every template as data (parts,
 * tables, and the schema of the fields the page builds its form from), so that the page holds no template of its own.
 */
import { reportJsonSchemaText, TEMPLATE_IDS, TEMPLATES, type Template, type TemplateId } from '../model/index.js';

/** The JSON Schema of the fields of one template's report that the page edits as plain fields. */
export interface FieldSchemas {
  readonly metadata: unknown;
  readonly signature: unknown;
  readonly style: unknown;
  /** `statistics` without `values`, `previous` and `notes` (those are edited in the grid). */
  readonly statistics: unknown;
}

/** A template as the page receives it. */
export interface TemplateData extends Pick<Template, 'id' | 'name' | 'basis' | 'parts' | 'tables' | 'statisticsRequired' | 'emptyPartText'> {
  readonly fields: FieldSchemas;
}

let cached: TemplateData[] | undefined;

/** Every template, in the order users are offered them. */
export function templateData(): TemplateData[] {
  if (cached) return cached;
  const schema = JSON.parse(reportJsonSchemaText()) as { anyOf: Array<{ properties: Record<string, Record<string, unknown>> }> };
  const branchOf = (id: TemplateId) => schema.anyOf.find((b) => (b.properties['template'] as { const?: string } | undefined)?.const === id)!;
  cached = TEMPLATE_IDS.map((id) => {
    const t = TEMPLATES[id];
    const p = branchOf(id).properties;
    const statistics = p['statistics'] as { properties?: Record<string, unknown> } | undefined;
    const statisticsFields = statistics?.properties ? { ...statistics, properties: Object.fromEntries(Object.entries(statistics.properties).filter(([k]) => !['values', 'previous', 'notes'].includes(k))) } : {};
    return {
      id: t.id,
      name: t.name,
      basis: t.basis,
      parts: t.parts,
      tables: t.tables,
      statisticsRequired: t.statisticsRequired,
      emptyPartText: t.emptyPartText,
      fields: { metadata: p['metadata'], signature: p['signature'], style: p['style'], statistics: statisticsFields },
    };
  });
  return cached;
}
