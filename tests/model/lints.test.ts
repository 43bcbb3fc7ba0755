import { describe, expect, it } from 'vitest';
import { checkReport as validateReport, type Report } from '../../src/model/index.js';
import { initReport } from '../../src/cli/initReport.js';
import type { TemplateId } from '../../src/model/index.js';
import { cleanReport } from './loadFixture.js';

const OVERVIEW = 'sections.overview.blocks[0].text';

/** The clean report with the overview paragraph replaced. */
function withOverview(text: string): Report {
  const report = cleanReport();
  report.sections.overview!.blocks[0] = { type: 'paragraph', text };
  return report;
}
const codesAt = (report: Report, path: string) => validateReport(report).warnings.filter((w) => w.path === path).map((w) => w.code);

describe('text lints', () => {
  it('warnings: false skips the checks that can only warn, and finds the same errors; strict still turns warnings into errors', () => {
    const report = withOverview('本年度,共办理(含转办)4件;是否公开?是!');
    const full = validateReport(report);
    expect(full.ok).toBe(true);
    expect(full.warnings.length).toBeGreaterThan(0);
    expect(validateReport(report, { warnings: false })).toEqual({ ...full, warnings: [] });
    const broken = { ...report, metadata: { ...report.metadata, year: 'x' } } as unknown as Report;
    expect(validateReport(broken, { warnings: false }).errors).toEqual(validateReport(broken).errors);
    expect(validateReport(report, { strict: true, warnings: false }).errors).toEqual(validateReport(report, { strict: true }).errors);
  });

  it('halfwidth_punctuation: warns about , ; : ( ) ? ! in Chinese context, once per field', () => {
    const result = validateReport(withOverview('本年度,共办理(含转办)4件;是否公开?是!'));
    const found = result.warnings.filter((w) => w.code === 'halfwidth_punctuation');
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe(OVERVIEW);
    expect(found[0]!.label).toBe('概述 › 段落文字');
    expect(found[0]!.message).toContain('6处');
    expect(found[0]!.message).toContain('“本年度,共办理(含转…”中的“,”应为“，”');
  });

  it('halfwidth_punctuation: silent for numbers, URLs, e-mail addresses and Western text', () => {
    const text = '共1,000条，增长3.5%，时间10:30。网址http://a.gov.cn/x?a=1,b=2，邮箱a.b@c.cn，英文Hello, world!';
    expect(codesAt(withOverview(text), OVERVIEW)).toEqual([]);
  });

  it('doubled_punctuation: warns about 。。 and ，，', () => {
    for (const text of ['办理完毕。。', '办理，，完毕。', '办理完毕，。']) {
      expect(codesAt(withOverview(text), OVERVIEW)).toEqual(['doubled_punctuation']);
    }
    expect(validateReport(withOverview('办理完毕。。')).warnings[0]!.message).toContain('“。。”');
  });

  it('doubled_punctuation: silent for single marks and for …… and ——', () => {
    expect(codesAt(withOverview('办理完毕。还有……以及——等。'), OVERVIEW)).toEqual([]);
  });

  it('unbalanced_brackets: warns about unmatched 《》（）“”', () => {
    const cases: Array<[string, string]> = [
      ['根据《条例要求。', '1个「《」缺少对应的「》」'],
      ['根据条例）要求。', '1个「）」前面没有对应的「（」'],
      ['紧紧围绕“民政为民。', '1个「“」缺少对应的「”」'],
    ];
    for (const [text, fragment] of cases) {
      const found = validateReport(withOverview(text)).warnings.filter((w) => w.code === 'unbalanced_brackets');
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain(fragment);
    }
  });

  it('unbalanced_brackets: silent for balanced and nested pairs', () => {
    expect(codesAt(withOverview('根据《条例》（含“附件（一）”）办理。'), OVERVIEW)).toEqual([]);
  });

  it('empty_section: warns when a section has no blocks or only empty paragraphs', () => {
    const none = cleanReport();
    none.sections.fees!.blocks = [];
    const blank = cleanReport();
    blank.sections.fees!.blocks = [{ type: 'paragraph', text: '  ' }];
    for (const report of [none, blank]) {
      const found = validateReport(report).warnings.filter((w) => w.code === 'empty_section');
      expect(found).toEqual([expect.objectContaining({ path: 'sections.fees', label: '政府信息公开的收费及减免情况' })]);
    }
    expect(validateReport(cleanReport()).warnings.filter((w) => w.code === 'empty_section')).toEqual([]);
  });

  it('empty_paragraph: warns about a blank paragraph, not about a written one', () => {
    const report = cleanReport();
    report.sections.fees!.blocks.push({ type: 'paragraph', text: '' });
    expect(codesAt(report, 'sections.fees.blocks[1].text')).toEqual(['empty_paragraph']);
    expect(codesAt(cleanReport(), 'sections.fees.blocks[0].text')).toEqual([]);
  });

  it('paragraph_like_heading: warns about a heading typed as a paragraph, in a part or in the preamble, not about a run-in heading with its text', () => {
    for (const heading of ['一、总体情况', '（一）主动公开情况', '（二）加强组织领导，健全工作机制', '1.政府网站']) {
      expect(codesAt(withOverview(heading), OVERVIEW), heading).toEqual(['paragraph_like_heading']);
    }
    const report = cleanReport();
    report.preamble.push({ type: 'paragraph', text: '一、总体情况' });
    expect(codesAt(report, `preamble[${report.preamble.length - 1}].text`)).toEqual(['paragraph_like_heading']);
    expect(validateReport(withOverview('一、总体情况')).warnings.find((w) => w.code === 'paragraph_like_heading')!.message).toContain('“一、总体情况”');
    for (const text of ['（一）主动公开情况。2023年，共主动公开信息120条。', '一是加强组织领导', '2023年，我局共主动公开信息120条。', '1.政府网站：发布信息120条。']) {
      expect(codesAt(withOverview(text), OVERVIEW), text).toEqual([]);
    }
  });

  it('empty_item: warns about a list item without text', () => {
    const report = cleanReport();
    report.sections.fees!.blocks.push({ type: 'list', items: [{ lead: '收费。', text: ' ' }] });
    expect(codesAt(report, 'sections.fees.blocks[1].items[0].text')).toEqual(['empty_item']);
    const written = cleanReport();
    written.sections.fees!.blocks.push({ type: 'list', items: [{ lead: '收费。', text: '无。' }] });
    expect(validateReport(written).warnings).toEqual([]);
  });

  it('empty_subsection: warns about a subsection heading with nothing under it', () => {
    const report = cleanReport();
    report.sections.fees!.blocks.push({ type: 'subsection', title: '减免情况', blocks: [] });
    expect(codesAt(report, 'sections.fees.blocks[1]')).toEqual(['empty_subsection']);
    const written = cleanReport();
    written.sections.fees!.blocks.push({ type: 'subsection', title: '减免情况', blocks: [{ type: 'paragraph', text: '无。' }] });
    expect(validateReport(written).warnings).toEqual([]);
  });
});

describe('signature date lints', () => {
  const withDate = (date: string) => {
    const report = cleanReport();
    report.signature.date = date;
    return validateReport(report).warnings.map((w) => [w.code, w.path, w.label]);
  };

  it('date_before_period_end: the date must fall after the reporting year', () => {
    expect(withDate('2017-12-31')).toEqual([['date_before_period_end', 'signature.date', '成文日期']]);
    expect(withDate('2018-01-01')).toEqual([]);
  });

  it('date_after_deadline: the date must be no later than 31 March of the next year', () => {
    expect(withDate('2018-04-01')).toEqual([['date_after_deadline', 'signature.date', '成文日期']]);
    expect(withDate('2018-03-31')).toEqual([]);
  });
});

describe('template_year_mismatch', () => {
  const warningsOf = (template: string, year: number) => {
    const report = initReport('某市某局', year, `${year + 1}-01-31`, undefined, template as TemplateId);
    return validateReport(report).warnings.filter((w) => w.code === 'template_year_mismatch');
  };

  it('warns when a format is used for a year it was not prescribed for, naming the one that was', () => {
    const [w2020] = warningsOf('2021', 2020);
    expect(w2020).toMatchObject({ path: 'template', label: '模板' });
    expect(w2020!.message).toBe('模板 2021（国办公开办函〔2021〕30号）用于2021年度起的报告，本报告为2020年度；2020年度的报告应使用模板 2019（国办公开办函〔2019〕60号）。');
    expect(warningsOf('2019', 2023)[0]!.message).toContain('模板 2019（国办公开办函〔2019〕60号）用于2019—2020年度的报告，本报告为2023年度；2023年度的报告应使用模板 2021');
    expect(warningsOf('2014', 2019)[0]!.message).toContain('应使用模板 2019');
    expect(warningsOf('2021', 2018)[0]!.message).toContain('应使用模板 2014（国办发〔2014〕32号；《山东省政府信息公开办法》）或2008');
  });

  it('is silent at both ends of each format\'s years', () => {
    for (const [template, year] of [['2021', 2021], ['2021', 2025], ['2019', 2019], ['2019', 2020], ['2014', 2018], ['2008', 2008], ['2008', 2018]] as const) {
      expect(warningsOf(template, year), `${template} ${year}`).toEqual([]);
    }
  });
});

describe('strict mode', () => {
  it('turns every warning into an error with the same code', () => {
    const report = withOverview('本年度,办理完毕。。');
    const lenient = validateReport(report);
    const strict = validateReport(report, { strict: true });
    expect(lenient.ok).toBe(true);
    expect(strict.ok).toBe(false);
    expect(strict.report).toBeUndefined();
    expect(strict.warnings).toEqual([]);
    expect(strict.errors.map((e) => [e.code, e.path])).toEqual(lenient.warnings.map((w) => [w.code, w.path]));
    expect(strict.errors.every((e) => e.severity === 'error')).toBe(true);
  });

  it('leaves a report without warnings valid', () => {
    expect(validateReport(cleanReport(), { strict: true }).ok).toBe(true);
  });
});
