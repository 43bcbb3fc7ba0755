/**
 * The tagged structure read back from the PDF: tables are Table > THead/TBody > TR > TH/TD, header cells carry a
 * Scope, spanning cells ColSpan and RowSpan (PDF 32000 §14.8.5.7), so assistive technology can find the headers of
 * any value; parts are Sect > H1, headings H2–H4, lists L > LI > Lbl + LBody.
 */
import { describe, expect, it } from 'vitest';
import { PdfFile, PdfName, PdfRef, type PdfDict, type PdfValue } from '../../src/textstream/objects.js';
import { STATISTICS_ROWS } from '../../src/index.js';
import { renderFixture } from '../textstream/fixtures.js';

interface Element {
  type: string;
  attributes: Record<string, string | number>;
  children: Element[];
}

/** The structure tree of a PDF, from /StructTreeRoot down (marked content references are left out). */
function structureTree(pdf: Uint8Array): Element {
  const file = new PdfFile(pdf);
  const dict = (v: PdfValue | undefined) => (file.resolve(v) instanceof Map ? (file.resolve(v) as PdfDict) : undefined);
  const read = (d: PdfDict): Element => {
    const s = file.resolve(d.get('S'));
    const a = dict(d.get('A'));
    const attributes: Record<string, string | number> = {};
    if (a) for (const [k, v] of a) attributes[k] = v instanceof PdfName ? v.name : (v as number);
    const kids = file.resolve(d.get('K'));
    const list = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
    // A kid is an element (by reference, or a direct dictionary for an element without content), an MCID or a
    // marked-content reference (which has no /S).
    const children = list.flatMap((k) => {
      const child = k instanceof PdfRef ? dict(k) : k instanceof Map ? (k as PdfDict) : undefined;
      return child && child.has('S') ? [read(child)] : [];
    });
    return { type: s instanceof PdfName ? s.name : '?', attributes, children };
  };
  const root = dict(dict(file.trailer.get('Root'))!.get('StructTreeRoot'))!;
  return { type: 'StructTreeRoot', attributes: {}, children: read({ get: (k: string) => root.get(k), has: (k: string) => root.has(k) } as PdfDict).children };
}

function all(e: Element, type: string): Element[] {
  return [...(e.type === type ? [e] : []), ...e.children.flatMap((c) => all(c, type))];
}

describe('the structure tree of a 2021 report', async () => {
  const tree = structureTree(await renderFixture('huaian-shi-2024'));
  const tables = all(tree, 'Table');

  it('has the three tables, each with its rows under THead and TBody', () => {
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      expect(t.children.map((c) => c.type).every((type) => type === 'THead' || type === 'TBody')).toBe(true);
      for (const group of t.children) expect(group.children.every((r) => r.type === 'TR')).toBe(true);
    }
  });

  it('gives table 三 its 7 value columns, 25 rows and the spans of the official form', () => {
    const three = tables[1]!;
    const body = three.children.find((c) => c.type === 'TBody')!;
    expect(body.children).toHaveLength(25);
    expect(all(body, 'TD')).toHaveLength(175);
    const head = three.children.find((c) => c.type === 'THead')!;
    expect(head.children).toHaveLength(3);
    const th = all(head, 'TH');
    // The corner note spans 3 columns and 3 rows; 申请人情况 spans the 7 value columns.
    expect(th[0]!.attributes).toEqual({ O: 'Table', Scope: 'Both', ColSpan: 3, RowSpan: 3 });
    expect(th[1]!.attributes).toEqual({ O: 'Table', Scope: 'Column', ColSpan: 7 });
    // 三、本年度办理结果 heads 22 rows.
    const rowHeaders = all(body, 'TH');
    expect(rowHeaders.some((h) => h.attributes.RowSpan === 22 && h.attributes.Scope === 'Row')).toBe(true);
  });

  it('gives table 四 its 15 values and a header of three rows', () => {
    const four = tables[2]!;
    expect(all(four, 'TD')).toHaveLength(15);
    expect(four.children.find((c) => c.type === 'THead')!.children).toHaveLength(3);
  });

  it('tags the six parts as Sect > H1', () => {
    const sects = all(tree, 'Sect');
    expect(sects).toHaveLength(6);
    for (const s of sects) expect(s.children[0]!.type).toBe('H1');
  });
});

describe('the structure tree of the seed', async () => {
  const tree = structureTree(await renderFixture('linyi-minzheng-2017'));

  it('heads each table row with a TH of scope Row and gives its value a TD', () => {
    const [table] = all(tree, 'Table');
    const body = table!.children.find((c) => c.type === 'TBody')!;
    expect(body.children).toHaveLength(STATISTICS_ROWS.length);
    for (const row of body.children) {
      expect(row.children[0]!.type).toBe('TH');
      expect(row.children[0]!.attributes.Scope).toBe('Row');
    }
    const head = table!.children.find((c) => c.type === 'THead')!;
    expect(all(head, 'TH').map((h) => h.attributes.Scope)).toEqual(['Column', 'Column', 'Column']);
  });

  it('tags lists as L > LI > Lbl + LBody', () => {
    const items = all(tree, 'LI');
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const li of items) expect(li.children.map((c) => c.type)).toEqual(['Lbl', 'LBody']);
  });
});
