/**
 * Parts a template does not have (`additionalParts`): placed after the part they name (present or not) or after the
 * last, numbered in sequence with the template's parts, checked like the others, and never a statistics table's home.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, type Report } from '../../src/model/index.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')) as Report;

/** The bookmarks of the parts, in order: number and title. */
const parts = (report: Report) => {
  const result = checkReport(report);
  expect(result.errors).toEqual([]);
  return result.document!.blocks.flatMap((b) => (b.kind === 'text' && b.bookmark?.level === 0 && b.style === 'heading' ? [b.bookmark.title] : []));
};

describe('additional parts', () => {
  it('follow the part they name, present or not, or the last part, numbered in sequence', () => {
    // 平潭县人民政府 2012 (template 2008) has 概述, 主动公开, 依申请公开 and 问题及改进 of the seven parts.
    const report = load('pingtan-xzf-2012');
    report.additionalParts = [
      { after: 'applications', title: '政府信息公开咨询处理情况', blocks: [{ type: 'paragraph', text: '全年共受理咨询120人次。' }] },
      { after: 'fees', title: '政府信息公开工作机构建设情况', blocks: [{ type: 'paragraph', text: '设立政务公开办公室。' }] },
      { title: '下一步工作打算', blocks: [{ type: 'paragraph', text: '继续深化政务公开。' }] },
    ];
    expect(parts(report)).toEqual([
      '一、概述',
      '二、主动公开政府信息情况',
      '三、政府信息依申请公开工作情况',
      '四、政府信息公开咨询处理情况',
      // 四 of the template (收费及减免) is absent: the part after it follows 三's additions.
      '五、政府信息公开工作机构建设情况',
      '六、政府信息公开工作存在的主要问题及改进情况',
      '七、下一步工作打算',
    ]);
    const texts = checkReport(report).document!.blocks.flatMap((b) => (b.kind === 'text' ? [b.pieces.map((p) => p.text).join('')] : []));
    expect(texts).toContain('全年共受理咨询120人次。');
  });

  it('are checked like the template\'s parts: an empty one is warned about and prints the template\'s sentence', () => {
    const report = load('pingtan-xzf-2012');
    report.additionalParts = [{ title: '其他', blocks: [] }];
    const result = checkReport(report);
    expect(result.warnings.filter((w) => w.path === 'additionalParts[0]').map((w) => w.code)).toEqual(['empty_section']);
    const last = result.document!.blocks.filter((b) => b.kind === 'text').map((b) => (b.kind === 'text' ? b.pieces.map((p) => p.text).join('') : ''));
    expect(last.slice(last.indexOf('五、其他') + 1)[0]).toBe('本年度无此项情况。');
    report.additionalParts = [{ title: '其他', blocks: [{ type: 'paragraph', text: '本年度,无。' }] }];
    expect(checkReport(report).warnings.map((w) => [w.code, w.path])).toContainEqual(['halfwidth_punctuation', 'additionalParts[0].blocks[0].text']);
  });

  it('count towards the limit on blocks: a part prints a heading even when empty', () => {
    const report = load('pingtan-xzf-2012');
    report.additionalParts = Array.from({ length: 5_001 }, () => ({ title: '其他', blocks: [] }));
    const result = checkReport(report);
    expect(result.errors.map((e) => e.code)).toContain('limit_exceeded');
    expect(result.errors.find((e) => e.code === 'limit_exceeded')!.message).toContain('超过上限5000个');
  });

  it('name a part of the template, have a title, and hold no statistics table: every fault in one answer, in Chinese', () => {
    const report = load('huaian-shi-2024') as Omit<Report, 'additionalParts'> & { additionalParts: unknown[] };
    report.additionalParts = [
      { after: 'fees', title: '  ', blocks: [{ type: 'statisticsTable', table: 'applications' }] },
      { after: 'overview', title: '工作亮点', blocks: [{ type: 'statisticsTable', table: 'reviews' }], extra: 1 },
    ];
    const errors = checkReport(report).errors.map((e) => [e.code, e.path, e.label]);
    expect(errors).toHaveLength(5);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['invalid_value', 'additionalParts[0].after', '放在哪一部分之后（该部分的键名，不写则放在最后）'],
        ['empty_text', 'additionalParts[0].title', '部分标题'],
        ['table_in_wrong_part', 'additionalParts[0].blocks[0].table', expect.anything()],
        ['table_in_wrong_part', 'additionalParts[1].blocks[0].table', expect.anything()],
        ['unknown_field', 'additionalParts[1].extra', expect.anything()],
      ]),
    );
    const wrongAfter = checkReport(report).errors.find((e) => e.path === 'additionalParts[0].after')!;
    expect(wrongAfter.message).toContain('“overview”（总体情况）或“proactiveDisclosure”（主动公开政府信息情况）');
    expect(wrongAfter.message).toContain('实际为“fees”');
  });
});
