/**
 * CMS damage warned about and repaired (one definition each: the lint warns about exactly what normalizePunctuation
 * fixes), every fault of a report in one answer, and the checks of fields that reach the PDF's metadata.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, normalizePunctuation, type Report } from '../../src/model/index.js';
import { validateReport } from '../../src/index.js';
import { loadFixture } from './loadFixture.js';

const withParagraph = (text: string): Report => {
  const f = loadFixture();
  f.sections.overview!.blocks = [{ type: 'paragraph', text }];
  return f;
};
const codes = (report: unknown) => {
  const r = checkReport(report);
  return [...r.errors, ...r.warnings].filter((i) => i.path.startsWith('sections.overview')).map((i) => i.code);
};
/** The overview paragraph `text` is neither warned about with `code` nor changed by normalizePunctuation. */
const leftAlone = (text: string, code: string) => {
  expect(codes(withParagraph(text)), text).not.toContain(code);
  expect(normalizePunctuation(withParagraph(text)).changes.filter((c) => c.path.startsWith('sections.overview')), text).toEqual([]);
};

describe('full-width digits and letters (GB/T 15835)', () => {
  it('are warned about and written half-width, with the marks between the digits of one number', () => {
    const text = '全年受理１２３件，金额５～２．５万元，电话０５３４－４４６１０２３，办公时间８:３０～１２：００，ＩＳＯ认证。';
    expect(codes(withParagraph(text))).toContain('fullwidth_alphanumeric');
    const { report, changes } = normalizePunctuation(withParagraph(text));
    expect(report.sections.overview!.blocks[0]).toEqual({ type: 'paragraph', text: '全年受理123件，金额5～2.5万元，电话0534-4461023，办公时间8:30～12:00，ISO认证。' });
    expect(changes.filter((c) => c.path.startsWith('sections.overview'))).toHaveLength(1);
    expect(codes(report)).not.toContain('fullwidth_alphanumeric');
  });

  it('leaves a full-width comma between digits alone (a list, not a number)', () => {
    const { report } = normalizePunctuation(withParagraph('第１，２项。'));
    expect((report.sections.overview!.blocks[0] as { text: string }).text).toBe('第1，2项。');
  });
});

describe('a URL typed with a full-width colon or slashes', () => {
  it('is warned about and written http://, after which it is a URL that the other repairs leave alone', () => {
    const text = '报告可在门户网站（http：//www.sxgp.gov.cn/xxgk）和（HTTPS：／／jtyst.jiangsu.gov.cn）查阅,如有疑问请来电。';
    const r = checkReport(withParagraph(text));
    const warning = r.warnings.find((w) => w.code === 'fullwidth_in_address')!;
    expect(warning.message).toContain('“http：//”等2处');
    expect(warning.message).toContain('应为“http://”');
    const { report } = normalizePunctuation(withParagraph(text));
    expect((report.sections.overview!.blocks[0] as { text: string }).text).toBe('报告可在门户网站（http://www.sxgp.gov.cn/xxgk）和（HTTPS://jtyst.jiangsu.gov.cn）查阅，如有疑问请来电。');
    expect(codes(report)).toEqual([]);
  });

  it('leaves a URL written in ASCII, and a colon in text, alone', () => {
    for (const text of ['网址：http://www.gov.cn/。', '时间：8:30，地点：办公室。']) leftAlone(text, 'fullwidth_in_address');
  });
});

describe('spaces that print as a gap of their own', () => {
  it('are warned about and removed: a typed indent, a space at the end, spaces inside Chinese text and beside a digit', () => {
    const text = '\u3000\u3000本年度数据 统计期限自 2023年1月1日起。联系电话： 025-52852162 。\u3000\u3000如有疑问请联系。 ';
    // Beside a full-width mark after a Latin word or a URL: the mark has its blank already.
    expect(normalizePunctuation(withParagraph('详见 http://www.gov.cn/ 。使用 Word ，便于阅读。')).report.sections.overview!.blocks[0]).toEqual({ type: 'paragraph', text: '详见 http://www.gov.cn/。使用 Word，便于阅读。' });
    const warning = checkReport(withParagraph(text)).warnings.find((w) => w.code === 'stray_whitespace' && w.path.startsWith('sections.overview'))!;
    expect(warning.message).toMatch(/^有7处多余的空格：开头的2个全角空格；“年度数据 统计期限”中的1个空格；/);
    expect(warning.message).toContain('开头和末尾的空格不印出（段落的首行缩进由程序排出）');
    expect(warning.message).toContain('中文字、标点和数字之间不留空格');
    const { report } = normalizePunctuation(withParagraph(text));
    expect((report.sections.overview!.blocks[0] as { text: string }).text).toBe('本年度数据统计期限自2023年1月1日起。联系电话：025-52852162。如有疑问请联系。');
    expect(codes(report)).toEqual([]);
  });

  it('leaves spaces between Latin words, around a Latin word, and inside a spaced-out label alone', () => {
    for (const text of ['使用 Word 软件和 Adobe Acrobat 阅读，详见 http://www.gov.cn/。', '电\u3000\u3000话：0591-23162606', '邮 \u00a0编：350400']) leftAlone(text, 'stray_whitespace');
  });
});

describe("a document number's year in brackets other than 〔 〕", () => {
  it('is warned about and bracketed 〔 〕 (GB/T 9704), whatever brackets it was typed with', () => {
    const text = '根据国办公开办函[2021]30号和鲁政办字（2016）8号、临民发【2017】第12号及国办发(2015)22号要求编制。';
    const r = checkReport(withParagraph(text));
    const warning = r.warnings.find((w) => w.code === 'document_number_brackets' && w.path.startsWith('sections.overview'))!;
    expect(warning.message).toContain('文号“国办公开办函[2021]30号”等4个文号的年份应使用六角括号〔〕，写作“国办公开办函〔2021〕30号”');
    const { report } = normalizePunctuation(withParagraph(text));
    expect((report.sections.overview!.blocks[0] as { text: string }).text).toBe('根据国办公开办函〔2021〕30号和鲁政办字〔2016〕8号、临民发〔2017〕第12号及国办发〔2015〕22号要求编制。');
    expect(codes(report)).toEqual([]);
  });

  it('leaves a year in parentheses that is no document number alone', () => {
    for (const text of ['案号（2021）京01民初30号。', '自（2021）年起。', '国办发〔2015〕22号。', '第（2021）30号']) {
      expect(codes(withParagraph(text))).not.toContain('document_number_brackets');
    }
  });
});

describe('ASCII straight quotes in Chinese text', () => {
  it('are warned about and paired as “ ” ‘ ’', () => {
    const text = '出台了"创业富民30条"和\'放管服\'改革措施，英文 say "hello" world 不动。';
    expect(codes(withParagraph(text))).toContain('straight_quotes');
    const { report } = normalizePunctuation(withParagraph(text));
    expect((report.sections.overview!.blocks[0] as { text: string }).text).toBe('出台了“创业富民30条”和‘放管服’改革措施，英文 say "hello" world 不动。');
  });

  it('says when the quotes do not pair', () => {
    const r = checkReport(withParagraph('出台了"创业富民30条，'));
    expect(r.warnings.find((w) => w.code === 'straight_quotes')!.message).toContain('不成对');
  });
});

describe('numbering typed into a title', () => {
  it.each(['（一）组织领导情况', '(一)组织领导情况', '一、组织领导情况', '1.组织领导情况', '1、组织领导情况', '（1）组织领导情况'])('%s is warned about and removed', (title) => {
    const f = loadFixture();
    (f.sections.organization!.blocks[0] as { title: string }).title = title;
    const r = checkReport(f);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'typed_numbering', path: 'sections.organization.blocks[0].title' }));
    const { report } = normalizePunctuation(f);
    expect((report.sections.organization!.blocks[0] as { title: string }).title).toBe('组织领导情况');
  });

  it('is not taken from a number that starts a title (1.5万元 is not numbering)', () => {
    const f = loadFixture();
    (f.sections.organization!.blocks[0] as { title: string }).title = '1.5万元专项经费';
    expect(checkReport(f).warnings.filter((w) => w.code === 'typed_numbering')).toEqual([]);
  });

  it('is warned about in a list item without a lead, not in running text', () => {
    const f = loadFixture();
    f.sections.overview!.blocks = [{ type: 'list', items: [{ text: '1.加强组织领导。' }] }, { type: 'paragraph', text: '一、这是正文的开头。' }];
    const found = checkReport(f).warnings.filter((w) => w.code === 'typed_numbering').map((w) => w.path);
    expect(found).toEqual(['sections.overview.blocks[0].items[0].text']);
  });
});

describe('normalizePunctuation on a report with errors', () => {
  it('repairs the text that is there and leaves the rest as it was', () => {
    const f = loadFixture() as unknown as Record<string, unknown>;
    (f['metadata'] as Record<string, unknown>)['year'] = 'two thousand';
    const { report, changes } = normalizePunctuation(f);
    expect(changes.length).toBeGreaterThan(20);
    expect((report['metadata'] as Record<string, unknown>)['year']).toBe('two thousand');
  });
});

describe('every fault in one answer', () => {
  it('reports a missing part, an impossible date and a negative count together', () => {
    const f = loadFixture() as unknown as { sections: Record<string, unknown>; signature: { date: string }; statistics: { values: Record<string, number> } };
    delete f.sections['overview'];
    f.signature.date = '2018-02-30';
    f.statistics.values['applications.received'] = -1;
    const r = checkReport(f);
    expect(r.errors.map((e) => e.code).sort()).toEqual(['invalid_date', 'missing_section', 'negative_value']);
  });

  it('reports an undrawable character alongside a structural error (validateReport checks the default fonts)', () => {
    const f = withParagraph('龑䶮') as unknown as { metadata: { year: unknown } };
    f.metadata.year = 'x';
    const r = validateReport(f);
    expect(r.errors.map((e) => e.code).sort()).toEqual(['invalid_type', 'undrawable_character']);
  });

  it('names an unknown template and the templates there are', () => {
    const r = checkReport({ ...loadFixture(), template: '2020' });
    expect(r.errors).toEqual([expect.objectContaining({ code: 'unknown_template', path: 'template' })]);
    expect(r.errors[0]!.message).toContain('2019（2019年试行的全国统一格式）');
  });
});

describe('characters that cannot go into a PDF/A file', () => {
  it.each([
    ['a noncharacter in the keywords', (f: Report) => (f.metadata.keywords = ['年度报告\uffff']), 'noncharacter'],
    ['a noncharacter in the document number', (f: Report) => (f.metadata.documentNumber = 'A\ufffe1'), 'noncharacter'],
    ['a soft hyphen', (f: Report) => (f.sections.overview!.blocks = [{ type: 'paragraph', text: '信息\u00ad公开' }]), 'invisible_character'],
    ['a private use character', (f: Report) => (f.sections.overview!.blocks = [{ type: 'paragraph', text: '信\ue000息' }]), 'private_use'],
  ])('refuses %s', (_, mutate, code) => {
    const f = loadFixture();
    mutate(f);
    expect(checkReport(f).errors.map((e) => e.code)).toContain(code);
  });

  it('refuses metadata longer than one PDF string', () => {
    const f = loadFixture();
    f.metadata.keywords = Array.from({ length: 20000 }, (_, i) => `词${i}`);
    expect(checkReport(f).errors).toContainEqual(expect.objectContaining({ code: 'metadata_too_long', path: 'metadata.keywords' }));
  });
});
