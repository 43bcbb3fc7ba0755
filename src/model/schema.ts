/**
 * The runtime schema of a report (zod 4). The static types in `types.ts` are inferred from it,
 * and `schema/report.schema.json` is generated from it.
 */
import { z } from 'zod';
import { SECTION_DEFINITIONS } from './sections.js';
import { STATISTICS_ROWS } from './statisticsTemplate.js';

const text = (title: string) => z.string().meta({ title });
const nonEmpty = (title: string) => z.string().trim().min(1).meta({ title });

/** An ISO calendar date, YYYY-MM-DD. Whether the date exists is checked after parsing. */
const isoDate = (title: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .meta({ title, description: 'ISO 8601 date, YYYY-MM-DD' });

/** A body paragraph (first line indented 2 字). */
export const paragraphSchema = z
  .strictObject({ type: z.literal('paragraph'), text: text('段落文字') })
  .meta({ title: '段落' });

/** One numbered item: an optional run-in lead (such as 部门网站。) and its text. */
export const listItemSchema = z
  .strictObject({
    lead: text('条目引语（如“部门网站。”）').optional(),
    text: text('条目文字'),
  })
  .meta({ title: '条目' });

/** Numbered level-3 items; the numbers are generated. */
export const listSchema = z
  .strictObject({ type: z.literal('list'), items: z.array(listItemSchema).min(1) })
  .meta({ title: '编号条目（1. 或 1、，由程序编号）' });

/** A level-2 heading (numbered （一） by the library) with its paragraphs and lists. */
export const subsectionSchema = z
  .strictObject({
    type: z.literal('subsection'),
    title: nonEmpty('二级标题（（一）由程序编号）'),
    blocks: z.array(z.discriminatedUnion('type', [paragraphSchema, listSchema])),
  })
  .meta({ title: '二级标题及其内容' });

/** Any block of a section: paragraph, subsection or list. */
export const blockSchema = z.discriminatedUnion('type', [paragraphSchema, subsectionSchema, listSchema]);

/** One of the twelve sections: an optional title override and its blocks. */
export const sectionSchema = z
  .strictObject({
    title: nonEmpty('部分标题（覆盖标准标题）').optional(),
    blocks: z.array(blockSchema),
  })
  .meta({ title: '报告部分' });

const sectionsShape = Object.fromEntries(
  SECTION_DEFINITIONS.map((s) => [s.key, sectionSchema.meta({ title: s.title })]),
) as { [K in (typeof SECTION_DEFINITIONS)[number]['key']]: typeof sectionSchema };

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
    subtitle: text('副标题').optional(),
    documentNumber: text('文号或索引号').optional(),
    keywords: z.array(text('关键词')).optional(),
    contact: contactSchema.optional(),
    retentionPeriod: text('保管期限').optional(),
    classification: text('密级').optional(),
    disclosureMode: text('公开方式').optional(),
  })
  .meta({ title: '报告信息' });

/** The signature block: issuing office and ISO date. */
export const signatureSchema = z
  .strictObject({ office: nonEmpty('落款机关'), date: isoDate('成文日期') })
  .meta({ title: '落款' });

const rowIds = STATISTICS_ROWS.filter((r) => r.kind !== 'group').map((r) => r.id);

/** The statistics table: optional title and subtitle, one value per row id, optional row notes. */
export const statisticsSchema = z
  .strictObject({
    title: nonEmpty('统计表标题').optional(),
    subtitle: text('统计表副标题').optional(),
    values: z
      .record(z.string(), z.union([z.number(), z.string()]))
      .meta({
        title: '统计数',
        description: `One value per row id: ${rowIds.join(', ')}. Counts are non-negative integers; 万元 amounts may be decimal (a string such as "2.50" keeps its digits).`,
      }),
    notes: z.record(z.string(), text('行备注')).optional().meta({ title: '行备注（印在指标名称之后）' }),
  })
  .meta({ title: '政府信息公开工作情况统计表' });

/** Layout options that vary between agencies. */
export const styleSchema = z
  .strictObject({
    itemNumbering: z.enum(['period', 'comma']).optional().meta({ title: '三级编号样式（1. 或 1、）' }),
  })
  .meta({ title: '版式选项' });

/** The whole report. */
export const reportSchema = z
  .strictObject({
    $schema: z.string().optional(),
    metadata: metadataSchema,
    preamble: z.array(paragraphSchema).meta({ title: '前言' }),
    sections: z.strictObject(sectionsShape).meta({ title: '正文各部分' }),
    signature: signatureSchema,
    statistics: statisticsSchema,
    style: styleSchema.optional(),
  })
  .meta({ title: '政府信息公开工作年度报告', description: 'A report for xxgk-report: metadata, preamble, the twelve sections, signature and statistics table.' });
