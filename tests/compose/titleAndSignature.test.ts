/** Titles wrapped symmetrically without splitting words; signature placement; page-number options. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, geometryOf, type LayoutOptions } from '../../src/compose/layoutOptions.js';
import { setTitle, wordRanges } from '../../src/compose/title.js';
import { LABEL_WORDS, TITLE_WORDS } from '../../src/text/titleWords.js';
import { Typesetter } from '../../src/compose/typesetter.js';
import type { TextItem } from '../../src/compose/page.js';
import { resolveFonts } from '../../src/fonts/fontSet.js';
import { compose, fixture } from '../helpers/composed.js';

const ts = new Typesetter(resolveFonts(), geometryOf(DEFAULT_LAYOUT), DEFAULT_LAYOUT);
const g = ts.geometry;

const TITLES = [
  ['临沂市民政局2017年度政府信息公开工作年度报告', '临沂市民政局'],
  ['山东省人力资源和社会保障厅2017年度政府信息公开工作年度报告（含所属事业单位）', '山东省人力资源和社会保障厅'],
  ['中华人民共和国国家发展和改革委员会2018年度政府信息公开工作年度报告', '中华人民共和国国家发展和改革委员会'],
  ['宁波市海曙区档案局2015年度政府信息公开工作情况统计表', '宁波市海曙区档案局'],
  ['中国（山东）自由贸易试验区济南片区管理委员会2018年度政府信息公开工作年度报告', '中国（山东）自由贸易试验区济南片区管理委员会'],
  ['济南市历城区人民政府港沟街道办事处2018年度政府信息公开工作年度报告', '济南市历城区人民政府港沟街道办事处'],
  ['日照市人民政府办公室2018年度政府信息公开工作年度报告', '日照市人民政府办公室'],
  ['江干区行政审批服务管理办公室(公共资源交易管理委员会办公室)2017年度政府信息公开工作年度报告', '江干区行政审批服务管理办公室(公共资源交易管理委员会办公室)'],
] as const;

/** Words no title line may split, besides an agency's name that fits one line. */
const NEVER_SPLIT = ['政府信息公开', '年度报告', '委员会', '办公室', '办事处', '人民政府', '年度', '工作', '报告'];

describe('symmetric titles', () => {
  it.each(TITLES)('%s', (title, agency) => {
    const lines = setTitle(ts, 'title', title, [agency]);
    expect(lines.map((l) => l.text).join('')).toBe(title);
    if (lines.length === 1) return;
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(g.width + 0.01);
    // never a last line of one or two characters
    expect([...lines.at(-1)!.text].length).toBeGreaterThanOrEqual(3);
    // words stay whole: no line boundary falls inside a title word, nor inside the agency's name when it fits a line
    const nameFits = ts.width('title', agency) <= g.width;
    for (let i = 0; i + 1 < lines.length; i++) {
      const joint = lines[i]!.text + '\u0000' + lines[i + 1]!.text;
      const cut = lines.slice(0, i + 1).reduce((n, l) => n + l.text.length, 0);
      for (const word of [...NEVER_SPLIT, ...(nameFits ? [agency] : [])]) {
        for (let at = title.indexOf(word); at >= 0; at = title.indexOf(word, at + 1)) {
          expect(at < cut && cut < at + word.length, `${joint} splits ${word}`).toBe(false);
        }
      }
      // inside a longer name, only after an administrative unit or an organisation word
      const inName = title.indexOf(agency) < cut && cut < title.indexOf(agency) + agency.length;
      if (inName) expect(lines[i]!.text, joint).toMatch(/(省|市|区|县|镇|街道|人民政府|委员会|办公室|办事处|管理局|局|片区|[)），])$/);
    }
    // balanced: lines differ by less than half the measure (a parenthetical last line may be short), and are centred
    const widths = lines.map((l) => l.width);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(g.width / 2);
    for (const l of lines) expect(l.x + l.width / 2).toBeCloseTo(g.width / 2, 1);
  });
});

describe('wordRanges', () => {
  it('finds in a long word list (looked up by first character) every occurrence a search word by word finds', () => {
    const texts = ['linyi-minzheng-2017', 'huaian-shi-2024', 'pingtan-scjgj-2019'].flatMap((name) => JSON.stringify(fixture(name)).split(/[“”"]/));
    const bySearch = (text: string, words: readonly string[]) =>
      words.flatMap((word) => [...text.matchAll(new RegExp(word, 'g'))].map((m) => `${m.index},${m.index + word.length}`)).sort();
    let found = 0;
    for (const words of [TITLE_WORDS, LABEL_WORDS, [...LABEL_WORDS, '政府信息公开工作年度报告', '公开']]) {
      expect(words.length).toBeGreaterThan(16);
      for (const text of texts) {
        const ranges = wordRanges(text, words).map(([s, e]) => `${s},${e}`).sort();
        expect(ranges, text).toEqual(bySearch(text, words));
        found += ranges.length;
      }
    }
    expect(found).toBeGreaterThan(1000);
    // Names (a short list) are searched word by word, overlapping occurrences included.
    expect(wordRanges('临沂市临沂市民政局', ['临沂市', '临沂市民政局', '市临'])).toEqual([[0, 3], [3, 6], [3, 9], [2, 4]]);
  });
});

describe('signature', () => {
  const lastItems = (doc: ReturnType<typeof compose>) => {
    const page = doc.pages.find((p) => p.items.some((i) => i.kind === 'text' && /^\d{4}年\d+月\d+日$/.test(i.line.text)))!;
    const texts = page.items.filter((i): i is TextItem => i.kind === 'text' && !i.artifact);
    const date = texts.findIndex((i) => /^\d{4}年\d+月\d+日$/.test(i.line.text));
    return { office: texts[date - 1]!, date: texts[date]! };
  };

  it('moves the office left when the date is longer than the name', () => {
    const report = fixture('linyi-minzheng-2017');
    report.signature.office = '民政局';
    report.signature.date = '2018-12-31';
    const { office, date } = lastItems(compose(report, { layout: {} }));
    const right = (i: TextItem) => i.x + i.line.x + i.line.width;
    expect(right(date)).toBeCloseTo(g.left + g.width - 2 * g.cell, 2);
    expect(date.x + date.line.x).toBeCloseTo(office.x + office.line.x + 2 * g.cell, 2);
    expect(date.line.text).toBe('2018年12月31日');
  });
});

/** The signature's lines (the office's, then the date) of the seed signed by `office`. */
function signatureLines(office: string): TextItem[] {
  const report = fixture('linyi-minzheng-2017');
  report.signature.office = office;
  return compose(report).pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'signature'));
}

describe('a signature office longer than the line', () => {
  it('wraps the office two cells in from the right and keeps the date inside the type area', () => {
    const office = '中华人民共和国国家发展和改革委员会办公厅政府信息公开工作领导小组办公室';
    const items = signatureLines(office);
    expect(items.map((i) => i.line.text).join('')).toBe(office + '2018年1月21日');
    for (const i of items) {
      expect(i.x + i.line.x).toBeGreaterThanOrEqual(g.left - 0.01);
      expect(i.x + i.line.x + i.line.width).toBeLessThanOrEqual(g.left + g.width - 2 * g.cell + 0.01);
    }
    const lastOffice = items[items.length - 2]!;
    const date = items[items.length - 1]!;
    expect(date.x + date.line.x).toBeCloseTo(lastOffice.x + lastOffice.line.x + 2 * g.cell, 2);
  });
});

describe('a signature office of two names', () => {
  it('breaks between the names (after 办公室), never inside a word, each line two cells in from the right', () => {
    const items = signatureLines('江干区行政审批服务管理办公室(公共资源交易管理委员会办公室)');
    expect(items.map((i) => i.line.text)).toEqual(['江干区行政审批服务管理办公室', '(公共资源交易管理委员会办公室)', '2018年1月21日']);
    for (const i of items.slice(0, 2)) expect(i.x + i.line.x + i.line.width).toBeCloseTo(g.left + g.width - 2 * g.cell, 1);
  });
});

describe('page numbers', () => {
  it('can be centred', () => {
    const layout: Partial<LayoutOptions> = { pageNumberPosition: 'center' };
    const doc = compose(fixture('short-sections-2015'), { layout });
    for (const page of doc.pages) {
      const n = page.items.find((i): i is TextItem => i.kind === 'text' && i.role === 'pageNumber')!;
      expect(n.x + n.line.x + n.line.width / 2).toBeCloseTo(g.left + g.width / 2, 1);
    }
  });
});

describe('a table row taller than a page (a very long note)', () => {
  it('is split across pages under repeated headers, never running off the type area', () => {
    const report = fixture('linyi-minzheng-2017');
    report.statistics!.notes = { 'applications.received': '含网上申请和信函申请'.repeat(150) };
    const doc = compose(report);
    const pagesWithNote = doc.pages.filter((p) => p.items.some((i) => i.kind === 'text' && !i.artifact && i.line.text.includes('信函申请含网上')));
    expect(pagesWithNote.length).toBeGreaterThanOrEqual(2);
    for (const page of doc.pages) {
      for (const i of page.items) {
        if (i.kind === 'text' && i.role !== 'pageNumber') expect(i.baseline).toBeLessThanOrEqual(g.top + g.height + 0.01);
        if (i.kind === 'rule') expect(Math.max(i.y1, i.y2)).toBeLessThanOrEqual(g.top + g.height + 0.01);
      }
    }
  });
});
