/**
 * Proves the conformance helpers (tests/helpers/conformance.ts) work, on
 * PDFs made right here with plain pdfkit and Noto Sans SC.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import {
  ARPHIC_PACKAGES,
  POPPLER_PACKAGES,
  PREFLIGHT_PACKAGES,
  arphicFontsAvailable,
  debianFont,
  describeWithTool,
  parsePreflightXml,
  pdfToPngs,
  pdffonts,
  pdfinfo,
  pdftotext,
  popplerAvailable,
  preflightAvailable,
  runPreflight,
} from '../helpers/conformance.js';
import {
  CHINESE_TEXT,
  CHINESE_TITLE,
  chinesePdfA,
  pdfaOptions,
  renderPdf,
  tempDir,
  writeTemp,
} from './pdfkit-docs.js';
import {
  ARCHIVAL_XMP_EXAMPLE,
  ARCHIVAL_XMP_EXTENSION_SCHEMA,
  ARCHIVAL_XMP_VALUES,
} from './fixtures-xmp.js';
import { notoSansScSfnt } from './sfnt.js';

let goodPdf = '';
beforeAll(async () => {
  goodPdf = writeTemp('pdfa-1b-chinese.pdf', await chinesePdfA());
});

const squash = (s: string) => s.replace(/\s+/g, '');

describeWithTool(preflightAvailable(), PREFLIGHT_PACKAGES, 'PDFBox Preflight (PDF/A-1b)', () => {
  it('accepts a pdfkit PDF/A-1b document with embedded Noto Sans SC and Chinese text', async () => {
    const r = await runPreflight(goodPdf);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.raw).toContain('<isValid type="PDF/A1-b">true</isValid>');
  });

  it('rejects a PDF/A claim whose Helvetica is not embedded', async () => {
    const pdf = await renderPdf(pdfaOptions(), (doc) => {
      doc.font(notoSansScSfnt()).text(CHINESE_TITLE);
      doc.font('Helvetica').text('page 1'); // standard 14 font: never embedded by pdfkit
    });
    const r = await runPreflight(writeTemp('pdfa-helvetica.pdf', pdf));
    expect(r.valid).toBe(false);
    const codes = r.issues.map((i) => i.code);
    expect(codes).toContain('3.1.3'); // FontFile missing from FontDescriptor
    expect(r.errors.join('\n')).toMatch(/Helvetica/);
  });

  it('rejects plain (non-PDF/A) pdfkit output', async () => {
    const pdf = await renderPdf({}, (doc) => {
      doc.text('Hello');
    });
    const r = await runPreflight(writeTemp('plain.pdf', pdf));
    expect(r.valid).toBe(false);
    const codes = r.issues.map((i) => i.code);
    expect(codes).toContain('7.1'); // no XMP metadata stream
    expect(codes).toContain('2.4.3'); // device colour without an OutputIntent
    expect(codes).toContain('3.1.3'); // Helvetica not embedded
    expect(r.errors.length).toBe(r.issues.length);
  });

  it('reports a file that is not a PDF as invalid instead of throwing', async () => {
    const r = await runPreflight(writeTemp('not-a-pdf.pdf', Buffer.from('hello, world\n')));
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain('1.1');
  });

  it('accepts custom archival XMP properties declared in a PDF/A extension schema', async () => {
    const pdf = await chinesePdfA((doc) => {
      doc.appendXML(ARCHIVAL_XMP_EXAMPLE);
    });
    const path = writeTemp('pdfa-archival-xmp.pdf', pdf);
    const r = await runPreflight(path);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    // the packet is stored uncompressed, so the values are in the file as UTF-8
    const bytes = readFileSync(path).toString('utf8');
    expect(bytes).toContain('<xxgk:signatureDate>2018-01-21T00:00:00+08:00</xxgk:signatureDate>');
    expect(bytes).toContain('<xxgk:disclosureMode>主动公开</xxgk:disclosureMode>');
  });

  it('rejects the same properties without the extension schema', async () => {
    const pdf = await chinesePdfA((doc) => {
      doc.appendXML(ARCHIVAL_XMP_VALUES);
    });
    const r = await runPreflight(writeTemp('pdfa-undeclared-xmp.pdf', pdf));
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toContain(
      '7.3 : Error on MetaData, Cannot find a definition for the namespace http://xxgk-report.example/ns/archive/1.0/',
    );
  });

  it('rejects a value that does not match its declared type', async () => {
    const pdf = await chinesePdfA((doc) => {
      doc.appendXML(ARCHIVAL_XMP_EXTENSION_SCHEMA);
      doc.appendXML(ARCHIVAL_XMP_VALUES.replace('<xxgk:year>2017<', '<xxgk:year>二〇一七<'));
    });
    const r = await runPreflight(writeTemp('pdfa-bad-year.pdf', pdf));
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toMatch(/IntegerType .* xxgk:year/);
  });
});

it('parsePreflightXml reads errors, pages, entities and exceptions', () => {
  const r = parsePreflightXml(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<preflight name="x.pdf">
  <executionTimeMS>1</executionTimeMS>
  <isValid type="PDF/A1-b">false</isValid>
  <errors count="2">
    <error count="1"><code>2.4.3</code><details>Invalid Color space, operator &quot;TJ&quot; &amp; co</details><page>0</page></error>
    <error count="1"><code>7.1</code><details>Error on MetaData</details></error>
  </errors>
</preflight>`);
  expect(r.valid).toBe(false);
  expect(r.errors).toEqual([
    '2.4.3 : Invalid Color space, operator "TJ" & co (page 0)',
    '7.1 : Error on MetaData',
  ]);
  const ex = parsePreflightXml(
    '<preflight name="n.pdf"><isValid type="">false</isValid><exceptionThrown><message>/n.pdf (No such file or directory)</message></exceptionThrown></preflight>',
  );
  expect(ex.valid).toBe(false);
  expect(ex.errors).toEqual(['exception : /n.pdf (No such file or directory)']);
  expect(parsePreflightXml('<preflight><isValid type="PDF/A1-b">true</isValid></preflight>').valid).toBe(true);
});

describeWithTool(popplerAvailable(), POPPLER_PACKAGES, 'poppler-utils', () => {
  it('pdfinfo reads the Chinese title, version and page count', () => {
    const info = pdfinfo(goodPdf);
    expect(info.Title).toBe(CHINESE_TITLE);
    expect(info['PDF version']).toBe('1.4');
    expect(info.Pages).toBe('1');
    expect(info.Tagged).toBe('yes');
  });

  it('pdffonts shows Noto Sans SC embedded, subset, with a ToUnicode map', () => {
    const fonts = pdffonts(goodPdf);
    expect(fonts).toHaveLength(1);
    const [f] = fonts;
    expect(f).toMatchObject({ type: 'CID TrueType', encoding: 'Identity-H', emb: true, sub: true, uni: true });
    expect(f?.name).toMatch(/^[A-Z]{6}\+NotoSansSC/);
  });

  it('pdffonts flags a non-embedded standard font', async () => {
    const pdf = await renderPdf({}, (doc) => {
      doc.font('Helvetica').text('Hello');
    });
    const fonts = pdffonts(writeTemp('helvetica.pdf', pdf));
    expect(fonts).toEqual([
      expect.objectContaining({ name: 'Helvetica', type: 'Type 1', emb: false, sub: false, uni: false }),
    ]);
  });

  it('pdftotext extracts the Chinese text (UTF-8), with and without -layout', () => {
    for (const layout of [false, true]) {
      const text = squash(pdftotext(goodPdf, { layout }));
      expect(text).toContain(squash(CHINESE_TITLE));
      expect(text).toContain(squash(CHINESE_TEXT));
    }
  });

  it('pdfToPngs renders each page to a PNG of the expected size', async () => {
    const pdf = await chinesePdfA((doc) => {
      doc.addPage().font(notoSansScSfnt()).text('第二页');
    });
    const path = writeTemp('two-pages.pdf', pdf);
    const pngs = pdfToPngs(path, join(tempDir(), 'png'), 36);
    expect(pngs).toHaveLength(2);
    for (const png of pngs) {
      const b = readFileSync(png);
      expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR width/height: US Letter at 36 dpi = 306 × 396 px
      expect([b.readUInt32BE(16), b.readUInt32BE(20)]).toEqual([306, 396]);
    }
    expect(pngs[0]).toMatch(/two-pages-0?1\.png$/);
  });
});

describeWithTool(arphicFontsAvailable(), ARPHIC_PACKAGES, 'fonts-arphic', () => {
  it('debianFont finds ukai.ttc and uming.ttc', () => {
    expect(debianFont('ukai')).toMatch(/\/ukai\.ttc$/);
    expect(debianFont('uming')).toMatch(/\/uming\.ttc$/);
    expect(debianFont('no-such-font')).toBeNull();
  });

  it('pdfkit embeds a face of the collection chosen by PostScript name', async () => {
    const uming = debianFont('uming');
    if (!uming) throw new Error('unreachable');
    const pdf = await renderPdf(pdfaOptions(), (doc) => {
      doc.font(uming, 'UMingCN').text('明体文字');
    });
    // font dictionaries are not compressed by pdfkit
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+UMingCN/);
  });
});
