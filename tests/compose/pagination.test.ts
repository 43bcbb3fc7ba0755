/** Layout rules checked on composed pages (no PDF involved). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, geometryOf } from '../../src/compose/layoutOptions.js';
import type { ComposedDocument, TextItem } from '../../src/compose/page.js';
import { paginate, type FlowPage } from '../../src/compose/paginate.js';
import type { FlowItem } from '../../src/compose/flow.js';
import type { TableLayout } from '../../src/compose/table.js';
import type { Block, Report } from '../../src/model/types.js';
import { allLines, compose, contentItems, fixture, ideographCount, structureIndex } from '../helpers/composed.js';

const g = geometryOf(DEFAULT_LAYOUT);
const seed = compose(fixture('linyi-minzheng-2017'));

/** A seeded pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = ['进一步规范政府信息公开工作流程，', '按照《条例》要求完善主动公开目录，', '全年共办理群众来信来访393件次，', '通过门户网站公开政府信息1200余条。', '加强政策解读和回应关切工作。', '认真做好依申请公开答复工作；'];

/** Reports of random shape (paragraph lengths, subsections, lists), all valid. */
function randomReport(seed: number): Report {
  const rnd = random(seed);
  const base = fixture('linyi-minzheng-2017');
  const para = (): { type: 'paragraph'; text: string } => ({ type: 'paragraph', text: Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => SENTENCES[Math.floor(rnd() * SENTENCES.length)]).join('') });
  for (const key of Object.keys(base.sections) as (keyof Report['sections'])[]) {
    const blocks: Block[] = [];
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.6) blocks.push(para());
      else if (r < 0.85) blocks.push({ type: 'subsection', title: '工作推进情况', blocks: [para(), ...(rnd() < 0.5 ? [para()] : [])] });
      else blocks.push({ type: 'list', items: [{ lead: '网站公开。', text: para().text }, { text: para().text }] });
    }
    base.sections[key] = { blocks };
  }
  return base;
}

const documents: Array<[string, ComposedDocument]> = [['seed', seed], ...[1, 2, 3, 4, 5, 6].map((s): [string, ComposedDocument] => [`random ${s}`, compose(randomReport(s))])];

describe.each(documents)('pagination rules: %s', (_, doc) => {
  const { node, parent } = structureIndex(doc);
  const lines = allLines(doc);
  const bodyEnd = lines.findIndex((l) => l.item.line.text === '附件');

  it('never ends a page with a heading, and keeps two following lines with it', () => {
    lines.slice(0, bodyEnd).forEach((l, i) => {
      const type = node.get(l.node)?.type;
      if (type !== 'H1' && type !== 'H2') return;
      const next = lines[i + 1];
      expect(next, `heading ${l.item.line.text}`).toBeDefined();
      expect(next!.page, `heading ${l.item.line.text} is the last line of page ${l.page + 1}`).toBe(l.page);
      const after = lines[i + 2];
      const nextType = node.get(next!.node)?.type;
      if (after && after.node === next!.node && nextType !== 'H1' && nextType !== 'H2') expect(after.page, `second line after ${l.item.line.text}`).toBe(l.page);
    });
  });

  it('leaves no single line of a paragraph of three or more lines at the foot or head of a page', () => {
    const byNode = new Map<number, number[]>();
    lines.slice(0, bodyEnd).forEach((l) => byNode.set(l.node, [...(byNode.get(l.node) ?? []), l.page]));
    for (const [id, pages] of byNode) {
      if (pages.length < 3 || node.get(id)?.type === 'H1') continue;
      const counts = [...new Set(pages)].map((p) => pages.filter((q) => q === p).length);
      expect(Math.min(...counts), `paragraph ${id} split as ${counts.join('+')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('never ends a paragraph with a line of a single ideograph', () => {
    const last = new Map<number, TextItem>();
    for (const l of lines.slice(0, bodyEnd)) last.set(l.node, l.item);
    for (const [id, item] of last) {
      if (node.get(id)?.type !== 'P' && node.get(id)?.type !== 'LBody') continue;
      expect(ideographCount(item.line.text) === 1 && !/[A-Za-z0-9]/.test(item.line.text), `lonely line “${item.line.text}”`).toBe(false);
    }
  });

  it('keeps every body line on the 22-line grid and never leaves a page empty', () => {
    for (let p = 0; p < doc.pages.length; p++) {
      const items = contentItems(doc, p);
      expect(items.length, `page ${p + 1} is empty`).toBeGreaterThan(0);
    }
    for (const l of lines.slice(0, bodyEnd)) {
      const slot = (l.item.baseline - g.top) / g.linePitch;
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(slot).toBeLessThan(DEFAULT_LAYOUT.linesPerPage);
    }
  });

  it('keeps the signature on the page of the last lines of the body, office two cells in from the right', () => {
    const date = lines.findIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.item.line.text));
    const office = lines[date - 1]!;
    expect(office.page).toBe(lines[date]!.page);
    expect(lines[date - 2]!.page, 'attachment note with the signature').toBe(office.page);
    const officeRight = office.item.x + office.item.line.x + office.item.line.width;
    expect(officeRight).toBeCloseTo(g.left + g.width - 2 * g.cell, 2);
    const officeLeft = office.item.x + office.item.line.x;
    const dateLeft = lines[date]!.item.x + lines[date]!.item.line.x;
    expect(dateLeft).toBeCloseTo(officeLeft + 2 * g.cell, 2);
  });

  it('repeats the table header with 续表 on every page the table reaches, and never splits a row', () => {
    const attachment = doc.pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.line.text === '附件'));
    for (let p = attachment; p < doc.pages.length; p++) {
      const texts = doc.pages[p]!.items.filter((i): i is TextItem => i.kind === 'text').map((i) => i.line.text);
      expect(texts, `page ${p + 1}`).toContain('统计数');
      if (p > attachment) expect(texts[0], `page ${p + 1}`).toBe('续表');
    }
    const rowPages = new Map<number, Set<number>>();
    doc.pages.forEach((page, p) =>
      contentItems(doc, p).forEach((item) => {
        const cell = node.get(item.structs[0]!);
        if (cell?.type !== 'TD' && cell?.type !== 'TH') return;
        const row = parent.get(cell.id)!.id;
        rowPages.set(row, (rowPages.get(row) ?? new Set()).add(p));
      }),
    );
    expect(rowPages.size).toBeGreaterThan(60);
    for (const pages of rowPages.values()) expect(pages.size).toBe(1);
  });

  it('numbers pages — n — 7 mm below the type area, odd pages right and even pages left', () => {
    doc.pages.forEach((page, p) => {
      const number = page.items.find((i): i is TextItem => i.kind === 'text' && i.role === 'pageNumber')!;
      expect(number.line.text).toBe(`— ${p + 1} —`);
      expect(number.artifact).toBe(true);
      const left = number.x + number.line.x;
      const right = left + number.line.width;
      const cell = (g.cell / 16) * 14;
      if ((p + 1) % 2 === 1) expect(right).toBeCloseTo(g.left + g.width - cell, 2);
      else expect(left).toBeCloseTo(g.left + cell, 2);
      expect(number.baseline).toBeGreaterThan(g.top + g.height + 7 * (72 / 25.4));
    });
  });
});

describe('a list item whose text ends no sentence and heads its paragraphs', () => {
  it('is never the last line of a page, and keeps two lines of its first paragraph with it', () => {
    const heading = '强化监管，自觉接受群众的监督和检查';
    const para = `${'一是加大政务公开宣传力度，通过电视、报刊等媒体向纳税人宣传税收政策。'.repeat(3)}`;
    for (let k = 0; k < 24; k++) {
      // k one-line paragraphs before the list move the item down the page, line by line.
      const report = fixture('pingtan-xzf-2012');
      report.sections['overview'] = {
        blocks: [
          ...Array.from({ length: k }, () => ({ type: 'paragraph' as const, text: '推进政务公开。' })),
          { type: 'list', items: [{ text: '加强组织领导。', paragraphs: [para] }, { text: heading, paragraphs: [para, para] }] },
        ],
      };
      const lines = allLines(compose(report));
      const at = lines.findIndex((l) => l.item.line.text.endsWith(heading));
      expect(at, `k = ${k}`).toBeGreaterThan(-1);
      expect([lines[at + 1]!.page, lines[at + 2]!.page], `k = ${k}: ${heading} on page ${lines[at]!.page + 1}`).toEqual([lines[at]!.page, lines[at]!.page]);
    }
  });
});

describe('a paragraph that introduces a table (…见下表。)', () => {
  it('is never left at a page foot without the table\'s first rows', () => {
    for (let k = 0; k < 24; k++) {
      const report = fixture('pingtan-xzf-2012');
      report.sections['overview'] = {
        blocks: [
          ...Array.from({ length: k }, () => ({ type: 'paragraph' as const, text: '推进政务公开。' })),
          { type: 'paragraph', text: '本年度政务新媒体发布情况见下表。' },
          { type: 'table', title: '政务新媒体发布情况', header: [['平台', '发布信息（条）']], rows: [['门户网站', '1,258'], ['政务微博', '846'], ['政务微信', '412']] },
        ],
      };
      const lines = allLines(compose(report));
      const lead = lines.find((l) => l.item.line.text === '本年度政务新媒体发布情况见下表。')!;
      const row = lines.find((l) => l.item.line.text === '门户网站')!;
      expect(row.page, `k = ${k}`).toBe(lead.page);
    }
  });
});

describe('paginate', () => {
  const lineOf = { start: 0, end: 1, text: '字', x: 0, width: 16, spacing: 0, runs: [], last: true };
  const blank = (keep: boolean): FlowItem => ({ kind: 'blank', keepWithNext: keep });
  const text = (keep: boolean): FlowItem => ({ kind: 'line', role: 'body', x: 0, line: lineOf, structs: [], keepWithNext: keep });
  const ranges = (pages: FlowPage[]) => pages.map((p) => [p.placements[0]!.item, p.placements.at(-1)!.item + 1]);
  /** A table whose header is two lines tall and whose body rows are one and a half lines tall. */
  const table = { headerHeight: 2 * g.linePitch, header: [], body: [] } as unknown as TableLayout;
  const row = (index: number, keep = false): FlowItem => ({ kind: 'row', table, row: { cells: [], height: 1.5 * g.linePitch, keepWithNext: keep, struct: 0, index, header: false }, keepWithNext: keep });

  it('ends a page before a run of kept lines rather than inside it', () => {
    const flow = [...Array.from({ length: 20 }, () => text(false)), text(true), text(true), text(false), text(false)];
    expect(ranges(paginate(flow, g))).toEqual([[0, 20], [20, 24]]);
  });

  it('fills the page when the keeps cannot all hold, never leaving a page empty', () => {
    const flow = Array.from({ length: 30 }, () => text(true));
    expect(ranges(paginate(flow, g))).toEqual([[0, 22], [22, 30]]);
  });

  it('never opens a page with a blank line, and starts one at a page break', () => {
    const flow = [...Array.from({ length: 22 }, () => text(false)), blank(false), text(false), { kind: 'pageBreak', keepWithNext: false } as FlowItem, text(false)];
    expect(ranges(paginate(flow, g))).toEqual([[0, 22], [23, 24], [25, 26]]);
  });

  it('opens a page that continues a table with 续表 and the header rows, and puts text after a table back on the grid', () => {
    const flow = [...Array.from({ length: 18 }, () => text(false)), ...Array.from({ length: 6 }, (_, i) => row(i)), text(false)];
    const pages = paginate(flow, g);
    // 18 lines and two rows of 1.5 lines fill 21 of the 22 lines; the third row goes over.
    expect(ranges(pages)).toEqual([[0, 20], [20, 25]]);
    expect(pages[1]!.continues).toBe(table);
    expect(pages[1]!.placements[0]!.top).toBeCloseTo(g.top + 3 * g.linePitch, 6);
    // Four rows of 1.5 lines end at 9 lines from the top; the line after them starts on line 10 of the grid.
    expect(pages[1]!.placements.at(-1)!.top).toBeCloseTo(g.top + 9 * g.linePitch, 6);
  });

  it('never ends a page after a row that keeps with the next', () => {
    const flow = [...Array.from({ length: 18 }, () => text(false)), row(0), row(1, true), row(2), row(3)];
    expect(ranges(paginate(flow, g))).toEqual([[0, 19], [19, 22]]);
  });
});
