/**
 * Small PDFs made with plain pdfkit (not with src/), used to prove that the
 * conformance helpers in tests/helpers/conformance.ts work.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { notoSansScSfnt } from './sfnt.js';

export const FIXED_DATE = new Date(Date.UTC(2018, 0, 21));
export const CHINESE_TITLE = '某市人民政府2017年政府信息公开工作年度报告';
export const CHINESE_TEXT = '本报告由某市人民政府办公室编制，全文包括总体情况、主动公开政府信息情况。';

/** pdfkit options for a PDF/A-1b document without pdfkit's default Helvetica. */
export function pdfaOptions(info: PDFKit.DocumentInfo = {}): PDFKit.PDFDocumentOptions {
  return {
    subset: 'PDF/A-1b',
    pdfVersion: '1.4',
    tagged: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: CHINESE_TITLE, CreationDate: FIXED_DATE, ModDate: FIXED_DATE, ...info },
    // null (not undefined) stops pdfkit from loading its default Helvetica;
    // @types/pdfkit only allows a string here.
    font: null as unknown as string,
  };
}

/** Run pdfkit to completion and return the PDF bytes. */
export function renderPdf(
  options: PDFKit.PDFDocumentOptions,
  build: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      build(doc);
      doc.end();
    } catch (e) {
      reject(e as Error);
    }
  });
}

/** A PDF/A-1b document with Noto Sans SC (embedded, subset) and Chinese text. */
export function chinesePdfA(extra?: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return renderPdf(pdfaOptions(), (doc) => {
    doc.font(notoSansScSfnt()).fontSize(16).text(CHINESE_TITLE);
    doc.moveDown().fontSize(11).text(CHINESE_TEXT);
    extra?.(doc);
  });
}

let dir: string | undefined;
/** Write `bytes` to a fresh temporary directory shared by this test file. */
export function writeTemp(name: string, bytes: Uint8Array): string {
  dir ??= mkdtempSync(join(tmpdir(), 'xxgk-conformance-'));
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

export function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'xxgk-conformance-'));
  return dir;
}
