/** The text stream of a PDF: pages of baseline lines with fonts, sizes, Tc values and exact glyph positions. */
import { interpretContent, type FontCache, type ShownGlyph } from './interpret.js';
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

/** Walks the page tree in order, passing down inherited /Resources and /MediaBox. */
function collectPages(file: PdfFile): PageNode[] {
  const root = asDict(file.lookup(file.trailer, 'Root'), 'trailer /Root');
  const pages: PageNode[] = [];
  const seen = new Set<number>();
  const visit = (ref: PdfValue | undefined, inherited: { resources?: PdfDict; mediaBox?: readonly number[] }, where: string) => {
    if (ref instanceof PdfRef) {
      if (seen.has(ref.num)) throw new Error(`${where}: object ${ref.num} appears twice in the page tree`);
      seen.add(ref.num);
    }
    const node = asDict(file.resolve(ref), where);
    const resources = file.lookup(node, 'Resources');
    const box = file.lookup(node, 'MediaBox');
    const here = {
      resources: resources === undefined ? inherited.resources : asDict(resources, `${where} /Resources`),
      mediaBox: box === undefined ? inherited.mediaBox : asArray(box, `${where} /MediaBox`).map((v) => asNumber(file.resolve(v), `${where} /MediaBox`)),
    };
    const type = asName(file.lookup(node, 'Type'), `${where} /Type`);
    if (type === 'Pages') {
      asArray(file.lookup(node, 'Kids'), `${where} /Kids`).forEach((kid, i) => visit(kid, here, `${where} kid ${i}`));
    } else if (type === 'Page') {
      const n = pages.length + 1;
      if (!here.mediaBox || here.mediaBox.length !== 4) throw new Error(`page ${n}: no /MediaBox of four numbers`);
      pages.push({ dict: node, resources: here.resources ?? new Map(), mediaBox: here.mediaBox });
    } else throw new Error(`${where}: unexpected /Type /${type} in the page tree`);
  };
  visit(root.get('Pages'), {}, 'page tree');
  return pages;
}

/** The page's content: one stream or an array of streams, decoded and joined with a newline. */
function pageContent(file: PdfFile, page: PageNode, n: number): Uint8Array {
  const contents = file.lookup(page.dict, 'Contents');
  const list = contents === undefined ? [] : contents instanceof PdfStream ? [contents] : asArray(contents, `page ${n} /Contents`);
  const parts = list.map((ref, i) => {
    const stream = file.resolve(ref);
    if (!(stream instanceof PdfStream)) throw new Error(`page ${n} /Contents[${i}]: expected a stream`);
    return file.decode(stream, `page ${n} content stream ${i}`);
  });
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from('\n'), p])));
}

/** Groups glyphs into lines: a new line starts when the baseline or the artifact state changes. */
export function groupLines(glyphs: readonly ShownGlyph[], page: number, box: readonly number[]): TextLine[] {
  const [x0, , , y1] = box as [number, number, number, number];
  const runs: ShownGlyph[][] = [];
  for (const g of glyphs) {
    const current = runs[runs.length - 1];
    const first = current?.[0];
    if (current && first && Math.abs(first.y - g.y) <= BASELINE_TOLERANCE && first.artifact === g.artifact) current.push(g);
    else runs.push([g]);
  }
  const distinct = <T>(values: T[]) => [...new Set(values)];
  return runs.map((run) => {
    const first = run[0]!;
    return {
      page,
      y: y1 - first.y,
      x: first.x - x0,
      fonts: distinct(run.map((g) => g.font)),
      sizes: distinct(run.map((g) => g.size)),
      tcs: distinct(run.map((g) => g.tc)),
      text: run.map((g) => g.text).join(''),
      glyphs: run.map((g) => ({ text: g.text, x: g.x - x0, advance: g.advance, font: g.font, size: g.size, tc: g.tc })),
      artifact: first.artifact,
    };
  });
}

/** Reads the text stream of a PDF written by this library (pdfkit output); throws a clear Error on anything it does not support. */
export function extractTextStream(pdf: Uint8Array): TextStream {
  const file = new PdfFile(pdf);
  const fonts: FontCache = new Map();
  const pages = collectPages(file).map((page, i): TextPage => {
    const n = i + 1;
    const glyphs = interpretContent(file, pageContent(file, page, n), page.resources, n, fonts);
    const [x0, y0, x1, y1] = page.mediaBox as [number, number, number, number];
    return { number: n, width: x1 - x0, height: y1 - y0, lines: groupLines(glyphs, n, page.mediaBox) };
  });
  return { pages };
}
