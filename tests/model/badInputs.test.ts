import { describe, expect, it } from 'vitest';
import { checkReport as validateReport, type CheckOptions as ValidateOptions } from '../../src/model/index.js';
import { loadFixture } from './loadFixture.js';

type Fixture = ReturnType<typeof loadFixture>;
/** A mutable view of the fixture for building broken inputs. */
type Loose = Record<string, any>;

interface BadCase {
  readonly name: string;
  readonly mutate: (f: Loose) => void;
  readonly options?: ValidateOptions;
  readonly code: string;
  readonly path: string;
  readonly label: string;
  readonly fragment: string;
}

const CONF = 'sections.confidentialityReview.blocks[0].text';

const CASES: readonly BadCase[] = [
  { name: 'wrong type', mutate: (f) => (f.metadata.year = '2017'), code: 'invalid_type', path: 'metadata.year', label: '报告年度', fragment: '应为数字，实际为字符串' },
  { name: 'fractional year', mutate: (f) => (f.metadata.year = 2017.5), code: 'invalid_type', path: 'metadata.year', label: '报告年度', fragment: '应为整数，实际为小数' },
  { name: 'paragraph text not a string', mutate: (f) => (f.sections.fees!.blocks[0].text = 7), code: 'invalid_type', path: 'sections.fees.blocks[0].text', label: '政府信息公开的收费及减免情况 › 段落文字', fragment: '应为字符串，实际为整数' },
  { name: 'missing section', mutate: (f) => delete f.sections.overview, code: 'missing_section', path: 'sections.overview', label: '概述', fragment: '缺少第一部分“概述”' },
  { name: 'missing required field', mutate: (f) => delete f.signature.office, code: 'missing_field', path: 'signature.office', label: '落款机关', fragment: '缺少落款机关' },
  { name: 'missing required field of the schema', mutate: (f) => delete (f.metadata as { agency?: string }).agency, code: 'missing_field', path: 'metadata.agency', label: '发布机关', fragment: '缺少必填项' },
  { name: 'unknown field', mutate: (f) => (f.metadata.author = 'x'), code: 'unknown_field', path: 'metadata.author', label: '报告信息', fragment: '“author”' },
  { name: 'unknown block type', mutate: (f) => (f.sections.fees!.blocks[0] = { type: 'figure' }), code: 'invalid_block_type', path: 'sections.fees.blocks[0].type', label: '政府信息公开的收费及减免情况 › 块（段落、小标题、编号条目、表格或统计表位置）', fragment: 'paragraph、subsection、list' },
  { name: 'empty title', mutate: (f) => (f.metadata.title = '  '), code: 'empty_text', path: 'metadata.title', label: '报告标题', fragment: '不能为空' },
  { name: 'empty list', mutate: (f) => (f.sections.fees!.blocks[0] = { type: 'list', items: [] }), code: 'too_few_items', path: 'sections.fees.blocks[0].items', label: '政府信息公开的收费及减免情况 › 编号条目（由程序编号）', fragment: '至少应有1项' },
  { name: 'malformed date', mutate: (f) => (f.signature.date = '2018-1-21'), code: 'invalid_date', path: 'signature.date', label: '成文日期', fragment: 'YYYY-MM-DD' },
  { name: 'impossible date', mutate: (f) => (f.signature.date = '2018-02-30'), code: 'invalid_date', path: 'signature.date', label: '成文日期', fragment: '“2018-02-30”不存在' },
  { name: 'negative count', mutate: (f) => (f.statistics!.values['applications.received'] = -1), code: 'negative_value', path: 'statistics.values["applications.received"]', label: '收到申请数', fragment: '不能为负数' },
  { name: 'fractional count', mutate: (f) => (f.statistics!.values['applications.received'] = 2.5), code: 'fractional_count', path: 'statistics.values["applications.received"]', label: '收到申请数', fragment: '应为非负整数（单位：件），实际为小数2.5' },
  { name: 'numeric string for a count', mutate: (f) => (f.statistics!.values['applications.received'] = '4'), code: 'count_is_string', path: 'statistics.values["applications.received"]', label: '收到申请数', fragment: '实际为字符串“4”' },
  { name: 'malformed amount', mutate: (f) => (f.statistics!.values['capacity.funding'] = '2万'), code: 'invalid_amount', path: 'statistics.values["capacity.funding"]', label: '政府信息公开专项经费（不包括用于政府网站建设维护等方面的经费）', fragment: '“2万”' },
  { name: 'negative amount string', mutate: (f) => (f.statistics!.values['capacity.funding'] = '-2.50'), code: 'negative_value', path: 'statistics.values["capacity.funding"]', label: '政府信息公开专项经费（不包括用于政府网站建设维护等方面的经费）', fragment: '不能为负数' },
  { name: 'value of the wrong type', mutate: (f) => (f.statistics!.values['archives'] = true), code: 'invalid_type', path: 'statistics.values["archives"]', label: '向图书馆、档案馆等查阅场所报送信息数', fragment: '应为数字或字符串，实际为布尔值' },
  { name: 'unknown row id', mutate: (f) => (f.statistics!.values['applications.recieved'] = 1), code: 'unknown_row', path: 'statistics.values["applications.recieved"]', label: '统计数', fragment: '“applications.recieved”' },
  { name: 'value on a group row', mutate: (f) => (f.statistics!.values['capacity'] = 1), code: 'group_row_value', path: 'statistics.values["capacity"]', label: '机构建设和保障经费情况', fragment: '分组标题行' },
  { name: 'missing row value', mutate: (f) => delete f.statistics!.values['response.hotspots'], code: 'missing_value', path: 'statistics.values["response.hotspots"]', label: '回应公众关注热点或重大舆情数', fragment: '缺少“回应公众关注热点或重大舆情数”的统计数（单位：次）' },
  { name: 'note for an unknown row', mutate: (f) => (f.statistics!.notes['response.press'] = '备注'), code: 'unknown_row', path: 'statistics.notes["response.press"]', label: '行备注', fragment: '“response.press”' },
  { name: 'unknown placeholder', mutate: (f) => (f.sections.fees!.blocks[0].text = '共{{ applications.recieved }}件。'), code: 'unknown_placeholder', path: 'sections.fees.blocks[0].text', label: '政府信息公开的收费及减免情况 › 段落文字', fragment: '“{{ applications.recieved }}”' },
  { name: 'placeholder of a group row', mutate: (f) => (f.sections.organization!.blocks[0].title = '{{proactive}}情况'), code: 'placeholder_group_row', path: 'sections.organization.blocks[0].title', label: '政府信息公开的组织领导和制度建设情况 › 小标题（编号由程序生成）', fragment: '“主动公开情况”' },
  { name: 'placeholder in an item lead', mutate: (f) => (f.sections.proactiveDisclosure!.blocks[0].blocks[0].items[0].lead = '{{x}}。'), code: 'unknown_placeholder', path: 'sections.proactiveDisclosure.blocks[0].blocks[0].items[0].lead', label: '主动公开政府信息以及公开平台建设情况 › 条目引语（如“部门网站。”）', fragment: '{{x}}' },
  { name: 'undrawable character', mutate: () => {}, options: { canDraw: (cp) => cp !== 0x73e3 }, code: 'undrawable_character', path: CONF, label: '政府信息公开保密审查及监督检查情况 › 段落文字', fragment: `“珣”（U+73E3），位置：${CONF}` },
  { name: 'undrawable in the signature role', mutate: () => {}, options: { canDraw: (cp, role) => !(role === 'signature' && cp === 0x5c0f) }, code: 'undrawable_character', path: 'signature.office', label: '落款机关', fragment: 'U+5C0F' },
  { name: 'undrawable supplementary character', mutate: (f) => (f.metadata.subtitle = '𠀀'), options: { canDraw: (cp) => cp < 0x10000 }, code: 'undrawable_character', path: 'metadata.subtitle', label: '副标题', fragment: '“𠀀”（U+20000）' },
  { name: 'control character', mutate: (f) => (f.sections.fees!.blocks[0].text += '\u0007'), code: 'control_character', path: 'sections.fees.blocks[0].text', label: '政府信息公开的收费及减免情况 › 段落文字', fragment: 'U+0007 是控制字符' },
  { name: 'tab in a title', mutate: (f) => (f.metadata.title = '报告\t标题'), code: 'control_character', path: 'metadata.title', label: '报告标题', fragment: '第3个字符 U+0009' },
  { name: 'C1 control', mutate: (f) => (f.signature.office += '\u0085'), code: 'control_character', path: 'signature.office', label: '落款机关', fragment: 'U+0085' },
  { name: 'lone surrogate', mutate: (f) => (f.sections.fees!.blocks[0].text = '费用\ud800。'), code: 'lone_surrogate', path: 'sections.fees.blocks[0].text', label: '政府信息公开的收费及减免情况 › 段落文字', fragment: 'U+D800' },
  { name: 'line separator', mutate: (f) => (f.preamble[0].text += '\u2028'), code: 'line_separator', path: 'preamble[0].text', label: '段落文字', fragment: 'U+2028' },
  { name: 'bidi override', mutate: (f) => (f.metadata.contact.email = '\u202emoc.621@'), code: 'bidi_control', path: 'metadata.contact.email', label: '电子邮箱', fragment: 'U+202E' },
  { name: 'zero-width space', mutate: (f) => (f.statistics!.notes['response.pressConferences'] += '\u200b'), code: 'invisible_character', path: 'statistics.notes["response.pressConferences"]', label: '参加或举办新闻发布会总次数（行备注）', fragment: 'U+200B' },
  { name: 'byte order mark', mutate: (f) => (f.metadata.agency = '\ufeff临沂市民政局'), code: 'invisible_character', path: 'metadata.agency', label: '发布机关', fragment: 'U+FEFF' },
  { name: 'text too long', mutate: (f) => (f.sections.fees!.blocks[0].text = '费'.repeat(100_001)), code: 'limit_exceeded', path: 'sections.fees.blocks[0].text', label: '政府信息公开的收费及减免情况 › 段落文字', fragment: '超过每项上限100000个字符' },
  { name: 'too many blocks', mutate: () => {}, options: { limits: { maxBlocks: 10 } }, code: 'limit_exceeded', path: '', label: '政府信息公开工作年度报告', fragment: '超过上限10个' },
  { name: 'too many characters', mutate: () => {}, options: { limits: { maxTotalCharacters: 1000 } }, code: 'limit_exceeded', path: '', label: '政府信息公开工作年度报告', fragment: '超过上限1000个字符' },
];

describe('bad inputs', () => {
  for (const c of CASES) {
    it(`${c.name} → ${c.code}`, () => {
      const f: Fixture = loadFixture();
      c.mutate(f as Loose);
      const result = validateReport(f, c.options);
      expect(result.ok).toBe(false);
      expect(result.report).toBeUndefined();
      const match = result.errors.find((e) => e.code === c.code && e.path === c.path);
      expect(match, JSON.stringify(result.errors, null, 1)).toBeDefined();
      expect(match!.severity).toBe('error');
      expect(match!.label).toBe(c.label);
      expect(match!.message).toContain(c.fragment);
    });
  }

  it('rejects non-objects at the root', () => {
    for (const input of [null, undefined, 42, 'report', [], true]) {
      const result = validateReport(input);
      expect(result.ok).toBe(false);
      expect(result.errors[0]!.path).toBe('');
      expect(['invalid_type', 'missing_field']).toContain(result.errors[0]!.code);
    }
  });

  // How long this takes is measured by `npm run bench` (validation of hostile input).
  it('rejects a 50 MB string before any per-character work', () => {
    const f = loadFixture();
    f.sections.fees!.blocks[0] = { type: 'paragraph', text: '费'.repeat(50 * 1024 * 1024) };
    let calls = 0;
    const result = validateReport(f, { canDraw: () => (calls++, true) });
    expect(calls).toBe(0);
    expect(result.errors.map((e) => e.code)).toContain('limit_exceeded');
  });

  it('reports a report-wide limit when every field is short but the total is too large', () => {
    const f = loadFixture();
    f.sections.fees!.blocks = Array.from({ length: 30 }, () => ({ type: 'paragraph' as const, text: '费'.repeat(90_000) }));
    const result = validateReport(f);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'limit_exceeded', path: '', message: expect.stringContaining('maxTotalCharacters') })]);
  });
});

describe('odd keys', () => {
  it('reports a __proto__ row id, which JSON.parse keeps but a record would drop', () => {
    const raw = JSON.stringify(loadFixture()).replace('"values":{', '"values":{"__proto__":5,');
    const result = validateReport(JSON.parse(raw));
    expect(result.errors).toEqual([expect.objectContaining({ code: 'unknown_row', path: 'statistics.values["__proto__"]' })]);
  });

  it('rejects an over-long key quickly and keeps messages short', () => {
    const f = loadFixture();
    f.statistics!.values['x'.repeat(200_000)] = 1;
    const result = validateReport(f);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'limit_exceeded', path: 'statistics.values', label: '统计数' })]);
    const g = loadFixture();
    g.statistics!.values['y'.repeat(5_000)] = 1;
    const issue = validateReport(g).errors[0]!;
    expect(issue.code).toBe('unknown_row');
    expect(issue.message.length).toBeLessThan(200);
  });
});
