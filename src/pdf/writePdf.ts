/** Paints composed pages with pdfkit: text, rules, structure tags, bookmarks, metadata and PDF/A conformance. */
import { deflateSync } from 'node:zlib';
import type { ComposedDocument, OutlineEntry } from '../compose/page.js';
import { ContentWriter } from './contentWriter.js';
import { GlyphEncoder, paintGlyphRun } from './paintText.js';
import {
  addBookmark,
  createDocument,
  currentPage,
  finishOutline,
  precompressFonts,
  setCompressedContent,
  setFileId,
  setXmpBody,
  takePageContent,
  useFontOnPage,
  writeDirectly,
} from './pdfkitInternals.js';
import { StructureWriter } from './structure.js';
import { buildXmp, type ArchivalInfo, type DocumentInfo } from './xmp.js';

/** PDF/A conformance level: 1b (GB/T 23286.1, the default), 2b or 3b. */
export type PdfALevel = '1b' | '2b' | '3b';

/** What the writer needs besides the pages. */
export interface WriteOptions {
  readonly pdfa: PdfALevel;
  readonly info: DocumentInfo;
  readonly archive: ArchivalInfo;
  /** 16 bytes identifying the document (derived from its content, so identical input gives identical bytes). */
  readonly fileId: Buffer;
}

/** Writes the document to pdfkit's stream; resolves once the last byte is out. */
export async function writePdf(composed: ComposedDocument, options: WriteOptions, sink: (chunk: Uint8Array) => void): Promise<void> {
  const { info } = options;
  const doc = createDocument({
    size: [composed.width, composed.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: options.pdfa === '1b' ? '1.4' : '1.7',
    subset: `PDF/A-${options.pdfa}`,
    tagged: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: info.creator,
      Producer: info.producer,
      CreationDate: info.creationDate,
      ModDate: info.modDate,
    },
  });
  setXmpBody(doc, buildXmp(info, options.archive));
  setFileId(doc, options.fileId);
  writeDirectly(doc, sink);
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => sink(chunk)); // nothing comes this way any more; it lets the stream end
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const structure = new StructureWriter(doc, composed.structure);
  // Every glyph is included in its subset first, in painting order (so subset ids are the same as painting
  // would give), and the font programs are compressed on zlib's threads while the pages are painted.
  const encoder = new GlyphEncoder(doc);
  for (const page of composed.pages) {
    for (const item of page.items) if (item.kind === 'text') for (const run of item.line.runs) if (run.text.length > 0) encoder.encode(run);
  }
  const fontsReady = precompressFonts(doc);
  const out = new ContentWriter();
  const bookmarks = new Map<number, OutlineEntry[]>();
  for (const entry of composed.outline) bookmarks.set(entry.page, [...(bookmarks.get(entry.page) ?? []), entry]);
  let glyphAt = 0;
  for (let index = 0; index < composed.pages.length; index++) {
    const page = composed.pages[index]!;
    doc.addPage({ size: [composed.width, composed.height], margin: 0 });
    structure.startPage(currentPage(doc));
    for (const entry of bookmarks.get(index) ?? []) addBookmark(doc, entry.title, entry.y);
    // The page's content: what pdfkit wrote into it (its coordinate transform), then the page's text and rules.
    const { stream, written } = takePageContent(doc);
    out.reset();
    for (const chunk of written) out.bytes(chunk);
    for (const item of page.items) {
      if (item.kind === 'text') {
        for (const run of item.line.runs) {
          const nodeId = item.structs[run.run];
          if (item.artifact || nodeId === undefined) out.text('/Artifact <<\n/Type /Pagination\n>> BDC\n');
          else {
            const type = structure.type(nodeId) ?? 'Span';
            out.byte(47).text(type).text(' <<\n/MCID ').int(structure.mark(nodeId)).text('\n>> BDC\n');
          }
          if (run.text.length > 0) {
            paintGlyphRun(out, run, encoder, glyphAt, useFontOnPage(doc, encoder.fontOf(run)), item.x, item.baseline);
            glyphAt += run.glyphs.length;
          }
          out.text('EMC\n');
        }
      } else {
        out.text('/Artifact <<\n/Type /Layout\n>> BDC\nq ').num(item.width).text(' w 0 G ').num(item.x1).byte(32).num(item.y1).text(' m ');
        out.num(item.x2).byte(32).num(item.y2).text(' l S Q\nEMC\n');
      }
    }
    // Compressed as pdfkit compresses a page's content (deflateSync, default settings), from the bytes as written.
    setCompressedContent(stream, deflateSync(out.view()));
  }
  await fontsReady;
  finishOutline(doc);
  doc.end();
  return done;
}
