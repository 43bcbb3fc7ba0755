/**
 * Composition: a validated report and its fonts in, pages of positioned boxes out. No PDF is involved,
 * so every layout rule can be tested on the result.
 */
import type { FontSet } from '../fonts/fontSet.js';
import { tableTitle } from '../model/format.js';
import { resolvePlaceholders } from '../model/placeholders.js';
import type { Report } from '../model/types.js';
import { buildBodyFlow, FlowBuilder, type FlowLine } from './flow.js';
import { DEFAULT_LAYOUT, geometryOf, type LayoutOptions } from './layoutOptions.js';
import type { ComposedDocument, OutlineEntry, Page, PageItem } from './page.js';
import { paginateFlow } from './paginate.js';
import { StructBuilder } from './structBuilder.js';
import { baselineOffset, layoutTable } from './table.js';
import { setTitle } from './title.js';
import { Typesetter } from './typesetter.js';

/** Composes the whole report: body pages, the attachment with the statistics table, page numbers and bookmarks. */
export function composePages(report: Report, fonts: FontSet, layout: LayoutOptions = DEFAULT_LAYOUT): ComposedDocument {
  const geometry = geometryOf(layout);
  const ts = new Typesetter(fonts, geometry, layout);
  const structs = new StructBuilder();
  const outline: OutlineEntry[] = [];
  const pages: PageItem[][] = [];

  const placeFlow = (flow: readonly FlowLine[], a: number, b: number, items: PageItem[]) => {
    for (let k = a; k < b; k++) {
      const f = flow[k]!;
      if (f.kind !== 'line') continue;
      const slotTop = geometry.top + (k - a) * geometry.linePitch;
      items.push({ kind: 'text', role: f.role, x: geometry.left + f.x, baseline: slotTop + baselineOffset(ts, f.role, geometry.linePitch), line: f.line, structs: f.structs });
      if (f.bookmark) outline.push({ title: f.bookmark, page: pages.length, y: slotTop });
    }
  };

  const body = buildBodyFlow(report, ts, structs, layout.itemNumbering ?? report.style?.itemNumbering ?? 'period');
  for (const [a, b] of paginateFlow(body, layout.linesPerPage)) {
    const items: PageItem[] = [];
    placeFlow(body, a, b, items);
    pages.push(items);
  }

  // The attachment starts on a new page: 附件 on line 1, the table title centred from line 3, then the table.
  const attachment = new FlowBuilder(ts, structs);
  const sect = structs.add('Sect');
  attachment.push(ts.set([{ role: 'heading1', text: '附件' }], { align: 'left' }), 'heading1', [structs.add('H1', sect).id], { keepAll: true, bookmark: '附件' });
  attachment.blank(true);
  const title = resolvePlaceholders(tableTitle(report), report.statistics.values);
  attachment.push(setTitle(ts, 'title', title, [report.metadata.agency]), 'title', [structs.add('P', sect).id], { keepAll: true });
  if (report.statistics.subtitle) {
    attachment.push(ts.set([{ role: 'body', text: report.statistics.subtitle }], { align: 'center' }), 'body', [structs.add('P', sect).id], { keepAll: true });
  }
  const first: PageItem[] = [];
  const slots = Math.min(attachment.lines.length, layout.linesPerPage - 2);
  placeFlow(attachment.lines, 0, slots, first);
  pages.push(first);
  const tablePages = layoutTable(ts, report, structs, geometry.top + slots * geometry.linePitch, sect);
  tablePages.forEach((tp, i) => {
    if (i === 0) first.push(...tp.items);
    else pages.push(tp.items);
  });

  const composed: Page[] = pages.map((items, i) => ({ number: i + 1, items }));
  for (const page of composed) page.items.push(pageNumberItem(ts, layout, page.number));
  return { width: geometry.pageWidth, height: geometry.pageHeight, pages: composed, structure: structs.root, outline };
}

/** The page number — n — in 4号, 7 mm below the type area: odd pages right, even pages left, one cell in. */
function pageNumberItem(ts: Typesetter, layout: LayoutOptions, n: number): PageItem {
  const g = ts.geometry;
  const cell = ts.cell('pageNumber');
  const text = `— ${n} —`;
  const size = ts.fonts.pageNumber.size;
  const measure = g.width - 2 * cell;
  const align = layout.pageNumberPosition === 'center' ? 'center' : n % 2 === 1 ? 'right' : 'left';
  const [line] = ts.set([{ role: 'pageNumber', text }], { align, measure });
  const baseline = g.top + g.height + (layout.pageNumberOffset * 72) / 25.4 + 0.88 * size;
  return { kind: 'text', role: 'pageNumber', x: g.left + cell, baseline, line: line!, structs: [], artifact: true };
}
