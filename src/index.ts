/**
 * xxgk-report: typesets Chinese government information-disclosure annual reports (政府信息公开工作年度报告) as
 * archivable PDF/A. The public names of the package, by what they are for; everything else is internal.
 */

// Rendering: validate → resolve → compose → write.
export { renderReport, renderReportToStream, prepareReport, renderPrepared, composeReport, ReportValidationError, type RenderOptions, type PreparedReport } from './renderReport.js';
export { RenderOptionsError } from './options.js';
export type { PdfALevel } from './pdf/writePdf.js';
export { renderMany, planBatch, RenderPool, RenderTimeoutError, RenderWorkerError, DEFAULT_TIMEOUT_MS, type BatchInput, type BatchResult, type BatchPlan, type RenderManyOptions, type RenderPoolOptions } from './batch/renderMany.js';

// Validation and repair of reports.
export { validateReport, type ValidateOptions } from './validate.js';
export { DEFAULT_LIMITS } from './model/limits.js';
export { normalizePunctuation, type PunctuationChange } from './model/normalizePunctuation.js';
export type { ValidationIssue, ValidationResult, ReportLimits } from './model/types.js';
export { ISSUE_CODES, type IssueCodeInfo } from './model/issueCodes.js';

// The report object and its templates (2014, 2008, 2019, 2021) as data.
export type { Report, ReportMetadata, Section, AdditionalPart, Block, Paragraph, List, ListItem, Subsection, TableBlock, Signature, Statistics } from './model/types.js';
export { TEMPLATES, TEMPLATE_IDS, templateOf, valueCells, type ValueCell } from './model/templates/index.js';
export type { Template, TemplateId, PartDefinition, TableDefinition, RowDefinition, BodyCellDefinition, HeaderCellDefinition, StatisticsRule, TablePlacement, ValueKind } from './model/templates/index.js';
export { SECTION_DEFINITIONS, SECTION_KEYS, SECTION_TITLES, type SectionKey } from './model/templates/sections2014.js';
export { STATISTICS_ROWS, STATISTICS_ROW_BY_ID, STATISTICS_VALUE_IDS, STATISTICS_RULES, type StatisticsRow, type StatisticsLevel } from './model/templates/statistics2014.js';
export { reportJsonSchemaText } from './model/jsonSchema.js';
export { labelForPath, formatPath, parsePath, type PathSegment } from './model/paths.js';
export { formatChineseDate, formatValue, defaultTitle, defaultTableTitle } from './model/format.js';

// The resolved document: what will be printed, between the report and composition.
export { resolveDocument, type ResolveOptions } from './model/resolve.js';
export { documentTexts } from './model/document.js';
export type { ResolvedDocument, DocBlock, DocText, DocTable, DocRow, DocCell, TextBlock, SignatureBlock, StructElement, StructType, TableAttributes, TextStyle, Bookmark, DocumentMetadata } from './model/document.js';

// Fonts by role.
export { resolveFonts, DEFAULT_FONT_SIZES, type FontOptions, type FontSet, type RoleFont } from './fonts/fontSet.js';
export type { FontSource } from './fonts/fontFace.js';
export { FontError, MAX_FONT_BYTES } from './fonts/sfntCheck.js';
export { FONT_ROLES, type FontRole } from './model/fontRole.js';

// The typesetting engine alone (text and metrics in, positioned lines out).
export { breakLines, type BreakOptions, type Line, type GlyphRun, type Alignment, type TextRun, type LineBreaking } from './typeset/breakLines.js';
export type { TextFont } from './typeset/textFont.js';
export type { Strictness } from './text/charClass.js';

// Composition: pages of positioned boxes, without PDF.
export { composeDocument } from './compose/composePages.js';
export { DEFAULT_LAYOUT, type LayoutOptions } from './compose/layoutOptions.js';
export type { ComposedDocument, Page, PageItem, TextItem, RuleItem, StructNode, OutlineEntry } from './compose/page.js';

// Reading back what a PDF of this library says.
export { extractTextStream, formatTextStream, summarizeTextStream, type TextStream, type TextPage, type TextLine, type TextGlyph } from './textstream/index.js';
export { TextStreamLimitError, DEFAULT_TEXT_STREAM_LIMITS, type TextStreamLimits, type TextStreamLimitName, type ExtractTextStreamOptions } from './textstream/index.js';
