/** The report model: types, schema, section and statistics templates, validation, normalisation and formatting. */
export { FONT_ROLES, type FontRole } from './fontRole.js';
export { chineseNumeral, numberLabel, type ItemNumbering } from './numbering.js';
export { SECTION_DEFINITIONS, SECTION_KEYS, SECTION_TITLES, type SectionKey } from './sections.js';
export {
  STATISTICS_ROWS,
  STATISTICS_ROW_BY_ID,
  STATISTICS_VALUE_IDS,
  STATISTICS_RULES,
  type StatisticsRow,
  type StatisticsLevel,
  type StatisticsRule,
} from './statisticsTemplate.js';
export {
  reportSchema,
  metadataSchema,
  contactSchema,
  paragraphSchema,
  listItemSchema,
  listSchema,
  subsectionSchema,
  blockSchema,
  sectionSchema,
  signatureSchema,
  statisticsSchema,
  styleSchema,
} from './schema.js';
export type {
  Report,
  ReportMetadata,
  Section,
  Block,
  Paragraph,
  List,
  ListItem,
  Signature,
  Statistics,
  ValidationIssue,
  ValidationResult,
  ValidateOptions,
  ReportLimits,
  ReportTextField,
} from './types.js';
export { validateReport } from './validateReport.js';
export { DEFAULT_LIMITS } from './limits.js';
export { normalizePunctuation, type PunctuationChange } from './normalizePunctuation.js';
export { findHalfwidthInChineseContext, toFullwidthPunctuation, isCjkCodePoint, type HalfwidthMark } from './punctuation.js';
export { findPlaceholders, resolvePlaceholders, type PlaceholderMatch } from './placeholders.js';
export { collectTexts, forEachText, generatedTexts, type TextVisitor } from './reportText.js';
export {
  formatChineseDate,
  parseIsoDate,
  isValidIsoDate,
  defaultTitle,
  defaultTableTitle,
  reportTitle,
  tableTitle,
  sectionTitle,
  formatValue,
} from './format.js';
export { formatPath, parsePath, labelForPath, type PathSegment } from './paths.js';
export { formatCodePoint, forbiddenCharacterCode, type ForbiddenCharacterCode } from './characters.js';
export { numericValue } from './statisticsChecks.js';
export { reportJsonSchemaText } from './jsonSchema.js';
