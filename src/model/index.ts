/** The report model: templates, types, schema, validation, normalisation, the resolved document and formatting. */
export { FONT_ROLES, type FontRole } from './fontRole.js';
export { chineseNumeral, chineseYear, numberLabel, type ItemNumbering } from './numbering.js';
export { SECTION_DEFINITIONS, SECTION_KEYS, SECTION_TITLES, type SectionKey } from './templates/sections2014.js';
export {
  STATISTICS_ROWS,
  STATISTICS_ROW_BY_ID,
  STATISTICS_VALUE_IDS,
  STATISTICS_RULES,
  type StatisticsRow,
  type StatisticsLevel,
} from './templates/statistics2014.js';
export { TEMPLATES, TEMPLATE_IDS, templateOf, valueCells, type ValueCell } from './templates/index.js';
export type {
  Template,
  TemplateId,
  PartDefinition,
  TableDefinition,
  RowDefinition,
  BodyCellDefinition,
  HeaderCellDefinition,
  StatisticsRule,
  TablePlacement,
  ValueKind,
} from './templates/index.js';
export { reportSchema, reportSchemaOf } from './schema.js';
export type {
  Report,
  ReportMetadata,
  Section,
  AdditionalPart,
  Block,
  Paragraph,
  List,
  ListItem,
  Subsection,
  TableBlock,
  Signature,
  Statistics,
  ValidationIssue,
  ValidationResult,
  CheckOptions,
  ReportLimits,
  ReportTextField,
} from './types.js';
export { checkReport, type CheckResult } from './validateReport.js';
export { DEFAULT_LIMITS } from './limits.js';
export { normalizePunctuation, type PunctuationChange } from './normalizePunctuation.js';
export { findHalfwidthInChineseContext, toFullwidthPunctuation, isCjkCodePoint, type HalfwidthMark } from './punctuation.js';
export { findPlaceholders, resolvePlaceholders, type PlaceholderMatch } from './placeholders.js';
export { collectTexts, forEachText, type TextVisitor, type TextFieldOf, type TextKind } from './reportText.js';
export { formatChineseDate, parseIsoDate, isValidIsoDate, defaultTitle, defaultTableTitle, reportTitle, formatValue } from './format.js';
export { formatPath, parsePath, labelForPath, type PathSegment } from './paths.js';
export { formatCodePoint, forbiddenCharacterCode, type ForbiddenCharacterCode } from './characters.js';
export { NOT_APPLICABLE, numericValue } from './statisticsChecks.js';
export { reportJsonSchemaText } from './jsonSchema.js';
export { resolveDocument, type ResolveOptions } from './resolve.js';
export { documentTexts } from './document.js';
export type { ResolvedDocument, DocBlock, DocText, DocTable, DocRow, DocCell, TextBlock, SignatureBlock, StructElement, StructType, TableAttributes, TextStyle, Bookmark, DocumentMetadata } from './document.js';
