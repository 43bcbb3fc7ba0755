/**
 * Pagination of a flow on the line grid: a page holds `linesPerPage` lines and ends short rather than
 * stretch the leading. A page never ends after a line marked keep-with-next, unless that would leave it empty.
 */
import type { FlowLine } from './flow.js';

/** Splits a flow into pages: each entry is the range [start, end) of flow lines on one page. */
export function paginateFlow(flow: readonly FlowLine[], linesPerPage: number): Array<[number, number]> {
  const pages: Array<[number, number]> = [];
  let i = 0;
  while (i < flow.length) {
    // A blank line never opens a page.
    while (i < flow.length && flow[i]!.kind === 'blank' && (pages.length > 0 || i > 0)) i++;
    if (i >= flow.length) break;
    const full = Math.min(flow.length, i + linesPerPage);
    let end = full;
    if (full < flow.length) {
      while (end > i && flow[end - 1]!.keepWithNext) end--;
      // The keep rules cannot all hold (e.g. a run of keeps longer than a page): fill the page instead.
      if (end === i || !hasContent(flow, i, end)) end = full;
    }
    pages.push([i, end]);
    i = end;
  }
  return pages;
}

function hasContent(flow: readonly FlowLine[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (flow[k]!.kind === 'line') return true;
  return false;
}
