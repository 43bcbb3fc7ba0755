/**
 * The runtime schema of a report (zod 4), one per template. The static types in `types.ts` are inferred from the
 * shapes here that every template shares (metadata, blocks, signature …; `sections` and `statistics` are typed there
 * by hand), and `schema/report.schema.json` is generated from the schemas (jsonSchema.ts).
 */
import { z } from 'zod';
import { TEMPLATES, TEMPLATE_IDS, valueCells, type Template, type TemplateId } from './templates/index.js';

const text = (title: string) => z.string().meta({ title });
const nonEmpty = (title: string) => z.string().trim().min(1).meta({ title });

/** An ISO calendar date, YYYY-MM-DD. Whether the date exists is checked after parsing. */
const isoDate = (title: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .meta({ title, description: 'ISO 8601 date, YYYY-MM-DD' });

/** A body paragraph (first line indented 2 字). */
export const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), text: text('段落文字') }).meta({ title: '段落' });

/** One numbered item: an optional run-in lead (such as 部门网站。), its text, and further paragraphs. */
export const listItemSchema = z
  .strictObject({
    lead: text('条目引语（如“部门网站。”）').optional(),
    text: text('条目文字'),
    paragraphs: z.array(text('条目的后续段落')).optional().meta({ title: '条目的后续段落' }),
  })
  .meta({ title: '条目' });

/** Numbered items; the numbers are generated (1. or 1、, or （1） inside a third-level heading). */
export const listSchema = z.strictObject({ type: z.literal('list'), items: z.array(listItemSchema).min(1) }).meta({ title: '编号条目（由程序编号）' });

/** Where one of the template's statistics tables is set inside its part (by default after the part's text). */
export const statisticsTableSchema = z
  .strictObject({ type: z.literal('statisticsTable'), table: z.string().meta({ title: '统计表编号（proactive、applications、reviews）' }) })
  .meta({ title: '统计表位置' });

/** A table of the report's own: optional title, header rows and body rows of text cells. */
export const tableSchema = z
  .strictObject({
    type: z.literal('table'),
    title: text('表格标题').optional(),
    header: z.array(z.array(text('表头单元格'))).optional().meta({ title: '表头行' }),
    rows: z.array(z.array(text('单元格'))).min(1).meta({ title: '表格行' }),
  })
  .meta({ title: '表格' });

/** A heading (（一）, 1. or （1） by its depth, numbered by the library) with its content; `runIn` sets title and first paragraph on one line. */
export const subsectionSchema = z
  .strictObject({
    type: z.literal('subsection'),
    title: nonEmpty('小标题（编号由程序生成）'),
    runIn: z.boolean().optional().meta({ title: '标题与正文同行（如“（一）总体情况。正文……”）' }),
    get blocks() {
      return z.array(blockSchema);
    },
  })
  .meta({ title: '小标题及其内容' });

/** Any block of a part: paragraph, heading with content, numbered items, a table, or the place of a statistics table. */
export const blockSchema: z.ZodType<Block> = z
  .discriminatedUnion('type', [paragraphSchema, subsectionSchema, listSchema, tableSchema, statisticsTableSchema])
  // An id makes the JSON Schema name the recursion the same way whatever walked the schema before (`$defs.block`).
  .meta({ id: 'block', title: '块（段落、小标题、编号条目、表格或统计表位置）' });

/** A block of a report (the recursive union, written out for the static type). */
export type Block =
  | z.infer<typeof paragraphSchema>
  | z.infer<typeof listSchema>
  | z.infer<typeof tableSchema>
  | z.infer<typeof statisticsTableSchema>
  | { type: 'subsection'; title: string; runIn?: boolean | undefined; blocks: Block[] };

/** One part of the report: an optional title override and its blocks. */
export const sectionSchema = z
  .strictObject({ title: nonEmpty('部分标题（覆盖标准标题）').optional(), blocks: z.array(blockSchema) })
  .meta({ title: '报告部分' });

/** Contact details of the disclosure office (metadata; the printed contact text is in the preamble). */
export const contactSchema = z
  .strictObject({
    office: text('联系机构').optional(),
    address: text('地址').optional(),
    postcode: text('邮编').optional(),
    phone: text('联系电话').optional(),
    fax: text('传真').optional(),
    email: text('电子邮箱').optional(),
    website: text('网站').optional(),
  })
  .meta({ title: '联系方式' });

/** Report metadata: agency, year, optional title and archival fields. */
export const metadataSchema = z
  .strictObject({
    agency: nonEmpty('发布机关'),
    year: z.number().int().min(2000).max(2100).meta({ title: '报告年度' }),
    title: nonEmpty('报告标题').optional(),
    titleLines: z.array(nonEmpty('标题的一行')).min(1).optional().meta({ title: '标题分行（各行连起来须等于标题）' }),
    subtitle: text('副标题').optional(),
    documentNumber: text('文号或索引号').optional(),
    keywords: z.array(text('关键词')).optional(),
    contact: contactSchema.optional(),
    retentionPeriod: text('保管期限').optional(),
    classification: text('密级').optional(),
    disclosureMode: text('公开方式').optional(),
  })
  .meta({ title: '报告信息' });

/** The signature block: one issuing office (or several), and the date. */
export const signatureSchema = z
  .strictObject({
    office: nonEmpty('落款机关').optional(),
    offices: z.array(nonEmpty('落款机关')).min(1).optional().meta({ title: '落款机关（多个）' }),
    date: isoDate('成文日期'),
    dateStyle: z.enum(['arabic', 'chinese']).optional().meta({ title: '日期写法（arabic：2022年1月20日；chinese：二〇二二年一月二十日）' }),
  })
  .meta({ title: '落款' });

/** Layout options that vary between agencies. */
export const styleSchema = z
  .strictObject({ itemNumbering: z.enum(['period', 'comma']).optional().meta({ title: '条目编号样式（1. 或 1、）' }) })
  .meta({ title: '版式选项' });

const valueSchema = z.union([z.number(), z.string()]);

/** The statistics of a template: values by cell id (one property per cell in the JSON Schema, with its Chinese label). */
function statisticsSchemaOf(template: Template, forJsonSchema: boolean) {
  const cells = [...valueCells(template).values()];
  const values = forJsonSchema
    ? z.strictObject(Object.fromEntries(cells.map((c) => [c.id, valueSchema.meta({ description: `${c.cell.label}（${c.cell.unit}）` })])))
    : z.record(z.string(), valueSchema);
  const titled = template.tables.some((t) => t.titled);
  return z
    .strictObject({
      ...(titled
        ? {
            title: nonEmpty('统计表标题').optional(),
            titleLines: z.array(nonEmpty('标题的一行')).min(1).optional().meta({ title: '统计表标题分行' }),
            subtitle: text('统计表副标题').optional(),
            footer: z.array(nonEmpty('表尾的一行')).optional().meta({ title: '表尾（填报单位、负责人、填报人、填报日期等，每行一项）' }),
          }
        : {}),
      values: values.meta({ title: '统计数', description: 'One value per cell id. Counts are non-negative integers; 万元 amounts may be decimal (a string such as "2.50" keeps its digits); a cell that does not apply to the agency may be "—" or "/" (printed as written, counted as 0).' }),
      previous: z.record(z.string(), valueSchema).optional().meta({ title: '上年度报告的统计数（用于跨年度核对）' }),
      notes: z.record(z.string(), text('行备注')).optional().meta({ title: '行备注（印在指标名称之后）' }),
    })
    .meta({ title: '统计数据' });
}

/** A part the template does not have, after one of its parts (its key) or, without `after`, after the last. */
function additionalPartsSchemaOf(template: Template) {
  const keys = template.parts.map((p) => p.key) as [string, ...string[]];
  const part = z
    .strictObject({
      after: z.enum(keys).optional().meta({ title: '放在哪一部分之后（该部分的键名，不写则放在最后）' }),
      title: nonEmpty('部分标题'),
      blocks: z.array(blockSchema),
    })
    .meta({ title: '模板之外的部分' });
  return z.array(part).meta({ title: '模板之外的部分（如“政府信息公开咨询处理情况”），与模板的部分连续编号' });
}

function sectionsSchemaOf(template: Template) {
  const shape = Object.fromEntries(template.parts.map((p) => [p.key, p.required ? sectionSchema.meta({ title: p.title }) : sectionSchema.meta({ title: p.title }).optional()]));
  return z.strictObject(shape).meta({ title: '正文各部分' });
}

const schemas = new Map<string, z.ZodType>();

/** The schema of a report in one template; `forJsonSchema` lists every statistics cell as a property. */
export function reportSchemaOf(id: TemplateId, forJsonSchema = false): z.ZodType {
  const key = `${id}:${forJsonSchema}`;
  let schema = schemas.get(key);
  if (!schema) {
    const template = TEMPLATES[id];
    const statistics = statisticsSchemaOf(template, forJsonSchema);
    schema = z
      .strictObject({
        $schema: z.string().optional(),
        template: id === '2014' ? z.literal('2014').optional().meta({ title: '模板（默认 2014）' }) : z.literal(id).meta({ title: '模板' }),
        metadata: metadataSchema,
        preamble: z.array(paragraphSchema).meta({ title: '前言' }),
        sections: sectionsSchemaOf(template),
        additionalParts: additionalPartsSchemaOf(template).optional(),
        signature: signatureSchema,
        statistics: template.statisticsRequired ? statistics : statistics.optional(),
        style: styleSchema.optional(),
      })
      .meta({ title: '政府信息公开工作年度报告', description: `模板 ${template.id}：${template.name}` });
    schemas.set(key, schema);
  }
  return schema;
}

/** The 2014 report schema (the default template). */
export const reportSchema = reportSchemaOf('2014');

/** The schemas of every template, for the JSON Schema (one branch per template). */
export function allReportSchemas(forJsonSchema: boolean): z.ZodType[] {
  return TEMPLATE_IDS.map((id) => reportSchemaOf(id, forJsonSchema));
}
