/** xxgk-report: typesets Chinese government information-disclosure annual reports as archivable PDF/A. */
export * from './model/index.js';
export { renderReport, renderReportToStream, prepareReport, composeReport, ReportValidationError, type RenderOptions, type PreparedReport } from './renderReport.js';
export { resolveFonts, DEFAULT_FONT_SIZES, type FontOptions, type FontSet, type RoleFont } from './fonts/fontSet.js';
export type { FontSource } from './fonts/fontFace.js';
export { breakLines, type BreakOptions, type Line, type GlyphRun, type Alignment, type TextRun } from './typeset/breakLines.js';
export type { TextFont } from './typeset/textFont.js';
export type { Strictness } from './text/charClass.js';
export { composePages } from './compose/composePages.js';
export { DEFAULT_LAYOUT, type LayoutOptions } from './compose/layoutOptions.js';
export type { ComposedDocument, Page, PageItem, TextItem, RuleItem, StructNode, OutlineEntry } from './compose/page.js';
export type { PdfALevel } from './pdf/writePdf.js';
export { renderMany, type BatchInput, type BatchResult, type RenderManyOptions } from './batch/renderMany.js';
export { extractTextStream, formatTextStream, summarizeTextStream, type TextStream, type TextPage, type TextLine, type TextGlyph } from './textstream/index.js';
