/** Paints composed pages with pdfkit: text, rules, structure tags, bookmarks, metadata and PDF/A conformance. */
import type { ComposedDocument, StructNode, TextItem } from '../compose/page.js';
import type { GlyphRun } from '../typeset/breakLines.js';
import { addBookmark, createDocument, finishOutline, precompressFonts, setFileId, setTableAttributes, setXmpBody, writeDirectly, type PdfDoc } from './pdfkitInternals.js';
import { encodeGlyphRun, num, paintGlyphRun, type EncodedRun } from './paintText.js';
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

type StructElement = ReturnType<PdfDoc['struct']>;

/** Creates the structure elements of the tree, attached to the document root. */
function buildStructure(doc: PdfDoc, root: StructNode): Map<number, StructElement> {
  const elements = new Map<number, StructElement>();
  const make = (node: StructNode): StructElement => {
    const element = doc.struct(node.type);
    if (node.attributes) setTableAttributes(element, node.attributes);
    elements.set(node.id, element);
    for (const child of node.children) element.add(make(child));
    return element;
  };
  doc.addStructure(make(root));
  return elements;
}

function paintTextItem(doc: PdfDoc, item: TextItem, elements: Map<number, StructElement>, types: Map<number, string>, encoded: Map<GlyphRun, EncodedRun>): void {
  for (const run of item.line.runs) {
    const nodeId = item.structs[run.run];
    if (item.artifact || nodeId === undefined) {
      doc.markContent('Artifact', { type: 'Pagination' } as never);
    } else {
      const content = doc.markStructureContent(types.get(nodeId) ?? 'Span');
      elements.get(nodeId)!.add(content);
    }
    paintGlyphRun(doc, run, encoded.get(run) ?? encodeGlyphRun(doc, run), item.x, item.baseline);
    doc.endMarkedContent();
  }
}

function nodeTypes(root: StructNode): Map<number, string> {
  const types = new Map<number, string>();
  const walk = (n: StructNode) => {
    types.set(n.id, n.type);
    n.children.forEach(walk);
  };
  walk(root);
  return types;
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
  const elements = buildStructure(doc, composed.structure);
  const types = nodeTypes(composed.structure);
  // Every glyph is included in its subset first, in painting order (so subset ids are the same as painting
  // would give), and the font programs are compressed on zlib's threads while the pages are painted.
  const encoded = new Map<GlyphRun, EncodedRun>();
  for (const page of composed.pages) {
    for (const item of page.items) if (item.kind === 'text') for (const run of item.line.runs) if (run.text.length > 0) encoded.set(run, encodeGlyphRun(doc, run));
  }
  const fontsReady = precompressFonts(doc);
  composed.pages.forEach((page, index) => {
    doc.addPage({ size: [composed.width, composed.height], margin: 0 });
    for (const entry of composed.outline) if (entry.page === index) addBookmark(doc, entry.title, entry.y);
    for (const item of page.items) {
      if (item.kind === 'text') paintTextItem(doc, item, elements, types, encoded);
      else {
        doc.markContent('Artifact', { type: 'Layout' } as never);
        doc.addContent(`q ${num(item.width)} w 0 G ${num(item.x1)} ${num(item.y1)} m ${num(item.x2)} ${num(item.y2)} l S Q`);
        doc.endMarkedContent();
      }
    }
  });
  await fontsReady;
  finishOutline(doc);
  doc.end();
  return done;
}
