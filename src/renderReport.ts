/**
 * The public rendering API: check options, validate the report against its template and the fonts that will draw
 * it, resolve it into the document that will be printed, compose pages, write the PDF.
 */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { composeDocument, furnitureTexts } from './compose/composePages.js';
import { DEFAULT_LAYOUT, type LayoutOptions } from './compose/layoutOptions.js';
import type { ComposedDocument } from './compose/page.js';
import { resolveFonts, type FontOptions, type FontSet } from './fonts/fontSet.js';
import { documentTexts, type ResolvedDocument } from './model/document.js';
import { FONT_ROLES } from './model/fontRole.js';
import type { Report, ReportLimits, ValidationIssue } from './model/types.js';
import { checkReport } from './model/validateReport.js';
import { RenderOptionsError, renderOptionProblems } from './options.js';
import { PACKAGE_VERSION } from './packageInfo.js';
import { EarlyFontPrograms } from './pdf/earlyPrograms.js';
import { writePdf, type PdfALevel } from './pdf/writePdf.js';
import type { ArchivalInfo, DocumentInfo } from './pdf/xmp.js';

/** Options of `renderReport`. */
export interface RenderOptions extends FontOptions {
  /** PDF/A level (default 1b). */
  readonly pdfa?: PdfALevel;
  /** Page geometry, grid, numbering and line breaking; defaults follow GB/T 9704. */
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
    super(`报告有误（${errors.length}个错误）：\n` + errors.slice(0, 20).map((e) => `  ${e.path || '(根)'}${e.label ? `（${e.label}）` : ''}: ${e.message}`).join('\n'));
    this.name = 'ReportValidationError';
  }
}

/** A report checked against the fonts that will draw it, and resolved into the document that will be printed. */
export interface PreparedReport {
  readonly report: Report;
  readonly document: ResolvedDocument;
  readonly fonts: FontSet;
  readonly layout: LayoutOptions;
  readonly warnings: readonly ValidationIssue[];
}

/** Validates a report (including that every printed character can be drawn) and resolves it; throws ReportValidationError or RenderOptionsError. */
export function prepareReport(input: unknown, options: RenderOptions = {}): PreparedReport {
  return prepare(input, options, true);
}

/**
 * prepareReport; without `warnings` (for a render that discards them) the checks that can only warn are skipped while
 * the report is valid, and run for the ReportValidationError of one that is not (which lists them beside the errors).
 */
function prepare(input: unknown, options: RenderOptions, warnings: boolean): PreparedReport {
  const problems = renderOptionProblems(options);
  if (problems.length > 0) throw new RenderOptionsError(problems);
  const fonts = resolveFonts(options);
  const layout: LayoutOptions = { ...DEFAULT_LAYOUT, ...options.layout };
  const check = (withWarnings: boolean) =>
    checkReport(input, {
      strict: options.strict ?? false,
      warnings: withWarnings,
      canDraw: (cp, role) => fonts[role].stack.canDraw(cp),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(layout.itemNumbering ? { itemNumbering: layout.itemNumbering } : {}),
    });
  let result = check(warnings);
  if (!result.ok && !warnings) result = check(true);
  if (!result.ok || !result.report || !result.document) throw new ReportValidationError(result.errors, result.warnings);
  return { report: result.report, document: result.document, fonts, layout, warnings: result.warnings };
}

/** Composes a prepared report into pages (no PDF involved). */
export function composeReport(prepared: PreparedReport): ComposedDocument {
  return composeDocument(prepared.document, prepared.fonts, prepared.layout);
}

function writeOptions(prepared: PreparedReport, options: RenderOptions) {
  const m = prepared.document.metadata;
  const signed = new Date(`${m.signatureDate}T00:00:00Z`);
  const info: DocumentInfo = {
    title: m.title,
    author: m.agency,
    subject: m.subject,
    keywords: m.keywords.join('；'),
    creator: `xxgk-report ${PACKAGE_VERSION}`,
    producer: `xxgk-report ${PACKAGE_VERSION}`,
    creationDate: options.creationDate ?? signed,
    modDate: options.modDate ?? options.creationDate ?? signed,
  };
  const archive: ArchivalInfo = {
    year: m.year,
    period: m.period,
    signatureDate: m.signatureDate,
    ...(m.documentNumber ? { documentNumber: m.documentNumber } : {}),
    ...(m.retentionPeriod ? { retentionPeriod: m.retentionPeriod } : {}),
    classification: m.classification,
    disclosureMode: m.disclosureMode,
  };
  const fontIds = FONT_ROLES.map((r) => `${r}:${prepared.fonts[r].stack.primaryFace.postscriptName}:${prepared.fonts[r].size}`);
  // Hashed when the trailer is written (after the font programs, compressed meanwhile on zlib's threads).
  const fileId = () => createHash('md5').update(JSON.stringify({ report: prepared.report, layout: prepared.layout, fontIds, pdfa: options.pdfa ?? '1b', info })).digest();
  return { pdfa: options.pdfa ?? '1b', info, archive, fileId };
}

/** Renders a report to PDF bytes. Rejects with ReportValidationError (carrying every error) when the report is not valid. */
export async function renderReport(input: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderPrepared(prepare(input, options, false), options);
}

/**
 * Renders a report already checked by `prepareReport` (with the same options), so that a caller who looks at the
 * warnings first (the CLI under --strict, an editor) does not validate twice.
 */
export async function renderPrepared(prepared: PreparedReport, options: RenderOptions = {}): Promise<Uint8Array> {
  const early = startFontPrograms(prepared);
  const composed = composeReport(prepared);
  const chunks: Uint8Array[] = [];
  await writePdf(composed, { ...writeOptions(prepared, options), early }, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

/** Whether this thread has begun a render before: its code is compiled and warm then. */
let warm = false;

/**
 * Starts the font programs from the texts the document will print, so that they are compressed while it is
 * composed and painted (see pdf/earlyPrograms.ts). Not for a thread's first document: its code runs cold then, and
 * the pass over every character costs more than it saves (a command-line render of the seed: 14 ms more, median of
 * 15 paired runs), while the pages, painted as slowly, leave zlib the time to compress the programs made after them.
 */
function startFontPrograms(prepared: PreparedReport): EarlyFontPrograms | undefined {
  if (!warm) {
    warm = true;
    return undefined;
  }
  const doc = prepared.document;
  return EarlyFontPrograms.start([...documentTexts(doc), ...furnitureTexts(doc)], (role) => prepared.fonts[role].stack);
}

/** Renders a report into a writable stream (for servers). Nothing is written when the report is not valid. */
export async function renderReportToStream(input: unknown, writable: Writable, options: RenderOptions = {}): Promise<void> {
  const prepared = prepare(input, options, false);
  const early = startFontPrograms(prepared);
  const composed = composeReport(prepared);
  await writePdf(composed, { ...writeOptions(prepared, options), early }, (c) => writable.write(c));
  await new Promise<void>((resolve, reject) => writable.end((err?: Error | null) => (err ? reject(err) : resolve())));
}
