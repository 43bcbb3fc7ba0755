/**
 * Composition: a resolved document and its fonts in, pages of positioned boxes out. It reads only the resolved
 * document (model/document.ts), never the report, and involves no PDF, so every layout rule can be tested on the result.
 *
 *   buildFlow   (flow.ts)      typeset every block into grid lines and table rows, with keep rules
 *   paginate    (paginate.ts)  distribute the flow over pages
 *   draw                       place lines, table rows and rules, 续表 and repeated headers, page numbers, bookmarks
 */
import type { FontSet } from '../fonts/fontSet.js';
import type { ResolvedDocument } from '../model/document.js';
import type { FontRole } from '../model/fontRole.js';
import { buildFlow, type FlowItem } from './flow.js';
import { DEFAULT_LAYOUT, geometryOf, type LayoutOptions } from './layoutOptions.js';
import type { ComposedDocument, OutlineEntry, Page, PageItem } from './page.js';
import { paginate, type FlowPage } from './paginate.js';
import { baselineOffset, drawTableRows, type PlacedRow, type TableLayout } from './table.js';
import { Typesetter } from './typesetter.js';

/** Composes a resolved document into pages. */
export function composeDocument(doc: ResolvedDocument, fonts: FontSet, layout: LayoutOptions = DEFAULT_LAYOUT): ComposedDocument {
  const geometry = geometryOf(layout);
  const ts = new Typesetter(fonts, geometry, layout);
  const flow = buildFlow(ts, doc);
  const outline: OutlineEntry[] = [];
  const pages: Page[] = paginate(flow, geometry).map((page, index) => ({ number: index + 1, items: drawPage(ts, flow, page, index, outline) }));
  for (const page of pages) page.items.push(pageNumberItem(ts, layout, page.number));
  return { width: geometry.pageWidth, height: geometry.pageHeight, pages, structure: doc.structure, outline };
}

/** The first line of a page that continues a table. */
const CONTINUED = '续表';

/** The page number as printed. */
const pageNumberText = (n: number): string => `— ${n} —`;

/**
 * The texts the composer may print besides the document's own (documentTexts): every character a page number can
 * have, and 续表 when the document has a table. With the document's texts, what a document prints before it is composed.
 */
export function furnitureTexts(doc: ResolvedDocument): { readonly role: FontRole; readonly text: string }[] {
  const texts: { role: FontRole; text: string }[] = [{ role: 'pageNumber', text: pageNumberText(1234567890) }];
  if (doc.blocks.some((b) => b.kind === 'table')) texts.push({ role: 'table', text: CONTINUED });
  return texts;
}

function drawPage(ts: Typesetter, flow: readonly FlowItem[], page: FlowPage, index: number, outline: OutlineEntry[]): PageItem[] {
  const g = ts.geometry;
  const items: PageItem[] = [];
  let rows: PlacedRow[] = [];
  let table: TableLayout | undefined;
  const flush = () => {
    if (table && rows.length > 0) items.push(...drawTableRows(table, rows, g.left));
    rows = [];
    table = undefined;
  };
  if (page.continues) {
    // A continued table: 续表 on the first line, then its header rows again (both page furniture).
    const size = page.continues.size;
    const [label] = ts.set([{ role: 'table', text: CONTINUED }], { align: 'left', size });
    items.push({ kind: 'text', role: 'table', x: g.left, baseline: g.top + baselineOffset(size, g.linePitch), line: label!, structs: [], artifact: true });
    table = page.continues;
    let y = g.top + g.linePitch;
    for (const row of page.continues.header) {
      rows.push({ row, top: y, repeated: true });
      y += row.height;
    }
  }
  for (const { item: k, top } of page.placements) {
    const item = flow[k]!;
    if (item.kind === 'row') {
      if (table !== item.table) flush();
      table = item.table;
      rows.push({ row: item.row, top, repeated: false });
      continue;
    }
    flush();
    if (item.kind !== 'line') continue;
    const size = ts.size(item.role);
    items.push({ kind: 'text', role: item.role, x: g.left + item.x, baseline: top + baselineOffset(size, g.linePitch), line: item.line, structs: item.structs });
    if (item.bookmark) outline.push({ title: item.bookmark.title, page: index, y: top, level: item.bookmark.level });
  }
  flush();
  return items;
}

/** The page number — n — in 4号, 7 mm below the type area: odd pages right, even pages left, one cell in. */
function pageNumberItem(ts: Typesetter, layout: LayoutOptions, n: number): PageItem {
  const g = ts.geometry;
  const cell = ts.cell('pageNumber');
  const text = pageNumberText(n);
  const size = ts.size('pageNumber');
  const measure = g.width - 2 * cell;
  const align = layout.pageNumberPosition === 'center' ? 'center' : n % 2 === 1 ? 'right' : 'left';
  const [line] = ts.set([{ role: 'pageNumber', text }], { align, measure });
  const baseline = g.top + g.height + (layout.pageNumberOffset * 72) / 25.4 + 0.88 * size;
  return { kind: 'text', role: 'pageNumber', x: g.left + cell, baseline, line: line!, structs: [], artifact: true };
}
