/**
 * The document as a flow of items for the paginator: grid lines of text (each saying whether a page may end after
 * it), blank lines, page breaks, and table rows. Keep rules are turned into flags here, from the resolved document's
 * blocks: a heading or a lead-in keeps lines of what follows, a paragraph of three lines or more keeps its first and
 * last two lines together, a title or heading stays whole, a table row keeps with the next when its table says so.
 */
import type { Bookmark, DocBlock, DocTable, ResolvedDocument, SignatureBlock, TextBlock } from '../model/document.js';
import type { FontRole } from '../model/fontRole.js';
import type { Line } from '../typeset/breakLines.js';
import { layoutTable, splitRow, type RowLayout, type TableLayout } from './table.js';
import { tableFitSize } from './tableColumns.js';
import { setTitle, titleWordRanges } from './title.js';
import type { Typesetter } from './typesetter.js';

/** One item of the flow. */
export type FlowItem =
  | {
      readonly kind: 'line';
      readonly role: FontRole;
      /** Offset of the line's measure from the type area's left edge. */
      readonly x: number;
      readonly line: Line;
      /** Structure element of each run of the line (index = GlyphRun.run). */
      readonly structs: readonly number[];
      keepWithNext: boolean;
      readonly bookmark?: Bookmark;
    }
  | { readonly kind: 'blank'; keepWithNext: boolean }
  /** Space that is not a grid line (half a line between a title and a table's top rule); dropped at a page top. */
  | { readonly kind: 'space'; readonly height: number; keepWithNext: boolean }
  | { readonly kind: 'pageBreak'; keepWithNext: false }
  | { readonly kind: 'row'; readonly table: TableLayout; readonly row: RowLayout; keepWithNext: boolean };

/** Builds the flow, applying keep rules as it goes. */
class FlowBuilder {
  readonly items: FlowItem[] = [];
  /** Items still to be kept with their predecessor (a heading keeps two lines of what follows). */
  private keepPending = 0;
  /** Whether what is pending reaches past the next block (a lead-in's two lines may be two one-line items). */
  private keepAcross = false;

  /** Adds the items of one block; `keepAll` keeps them together, `widows` applies the three-line rule. */
  add(items: FlowItem[], options: { keepAll?: boolean; widows?: boolean } = {}): void {
    const n = items.length;
    items.forEach((item, i) => {
      if (options.keepAll && i < n - 1) item.keepWithNext = true;
      // Widows and orphans: a paragraph of three lines or more never leaves its first or last line alone.
      if (options.widows && n >= 3 && (i === 0 || i === n - 2)) item.keepWithNext = true;
      if (this.keepPending > 0) {
        const prev = this.items[this.items.length - 1];
        if (prev) prev.keepWithNext = true;
        this.keepPending--;
      }
      this.items.push(item);
    });
    // What a heading keeps with it is the start of the next block only: a one-line paragraph and the next heading may part.
    if (n > 0 && !this.keepAcross) this.keepPending = 0;
    if (this.keepPending === 0) this.keepAcross = false;
  }

  /** The next `count` items stay with the last item added; `across` lets them come from more than one block. */
  keepWithFollowing(count: number, across = false): void {
    this.keepPending = Math.max(this.keepPending, count);
    this.keepAcross = across;
  }

  /** The last `count` lines (and the blanks between them) stay with whatever comes next. */
  keepTail(count: number): void {
    for (let i = this.items.length - 1; i >= 0 && count > 0; i--) {
      const item = this.items[i]!;
      if (item.kind === 'pageBreak') break;
      item.keepWithNext = true;
      if (item.kind !== 'blank') count--;
    }
  }

  blank(): void {
    this.items.push({ kind: 'blank', keepWithNext: false });
  }

  pageBreak(): void {
    this.items.push({ kind: 'pageBreak', keepWithNext: false });
  }
}

const lineItems = (lines: readonly Line[], role: FontRole, structs: readonly number[], x = 0, bookmark?: Bookmark): FlowItem[] =>
  lines.map((line, i) => ({ kind: 'line', role, x, line, structs, keepWithNext: false, ...(i === 0 && bookmark ? { bookmark } : {}) }));

/** The lines of a text block. */
function textLines(ts: Typesetter, block: TextBlock, tableSize: number): readonly Line[] {
  const role = block.pieces[0]!.role;
  const cell = ts.cell(role);
  const text = block.pieces.map((p) => p.text).join('');
  switch (block.style) {
    case 'title':
      return setTitle(ts, role, text, block.keepWords ?? [], block.lines);
    case 'subtitle':
      return ts.set(block.pieces, { align: 'center' });
    case 'label':
      // A label in the table role (表尾 lines) is set in the size of the statistics tables it follows.
      return ts.set(block.pieces, { align: 'left', ...(role === 'table' ? { size: tableSize } : {}) });
    default: {
      const indent = block.indent * cell;
      const restIndent = block.restIndent * cell + (block.hanging && block.pieces.length > 1 ? ts.width(role, block.pieces[0]!.text) : 0);
      // The attachment note names a title: its words stay whole and it is set flush left, like a title.
      const note = block.style === 'note';
      return ts.set(block.pieces, {
        indent,
        restIndent,
        align: note ? 'left' : 'justify',
        ...(note ? { keepTogether: titleWordRanges(text, block.keepWords ?? []) } : {}),
      });
    }
  }
}

/** The unsealed signature (GB/T 9704 §7.3.5.2): each office two cells in from the right, the date two cells right of the last. */
function signatureItems(ts: Typesetter, block: SignatureBlock): { offices: FlowItem[]; date: FlowItem[] } {
  const cell = ts.cell('signature');
  const measure = ts.geometry.width;
  const right = measure - 2 * cell;
  const offices: FlowItem[] = [];
  const dateText = block.date.text;
  const dateWidth = ts.width('signature', dateText);
  let dateX = right - dateWidth;
  block.offices.forEach((office, k) => {
    const width = ts.width('signature', office.text);
    let officeX = right - width;
    let lines: readonly Line[];
    if (officeX >= 0) lines = ts.set([office], { align: 'left', measure: measure - officeX });
    else {
      // An office longer than the line wraps like a title, between words (after 办公室, 委员会 …), each line two cells
      // in from the right.
      lines = setTitle(ts, 'signature', office.text, [office.text], undefined, { align: 'right', measure: right });
      officeX = 0;
    }
    offices.push(...lineItems(lines, 'signature', [office.struct], officeX));
    if (k === block.offices.length - 1) {
      const lastLine = lines[lines.length - 1];
      const start = officeX + (lastLine ? lastLine.x : 0);
      dateX = start + 2 * cell;
      if (dateX + dateWidth > right) {
        // A date longer than the office: the date sits two cells in from the right, the office moves left.
        dateX = right - dateWidth;
        if (lines.length === 1 && officeX > dateX - 2 * cell) {
          const moved = Math.max(0, dateX - 2 * cell);
          offices.splice(offices.length - 1, 1, ...lineItems(ts.set([office], { align: 'left', measure: measure - moved }), 'signature', [office.struct], moved));
        }
      }
    }
  });
  dateX = Math.max(0, dateX);
  const date = lineItems(ts.set([block.date], { align: 'left', measure: measure - dateX }), 'signature', [block.date.struct], dateX);
  return { offices, date };
}

/** One size for the document's statistics tables: the smallest any of them needs, so that all read alike. */
function tableSize(ts: Typesetter, tables: readonly DocTable[]): number {
  return Math.min(ts.size('table'), ...tables.map((t) => tableFitSize(ts, t, ts.geometry.width)));
}

/** The rows of a table as flow items; a row taller than a continued page can hold is split. */
function tableItems(ts: Typesetter, layout: TableLayout, afterText: boolean): FlowItem[] {
  const room = ts.geometry.height - ts.geometry.linePitch - layout.headerHeight;
  const items: FlowItem[] = [];
  // At least half a grid line between the text above (a title, a subtitle) and the top rule.
  if (afterText) items.push({ kind: 'space', height: ts.geometry.linePitch / 2, keepWithNext: true });
  for (const row of layout.header) items.push({ kind: 'row', table: layout, row, keepWithNext: true });
  for (const row of layout.body) {
    const parts = row.height > room ? splitRow(layout, row, room) : [row];
    for (const part of parts) items.push({ kind: 'row', table: layout, row: part, keepWithNext: part.keepWithNext });
  }
  if (items.length > 0) items[items.length - 1]!.keepWithNext = false;
  return items;
}

/** Builds the flow of a resolved document. */
export function buildFlow(ts: Typesetter, doc: ResolvedDocument): FlowItem[] {
  const flow = new FlowBuilder();
  const statisticsTables = doc.blocks.flatMap((b) => (b.kind === 'table' && b.table.kind === 'statistics' ? [b.table] : []));
  const size = statisticsTables.length > 0 ? tableSize(ts, statisticsTables) : ts.size('table');
  for (const block of doc.blocks as readonly DocBlock[]) {
    switch (block.kind) {
      case 'blank':
        flow.blank();
        break;
      case 'pageBreak':
        flow.pageBreak();
        break;
      case 'text': {
        if (block.keepWithPrevious) flow.keepTail(block.keepWithPrevious);
        const lines = textLines(ts, block, size);
        const role = block.pieces[0]!.role;
        flow.add(lineItems(lines, role, block.pieces.map((p) => p.struct), 0, block.bookmark), { keepAll: block.keepTogether, widows: !block.keepTogether });
        if (block.keepWithNext > 0) {
          const last = flow.items[flow.items.length - 1];
          if (last && block.keepTogether) last.keepWithNext = true;
          flow.keepWithFollowing(block.keepWithNext, block.style === 'body');
        }
        break;
      }
      case 'signature': {
        if (block.keepWithPrevious) flow.keepTail(block.keepWithPrevious);
        const { offices, date } = signatureItems(ts, block);
        flow.add([...offices, ...date], { keepAll: true });
        break;
      }
      case 'table': {
        const own = block.table.kind === 'own';
        const layout = layoutTable(ts, block.table, ts.geometry.width, own ? tableFitSize(ts, block.table, ts.geometry.width) : size);
        flow.add(tableItems(ts, layout, flow.items[flow.items.length - 1]?.kind === 'line'));
        break;
      }
    }
  }
  return flow.items;
}
