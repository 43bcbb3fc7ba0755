import type { z } from 'zod';
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
export type ReportMetadata = z.infer<typeof metadataSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Paragraph = z.infer<typeof paragraphSchema>;
export type List = z.infer<typeof listSchema>;
export type ListItem = z.infer<typeof listItemSchema>;
export type Signature = z.infer<typeof signatureSchema>;
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
