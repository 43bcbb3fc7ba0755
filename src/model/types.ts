import type { z } from 'zod';
import type { FontRole } from './fontRole.js';
import type { Block, contactSchema, listItemSchema, listSchema, metadataSchema, paragraphSchema, signatureSchema, styleSchema, tableSchema } from './schema.js';
import type { TemplateId } from './templates/index.js';

export type { Block } from './schema.js';

/** Report metadata (agency, year, title …). */
export type ReportMetadata = z.infer<typeof metadataSchema>;
/** A body paragraph. */
export type Paragraph = z.infer<typeof paragraphSchema>;
/** Numbered items. */
export type List = z.infer<typeof listSchema>;
/** One numbered item. */
export type ListItem = z.infer<typeof listItemSchema>;
/** A table of the report's own. */
export type TableBlock = z.infer<typeof tableSchema>;
/** A heading and its content. */
export type Subsection = Extract<Block, { type: 'subsection' }>;
/** Issuing office(s) and date. */
export type Signature = z.infer<typeof signatureSchema>;
/** Contact details. */
export type Contact = z.infer<typeof contactSchema>;
/** Layout options of a report. */
export type ReportStyle = z.infer<typeof styleSchema>;

/** One part of the report: an optional title override and its blocks. */
export interface Section {
  title?: string | undefined;
  blocks: Block[];
}

/** A part the template does not have (政府信息公开咨询处理情况 in a 2008-scheme report), placed after one of its parts. */
export interface AdditionalPart {
  /** The key of the template's part it follows (present in the report or not); absent: after the last part. */
  after?: string | undefined;
  title: string;
  blocks: Block[];
}

/** The statistics of a report: values by cell id, and for the 2014 table its title and row notes. */
export interface Statistics {
  title?: string | undefined;
  titleLines?: string[] | undefined;
  subtitle?: string | undefined;
  /** Lines under the appended table (填报单位：…, 负责人：…), each flush left (2014 and 2008 tables). */
  footer?: string[] | undefined;
  values: Record<string, number | string>;
  previous?: Record<string, number | string> | undefined;
  notes?: Record<string, string> | undefined;
}

/** A report as accepted by `validateReport` and `renderReport`; `sections` holds the parts of its template. */
export interface Report {
  $schema?: string | undefined;
  /** The template: `2014` (default: twelve parts and the 附件 table), `2008` (seven parts) or `2021` (the national format). */
  template?: TemplateId | undefined;
  metadata: ReportMetadata;
  preamble: Paragraph[];
  sections: Record<string, Section>;
  /** Parts the template does not have, each after a part of it (or after the last), numbered in sequence with them. */
  additionalParts?: AdditionalPart[] | undefined;
  signature: Signature;
  statistics?: Statistics | undefined;
  style?: ReportStyle | undefined;
}

/** One problem found in a report. */
export interface ValidationIssue {
  /** `error` stops rendering; `warning` does not (unless `strict`). */
  readonly severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `invalid_type`, `sum_mismatch`. */
  readonly code: string;
  /** JSON path of the field, e.g. `sections.overview.blocks[0].text`. */
  readonly path: string;
  /** The field's Chinese label where there is one. */
  readonly label?: string;
  /** A plain message saying what is wrong and what was expected. */
  readonly message: string;
  /** Ids of the statistics cells a rule warning concerns (to colour them in an editor). */
  readonly cells?: readonly string[];
}

/** The result of `validateReport`; `report` is present when there are no errors. */
export interface ValidationResult {
  readonly ok: boolean;
  readonly report?: Report;
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}

/** Size limits checked before any per-character work, so an oversized input is rejected quickly. */
export interface ReportLimits {
  /** Maximum length (UTF-16 code units) of any single string in the input. */
  readonly maxTextLength: number;
  /** Maximum number of blocks: preamble paragraphs, blocks at every depth, and list items. */
  readonly maxBlocks: number;
  /** Maximum total length of all strings in the input. */
  readonly maxTotalCharacters: number;
}

/** Options of the model's checks (`checkReport`); `validateReport` adds the fonts. */
export interface CheckOptions {
  /** Turn every warning into an error (codes are kept). */
  readonly strict?: boolean;
  /**
   * Whether the font for a role can draw a code point; when given, every printed character is checked. It is called
   * for each printed character, so a slow answer should be cached by the function itself (the library's font stacks
   * keep theirs).
   */
  readonly canDraw?: (codePoint: number, role: FontRole) => boolean;
  /** Overrides of `DEFAULT_LIMITS`. */
  readonly limits?: Partial<ReportLimits>;
  /**
   * Whether to look for warnings (default true). `false` (ignored with `strict`) skips the checks that can only warn,
   * for a caller that would discard what they find; errors are found all the same.
   */
  readonly warnings?: boolean;
}

/** One printed text field of a report: where it is, what it says, and the role it is set in. */
export interface ReportTextField {
  /** JSON path of the field, e.g. `sections.overview.blocks[0].text`. */
  readonly path: string;
  readonly text: string;
  readonly role: FontRole;
}
