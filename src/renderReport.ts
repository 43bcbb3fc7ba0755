/** The public rendering API: validate, compose, write. */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { composePages } from './compose/composePages.js';
import { checkLayoutOptions, DEFAULT_LAYOUT, type LayoutOptions } from './compose/layoutOptions.js';
import type { ComposedDocument } from './compose/page.js';
import { resolveFonts, type FontOptions, type FontSet } from './fonts/fontSet.js';
import { FONT_ROLES } from './model/fontRole.js';
import { reportTitle } from './model/format.js';
import type { Report, ReportLimits, ValidationIssue } from './model/types.js';
import { validateReport } from './model/validateReport.js';
import { PACKAGE_VERSION } from './packageInfo.js';
import { writePdf, type PdfALevel } from './pdf/writePdf.js';
import type { ArchivalInfo, DocumentInfo } from './pdf/xmp.js';

/** Options of `renderReport`. */
export interface RenderOptions extends FontOptions {
  /** PDF/A level (default 1b). */
  readonly pdfa?: PdfALevel;
  /** Page geometry, grid and numbering; defaults follow GB/T 9704. */
  readonly layout?: Partial<LayoutOptions>;
  /** Treat warnings as errors. */
  readonly strict?: boolean;
  /** Size limits of the input. */
  readonly limits?: Partial<ReportLimits>;
  /** Creation and modification dates; by default the signature date, so identical input gives identical bytes. */
  readonly creationDate?: Date;
  readonly modDate?: Date;
}

/** Thrown (as a rejection) when a report has validation errors; carries all of them. */
export class ReportValidationError extends Error {
  constructor(
    readonly errors: readonly ValidationIssue[],
    readonly warnings: readonly ValidationIssue[] = [],
  ) {
    super(`report is not valid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` + errors.slice(0, 20).map((e) => `  ${e.path || '(root)'}${e.label ? `（${e.label}）` : ''}: ${e.message}`).join('\n'));
    this.name = 'ReportValidationError';
  }
}

/** A report checked against the fonts that will draw it, composed into pages. */
export interface PreparedReport {
  readonly report: Report;
  readonly fonts: FontSet;
  readonly layout: LayoutOptions;
  readonly warnings: readonly ValidationIssue[];
}

/** Validates a report (including that every character can be drawn by the chosen fonts) and resolves fonts; throws ReportValidationError. */
export function prepareReport(input: unknown, options: RenderOptions = {}): PreparedReport {
  const fonts = resolveFonts(options);
  const layout: LayoutOptions = { ...DEFAULT_LAYOUT, ...options.layout };
  const layoutProblems = checkLayoutOptions(layout);
  if (layoutProblems.length > 0) throw new Error(layoutProblems.join('; '));
  const result = validateReport(input, {
    strict: options.strict ?? false,
    canDraw: (cp, role) => fonts[role].stack.canDraw(cp),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  if (!result.ok || !result.report) throw new ReportValidationError(result.errors, result.warnings);
  return { report: result.report, fonts, layout, warnings: result.warnings };
}

/** Composes a prepared report into pages (no PDF involved). */
export function composeReport(prepared: PreparedReport): ComposedDocument {
  return composePages(prepared.report, prepared.fonts, prepared.layout);
}

function writeOptions(prepared: PreparedReport, options: RenderOptions) {
  const { report } = prepared;
  const m = report.metadata;
  const signed = new Date(`${report.signature.date}T00:00:00Z`);
  const title = reportTitle(report);
  const info: DocumentInfo = {
    title,
    author: m.agency,
    subject: `${m.agency}${m.year}年度政府信息公开工作年度报告（统计期限：${m.year}年1月1日至${m.year}年12月31日）`,
    keywords: (m.keywords && m.keywords.length > 0 ? m.keywords : ['政府信息公开', '年度报告', m.agency, `${m.year}年度`]).join('；'),
    creator: `xxgk-report ${PACKAGE_VERSION}`,
    producer: `xxgk-report ${PACKAGE_VERSION} (PDFKit)`,
    creationDate: options.creationDate ?? signed,
    modDate: options.modDate ?? options.creationDate ?? signed,
  };
  const archive: ArchivalInfo = {
    year: m.year,
    period: `${m.year}年1月1日至${m.year}年12月31日`,
    signatureDate: report.signature.date,
    ...(m.documentNumber ? { documentNumber: m.documentNumber } : {}),
    ...(m.retentionPeriod ? { retentionPeriod: m.retentionPeriod } : {}),
    classification: m.classification ?? '公开',
    disclosureMode: m.disclosureMode ?? '主动公开',
  };
  const fontIds = FONT_ROLES.map((r) => `${r}:${prepared.fonts[r].stack.primaryFace.postscriptName}:${prepared.fonts[r].size}`);
  const fileId = createHash('md5').update(JSON.stringify({ report, layout: prepared.layout, fontIds, pdfa: options.pdfa ?? '1b', info })).digest();
  return { pdfa: options.pdfa ?? '1b', info, archive, fileId };
}

/** Renders a report to PDF bytes. Rejects with ReportValidationError (carrying every error) when the report is not valid. */
export async function renderReport(input: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const prepared = prepareReport(input, options);
  const composed = composeReport(prepared);
  const chunks: Uint8Array[] = [];
  await writePdf(composed, writeOptions(prepared, options), (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

/** Renders a report into a writable stream (for servers). Nothing is written when the report is not valid. */
export async function renderReportToStream(input: unknown, writable: Writable, options: RenderOptions = {}): Promise<void> {
  const prepared = prepareReport(input, options);
  const composed = composeReport(prepared);
  await writePdf(composed, writeOptions(prepared, options), (c) => writable.write(c));
  await new Promise<void>((resolve, reject) => writable.end((err?: Error | null) => (err ? reject(err) : resolve())));
}
