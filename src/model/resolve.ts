/**
 * `resolveDocument`: a valid report and its template in, the resolved document out (document.ts). Every decision
 * about what is printed is made here, once: default titles, generated numbering (一、 （一） 1. （1）), placeholders,
 * formatted dates, the empty-part sentence, where each statistics table goes, keep rules and bookmarks.
 */
import { endsSentence } from '../text/charClass.js';
import { leadingPlaceNames } from '../text/titleWords.js';
import type { Bookmark, DocBlock, DocText, ResolvedDocument, StructElement, StructType, TableAttributes, TextBlock } from './document.js';
import type { FontRole } from './fontRole.js';
import { defaultTableTitle, formatChineseDate, reportTitle } from './format.js';
import { numberLabel, type ItemNumbering } from './numbering.js';
import { formatPath, type PathSegment } from './paths.js';
import { resolvePlaceholders } from './placeholders.js';
import { resolveStatisticsTable, resolveTableBlock } from './resolveTable.js';
import { trimStrayWhitespace } from './repairs.js';
import type { TableDefinition, Template } from './templates/index.js';
import type { Block, Report } from './types.js';

/** Builds the structure tree as the document is resolved. */
export class StructTree {
  private next = 1;
  readonly root: StructElement = { id: 0, type: 'Document', children: [] };

  add(type: StructType, parent: StructElement = this.root, attributes?: TableAttributes): StructElement {
    const element: StructElement = attributes ? { id: this.next++, type, children: [], attributes } : { id: this.next++, type, children: [] };
    parent.children.push(element);
    return element;
  }
}

/** Heading roles by level. */
const HEADING_ROLE: Record<1 | 2 | 3 | 4, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading3' };
const HEADING_TYPE: Record<1 | 2 | 3 | 4, StructType> = { 1: 'H1', 2: 'H2', 3: 'H3', 4: 'H4' };

/** Marks that end a run-in heading's title already (no 。 is added after them). */
const ENDS_SENTENCE = /[。？！：；…]$/;
/**
 * A paragraph that introduces what follows (按公开渠道统计：, 发布情况见下表。, 如下表所示。): it keeps two lines of the
 * next block with it (a table's first rows).
 */
const LEAD_IN = /(?:[：:]|下表(?:所示)?[。.]?)\s*$/;

class Resolver {
  readonly tree = new StructTree();
  readonly blocks: DocBlock[] = [];
  private readonly values: Readonly<Record<string, number | string>>;
  private readonly numbering: ItemNumbering;
  /** The agency and the places its name begins with, kept whole in the labels of the report's own tables. */
  private readonly places: readonly string[];

  constructor(
    readonly report: Report,
    readonly template: Template,
    itemNumbering: ItemNumbering | undefined,
  ) {
    this.values = report.statistics?.values ?? {};
    this.numbering = itemNumbering ?? report.style?.itemNumbering ?? 'period';
    this.places = [report.metadata.agency, ...leadingPlaceNames(report.metadata.agency)];
  }

  /**
   * A printed text; `generated` texts (numbering, default titles, dates, labels) are printed as they are. A report's
   * own text is printed without the spaces at its ends (an indent typed as 　　 is the library's first-line indent,
   * printed once; the stray_whitespace warning names them).
   */
  text(role: FontRole, text: string, struct: StructElement, path: string | PathSegment[], generated = false): DocText {
    const p = typeof path === 'string' ? path : formatPath(path);
    return generated ? { role, text, struct: struct.id, path: p, generated } : { role, text: trimStrayWhitespace(resolvePlaceholders(text, this.values)), struct: struct.id, path: p };
  }

  push(block: DocBlock): void {
    this.blocks.push(block);
  }

  paragraph(pieces: DocText[], options: Partial<TextBlock> = {}): void {
    if (pieces.every((p) => p.text.trim() === '')) return;
    const last = pieces[pieces.length - 1]!.text;
    this.push({ kind: 'text', style: 'body', pieces, indent: 2, restIndent: 0, keepWithNext: LEAD_IN.test(last) ? 2 : 0, keepTogether: false, ...options });
  }

  heading(level: 1 | 2 | 3 | 4, label: string, title: DocText, parent: StructElement, bookmark?: Bookmark): void {
    const h = this.tree.add(HEADING_TYPE[level], parent);
    const role = HEADING_ROLE[level];
    const lbl = this.tree.add('Lbl', h);
    this.push({
      kind: 'text',
      style: 'heading',
      pieces: [this.text(role, label, lbl, title.path, true), { ...title, role, struct: h.id }],
      indent: 2,
      restIndent: 0,
      keepWithNext: 2,
      keepTogether: true,
      ...(bookmark ? { bookmark } : {}),
    });
  }

  /** The blocks of a part or subsection; `level` is the level of the headings of its subsections. */
  resolveBlocks(blocks: readonly Block[], base: PathSegment[], level: 2 | 3 | 4, parent: StructElement, tables: Map<string, TableDefinition>, offset = 0): void {
    let subsection = 0;
    blocks.forEach((block, k) => {
      const path = [...base, k + offset];
      switch (block.type) {
        case 'paragraph':
          this.paragraph([this.text('body', block.text, this.tree.add('P', parent), [...path, 'text'])]);
          break;
        case 'subsection':
          this.subsection(block, path, level, ++subsection, parent, tables);
          break;
        case 'list':
          this.list(block.items, path, level === 4 ? 4 : 3, parent);
          break;
        case 'table':
          if (block.title) {
            const caption = this.text('tableHeader', block.title, this.tree.add('P', parent), [...path, 'title']);
            this.push({ kind: 'text', style: 'subtitle', pieces: [caption], indent: 0, restIndent: 0, keepWithNext: 3, keepTogether: true });
          }
          this.push({ kind: 'table', table: resolveTableBlock(block, path, this.tree, parent, (role, text, struct, p) => this.text(role, text, struct, p), this.places) });
          break;
        case 'statisticsTable': {
          const table = tables.get(block.table);
          if (table) {
            tables.delete(block.table);
            this.statisticsTable(table, parent);
          }
          break;
        }
      }
    });
  }

  subsection(block: Extract<Block, { type: 'subsection' }>, path: PathSegment[], level: 2 | 3 | 4, n: number, parent: StructElement, tables: Map<string, TableDefinition>): void {
    const label = numberLabel(level, n, this.numbering);
    const titlePath = [...path, 'title'];
    const [first, ...rest] = block.blocks;
    if (block.runIn && first?.type === 'paragraph') {
      // A run-in heading (（一）总体情况。正文……): heading and first paragraph share a line.
      const h = this.tree.add(HEADING_TYPE[level], parent);
      const role = HEADING_ROLE[level];
      const title = ENDS_SENTENCE.test(block.title) ? block.title : `${block.title}。`;
      const p = this.tree.add('P', parent);
      this.paragraph([this.text(role, label, this.tree.add('Lbl', h), titlePath, true), this.text(role, title, h, titlePath), this.text('body', first.text, p, [...path, 'blocks', 0, 'text'])]);
      this.resolveBlocks(rest, [...path, 'blocks'], nextLevel(level), parent, tables, 1);
      return;
    }
    this.heading(level, label, this.text(HEADING_ROLE[level], block.title, parent, titlePath), parent);
    this.resolveBlocks(block.blocks, [...path, 'blocks'], nextLevel(level), parent, tables);
  }

  list(items: Extract<Block, { type: 'list' }>['items'], path: PathSegment[], level: 3 | 4, parent: StructElement): void {
    const list = this.tree.add('L', parent);
    items.forEach((item, j) => {
      const itemPath = [...path, 'items', j];
      const li = this.tree.add('LI', list);
      const lbl = this.tree.add('Lbl', li);
      const body = this.tree.add('LBody', li);
      const pieces = [this.text('body', numberLabel(level, j + 1, this.numbering), lbl, itemPath, true)];
      if (item.lead) pieces.push(this.text('heading3', item.lead, body, [...itemPath, 'lead']));
      pieces.push(this.text('body', item.text, body, [...itemPath, 'text']));
      // An item's text that ends no sentence and has paragraphs after it is their heading (4、强化监管，自觉接受群众的监督
      // 和检查): it keeps the first two lines of what follows, as a heading does.
      const heads = (item.paragraphs?.length ?? 0) > 0 && !endsSentence(item.text);
      this.paragraph(pieces, heads ? { keepWithNext: 2 } : {});
      (item.paragraphs ?? []).forEach((text, k) => this.paragraph([this.text('body', text, this.tree.add('P', body), [...itemPath, 'paragraphs', k])]));
    });
  }

  statisticsTable(table: TableDefinition, parent: StructElement): void {
    const statistics = this.report.statistics;
    if (!statistics) return;
    this.push({ kind: 'table', table: resolveStatisticsTable(table, statistics, this.tree, parent, (role, text, struct, p) => this.text(role, text, struct, p)) });
  }
}

function nextLevel(level: 2 | 3 | 4): 3 | 4 {
  return level === 2 ? 3 : 4;
}

/** Whether blocks print anything. */
function printsSomething(blocks: readonly Block[]): boolean {
  return blocks.some((b) =>
    b.type === 'paragraph' ? b.text.trim() !== '' : b.type === 'subsection' ? true : b.type === 'list' ? b.items.some((i) => i.text.trim() !== '' || (i.lead ?? '').trim() !== '') : true,
  );
}

/** Options of `resolveDocument`. */
export interface ResolveOptions {
  /** Numbering of items (1. or 1、), overriding the report's `style.itemNumbering`. */
  readonly itemNumbering?: ItemNumbering;
}

/** Resolves a valid report of a template into the document that will be printed. */
export function resolveDocument(report: Report, template: Template, options: ResolveOptions = {}): ResolvedDocument {
  const r = new Resolver(report, template, options.itemNumbering);
  const { tree } = r;
  const md = report.metadata;
  const title = reportTitle(report);

  // Title, subtitle, one blank line, the preamble.
  const h1 = tree.add('H1');
  r.push({
    kind: 'text',
    style: 'title',
    pieces: [r.text('title', title, h1, md.title === undefined ? 'metadata.agency' : 'metadata.title')],
    indent: 0,
    restIndent: 0,
    keepWithNext: 1,
    keepTogether: true,
    keepWords: [md.agency],
    ...(md.titleLines ? { lines: md.titleLines.map((l) => resolvePlaceholders(l, report.statistics?.values ?? {})) } : {}),
    bookmark: { title, level: 0 },
  });
  if (md.subtitle) {
    r.push({ kind: 'text', style: 'subtitle', pieces: [r.text('heading2', md.subtitle, tree.add('P'), 'metadata.subtitle')], indent: 0, restIndent: 0, keepWithNext: 1, keepTogether: true });
  }
  r.push({ kind: 'blank' });
  report.preamble.forEach((p, i) => r.paragraph([r.text('body', p.text, tree.add('P'), ['preamble', i, 'text'])]));

  // The parts, numbered in order of those present, each template part followed by the report's additional parts that
  // follow it; tables placed in a part follow its text unless a block places them.
  const attached = template.tables.filter((t) => t.placement.kind === 'attachment');
  const additional = report.additionalParts ?? [];
  let n = 0;
  const part = (title: string, titlePath: PathSegment[], generated: boolean, blocks: readonly Block[], blocksPath: PathSegment[], tables: Map<string, TableDefinition>) => {
    const sect = tree.add('Sect');
    const label = numberLabel(1, ++n);
    const partTitle = resolvePlaceholders(title, report.statistics?.values ?? {});
    r.heading(1, label, r.text('heading1', partTitle, sect, titlePath, generated), sect, { title: `${label}${partTitle}`, level: 0 });
    if (!printsSomething(blocks) && !(tables.size > 0 && report.statistics !== undefined)) {
      r.paragraph([r.text('body', template.emptyPartText, tree.add('P', sect), blocksPath, true)]);
      return;
    }
    r.resolveBlocks(blocks, blocksPath, 2, sect, tables);
    for (const table of tables.values()) r.statisticsTable(table, sect);
  };
  const additionalAfter = (key: string | undefined) =>
    additional.forEach((p, i) => {
      if (p.after === key) part(p.title, ['additionalParts', i, 'title'], false, p.blocks, ['additionalParts', i, 'blocks'], new Map());
    });
  for (const def of template.parts) {
    const section = report.sections[def.key];
    if (section) {
      const tables = new Map(template.tables.filter((t) => t.placement.kind === 'part' && t.placement.part === def.key).map((t) => [t.id, t]));
      part(section.title ?? def.title, ['sections', def.key, 'title'], section.title === undefined, section.blocks, ['sections', def.key, 'blocks'], tables);
    }
    additionalAfter(def.key);
  }
  additionalAfter(undefined);

  // The attachment note (附件：…) when a table is appended, then the unsealed signature, kept with the body's last lines.
  const statistics = report.statistics;
  const tableTitle = statistics ? resolvePlaceholders(statistics.title ?? defaultTableTitle(md), statistics.values) : '';
  const withAttachment = attached.length > 0 && statistics !== undefined;
  r.push({ kind: 'blank' });
  if (withAttachment) {
    const note = tree.add('P');
    r.push({
      kind: 'text',
      style: 'note',
      pieces: [r.text('body', '附件：', note, 'statistics.title', true), r.text('body', tableTitle, note, 'statistics.title', true)],
      indent: 2,
      restIndent: 2,
      hanging: true,
      keepWithNext: 3,
      keepWithPrevious: 2,
      keepTogether: true,
      keepWords: [md.agency],
    });
    r.push({ kind: 'blank' });
  }
  const sig = report.signature;
  const offices = sig.offices ?? (sig.office !== undefined ? [sig.office] : []);
  r.push({
    kind: 'signature',
    keepWithPrevious: withAttachment ? 0 : 2,
    offices: offices.map((office, i) => r.text('signature', office, tree.add('P'), sig.offices ? ['signature', 'offices', i] : ['signature', 'office'])),
    date: r.text('signature', formatChineseDate(sig.date, sig.dateStyle ?? 'arabic'), tree.add('P'), 'signature.date', true),
  });

  // The attachment: on a new page, 附件 on line 1, the table title centred from line 3, its subtitle, the table.
  if (withAttachment) {
    for (const table of attached) {
      r.push({ kind: 'pageBreak' });
      const sect = tree.add('Sect');
      const h = tree.add('H1', sect);
      r.push({ kind: 'text', style: 'label', pieces: [r.text('heading1', '附件', h, 'statistics', true)], indent: 0, restIndent: 0, keepWithNext: 2, keepTogether: true, bookmark: { title: '附件', level: 0 } });
      r.push({ kind: 'blank' });
      r.push({
        kind: 'text',
        style: 'title',
        pieces: [r.text('title', tableTitle, tree.add('P', sect), statistics.title === undefined ? 'metadata.agency' : 'statistics.title', true)],
        indent: 0,
        restIndent: 0,
        keepWithNext: 2,
        keepTogether: true,
        keepWords: [md.agency],
        ...(statistics.titleLines ? { lines: statistics.titleLines } : {}),
      });
      if (statistics.subtitle) {
        r.push({ kind: 'text', style: 'subtitle', pieces: [r.text('body', statistics.subtitle, tree.add('P', sect), 'statistics.subtitle')], indent: 0, restIndent: 0, keepWithNext: 2, keepTogether: true });
      }
      r.statisticsTable(table, sect);
      // 表尾 lines (填报单位、负责人 …) under the table, flush left; the first stays with the table's last rows.
      (statistics.footer ?? []).forEach((line, i) => {
        const piece = r.text('table', line, tree.add('P', sect), ['statistics', 'footer', i]);
        r.push({ kind: 'text', style: 'label', pieces: [piece], indent: 0, restIndent: 0, keepWithNext: 0, keepTogether: true, keepWithPrevious: i === 0 ? 2 : 1 });
      });
    }
  }

  const period = `${md.year}年1月1日至${md.year}年12月31日`;
  return {
    metadata: {
      title,
      agency: md.agency,
      year: md.year,
      subject: `${md.agency}${md.year}年度政府信息公开工作年度报告（统计期限：${period}）`,
      keywords: md.keywords && md.keywords.length > 0 ? md.keywords : ['政府信息公开', '年度报告', md.agency, `${md.year}年度`],
      signatureDate: sig.date,
      period,
      ...(md.documentNumber ? { documentNumber: md.documentNumber } : {}),
      ...(md.retentionPeriod ? { retentionPeriod: md.retentionPeriod } : {}),
      classification: md.classification ?? '公开',
      disclosureMode: md.disclosureMode ?? '主动公开',
      template: template.id,
    },
    blocks: r.blocks,
    structure: tree.root,
  };
}
