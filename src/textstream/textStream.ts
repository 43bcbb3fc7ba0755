/** The text stream of a PDF: pages of baseline lines with fonts, sizes, Tc values and exact glyph positions. */
import { interpretContent, type FontCache, type ShownGlyph } from './interpret.js';
import { Budget, resolveLimits, type ExtractTextStreamOptions } from './limits.js';
import { printable } from './lexer.js';
import { asArray, asDict, asName, asNumber, PdfFile, PdfRef, PdfStream, type PdfDict, type PdfValue } from './objects.js';

/** Lines on one baseline are glyphs whose baselines differ by at most this much (pt). */
export const BASELINE_TOLERANCE = 0.01;

/** One glyph of a line; x is in points from the page's left edge. */
export interface TextGlyph {
  readonly text: string;
  readonly x: number;
  /** Natural advance in points (without Tc and TJ adjustments). */
  readonly advance: number;
  readonly font: string;
  readonly size: number;
  readonly tc: number;
}

/** Consecutive glyphs (content order) on one baseline, all artifact or all content; table cells drawn apart can share a y. */
export interface TextLine {
  /** 1-based page number. */
  readonly page: number;
  /** Baseline in points down from the top of the page (the library composes top-down). */
  readonly y: number;
  /** x of the first glyph, in points from the left edge. */
  readonly x: number;
  /** Font base names without subset tags, in order of first use. */
  readonly fonts: readonly string[];
  /** Font sizes in points, in order of first use. */
  readonly sizes: readonly number[];
  /** Distinct Tc values, in order of first use. */
  readonly tcs: readonly number[];
  /** The text as drawn, real spaces included. */
  readonly text: string;
  readonly glyphs: readonly TextGlyph[];
  /** Inside /Artifact marked content (page numbers, repeated table headers). */
  readonly artifact: boolean;
}

/** One page: its size and its lines in content order. */
export interface TextPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly TextLine[];
}

/** Every page's text lines, in page-tree order. */
export interface TextStream {
  readonly pages: readonly TextPage[];
}

interface PageNode {
  readonly dict: PdfDict;
  readonly resources: PdfDict;
  readonly mediaBox: readonly number[];
}

interface Inherited {
  readonly resources?: PdfDict;
  readonly mediaBox?: readonly number[];
}

/** A /Pages node being walked: its kids and the next one to visit. */
interface PagesFrame {
  readonly kids: readonly PdfValue[];
  next: number;
  readonly inherited: Inherited;
  readonly where: string;
}

/**
 * Walks the page tree in order, passing down inherited /Resources and /MediaBox. The walk keeps an explicit stack
 * of /Pages nodes (at most limits.maxNesting deep) and stops at limits.maxPages pages; a node seen twice is an error.
 */
function collectPages(file: PdfFile): PageNode[] {
  const root = asDict(file.lookup(file.trailer, 'Root'), 'trailer /Root');
  const { budget } = file;
  const pages: PageNode[] = [];
  const seen = new Set<number>();
  const stack: PagesFrame[] = [];
  const visit = (ref: PdfValue | undefined, inherited: Inherited, where: string) => {
    if (ref instanceof PdfRef) {
      if (seen.has(ref.num)) throw new Error(`${where}: object ${ref.num} appears twice in the page tree`);
      seen.add(ref.num);
    }
    const node = asDict(file.resolve(ref), where);
    const resources = file.lookup(node, 'Resources');
    const box = file.lookup(node, 'MediaBox');
    const here: Inherited = {
      resources: resources === undefined ? inherited.resources : asDict(resources, `${where} /Resources`),
      mediaBox: box === undefined ? inherited.mediaBox : asArray(box, `${where} /MediaBox`).map((v) => asNumber(file.resolve(v), `${where} /MediaBox`)),
    };
    const type = asName(file.lookup(node, 'Type'), `${where} /Type`);
    if (type === 'Pages') {
      budget.check('maxNesting', stack.length + 1, undefined, '页面树的');
      stack.push({ kids: asArray(file.lookup(node, 'Kids'), `${where} /Kids`), next: 0, inherited: here, where });
    } else if (type === 'Page') {
      const n = pages.length + 1;
      budget.check('maxPages', n);
      if (!here.mediaBox || here.mediaBox.length !== 4) throw new Error(`page ${n}: no /MediaBox of four numbers`);
      pages.push({ dict: node, resources: here.resources ?? new Map(), mediaBox: here.mediaBox });
    } else throw new Error(`${where}: unexpected /Type /${printable(type)} in the page tree`);
  };
  visit(root.get('Pages'), {}, 'page tree');
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.kids.length) {
      stack.pop();
      continue;
    }
    const i = top.next++;
    // Named by the path from the root while it is short (page tree kid 2 kid 0), by its depth below that.
    visit(top.kids[i], top.inherited, stack.length <= 4 ? `${top.where} kid ${i}` : `page tree node ${stack.length} levels deep, kid ${i}`);
  }
  return pages;
}

/** A page's content streams, resolved (not yet decoded). */
function contentStreams(file: PdfFile, page: PageNode, n: number): PdfStream[] {
  const contents = file.lookup(page.dict, 'Contents');
  const list = contents === undefined ? [] : contents instanceof PdfStream ? [contents] : asArray(contents, `page ${n} /Contents`);
  return list.map((ref, i) => {
    const stream = file.resolve(ref);
    if (!(stream instanceof PdfStream)) throw new Error(`page ${n} /Contents[${i}]: expected a stream`);
    return stream;
  });
}

/**
 * The page's content: one stream or an array of streams, decoded and joined with a newline. Each stream is decoded
 * once: `uses` counts the pages still to read it, and its bytes are kept until the last of them.
 */
function pageContent(file: PdfFile, streams: readonly PdfStream[], n: number, uses: Map<PdfStream, number>): Uint8Array {
  const parts = streams.map((stream, i) => {
    const left = (uses.get(stream) ?? 1) - 1;
    uses.set(stream, left);
    const data = file.decode(stream, `page ${n} content stream ${i}`, left > 0);
    file.budget.charge('maxContentBytes', data.length + (i > 0 ? 1 : 0), `第 ${n} 页`);
    return data;
  });
  if (parts.length === 1) return parts[0]!;
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [NEWLINE, p])));
}

const NEWLINE = Buffer.from('\n');

/** Groups glyphs into lines: a new line starts when the baseline or the artifact state changes. Linear in the glyphs. */
export function groupLines(glyphs: readonly ShownGlyph[], page: number, box: readonly number[]): TextLine[] {
  const [x0, , , y1] = box as [number, number, number, number];
  const lines: TextLine[] = [];
  for (let start = 0; start < glyphs.length; ) {
    const first = glyphs[start]!;
    let end = start + 1;
    while (end < glyphs.length && Math.abs(first.y - glyphs[end]!.y) <= BASELINE_TOLERANCE && glyphs[end]!.artifact === first.artifact) end++;
    const fonts = new Set<string>();
    const sizes = new Set<number>();
    const tcs = new Set<number>();
    const line: TextGlyph[] = [];
    const texts: string[] = [];
    for (let i = start; i < end; i++) {
      const g = glyphs[i]!;
      fonts.add(g.font);
      sizes.add(g.size);
      tcs.add(g.tc);
      texts.push(g.text);
      line.push({ text: g.text, x: g.x - x0, advance: g.advance, font: g.font, size: g.size, tc: g.tc });
    }
    // A joined string is flat; `+=` would keep a rope node per glyph.
    lines.push({ page, y: y1 - first.y, x: first.x - x0, fonts: [...fonts], sizes: [...sizes], tcs: [...tcs], text: texts.join(''), glyphs: line, artifact: first.artifact });
    start = end;
  }
  return lines;
}

/**
 * Reads the text stream of a PDF written by this library; throws a clear Error on anything it does
 * not support, and a TextStreamLimitError when the input goes beyond one of `options.limits` (defaults:
 * DEFAULT_TEXT_STREAM_LIMITS), so that any input is answered in bounded time and memory.
 */
export function extractTextStream(pdf: Uint8Array, options: ExtractTextStreamOptions = {}): TextStream {
  const file = new PdfFile(pdf, new Budget(resolveLimits(options.limits)));
  const fonts: FontCache = new Map();
  const nodes = collectPages(file);
  const streams = nodes.map((page, i) => contentStreams(file, page, i + 1));
  const uses = new Map<PdfStream, number>();
  for (const list of streams) for (const s of list) uses.set(s, (uses.get(s) ?? 0) + 1);
  const pages = nodes.map((page, i): TextPage => {
    const n = i + 1;
    const glyphs = interpretContent(file, pageContent(file, streams[i]!, n, uses), page.resources, n, fonts);
    const [x0, y0, x1, y1] = page.mediaBox as [number, number, number, number];
    return { number: n, width: x1 - x0, height: y1 - y0, lines: groupLines(glyphs, n, page.mediaBox) };
  });
  return { pages };
}
