/**
 * Lines kept from render to render: short texts, table labels and natural widths are set once per font and setting
 * (Typesetter.set, cellLines, Typesetter.width), and serve every later report that prints them. What is served must
 * be exactly what would be set anew: no setting that changes a line may be left out of their keys.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LAYOUT, geometryOf } from '../../src/compose/layoutOptions.js';
import type { TextItem } from '../../src/compose/page.js';
import { Typesetter } from '../../src/compose/typesetter.js';
import { resolveFonts } from '../../src/fonts/fontSet.js';
import { FONT_ROLES } from '../../src/model/fontRole.js';
import { breakLines } from '../../src/typeset/breakLines.js';
import { compose, fixture } from '../helpers/composed.js';

type Lib = typeof import('../../src/index.js');

/** The library as a new process would load it: nothing set yet. */
async function freshLibrary(): Promise<Lib> {
  vi.resetModules();
  return (await import('../../src/index.js')) as Lib;
}

const textItems = (doc: ReturnType<typeof compose>): TextItem[] => doc.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text'));

describe('lines kept from render to render', () => {
  it("serves a table's labels to the next report, another agency's, and sets its values anew", () => {
    const first = compose(fixture('huaian-shi-2024'));
    const report = fixture('huaian-shi-2024');
    // Another agency, other figures: a value differs from report to report, a label does not.
    (report as unknown as { metadata: { agency: string } }).metadata.agency = '淮安市淮阴区人民政府';
    const values = (report as unknown as { statistics: { values: Record<string, unknown> } }).statistics.values;
    for (const key of Object.keys(values)) if (typeof values[key] === 'number') values[key] = (values[key] as number) * 3 + 1;
    const second = compose(report);
    const a = textItems(first);
    const b = textItems(second);
    const isLabel = (i: TextItem) => (i.role === 'table' || i.role === 'tableHeader') && /\p{Script=Han}/u.test(i.line.text);
    const firstLines = new Set(a.map((i) => i.line));
    const labels = b.filter(isLabel);
    expect(labels.length).toBeGreaterThan(50);
    // The same objects: set in the first render, served to the second (most of them: a column the larger figures
    // widen sets its labels at another width).
    const served = labels.filter((i) => firstLines.has(i.line));
    expect(served.length).toBeGreaterThan(labels.length / 2);
    // A count of the first report that the second does not print is set in the first only.
    const aTexts = new Set(a.map((i) => i.line.text));
    const bTexts = new Set(b.map((i) => i.line.text));
    expect([...aTexts].some((t) => /^\d+$/.test(t) && !bTexts.has(t))).toBe(true);
  });

  it('gives the same PDF whether or not other reports and settings were rendered before', async () => {
    const name = 'huaian-shi-2024';
    const alone = Buffer.from(await (await freshLibrary()).renderReport(fixture(name)));
    const lib = await freshLibrary();
    // Each setting changes the lines of this report (so each would be served wrongly if its key left it out).
    const settings = [
      { layout: { compressPunctuation: true } },
      { layout: { lineBreaking: 'greedy' as const } },
      { layout: { strictness: 'strict' as const } },
      { sizes: { table: 9 } },
      { sizes: { tableHeader: 9.5 } },
    ];
    for (const options of settings) {
      const other = Buffer.from(await lib.renderReport(fixture(name), options));
      expect(Buffer.compare(other, alone), JSON.stringify(options)).not.toBe(0);
    }
    await lib.renderReport(fixture('linyi-minzheng-2017'));
    await lib.renderReport(fixture('shanghai-stcsm-2024'));
    expect(Buffer.compare(Buffer.from(await lib.renderReport(fixture(name))), alone)).toBe(0);
  });
});

describe("a typesetter's key", () => {
  it('changes with every layout option and every font size', () => {
    const keyOf = (layout: typeof DEFAULT_LAYOUT, sizes = {}) => new Typesetter(resolveFonts({ sizes }), geometryOf(layout), layout).key;
    const base = keyOf(DEFAULT_LAYOUT);
    expect(keyOf({ ...DEFAULT_LAYOUT })).toBe(base);
    const other = (value: unknown): unknown =>
      typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : value === 'gb' ? 'strict' : value === 'optimal' ? 'greedy' : value === 'outside' ? 'center' : `${String(value)}?`;
    for (const name of Object.keys(DEFAULT_LAYOUT) as (keyof typeof DEFAULT_LAYOUT)[]) {
      expect(keyOf({ ...DEFAULT_LAYOUT, [name]: other(DEFAULT_LAYOUT[name]) }), name).not.toBe(base);
    }
    expect(keyOf({ ...DEFAULT_LAYOUT, itemNumbering: 'comma' })).not.toBe(base);
    for (const role of FONT_ROLES) expect(keyOf(DEFAULT_LAYOUT, { [role]: 11.25 }), role).not.toBe(base);
  });
});

describe('short texts kept by Typesetter.set', () => {
  it('serves a text only the lines of its own setting: each option in turn, after every other', () => {
    const fonts = resolveFonts();
    const geometry = geometryOf(DEFAULT_LAYOUT);
    const ts = new Typesetter(fonts, geometry, DEFAULT_LAYOUT);
    // A short text whose lines each option below changes (the widths of its lines, or where they break).
    const text = '（一）主动公开政府信息情况，网址www.gov.cn。';
    const variants = [
      {},
      { measure: 100 },
      { align: 'left' as const, measure: 100 },
      { align: 'center' as const, measure: 100 },
      { indent: 32, measure: 100 },
      { restIndent: 32, measure: 100 },
      { keepTogether: [[5, 11]] as const, measure: 100 },
      { avoidBreaks: [[4, 6]] as const, measure: 100 },
      { size: 12, measure: 100 },
    ];
    const set = (v: (typeof variants)[number], role: 'body' | 'heading2' = 'body') => ts.set([{ role, text }], v);
    const anew = (v: (typeof variants)[number], role: 'body' | 'heading2' = 'body') =>
      breakLines([{ text, font: fonts[role].stack, size: v.size ?? fonts[role].size }], {
        measure: v.measure ?? geometry.width,
        align: v.align ?? 'justify',
        indent: v.indent ?? 0,
        restIndent: v.restIndent ?? 0,
        cellEm: geometry.cell / fonts.body.size,
        strictness: DEFAULT_LAYOUT.strictness,
        compressPunctuation: DEFAULT_LAYOUT.compressPunctuation,
        lineBreaking: DEFAULT_LAYOUT.lineBreaking,
        ...(v.keepTogether ? { keepTogether: v.keepTogether } : {}),
        ...(v.avoidBreaks ? { avoidBreaks: v.avoidBreaks } : {}),
      });
    // Each line's text and where its glyphs stand.
    const shape = (lines: readonly ReturnType<typeof anew>[number][]) => lines.map((l) => `${l.text}@${l.runs.flatMap((r) => [...r.x].map((x) => x.toFixed(3))).join(',')}`);
    const shapes = variants.map((v) => shape(anew(v)));
    // Every variant is set unlike every other (else the test could not see the lines of another served).
    for (let i = 0; i < variants.length; i++) for (let j = 0; j < i; j++) expect(shapes[i], `${JSON.stringify(variants[i])} ${JSON.stringify(variants[j])}`).not.toEqual(shapes[j]);
    for (let round = 0; round < 2; round++) {
      variants.forEach((v, i) => expect(shape(set(v)), JSON.stringify(v)).toEqual(shapes[i]));
      // Another role with another font size, at the same options.
      expect(shape(set(variants[1]!, 'heading2'))).toEqual(shape(anew(variants[1]!, 'heading2')));
    }
    // A repeat is the same lines, not lines set anew.
    expect(set(variants[3]!)).toBe(set(variants[3]!));
  });
});
