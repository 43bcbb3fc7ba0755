/**
 * What plain pdfkit 0.20 gets wrong for PDF/A-1b, as PDFBox Preflight sees
 * it. These tests document pdfkit's behaviour (not ours): src/pdf has to
 * avoid or work around each of them. If one starts failing after a pdfkit
 * upgrade, pdfkit changed — re-check the workaround.
 *
 * Checked to pass as-is (no test needed): embedded TrueType/CID fonts with
 * CIDSet, ToUnicode and W widths; Info/XMP sync of Title, Author, Subject,
 * Keywords, Creator, Producer, CreationDate; Chinese in the Info strings and
 * in XMP; RGB colours (pdfkit adds an sRGB OutputIntent); opaque RGB images;
 * link annotations; several pages; tagged structure. Preflight does not
 * complain that pdfkit writes Info /ModDate without xmp:ModifyDate (nor
 * xmp:MetadataDate), even when ModDate ≠ CreationDate — stricter validators
 * may.
 */
import { deflateSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { PREFLIGHT_PACKAGES, describeWithTool, preflightAvailable, runPreflight } from '../helpers/conformance.js';
import { CHINESE_TITLE, pdfaOptions, renderPdf, writeTemp } from './pdfkit-docs.js';
import { notoSansScSfnt } from './sfnt.js';

async function preflightOf(name: string, info: PDFKit.DocumentInfo, build: (doc: PDFKit.PDFDocument) => void) {
  const pdf = await renderPdf(pdfaOptions(info), (doc) => {
    doc.font(notoSansScSfnt()).text(CHINESE_TITLE);
    build(doc);
  });
  return runPreflight(writeTemp(`pitfall-${name}.pdf`, pdf));
}

function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** An 8×8 RGBA PNG with varying alpha. */
function rgbaPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(8 * (1 + 8 * 4));
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const o = y * 33 + 1 + x * 4;
      raw[o] = 200;
      raw[o + 3] = x * 30;
    }
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describeWithTool(preflightAvailable(), PREFLIGHT_PACKAGES, 'pdfkit 0.20 PDF/A-1b pitfalls (Preflight)', () => {
  it('Info strings are copied into XMP without XML escaping: "&" or "<" breaks the packet', async () => {
    const r = await preflightOf('xmp-escaping', { Title: '报告 A & B <草稿>' }, () => {});
    expect(r.errors).toEqual(['7.1 : Error on MetaData, Failed to parse']);
  });

  it('outline items lack /Count unless expanded (root: always lacks it)', async () => {
    const r = await preflightOf('outline', {}, (doc) => {
      doc.outline.addItem('一、总体情况');
    });
    expect(r.errors).toEqual(['1.4.9 : Outlines invalid, Outline Hierarchy doesn\'t have Count entry']);
  });

  it('fillOpacity/opacity writes an ExtGState with /ca (transparency is forbidden)', async () => {
    const r = await preflightOf('opacity', {}, (doc) => {
      doc.fillOpacity(0.5).text('半透明');
    });
    expect(codes(r)).toEqual(['4.1.2']);
  });

  it('CMYK colours conflict with the sRGB OutputIntent pdfkit adds', async () => {
    const r = await preflightOf('cmyk', {}, (doc) => {
      doc.fillColor([0, 100, 100, 0]).text('红色');
    });
    expect(codes(r)).toEqual(['2.4.2']);
  });

  it('PNG images with alpha get an /SMask (transparency is forbidden)', async () => {
    const r = await preflightOf('png-alpha', {}, (doc) => {
      doc.image(rgbaPng(), 50, 200, { width: 80 });
    });
    expect(codes(r)).toEqual(['2.2.2']);
  });
});
