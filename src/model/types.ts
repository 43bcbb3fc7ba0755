import type { z } from 'zod';
import type { FontRole } from './fontRole.js';
import type {
  blockSchema,
  listItemSchema,
  listSchema,
  paragraphSchema,
  reportSchema,
  sectionSchema,
  signatureSchema,
  statisticsSchema,
  metadataSchema,
} from './schema.js';

/** A report as accepted by `validateReport` and `renderReport`. */
export type Report = z.infer<typeof reportSchema>;
/** Report metadata (agency, year, title …). */
export type ReportMetadata = z.infer<typeof metadataSchema>;
/** One of the twelve sections. */
export type Section = z.infer<typeof sectionSchema>;
/** A paragraph, subsection or list. */
export type Block = z.infer<typeof blockSchema>;
/** A body paragraph. */
export type Paragraph = z.infer<typeof paragraphSchema>;
/** Numbered items. */
export type List = z.infer<typeof listSchema>;
/** One numbered item. */
export type ListItem = z.infer<typeof listItemSchema>;
/** Issuing office and date. */
export type Signature = z.infer<typeof signatureSchema>;
/** The statistics table's data. */
export type Statistics = z.infer<typeof statisticsSchema>;

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

/** Options of `validateReport`. */
export interface ValidateOptions {
  /** Turn every warning into an error (codes are kept). */
  readonly strict?: boolean;
  /** Whether the font for a role can draw a code point; when given, every printed character is checked. */
  readonly canDraw?: (codePoint: number, role: FontRole) => boolean;
  /** Overrides of `DEFAULT_LIMITS`. */
  readonly limits?: Partial<ReportLimits>;
}

/** One printed text field of a report: where it is, what it says, and the role it is set in. */
export interface ReportTextField {
  /** JSON path of the field, e.g. `sections.overview.blocks[0].text`. */
  readonly path: string;
  readonly text: string;
  readonly role: FontRole;
}
