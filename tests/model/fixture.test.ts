import { describe, expect, it } from 'vitest';
import { SECTION_KEYS, STATISTICS_VALUE_IDS, checkReport as validateReport } from '../../src/model/index.js';
import { loadFixture } from './loadFixture.js';

const body = (path: string) => ['halfwidth_punctuation', path] as const;

/** Every warning the seed really deserves, checked against the seed text by hand. */
const EXPECTED_WARNINGS: ReadonlyArray<readonly [string, string]> = [
  ['sum_mismatch', 'statistics.values["applications.refused"]'], // 不同意公开答复数 4, its six reasons all 0
  ['at_most_violation', 'statistics.values["proactive.other"]'], // 其他方式 500 > 主动公开政府信息数 393
  body('preamble[0].text'),
  ['stray_whitespace', 'preamble[0].text'], // 并公开 2017年度: a space between Chinese text and a number
  body('sections.overview.blocks[0].text'),
  body('sections.organization.blocks[0].blocks[0].text'),
  body('sections.organization.blocks[1].blocks[0].text'),
  body('sections.interpretationAndResponse.blocks[0].text'),
  body('sections.interpretationAndResponse.blocks[1].text'),
  body('sections.interpretationAndResponse.blocks[2].blocks[0].text'),
  body('sections.interpretationAndResponse.blocks[3].blocks[0].text'),
  body('sections.interpretationAndResponse.blocks[4].blocks[0].text'),
  body('sections.keyAreas.blocks[0].text'),
  body('sections.proactiveDisclosure.blocks[0].blocks[0].items[0].text'),
  ['doubled_punctuation', 'sections.proactiveDisclosure.blocks[0].blocks[0].items[0].text'], // 3件。。
  body('sections.proactiveDisclosure.blocks[0].blocks[0].items[1].text'),
  // items[2] (政务微博、微信。临市民政局…) has no half-width punctuation
  body('sections.proactiveDisclosure.blocks[0].blocks[0].items[3].text'),
  body('sections.applications.blocks[0].text'),
  body('sections.fees.blocks[0].text'),
  body('sections.reviewsAndLitigation.blocks[0].text'),
  body('sections.confidentialityReview.blocks[0].text'),
  ['stray_whitespace', 'sections.confidentialityReview.blocks[0].text'], // 整改措施, “天珣: a space before a full-width quote
  body('sections.confidentialityReview.blocks[1].text'),
  body('sections.affiliatedInstitutions.blocks[0].text'),
  body('sections.affiliatedInstitutions.blocks[1].text'),
  body('sections.problemsAndImprovements.blocks[0].text'),
  body('sections.problemsAndImprovements.blocks[1].text'),
  body('sections.otherMatters.blocks[0].text'),
];

describe('the seed fixture (临沂市民政局 2017)', () => {
  const result = validateReport(loadFixture());

  it('validates with no errors and returns the parsed report', () => {
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.report?.metadata.agency).toBe('临沂市民政局');
  });

  it('produces exactly the expected warnings', () => {
    const actual = result.warnings.map((w) => [w.code, w.path]);
    expect(new Set(actual.map((a) => JSON.stringify(a))).size).toBe(actual.length);
    expect([...actual].sort()).toEqual([...EXPECTED_WARNINGS].map((e) => [...e]).sort());
    expect(result.warnings.every((w) => w.severity === 'warning')).toBe(true);
  });

  it('names the figures in the statistics warnings', () => {
    const sum = result.warnings.find((w) => w.code === 'sum_mismatch')!;
    expect(sum.label).toBe('不同意公开答复数');
    expect(sum.message).toContain('为4');
    expect(sum.message).toContain('之和为0');
    const atMost = result.warnings.find((w) => w.code === 'at_most_violation')!;
    expect(atMost.label).toBe('其他方式公开政府信息数');
    expect(atMost.message).toContain('500');
    expect(atMost.message).toContain('393');
  });

  it('counts and quotes half-width marks per field', () => {
    const w = result.warnings.find((x) => x.code === 'halfwidth_punctuation' && x.path === 'sections.problemsAndImprovements.blocks[0].text')!;
    expect(w.label).toBe('政府信息公开工作存在的主要问题及改进情况 › 段落文字');
    expect(w.message).toContain('3处');
    expect(w.message).toContain('存在主要问题:一是');
  });

  it('is a faithful record: all sections, every row value, no attachment note, section 九 uses the canonical title', () => {
    const fx = loadFixture();
    expect(Object.keys(fx.sections)).toEqual([...SECTION_KEYS]);
    expect(Object.keys(fx.statistics!.values).sort()).toEqual([...STATISTICS_VALUE_IDS].sort());
    expect(fx.sections.confidentialityReview!.title).toBeUndefined();
    expect(JSON.stringify(fx)).not.toContain('附:');
    expect(JSON.stringify(fx)).toContain('3件。。');
    expect(JSON.stringify(fx)).toContain('措施, “天珣');
    expect(fx.statistics!.notes).toEqual({ 'response.pressConferences': '依托行风热线发布民政最新工作动态' });
  });
});
