import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  collectTexts,
  defaultTableTitle,
  defaultTitle,
  findPlaceholders,
  formatChineseDate,
  formatPath,
  documentTexts,
  isValidIsoDate,
  labelForPath,
  parsePath,
  reportJsonSchemaText,
  reportTitle,
  resolvePlaceholders,
  resolveDocument,
  TEMPLATES,
  checkReport as validateReport,
} from '../../src/model/index.js';
import { loadFixture } from './loadFixture.js';

describe('placeholders', () => {
  it('finds ids with offsets, allowing spaces inside the braces', () => {
    expect(findPlaceholders('共{{applications.received}}件，其中{{ applications.receivedOnline }}件')).toEqual([
      { id: 'applications.received', start: 1, end: 26 },
      { id: 'applications.receivedOnline', start: 30, end: 63 },
    ]);
    expect(findPlaceholders('没有占位符 {x} {{')).toEqual([]);
  });

  it('resolves values as given: integers without separators, amount strings unchanged, unknown ids kept', () => {
    const values = { 'proactive.total': 12345, 'capacity.funding': '2.50' };
    expect(resolvePlaceholders('公开{{proactive.total}}条，经费{{ capacity.funding }}万元{{nope}}', values)).toBe('公开12345条，经费2.50万元{{nope}}');
  });

  it('are validated in placeholders of a valid row without error', () => {
    const f = loadFixture();
    f.sections.applications!.blocks[0] = { type: 'paragraph', text: '共受理申请{{applications.received}}件。' };
    expect(validateReport(f).errors).toEqual([]);
  });
});

describe('format', () => {
  it('formats dates with Arabic digits and no zero padding', () => {
    expect(formatChineseDate('2018-01-21')).toBe('2018年1月21日');
    expect(formatChineseDate('2020-12-05')).toBe('2020年12月5日');
    expect(() => formatChineseDate('2018-02-30')).toThrow(RangeError);
  });

  it('knows which dates exist', () => {
    expect(['2016-02-29', '2000-02-29', '2018-12-31'].map(isValidIsoDate)).toEqual([true, true, true]);
    expect(['2017-02-29', '1900-02-29', '2018-02-30', '2018-13-01', '2018-00-10', '2018-1-1'].map(isValidIsoDate)).toEqual([false, false, false, false, false, false]);
  });

  it('builds the default titles from agency and year', () => {
    const md = { agency: '临沂市民政局', year: 2017 };
    expect(defaultTitle(md)).toBe('临沂市民政局2017年度政府信息公开工作年度报告');
    expect(defaultTableTitle(md)).toBe('临沂市民政局2017年度政府信息公开工作情况统计表');
    const f = loadFixture();
    expect(reportTitle(f)).toBe(defaultTitle(md));
    const printed = documentTexts(resolveDocument(f, TEMPLATES['2014'])).map((t) => t.text);
    expect(printed).toContain(defaultTableTitle(md));
    expect(printed).toContain('政府信息公开保密审查及监督检查情况');
  });
});

describe('paths and labels', () => {
  it('formats and parses paths, bracket-quoting row ids', () => {
    const cases: Array<[Array<string | number>, string]> = [
      [['sections', 'overview', 'blocks', 0, 'text'], 'sections.overview.blocks[0].text'],
      [['statistics', 'values', 'applications.received'], 'statistics.values["applications.received"]'],
      [['statistics', 'values', 'reviews'], 'statistics.values["reviews"]'],
      [['statistics', 'notes', 'response.pressConferences'], 'statistics.notes["response.pressConferences"]'],
      [['metadata', 'odd key'], 'metadata["odd key"]'],
      [[], ''],
    ];
    for (const [segments, path] of cases) {
      expect(formatPath(segments)).toBe(path);
      expect(parsePath(path)).toEqual(segments);
    }
  });

  it('labels fields from the schema, sections by title and rows by label', () => {
    expect(labelForPath('metadata.agency')).toBe('发布机关');
    expect(labelForPath('metadata.contact.email')).toBe('电子邮箱');
    expect(labelForPath('sections.fees')).toBe('政府信息公开的收费及减免情况');
    expect(labelForPath('sections.overview.blocks[0].text')).toBe('概述 › 段落文字');
    expect(labelForPath('sections.organization.blocks[0].blocks[0].text')).toBe('政府信息公开的组织领导和制度建设情况 › 段落文字');
    expect(labelForPath('statistics.values["applications.refused"]')).toBe('不同意公开答复数');
    expect(labelForPath('statistics.values["no.such.row"]')).toBe('统计数');
    expect(labelForPath('statistics.notes')).toBe('行备注（印在指标名称之后）');
    expect(labelForPath('')).toBe('政府信息公开工作年度报告');
  });
});

describe('printed text fields', () => {
  const fields = collectTexts(loadFixture());

  it('lists them in reading order with their roles', () => {
    expect(fields[0]).toMatchObject({ path: 'metadata.agency', role: 'title' });
    expect(fields[1]).toMatchObject({ path: 'preamble[0].text', role: 'body' });
    expect(fields.find((f) => f.path === 'sections.organization.blocks[0].title')).toMatchObject({ text: '组织领导情况', role: 'heading2' });
    expect(fields.find((f) => f.path.endsWith('items[0].lead'))).toMatchObject({ text: '部门网站。', role: 'heading3' });
    expect(fields.find((f) => f.path.endsWith('items[0].text'))?.role).toBe('body');
    expect(fields.slice(-3).map((f) => [f.path, f.role])).toEqual([
      ['signature.office', 'signature'],
      ['statistics.subtitle', 'body'],
      ['statistics.notes["response.pressConferences"]', 'table'],
    ]);
    const sectionOrder = fields.filter((f) => f.path.startsWith('sections.')).map((f) => f.path.split('.')[1]);
    expect([...new Set(sectionOrder)][0]).toBe('overview');
    expect([...new Set(sectionOrder)].at(-1)).toBe('otherMatters');
  });

  it('includes section title overrides with the heading1 role, and generated text for defaults', () => {
    const f = loadFixture();
    f.sections.fees!.title = '收费情况';
    expect(collectTexts(f).find((x) => x.path === 'sections.fees.title')?.role).toBe('heading1');
    const printed = documentTexts(resolveDocument(loadFixture(), TEMPLATES['2014']));
    expect(printed).toContainEqual(expect.objectContaining({ path: 'metadata.agency', text: '临沂市民政局2017年度政府信息公开工作年度报告', role: 'title' }));
    expect(printed).toContainEqual(expect.objectContaining({ path: 'signature.date', text: '2018年1月21日', role: 'signature', generated: true }));
    expect(printed).toContainEqual(expect.objectContaining({ path: 'sections.confidentialityReview.title', text: '政府信息公开保密审查及监督检查情况', role: 'heading1', generated: true }));
  });

  it("prints a report's text without the spaces at its ends: a typed indent is not printed beside the library's own", () => {
    const f = loadFixture();
    f.preamble = [{ type: 'paragraph', text: '\u3000\u3000本报告依据《条例》编制。 ' }, { type: 'paragraph', text: '电\u3000\u3000话：0539-7200966\u00a0' }];
    f.signature.office = ' 临沂市民政局';
    const printed = documentTexts(resolveDocument(f, TEMPLATES['2014']));
    expect(printed.filter((t) => t.path.startsWith('preamble')).map((t) => t.text)).toEqual(['本报告依据《条例》编制。', '电\u3000\u3000话：0539-7200966']);
    expect(printed.find((t) => t.path === 'signature.office')?.text).toBe('临沂市民政局');
  });

  it('checks generated text for drawability too', () => {
    const result = validateReport(loadFixture(), { canDraw: (cp, role) => !(role === 'signature' && cp === '月'.codePointAt(0)) });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'undrawable_character', path: 'signature.date', label: '成文日期' })]);
    expect(result.errors[0]!.message).toContain('程序生成的文字“2018年1月21日”');
  });
});

describe('JSON Schema', () => {
  it('the committed schema/report.schema.json equals a fresh generation', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../schema/report.schema.json', import.meta.url)), 'utf8');
    expect(committed).toBe(reportJsonSchemaText());
    expect(committed.endsWith('}\n')).toBe(true);
    const schema = JSON.parse(committed);
    // One branch per template; every statistics cell a property with its Chinese label.
    const branch = (id: string) => schema.anyOf.find((b: { properties: { template: { const?: string; enum?: string[] } } }) => (b.properties.template.const ?? b.properties.template.enum?.[0]) === id);
    expect(schema.anyOf).toHaveLength(4);
    expect(branch('2014').properties.sections.properties.overview.title).toBe('概述');
    const cells2021 = branch('2021').properties.statistics.properties.values.properties;
    expect(Object.keys(cells2021)).toHaveLength(200);
    expect(cells2021['applications.refused.thirdParty.natural'].description).toBe('不予公开 · 保护第三方合法权益 · 自然人（件）');
    const cells2019 = branch('2019').properties.statistics.properties.values.properties;
    expect(cells2019['proactive.fees.change'].description).toBe('行政事业性收费 · 本年增/减（项）');
    expect(cells2019['applications.otherHandling.total'].description).toBe('其他处理 · 总计（件）');
  });
});
