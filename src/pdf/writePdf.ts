/**
 * Writes composed pages as a tagged PDF/A file: page content (text and rules, each run of text marked as the
 * content of its structure element or as an artifact), the structure tree, bookmarks, embedded subset fonts,
 * document information mirrored in XMP metadata, and the sRGB output intent.
 *
 * Objects are written as soon as they are complete: each page as it is painted, then the bookmarks, the structure
 * tree and the fonts (whose programs are compressed on zlib's thread pool while the pages are painted, or from
 * before the pages were composed: see earlyPrograms.ts), and last
 * the page tree, the catalog, the document information, the metadata and the cross-reference table.
 */
import zlib from 'node:zlib';
import type { ComposedDocument, RuleItem } from '../compose/page.js';
import { srgbProfile } from './colorProfile.js';
import { ContentWriter, num } from './contentWriter.js';
import type { EarlyFontPrograms } from './earlyPrograms.js';
import { dictNum, pdfDate, pdfString, ref, PdfFile } from './pdfFile.js';
import { GlyphEncoder, PageContent, paintGlyphRun } from './paintText.js';
import { StructureWriter } from './structure.js';
import { buildXmp, type ArchivalInfo, type DocumentInfo } from './xmp.js';

/** PDF/A conformance level: 1b (GB/T 23286.1, the default), 2b or 3b. */
export type PdfALevel = '1b' | '2b' | '3b';

/** What the writer needs besides the pages. */
export interface WriteOptions {
  readonly pdfa: PdfALevel;
  readonly info: DocumentInfo;
  readonly archive: ArchivalInfo;
  /**
   * 16 bytes identifying the document (derived from its content, so identical input gives identical bytes), or a
   * function that gives them when the trailer is written.
   */
  readonly fileId: Buffer | (() => Buffer);
  /** Font programs made before the document was composed (taken where a subset comes out the same). */
  readonly early?: EarlyFontPrograms | undefined;
}

/**
 * zlib's deflate at its default settings, called through the module object at the time of the call (so that a
 * profiler wrapping zlib.deflateSync sees it).
 */
const deflate = (data: Uint8Array): Uint8Array => zlib.deflateSync(data);

/** Keys of the artifact kinds' marked-content sequences (structure elements are keyed by their ids, from 0). */
const LAYOUT = -1;
const PAGINATION = -2;

/** The compressed output-intent profile, made once per process. */
let compressedProfile: Uint8Array | undefined;

/** Writes the document; resolves once the last byte has gone to `sink`. */
export async function writePdf(composed: ComposedDocument, options: WriteOptions, sink: (chunk: Uint8Array) => void): Promise<void> {
  const { info } = options;
  const file = new PdfFile(sink, options.pdfa === '1b' ? '1.4' : '1.7');
  // Object numbers: the page tree and the pages first (every structure element names its page), then the structure
  // elements with children (named by each child); the numbers written most often are the shortest.
  const pagesNode = file.alloc();
  const pages = composed.pages.map(() => file.alloc());
  const structure = new StructureWriter(file, composed.structure);
  const contents = composed.pages.map(() => file.alloc());
  // Bookmarks: one flat list, as the outline of the document opens (all items shown).
  const outlineRoot = composed.outline.length > 0 ? file.alloc() : 0;
  const outlineItems = composed.outline.map(() => file.alloc());

  // Every glyph is included in its subset first, in painting order, so that the font programs can be made and
  // compressed on zlib's threads while the pages are painted.
  const encoder = new GlyphEncoder(file);
  // (Index loops: writePdf is async, and V8 keeps the iterator objects of for…of loops in async functions.)
  for (let p = 0; p < composed.pages.length; p++) {
    const items = composed.pages[p]!.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind !== 'text') continue;
      const runs = item.line.runs;
      for (let r = 0; r < runs.length; r++) if (runs[r]!.text.length > 0) encoder.encode(runs[r]!);
    }
  }
  encoder.sortSubsets();
  for (const font of encoder.fonts()) font.startCompression(options.early);

  const content = new PageContent(new ContentWriter());
  const height = dictNum(composed.height);
  const mediaBox = `[0 0 ${dictNum(composed.width)} ${height}]`;
  let glyphAt = 0;

  for (let index = 0; index < composed.pages.length; index++) {
    const page = composed.pages[index]!;
    const pageObject = pages[index]!;
    structure.startPage(pageObject);
    content.start(height);
    let rules: RuleItem[] = [];
    const drawRules = () => {
      if (rules.length === 0) return;
      content.endText();
      if (!content.isMarked(LAYOUT)) content.beginMarked(LAYOUT).text('/Artifact<</Type /Layout>>BDC\n');
      writeRules(content.out, rules);
      rules = [];
    };
    for (let i = 0; i < page.items.length; i++) {
      const item = page.items[i]!;
      if (item.kind === 'rule') {
        rules.push(item);
        continue;
      }
      drawRules();
      const runs = item.line.runs;
      for (let r = 0; r < runs.length; r++) {
        const run = runs[r]!;
        const nodeId = item.structs[run.run];
        content.beginText();
        if (item.artifact || nodeId === undefined) {
          if (!content.isMarked(PAGINATION)) content.beginMarked(PAGINATION).text('/Artifact<</Type /Pagination>>BDC\n');
        } else if (!content.isMarked(nodeId)) {
          content.beginMarked(nodeId).byte(47).text(structure.type(nodeId) ?? 'Span').text('<</MCID ').int(structure.mark(nodeId)).text('>>BDC\n');
        }
        if (run.text.length === 0) continue;
        paintGlyphRun(content, run, encoder, glyphAt, encoder.fontOf(run).resource, item.x, item.baseline);
        glyphAt += run.length;
      }
    }
    drawRules();
    content.finish();
    const stream = contents[index]!;
    file.stream(stream, '/Filter /FlateDecode', deflate(content.out.view()));
    const key = structure.pageKey();
    file.object(pageObject, `<</Type /Page/Parent ${ref(pagesNode)}/Contents ${ref(stream)}${key === undefined ? '' : `/StructParents ${key}`}>>`);
  }

  composed.outline.forEach((entry, i) => {
    const prev = i > 0 ? `/Prev ${ref(outlineItems[i - 1]!)}` : '';
    const next = i + 1 < outlineItems.length ? `/Next ${ref(outlineItems[i + 1]!)}` : '';
    const dest = `[${ref(pages[entry.page]!)} /XYZ 0 ${num(composed.height - entry.y)} 0]`;
    file.object(outlineItems[i]!, `<</Title ${pdfString(entry.title)}/Parent ${ref(outlineRoot)}${prev}${next}/Dest ${dest}>>`);
  });
  if (outlineRoot) file.object(outlineRoot, `<</Count ${outlineItems.length}/First ${ref(outlineItems[0]!)}/Last ${ref(outlineItems[outlineItems.length - 1]!)}>>`);

  structure.end();

  const fonts = encoder.fonts();
  for (const font of fonts) await font.write(file, options.pdfa === '1b', deflate);
  // The pages share their size and their resources (every font of the document), inherited from the page tree.
  const resources = `<</Font <<${fonts.map((f) => `/${f.resource} ${ref(f.object)}`).join('')}>>>>`;
  file.object(pagesNode, `<</Type /Pages/Count ${pages.length}/Kids [${pages.map(ref).join(' ')}]/MediaBox ${mediaBox}/Resources ${resources}>>`);

  const profile = file.alloc();
  compressedProfile ??= deflate(srgbProfile());
  file.stream(profile, '/N 3/Filter /FlateDecode', compressedProfile);
  const part = Number(options.pdfa[0]);
  const metadata = file.alloc();
  const xmp = Buffer.from(buildXmp(info, options.archive, { part, conformance: 'B' }), 'utf8');
  file.stream(metadata, '/Type /Metadata/Subtype /XML', xmp);
  const catalog = file.alloc();
  file.object(
    catalog,
    `<</Type /Catalog/Pages ${ref(pagesNode)}/Lang (zh-CN)/MarkInfo <</Marked true>>/StructTreeRoot ${ref(structure.treeRoot)}` +
      `/ViewerPreferences <</DisplayDocTitle true>>${outlineRoot ? `/Outlines ${ref(outlineRoot)}/PageMode /UseOutlines` : ''}` +
      `/OutputIntents [<</Type /OutputIntent/S /GTS_PDFA1/OutputConditionIdentifier (sRGB IEC61966-2.1)/DestOutputProfile ${ref(profile)}>>]` +
      `/Metadata ${ref(metadata)}>>`,
  );
  const infoObject = file.alloc();
  file.object(
    infoObject,
    `<</Title ${pdfString(info.title)}/Author ${pdfString(info.author)}/Subject ${pdfString(info.subject)}/Keywords ${pdfString(info.keywords)}` +
      `/Creator ${pdfString(info.creator)}/Producer ${pdfString(info.producer)}/CreationDate ${pdfDate(info.creationDate)}/ModDate ${pdfDate(info.modDate)}>>`,
  );
  file.end(catalog, infoObject, typeof options.fileId === 'function' ? options.fileId() : options.fileId);
}

/** Endpoints closer than this (in points) are one point: table edges are sums that may differ in the last bits. */
const JOIN = 1e-6;

// Scratch of writeRules (grown as needed, reused from page to page): for each rule of a group, its line's rank (the
// order in which the lines first occur, horizontal ones first) and its two ends, lower first; and the rules' order.
let ruleLine = new Float64Array(256);
let ruleFrom = new Float64Array(256);
let ruleTo = new Float64Array(256);
let ruleOrder = new Uint32Array(256);

/**
 * Strokes consecutive rules (a table's borders on one page) as one path per width, black, butt caps: horizontal rules
 * at one height that touch or overlap are one segment, vertical rules likewise, which covers exactly what stroking
 * each rule on its own covers. Slanted rules first, in their order; then the horizontal lines in the order they first
 * occur, each one's segments from left to right; then the vertical ones likewise.
 */
function writeRules(out: ContentWriter, rules: readonly RuleItem[]): void {
  if (ruleLine.length < rules.length) {
    ruleLine = new Float64Array(2 * rules.length);
    ruleFrom = new Float64Array(2 * rules.length);
    ruleTo = new Float64Array(2 * rules.length);
    ruleOrder = new Uint32Array(2 * rules.length);
  }
  const widths: number[] = [];
  for (const r of rules) if (!widths.includes(r.width)) widths.push(r.width);
  for (const width of widths) {
    out.text('q ').num(width).text(' w 0 G\n');
    // Rules are placed to 1/100 pt (their ends are covered by the crossing rules, a fraction of their width).
    const horizontal = new Map<number, number>();
    const vertical = new Map<number, number>();
    let n = 0;
    for (const r of rules) {
      if (r.width !== width) continue;
      if (r.y1 === r.y2) {
        let rank = horizontal.get(r.y1);
        if (rank === undefined) horizontal.set(r.y1, (rank = horizontal.size));
        ruleLine[n] = rank;
        ruleFrom[n] = Math.min(r.x1, r.x2);
        ruleTo[n++] = Math.max(r.x1, r.x2);
      } else if (r.x1 === r.x2) {
        let rank = vertical.get(r.x1);
        if (rank === undefined) vertical.set(r.x1, (rank = vertical.size));
        ruleLine[n] = -1 - rank;
        ruleFrom[n] = Math.min(r.y1, r.y2);
        ruleTo[n++] = Math.max(r.y1, r.y2);
      } else out.num2(r.x1).byte(32).num2(r.y1).text(' m ').num2(r.x2).byte(32).num2(r.y2).text(' l\n');
    }
    // Horizontal lines (ranks 0, 1 …) before vertical ones (-1, -2 …), each line's segments by their ends.
    const key = (i: number) => (ruleLine[i]! >= 0 ? ruleLine[i]! : horizontal.size - 1 - ruleLine[i]!);
    const order = ruleOrder.subarray(0, n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((i, j) => key(i) - key(j) || ruleFrom[i]! - ruleFrom[j]! || ruleTo[i]! - ruleTo[j]!);
    const lineAt = [...horizontal.keys(), ...vertical.keys()];
    for (let k = 0; k < n; ) {
      const first = order[k]!;
      const line = key(first);
      const at = lineAt[line]!;
      const isHorizontal = ruleLine[first]! >= 0;
      let a = ruleFrom[first]!;
      let b = ruleTo[first]!;
      for (k++; ; k++) {
        const next = k < n && key(order[k]!) === line ? order[k]! : -1;
        if (next >= 0 && ruleFrom[next]! <= b + JOIN) {
          b = Math.max(b, ruleTo[next]!);
          continue;
        }
        if (isHorizontal) out.num2(a).byte(32).num2(at).text(' m ').num2(b).byte(32).num2(at).text(' l\n');
        else out.num2(at).byte(32).num2(a).text(' m ').num2(at).byte(32).num2(b).text(' l\n');
        if (next < 0) break;
        a = ruleFrom[next]!;
        b = ruleTo[next]!;
      }
    }
    out.text('S Q\n');
  }
}
