/**
 * The only file that touches pdfkit's private fields (pdfkit 0.20). Everything else talks to pdfkit
 * through the small functions here, so an upgrade has one place to check.
 */
import { createRequire } from 'node:module';
import { deflate } from 'node:zlib';
import type { FontkitFont } from '../fonts/fontFace.js';
import { canSubsetTrueType, TrueTypeSubset } from '../fonts/trueTypeSubset.js';

// pdfkit's CommonJS build, which shares its fontkit with the font layer: the ESM build would load a second
// fontkit and its dependencies (about 50 ms of every cold start).
const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof import('pdfkit');

/** A pdfkit document as this library uses it. */
export type PdfDoc = PDFKit.PDFDocument;

/** The part of pdfkit's EmbeddedFont used to place glyphs. */
export interface EmbeddedFontHandle {
  readonly id: string;
  subset: { includeGlyph(gid: number): number; encode(): Uint8Array };
  readonly widths: number[];
  readonly unicode: number[][];
  readonly scale: number;
  ref(): unknown;
}

interface DocInternals {
  _font: EmbeddedFontHandle;
  _fontFamilies: Record<string, EmbeddedFontHandle>;
  _id: Buffer;
  _addInfo: () => void;
  appendXML(xml: string, newline?: boolean): void;
  outline: { dictionary: { data: Record<string, unknown> }; children: unknown[]; addItem(title: string, options: object): unknown };
  page: { fonts: Record<string, unknown>; width: number; height: number; dictionary: PdfRef; content: PdfRef };
}

const internals = (doc: PdfDoc) => doc as unknown as DocInternals;

/** Embeds a fontkit font in the document once (keyed by `key`) and returns pdfkit's font object for it. */
export function embedFont(doc: PdfDoc, font: FontkitFont, key: string): EmbeddedFontHandle {
  const d = internals(doc);
  const existing = d._fontFamilies[key];
  if (existing) return existing;
  (doc as unknown as { font(src: unknown, family: string): void }).font(font, key);
  const embedded = d._font;
  // fontkit's TTFSubset re-reads every glyph and table per document; the byte-copying subsetter reads a face once.
  if (canSubsetTrueType(font)) embedded.subset = new TrueTypeSubset(font);
  // pdfkit reuses a font with the same PostScript name and checksum; make sure this key got its own object.
  d._fontFamilies[key] = embedded;
  return embedded;
}

/** Adds the font to the current page's resources and returns its resource name. */
export function useFontOnPage(doc: PdfDoc, font: EmbeddedFontHandle): string {
  internals(doc).page.fonts[font.id] = font.ref();
  return font.id;
}

/** Replaces pdfkit's XMP body (it does not escape XML) with the library's own; pdfkit still adds the pdfaid part. */
export function setXmpBody(doc: PdfDoc, xml: string): void {
  const d = internals(doc);
  d._addInfo = () => d.appendXML(xml);
}

/**
 * The table attributes of a structure element (PDF 32000 §14.8.5.7: /A << /O /Table /Scope … /ColSpan … /RowSpan … >>),
 * or undefined when it has none; pdfkit's own elements write Scope alone.
 */
export function tableAttributes(attributes: { scope?: string; colSpan?: number; rowSpan?: number }): Record<string, unknown> | undefined {
  const a: Record<string, unknown> = { O: 'Table' };
  if (attributes.scope) a.Scope = attributes.scope;
  if (attributes.colSpan && attributes.colSpan > 1) a.ColSpan = attributes.colSpan;
  if (attributes.rowSpan && attributes.rowSpan > 1) a.RowSpan = attributes.rowSpan;
  return Object.keys(a).length > 1 ? a : undefined;
}

/** The document's structure tree root (created with the document, as it is tagged). */
export function structTreeRoot(doc: PdfDoc): PdfRef {
  return (doc as unknown as { getStructTreeRoot(): PdfRef }).getStructTreeRoot();
}

/** Runs `end` when pdfkit writes the structure tree at the end of the document (after the tree root, before the metadata). */
export function onStructureEnd(doc: PdfDoc, end: () => void): void {
  (doc as unknown as { structChildren: { end(): void }[] }).structChildren.push({ end });
}

/**
 * The current page's list in the parent tree (element of each MCID), created with the page's StructParents key the
 * first time the page has marked content.
 */
export function pageStructParents(doc: PdfDoc): PdfRef[] {
  const d = doc as unknown as { page: { structParentTreeKey: number }; getStructParentTree(): { get(key: number): PdfRef[] } };
  return d.getStructParentTree().get(d.page.structParentTreeKey);
}

/** The current page's dictionary. */
export function currentPage(doc: PdfDoc): PdfRef {
  return internals(doc).page.dictionary;
}

/**
 * Takes what pdfkit has written into the current page's content stream so far (its coordinate transform) and
 * leaves the stream to be filled with `setCompressedContent`.
 */
export function takePageContent(doc: PdfDoc): { stream: PdfRef; written: Uint8Array[] } {
  const stream = internals(doc).page.content;
  const written = stream.buffer;
  stream.buffer = [];
  return { stream, written };
}

/**
 * Gives a content stream its bytes compressed already, by zlib's deflate at its default settings: exactly what pdfkit
 * would write after compressing the same bytes itself at the end of the page.
 */
export function setCompressedContent(stream: PdfRef, compressed: Uint8Array): void {
  stream.buffer = [compressed];
  stream.compress = false;
}

/** Sets the file identifier of the trailer (pdfkit derives it from the Info dictionary only). */
export function setFileId(doc: PdfDoc, id: Buffer): void {
  internals(doc)._id = id;
}

/** Adds a top-level bookmark to the current page at `top` points from the page's top edge. */
export function addBookmark(doc: PdfDoc, title: string, top: number): void {
  const d = internals(doc);
  d.outline.addItem(title, { top, left: d.page.width });
}

/** Gives the outline root its /Count (open, all items visible), which pdfkit omits and PDF/A requires. */
export function finishOutline(doc: PdfDoc): void {
  const d = internals(doc);
  if (d.outline.children.length > 0) d.outline.dictionary.data.Count = d.outline.children.length;
}

/** Creates a pdfkit document without its default Helvetica. */
export function createDocument(options: PDFKit.PDFDocumentOptions & Record<string, unknown>): PdfDoc {
  return new PDFDocument({ ...options, font: null } as unknown as PDFKit.PDFDocumentOptions);
}

/**
 * Subsets and compresses the document's fonts now, on zlib's thread pool, while the caller goes on painting
 * pages; when pdfkit embeds a font at the end, it takes the compressed program instead of compressing it again
 * on the main thread. Call once every glyph of the document has been included; the promise settles when every
 * program is compressed. A font whose subset grows afterwards is compressed by pdfkit as usual.
 */
export function precompressFonts(doc: PdfDoc): Promise<void> {
  const d = internals(doc) as DocInternals & { ref(data?: object): PdfRef };
  const fonts = new Set(Object.values(d._fontFamilies));
  const jobs: Promise<void>[] = [];
  for (const font of fonts) {
    const subset = font.subset;
    if (!(subset instanceof TrueTypeSubset)) continue;
    const raw = subset.encode();
    const glyphs = subset.glyphs.length;
    // One output buffer large enough for the whole result, so zlib finishes in one pass on its thread instead of
    // coming back to the (busy) main thread for every 16 KB chunk.
    const chunkSize = Math.max(64 * 1024, raw.length + 1024);
    const job = new Promise<Buffer>((resolve, reject) => deflate(raw, { chunkSize }, (e, out) => (e ? reject(e) : resolve(out))));
    let compressed: Buffer | undefined;
    jobs.push(job.then((out) => void (compressed = out)));
    const embedded = font as EmbeddedFontHandle & { embed(): unknown };
    const embed = embedded.embed;
    embedded.embed = function (this: unknown) {
      if (!compressed || subset.glyphs.length !== glyphs) return embed.call(this);
      const ref = d.ref;
      let first = true;
      // pdfkit's embed() asks for the font file's reference first: give it the compressed program, marked as such.
      d.ref = function (this: unknown, data?: object) {
        const r = ref.call(this, data);
        if (first) {
          first = false;
          r.compress = false;
          r.data.Length = 0; // the same key order as pdfkit's own path: Length, then Filter
          r.data.Filter = 'FlateDecode';
          const end = r.end.bind(r);
          r.end = () => end(compressed!);
        }
        return r;
      };
      const encode = subset.encode;
      subset.encode = () => raw; // pdfkit asks for the program again: it is already made
      try {
        return embed.call(this);
      } finally {
        d.ref = ref;
        subset.encode = encode;
      }
    };
  }
  return Promise.all(jobs).then(() => undefined);
}

/** A pdfkit indirect object. */
export interface PdfRef {
  compress: boolean;
  data: Record<string, unknown>;
  buffer: Uint8Array[];
  end(chunk?: Uint8Array): void;
}

/**
 * Hands every chunk pdfkit writes straight to `sink` instead of pushing it through the document's Readable
 * stream (thousands of small pushes per document); the stream still ends, so 'end' is emitted as usual.
 */
export function writeDirectly(doc: PdfDoc, sink: (chunk: Uint8Array) => void): void {
  const d = doc as unknown as { _write(data: Uint8Array | string): void; _offset: number; read(): Uint8Array | null };
  // The header pdfkit wrote while it was constructed is still in the stream's buffer (nothing reads it yet).
  for (let chunk = d.read(); chunk !== null; chunk = d.read()) sink(chunk);
  d._write = function (data: Uint8Array | string) {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    sink(bytes);
    d._offset += bytes.length;
  };
}
