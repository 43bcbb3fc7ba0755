/**
 * One paginator for the whole document (the way Typst's flow layout distributes blocks over regions): text lines sit
 * on the grid of the type area and a page holds `linesPerPage` of them, ending short rather than stretching the
 * leading; table rows take their own height, and the next text line goes back to the grid. A page never ends after
 * an item that keeps with the next (headings, lead-ins, first and last lines of paragraphs, table rows that keep
 * with their children), unless that would leave it empty. A page that continues a table starts with 续表 and the
 * table's header rows. A blank line never opens a page; a page break starts one.
 */
import type { FlowItem } from './flow.js';
import type { Geometry } from './layoutOptions.js';
import type { TableLayout } from './table.js';

/** An item placed on a page: its index in the flow and the top of its band. */
export interface Placement {
  readonly item: number;
  readonly top: number;
}

/** One page of the flow: its placed items, and the table it continues (whose 续表 line and header rows open the page). */
export interface FlowPage {
  readonly placements: readonly Placement[];
  readonly continues?: TableLayout;
}

const EPS = 0.01;

/** The table a page starting at item i continues, if it starts inside a table's body. */
function continuedTable(flow: readonly FlowItem[], i: number): TableLayout | undefined {
  const item = flow[i];
  const prev = flow[i - 1];
  if (item?.kind !== 'row' || item.row.header) return undefined;
  return prev?.kind === 'row' && prev.table === item.table ? item.table : undefined;
}

/** Places items [from, to) from the top of a page; returns the placements and the y where each next item would go. */
function place(flow: readonly FlowItem[], from: number, to: number, g: Geometry, start: number): { placements: Placement[]; fits: number } {
  const placements: Placement[] = [];
  const bottom = g.top + g.height;
  let y = start;
  let k = from;
  for (; k < to; k++) {
    const item = flow[k]!;
    if (item.kind === 'pageBreak') break;
    let top = y;
    let height = 0;
    if (item.kind === 'row') height = item.row.height;
    else if (item.kind === 'space') height = item.height;
    else {
      // Back to the grid: the next whole line of the type area.
      top = g.top + Math.ceil((y - g.top) / g.linePitch - EPS) * g.linePitch;
      height = g.linePitch;
    }
    if (top + height > bottom + EPS && k > from) break;
    placements.push({ item: k, top });
    y = top + height;
  }
  return { placements, fits: k };
}

/** Distributes the flow over pages. */
export function paginate(flow: readonly FlowItem[], g: Geometry): FlowPage[] {
  const pages: FlowPage[] = [];
  let i = 0;
  while (i < flow.length) {
    // A blank line or a page break never opens a page (the first page keeps what it starts with).
    while (i < flow.length && (flow[i]!.kind === 'pageBreak' || flow[i]!.kind === 'space' || (flow[i]!.kind === 'blank' && pages.length > 0))) i++;
    if (i >= flow.length) break;
    const continues = continuedTable(flow, i);
    const start = continues ? g.top + g.linePitch + continues.headerHeight : g.top;
    const { fits } = place(flow, i, flow.length, g, start);
    let end = fits;
    if (fits < flow.length && flow[fits]!.kind !== 'pageBreak') {
      // Back to the last item after which the page may end.
      while (end > i && flow[end - 1]!.keepWithNext) end--;
      // The keep rules cannot all hold (a run of keeps longer than a page): fill the page instead.
      if (end === i || !hasContent(flow, i, end)) end = fits;
    }
    if (end === i) end = i + 1; // an item taller than a page still goes somewhere
    const { placements } = place(flow, i, end, g, start);
    pages.push(continues ? { placements, continues } : { placements });
    i = end;
  }
  return pages;
}

function hasContent(flow: readonly FlowItem[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (flow[k]!.kind === 'line' || flow[k]!.kind === 'row') return true;
  return false;
}
