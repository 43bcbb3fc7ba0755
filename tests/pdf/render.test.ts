/** The seed rendered end to end: PDF/A validity, tagging, fonts, text copy-out, determinism, metadata, refusal of bad input. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareReport, renderPrepared, renderReport, renderReportToStream, ReportValidationError } from '../../src/index.js';
import { collectTexts } from '../../src/model/index.js';
import { fixture } from '../helpers/composed.js';
import { findInOrder, pdfjsRead } from '../helpers/pdfjs.js';
import { elements, parseXml, rdfProperty } from './xml.js';
import {
  describeWithTool,
  pdffonts,
  pdfinfo,
  pdftotext,
  popplerAvailable,
  POPPLER_PACKAGES,
  PREFLIGHT_PACKAGES,
  preflightAvailable,
  runPreflight,
} from '../helpers/conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-render-'));
const seed = fixture('linyi-minzheng-2017');
let pdf: Uint8Array;
let path: string;

beforeAll(async () => {
  pdf = await renderReport(seed);
  path = join(dir, 'seed.pdf');
  writeFileSync(path, pdf);
});

/** Asserts that each expected text appears in order in the extracted text (whitespace and page numbers ignored). */
function expectInOrder(extracted: string, expected: string[]): void {
  const { missing } = findInOrder(extracted, expected);
  expect(missing, `“${missing?.slice(0, 40)}…” missing or out of order`).toBeUndefined();
}

async function pdfjsText(bytes: Uint8Array): Promise<{ text: string; outline: string[]; pages: number }> {
  const { pages, outline } = await pdfjsRead(bytes);
  return { text: pages.join('\n'), outline, pages: pages.length };
}

describe('rendering the seed', () => {
  it('gives identical bytes for identical input, also when 20 renders run at once', async () => {
    const again = await renderReport(seed);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => renderReport(fixture('linyi-minzheng-2017'))));
    for (const bytes of concurrent) expect(Buffer.from(bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it('gives the same bytes when rendered from a prepared report (prepareReport, then renderPrepared)', async () => {
    const prepared = prepareReport(seed);
    expect(prepared.warnings.length).toBeGreaterThan(0);
    expect(Buffer.from(await renderPrepared(prepared)).equals(Buffer.from(pdf))).toBe(true);
    const level2 = await renderPrepared(prepareReport(seed, { pdfa: '2b' }), { pdfa: '2b' });
    expect(Buffer.from(level2).equals(Buffer.from(await renderReport(seed, { pdfa: '2b' })))).toBe(true);
  });

  it('copies out every text field in reading order (pdf.js)', async () => {
    const { text } = await pdfjsText(pdf);
    const fields = collectTexts(seed).filter((f) => f.text.trim() !== '');
    expect(fields.length).toBeGreaterThan(30);
    expectInOrder(text, fields.map((f) => f.text));
  });

  it('has bookmarks for the title, the twelve sections and the attachment, and the document-level settings', async () => {
    const { outline } = await pdfjsText(pdf);
    expect(outline[0]).toBe('临沂市民政局2017年度政府信息公开工作年度报告');
    expect(outline.slice(1, 13).map((t) => t.slice(0, 3))).toEqual(['一、概', '二、政', '三、发', '四、重', '五、主', '六、政', '七、政', '八、因', '九、政', '十、所', '十一、', '十二、']);
    expect(outline[13]).toBe('附件');
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('/PageMode /UseOutlines');
    expect(raw).toContain('/Lang (zh-CN)');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
  });

  it('writes escaped, well-formed XMP with the archival properties', () => {
    const raw = Buffer.from(pdf).toString('utf8');
    const xmp = raw.slice(raw.indexOf('<?xpacket begin'), raw.indexOf('<?xpacket end="w"?>') + '<?xpacket end="w"?>'.length);
    const root = parseXml(xmp);
    expect(root.name).toBe('x:xmpmeta');
    expect(rdfProperty(root, 'xxgk:year')).toBe('2017');
    expect(rdfProperty(root, 'xxgk:signatureDate')).toBe('2018-01-21');
    expect(rdfProperty(root, 'xxgk:classification')).toBe('公开');
    expect(rdfProperty(root, 'xmp:CreateDate')).toBe('2018-01-21T00:00:00Z');
    expect(rdfProperty(root, 'dc:title')).toBe('临沂市民政局2017年度政府信息公开工作年度报告');
    expect(rdfProperty(root, 'pdfaid:part')).toBe('1');
    // Each archival property of the packet is declared in the extension schema (PDF/A-1 requires it), and only those.
    const declared = elements(root)
      .filter((e) => e.name === 'pdfaProperty:name')
      .map((e) => e.text);
    expect(declared.sort()).toEqual(['classification', 'disclosureMode', 'period', 'signatureDate', 'year']);
  });

  it('refuses a packet that is not well-formed (the XML reader of these tests can fail)', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(parseXml('<a x="&amp;">&lt;</a>').attributes.get('x')).toBe('&');
  });
});

describeWithTool(popplerAvailable(), POPPLER_PACKAGES, 'the seed PDF read by poppler', () => {
  it('is tagged, titled and every font is embedded and subset', () => {
    const info = pdfinfo(path);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('临沂市民政局2017年度政府信息公开工作年度报告');
    expect(info.Author).toBe('临沂市民政局');
    expect(info['Page size']).toContain('A4');
    const fonts = pdffonts(path);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) expect([f.name, f.emb, f.sub, f.uni]).toEqual([f.name, true, true, true]);
  });

  it('gives the report text through pdftotext', () => {
    expectInOrder(pdftotext(path), collectTexts(seed).map((f) => f.text));
  });
});

describeWithTool(preflightAvailable(), PREFLIGHT_PACKAGES, 'PDF/A conformance (PDFBox Preflight)', () => {
  it('the seed is valid PDF/A-1b', async () => {
    const result = await runPreflight(path);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('stays valid with XML and PDF syntax characters in every metadata field', async () => {
    const report = fixture('linyi-minzheng-2017');
    report.metadata.agency = '临沂市<民政局> & “办公室” \'A\' (x) \\ /%';
    report.metadata.keywords = ['<&>', '政府信息公开'];
    report.metadata.documentNumber = '临民字〔2018〕1号 & <x>';
    const bytes = await renderReport(report);
    const file = join(dir, 'hostile-metadata.pdf');
    writeFileSync(file, bytes);
    const result = await runPreflight(file);
    expect(result.errors).toEqual([]);
    const raw = Buffer.from(bytes).toString('utf8');
    expect(raw).toContain('<dc:creator><rdf:Seq><rdf:li>临沂市&lt;民政局&gt; &amp; “办公室” &apos;A&apos; (x) \\ /%</rdf:li>');
    const root = parseXml(raw.slice(raw.indexOf('<?xpacket begin'), raw.indexOf('<?xpacket end="w"?>') + 19));
    expect(rdfProperty(root, 'dc:creator')).toBe('临沂市<民政局> & “办公室” \'A\' (x) \\ /%');
    expect(rdfProperty(root, 'xxgk:documentNumber')).toBe('临民字〔2018〕1号 & <x>');
  });

  it.each(readdirSync(new URL('../../fixtures/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)))('fixture %s is valid PDF/A-1b', async (name) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, await renderReport(fixture(name)));
    expect((await runPreflight(file)).errors).toEqual([]);
  });

  it.each(['2b', '3b'] as const)('PDF/A-%s output declares its part and opens', async (level) => {
    const bytes = await renderReport(seed, { pdfa: level });
    const raw = Buffer.from(bytes).toString('utf8');
    const root = parseXml(raw.slice(raw.indexOf('<?xpacket begin'), raw.indexOf('<?xpacket end="w"?>') + 19));
    expect(rdfProperty(root, 'pdfaid:part')).toBe(level[0]);
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect((await pdfjsText(bytes)).pages).toBe((await pdfjsText(pdf)).pages);
  });
});

describe('bad input', () => {
  it('rejects a report with errors with ReportValidationError carrying all of them, writing nothing', async () => {
    const report = fixture('linyi-minzheng-2017') as unknown as Record<string, unknown>;
    (report.metadata as Record<string, unknown>).year = 'x';
    delete (report.sections as Record<string, unknown>).overview;
    await expect(renderReport(report)).rejects.toBeInstanceOf(ReportValidationError);
    const error = (await renderReport(report).catch((e: unknown) => e)) as ReportValidationError;
    expect(error.errors.map((e) => e.path).sort()).toEqual(['metadata.year', 'sections.overview']);
    // A render discards the warnings of a valid report, but the error of an invalid one lists them too, as
    // prepareReport's does (the seed has half-width punctuation, among others).
    expect(error.warnings.length).toBeGreaterThan(0);
    expect(error.warnings).toEqual((() => {
      try {
        prepareReport(report);
      } catch (e) {
        return (e as ReportValidationError).warnings;
      }
      return [];
    })());
    const written: Uint8Array[] = [];
    const sink = new Writable({ write: (chunk, _, done) => (written.push(chunk), done()) });
    await expect(renderReportToStream(report, sink)).rejects.toBeInstanceOf(ReportValidationError);
    expect(written).toEqual([]);
  });

  it('streams the same bytes as renderReport for a good report', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk, _, done) => (chunks.push(chunk), done()) });
    await renderReportToStream(seed, sink);
    expect(Buffer.concat(chunks).equals(Buffer.from(pdf))).toBe(true);
  });
});
