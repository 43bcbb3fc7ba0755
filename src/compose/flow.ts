/**
 * The report as a flow of grid lines: title, preamble, sections, attachment note and signature.
 * Each line says whether a page may end after it (keep rules); pagination happens later.
 */
import type { FontRole } from '../model/fontRole.js';
import { formatChineseDate, reportTitle, sectionTitle, tableTitle } from '../model/format.js';
import { numberLabel, type ItemNumbering } from '../model/numbering.js';
import { resolvePlaceholders } from '../model/placeholders.js';
import { SECTION_KEYS } from '../model/sections.js';
import type { Block, Report } from '../model/types.js';
import type { Line } from '../typeset/breakLines.js';
import type { StructNode } from './page.js';
import type { StructBuilder } from './structBuilder.js';
import { setTitle, titleWordRanges } from './title.js';
import type { RoleText, Typesetter } from './typesetter.js';

/** One grid line of the flow. */
export type FlowLine =
  | {
      readonly kind: 'line';
      readonly role: FontRole;
      /** Offset of the line's measure from the type area's left edge. */
      readonly x: number;
      readonly line: Line;
      readonly structs: readonly number[];
      keepWithNext: boolean;
      readonly bookmark?: string;
    }
  | { readonly kind: 'blank'; keepWithNext: boolean };

/** Builds flows of lines, applying the keep rules as it goes. */
export class FlowBuilder {
  readonly lines: FlowLine[] = [];
  /** Lines still to be kept with their predecessor (a heading keeps two lines of what follows). */
  private keepPending = 0;

  constructor(
    private readonly ts: Typesetter,
    private readonly structs: StructBuilder,
  ) {}

  /** Adds typeset lines; `keepAll` keeps them together with what follows (headings, title). */
  push(lines: readonly Line[], role: FontRole, structs: readonly number[], options: { keepAll?: boolean; bookmark?: string; x?: number } = {}): void {
    const n = lines.length;
    lines.forEach((line, i) => {
      // Widows and orphans: a paragraph of three lines or more never leaves its first or last line alone.
      const keep = options.keepAll === true || (n >= 3 && (i === 0 || i === n - 2));
      if (this.keepPending > 0) {
        const prev = this.lines[this.lines.length - 1];
        if (prev) prev.keepWithNext = true;
        this.keepPending--;
      }
      this.lines.push({ kind: 'line', role, x: options.x ?? 0, line, structs, keepWithNext: keep, ...(i === 0 && options.bookmark ? { bookmark: options.bookmark } : {}) });
    });
    // A heading keeps lines of the block right after it only: a one-line paragraph and the next heading may part.
    if (n > 0 && options.keepAll !== true) this.keepPending = 0;
  }

  /** A heading moves to the next page together with at least two lines of what follows it. */
  keepWithFollowing(lines: number): void {
    this.keepPending = lines;
  }

  blank(keepWithNext = false): void {
    this.lines.push({ kind: 'blank', keepWithNext });
  }

  /** Keeps the last `count` content lines with whatever comes next. */
  keepTail(count: number): void {
    for (let i = this.lines.length - 1; i >= 0 && count > 0; i--) {
      const l = this.lines[i]!;
      l.keepWithNext = true;
      if (l.kind === 'line') count--;
    }
  }

  /** A paragraph of mixed roles, each piece tagged with its own structure node. */
  paragraph(
    pieces: readonly RoleText[],
    nodes: readonly StructNode[],
    options: { indent?: number; restIndent?: number; keepAll?: boolean; bookmark?: string; align?: 'justify' | 'left'; keepTogether?: Array<[number, number]> } = {},
  ): void {
    const indent = options.indent ?? 2 * this.ts.cell('body');
    const lines = this.ts.set(pieces, { indent, restIndent: options.restIndent ?? 0, align: options.align ?? 'justify', ...(options.keepTogether ? { keepTogether: options.keepTogether } : {}) });
    const role = pieces.find((p) => p.text.length > 0)?.role ?? pieces[0]!.role;
    this.push(lines, role, nodes.map((n) => n.id), options);
  }
}

/** Builds the flow of the report body, from the title to the signature. */
export function buildBodyFlow(report: Report, ts: Typesetter, structs: StructBuilder, itemNumbering: ItemNumbering): FlowLine[] {
  const flow = new FlowBuilder(ts, structs);
  const values = report.statistics.values;
  const resolve = (text: string) => resolvePlaceholders(text, values);
  const title = reportTitle(report);
  const titleNode = structs.add('H1');
  flow.push(setTitle(ts, 'title', title, [report.metadata.agency]), 'title', [titleNode.id], { keepAll: true, bookmark: title });
  if (report.metadata.subtitle) {
    flow.push(ts.set([{ role: 'heading2', text: report.metadata.subtitle }], { align: 'center' }), 'heading2', [structs.add('P').id], { keepAll: true });
  }
  flow.blank(true);
  for (const p of report.preamble) flow.paragraph([{ role: 'body', text: resolve(p.text) }], [structs.add('P')]);

  SECTION_KEYS.forEach((key, index) => {
    const sect = structs.add('Sect');
    const heading = structs.add('H1', sect);
    const label = numberLabel(1, index + 1);
    const text = resolve(sectionTitle(report, key));
    flow.paragraph([{ role: 'heading1', text: label }, { role: 'heading1', text }], [structs.add('Lbl', heading), heading], { keepAll: true, bookmark: label + text });
    flow.keepWithFollowing(2);
    addBlocks(flow, report.sections[key].blocks, sect, structs, resolve, itemNumbering);
  });

  // The last lines of the body stay with the attachment note and the signature (GB/T 9704 §7.3.5).
  flow.keepTail(2);
  flow.blank(true);
  const note = structs.add('P');
  const noteLabel = '附件：';
  const indent = 2 * ts.cell('body');
  const noteText = noteLabel + resolve(tableTitle(report));
  // The note names a title: its words stay whole and it is set flush left, like a title, not letter-spaced to the margin.
  const keepTogether = titleWordRanges(noteText, [report.metadata.agency]);
  flow.paragraph([{ role: 'body', text: noteText }], [note], { indent, restIndent: indent + ts.width('body', noteLabel), keepAll: true, keepTogether, align: 'left' });
  flow.blank(true);
  addSignature(flow, ts, structs, report.signature.office, formatChineseDate(report.signature.date));
  return flow.lines;
}

function addBlocks(flow: FlowBuilder, blocks: readonly Block[], parent: StructNode, structs: StructBuilder, resolve: (t: string) => string, numbering: ItemNumbering): void {
  let subsection = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      flow.paragraph([{ role: 'body', text: resolve(block.text) }], [structs.add('P', parent)]);
    } else if (block.type === 'subsection') {
      const heading = structs.add('H2', parent);
      flow.paragraph([{ role: 'heading2', text: numberLabel(2, ++subsection) }, { role: 'heading2', text: resolve(block.title) }], [structs.add('Lbl', heading), heading], { keepAll: true });
      flow.keepWithFollowing(2);
      addBlocks(flow, block.blocks, parent, structs, resolve, numbering);
    } else {
      const list = structs.add('L', parent);
      block.items.forEach((item, i) => {
        const li = structs.add('LI', list);
        const lbl = structs.add('Lbl', li);
        const body = structs.add('LBody', li);
        flow.paragraph(
          [{ role: 'body', text: numberLabel(3, i + 1, numbering) }, { role: 'heading3', text: resolve(item.lead ?? '') }, { role: 'body', text: resolve(item.text) }],
          [lbl, body, body],
        );
      });
    }
  }
}

/** The unsealed signature (GB/T 9704 §7.3.5.2): the office two cells in from the right, the date two cells right of it. */
function addSignature(flow: FlowBuilder, ts: Typesetter, structs: StructBuilder, office: string, date: string): void {
  const cell = ts.cell('signature');
  const measure = ts.geometry.width;
  const right = measure - 2 * cell;
  const officeWidth = ts.width('signature', office);
  const dateWidth = ts.width('signature', date);
  let officeX = right - officeWidth;
  let dateX = officeX + 2 * cell;
  if (dateX + dateWidth > right) {
    dateX = right - dateWidth;
    officeX = Math.min(officeX, dateX - 2 * cell);
  }
  let officeLines: Line[];
  if (officeX >= 0) {
    officeLines = ts.set([{ role: 'signature', text: office }], { align: 'left', measure: measure - officeX });
  } else {
    // An office name longer than the line wraps, each line two cells in from the right; the date then starts
    // two cells right of the start of the office's last line.
    officeLines = ts.set([{ role: 'signature', text: office }], { align: 'right', measure: right });
    officeX = 0;
    const last = officeLines[officeLines.length - 1];
    dateX = Math.min((last ? last.x : 0) + 2 * cell, right - dateWidth);
  }
  dateX = Math.max(0, dateX);
  flow.push(officeLines, 'signature', [structs.add('P').id], { keepAll: true, x: officeX });
  flow.push(ts.set([{ role: 'signature', text: date }], { align: 'left', measure: measure - dateX }), 'signature', [structs.add('P').id], { x: dateX });
}
