import { describe, expect, it } from 'vitest';
import {
  collectTexts,
  findHalfwidthInChineseContext,
  normalizePunctuation,
  toFullwidthPunctuation,
  checkReport as validateReport,
} from '../../src/model/index.js';
import { addressRanges } from '../../src/text/addresses.js';
import { loadFixture } from './loadFixture.js';

describe('normalizePunctuation on the seed fixture', () => {
  const original = loadFixture();
  const before = validateReport(original);
  const { report, changes } = normalizePunctuation(original);
  const after = validateReport(report);
  const text = (path: string) => collectTexts(report).find((f) => f.path === path)!.text;

  it('leaves no halfwidth_punctuation warning and keeps every other warning', () => {
    expect(after.warnings.filter((w) => w.code === 'halfwidth_punctuation')).toEqual([]);
    expect(after.warnings.map((w) => w.code).sort()).toEqual(['at_most_violation', 'doubled_punctuation', 'sum_mismatch']);
  });

  it('lists exactly the fields the lint warned about, with their whole text before and after', () => {
    const warned = before.warnings.filter((w) => w.code === 'halfwidth_punctuation').map((w) => w.path);
    expect(changes.map((c) => c.path)).toEqual(warned);
    const originalTexts = new Map(collectTexts(before.report!).map((f) => [f.path, f.text]));
    for (const change of changes) {
      expect(change.before).toBe(originalTexts.get(change.path));
      expect(change.after).toBe(text(change.path));
      expect(change.after).not.toBe(change.before);
    }
  });

  it('does not modify its input', () => {
    expect(original).toEqual(loadFixture());
  });

  it('converts parentheses around a URL and an e-mail address but leaves the addresses and numbers alone', () => {
    const preamble = text('preamble[0].text');
    expect(preamble).toContain('查阅（http://mzj.linyi.gov.cn/info/1040/3628.htm）。');
    expect(preamble).toContain('（地址：临沂市北京路13号707室；邮编：276000；联系电话：0539-7200966；传真：0539-7200917；电子邮箱：lyminzhengju@126.com）。');
    expect(text('sections.otherMatters.blocks[0].text')).toContain('电子邮箱：（lyminzhengju@126.com）。');
    // A space between Chinese text and a number prints as a gap of its own: removed with the others (stray_whitespace).
    expect(preamble).toContain('并公开2017年度');
  });

  it('removes the space after a replaced comma between Chinese characters', () => {
    expect(text('sections.confidentialityReview.blocks[0].text')).toContain('整改措施，“天珣');
  });

  it('keeps the wording otherwise unchanged (only the marks and those spaces differ)', () => {
    for (const change of changes) {
      const strip = (s: string) => s.replace(/[,;:()?!，；：（）？！ ]/g, '');
      expect(strip(change.after)).toBe(strip(change.before));
    }
  });

  it('is idempotent', () => {
    expect(normalizePunctuation(report).changes).toEqual([]);
  });
});

describe('Chinese context (shared by the lint and the normaliser)', () => {
  const cases: Array<[string, string]> = [
    ['2017年,临沂', '2017年，临沂'],
    ['共1,000条', '共1,000条'],
    ['增长3.5%', '增长3.5%'],
    ['时间10:30开会', '时间10:30开会'],
    ['Hello, world!', 'Hello, world!'],
    ['电话(0539)7200966', '电话（0539）7200966'],
    ['见(www.linyi.gov.cn)。', '见（www.linyi.gov.cn）。'],
    ['网址https://a.cn/x?a=1,b=2:3,然后', '网址https://a.cn/x?a=1,b=2:3，然后'],
    ['邮箱:a_b@c.gov.cn,电话', '邮箱：a_b@c.gov.cn，电话'],
    ['是吗?是!', '是吗？是！'],
    ['措施 , 天珣', '措施，天珣'],
    ['第2,3项', '第2,3项'],
    ['（已有全角）', '（已有全角）'],
    ['𠀀,𠀁', '𠀀，𠀁'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(toFullwidthPunctuation(input)).toBe(expected);
      const changed = input !== expected;
      expect(findHalfwidthInChineseContext(input).length > 0).toBe(changed);
    });
  }

  it('reports each mark with its offset and replacement', () => {
    expect(findHalfwidthInChineseContext('年,临(一)')).toEqual([
      { index: 1, mark: ',', replacement: '，' },
      { index: 3, mark: '(', replacement: '（' },
      { index: 5, mark: ')', replacement: '）' },
    ]);
  });
});

describe('URL and e-mail detection', () => {
  const found = (text: string) => addressRanges(text).map(([s, e]) => text.slice(s, e));

  it('finds URLs without trailing punctuation and e-mail addresses', () => {
    expect(found('查阅(http://mzj.linyi.gov.cn/info/1040/3628.htm)。')).toEqual(['http://mzj.linyi.gov.cn/info/1040/3628.htm']);
    expect(found('见www.linyi.gov.cn,或HTTPS://A.cn/x?a=1.')).toEqual(['www.linyi.gov.cn', 'HTTPS://A.cn/x?a=1']);
    expect(found('电子邮箱:(lyminzhengju@126.com)。')).toEqual(['lyminzhengju@126.com']);
  });

  it('ignores things that only look like addresses', () => {
    expect(found('a@b 和 @某人 以及 x@y.1')).toEqual([]);
  });
});
