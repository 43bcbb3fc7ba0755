import { describe, expect, it } from 'vitest';
import { STATISTICS_ROW_BY_ID, STATISTICS_RULES, formatPath, checkReport as validateReport, type Report } from '../../src/model/index.js';
import { initReport } from '../../src/cli/initReport.js';
import { cleanReport } from './loadFixture.js';

const pathOf = (id: string) => formatPath(['statistics', 'values', id]);
const withValues = (values: Record<string, number>): Report => {
  const report = cleanReport();
  Object.assign(report.statistics!.values, values);
  return report;
};
const issuesAt = (report: Report, code: string, path: string) =>
  validateReport(report).warnings.filter((w) => w.code === code && w.path === path);

describe('statistics rules', () => {
  it('a table of zeros breaks no rule', () => {
    expect(validateReport(cleanReport()).warnings).toEqual([]);
  });

  for (const rule of STATISTICS_RULES) {
    if (rule.kind === 'sum') {
      describe(`sum: ${rule.total} = ${rule.parts.join(' + ')}`, () => {
        it('warns when the total differs from the sum of its parts', () => {
          const found = issuesAt(withValues({ [rule.total]: 1 }), 'sum_mismatch', pathOf(rule.total));
          expect(found).toHaveLength(1);
          expect(found[0]!.label).toBe(STATISTICS_ROW_BY_ID.get(rule.total)!.label);
          expect(found[0]!.message).toContain(`为1，但其下各项之和为0`);
        });
        it('is silent when the total equals the sum of its parts', () => {
          const values = Object.fromEntries(rule.parts.map((id) => [id, 2]));
          const report = withValues({ ...values, [rule.total]: 2 * rule.parts.length });
          expect(issuesAt(report, 'sum_mismatch', pathOf(rule.total))).toEqual([]);
        });
      });
    } else if (rule.kind === "atMost") {
      describe(`at most: ${rule.part} ≤ ${rule.whole}`, () => {
        it('warns when the part exceeds the whole', () => {
          const found = issuesAt(withValues({ [rule.part]: 3, [rule.whole]: 2 }), 'at_most_violation', pathOf(rule.part));
          expect(found).toHaveLength(1);
          expect(found[0]!.label).toBe(STATISTICS_ROW_BY_ID.get(rule.part)!.label);
          expect(found[0]!.message).toContain(rule.reason);
        });
        it('is silent when the part equals the whole', () => {
          expect(issuesAt(withValues({ [rule.part]: 2, [rule.whole]: 2 }), 'at_most_violation', pathOf(rule.part))).toEqual([]);
        });
      });
    }
  }

  it('skips a rule when one of its values is invalid (the value error is reported instead)', () => {
    const result = validateReport(withValues({ 'archives.paper': -1, archives: 5 }));
    expect(result.errors.map((e) => e.code)).toEqual(['negative_value']);
    expect(result.warnings.filter((w) => w.code === 'sum_mismatch')).toEqual([]);
  });

  it('accepts decimal amounts as numbers or decimal strings', () => {
    for (const funding of [2.5, '2.50', '0', 0]) {
      const report = cleanReport();
      report.statistics!.values['capacity.funding'] = funding;
      expect(validateReport(report).errors).toEqual([]);
    }
  });
});

describe('cells that do not apply (— or /)', () => {
  it('are accepted for counts and amounts, counted as 0 by the rules and printed as written', async () => {
    const { readFileSync } = await import('node:fs');
    const report = JSON.parse(readFileSync(new URL('../../fixtures/huaian-shi-2024.json', import.meta.url), 'utf8')) as Report;
    const values = report.statistics!.values as Record<string, number | string>;
    values['proactive.rules.issued'] = '—';
    values['proactive.rules.repealed'] = '/';
    values['proactive.rules.inForce'] = '—';
    values['proactive.fees.amount'] = '—';
    const result = validateReport(report);
    expect(result.errors).toEqual([]);
    // A dash counts as 0: 一 + 二 = 三（七） + 四 still holds where it held, and a dash in a sum part is no mismatch.
    values['applications.new.natural'] = '—';
    const mismatch = validateReport(report).warnings.filter((w) => w.path === pathOf('applications.new.total'));
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toContain('自然人 0');
    const table = result.document!.blocks.find((b) => b.kind === 'table' && b.table.id === 'proactive');
    const cells = table && table.kind === 'table' ? table.table.body.flatMap((r) => r.cells.map((c) => c.pieces.map((p) => p.text).join(''))) : [];
    expect(cells.filter((t) => t === '—')).toHaveLength(3);
    expect(cells).toContain('/');
  });

  it('are refused when written otherwise (a word, a hyphen)', () => {
    for (const bad of ['无', '-', '——']) {
      const report = cleanReport();
      (report.statistics!.values as Record<string, unknown>)['applications.received'] = bad;
      expect(validateReport(report).errors.map((e) => e.code), bad).toEqual(['count_is_string']);
    }
  });
});

describe('the 2019 trial format: 本年增/减, an integer with its sign', () => {
  const report2019 = (values: Record<string, unknown>): Report => {
    const report = initReport('某市某局', 2020, '2021-01-31', undefined, '2019');
    Object.assign(report.statistics!.values, values);
    return report;
  };

  const proactiveRows = (report: Report) => {
    const result = validateReport(report);
    expect(result.errors).toEqual([]);
    const table = result.document!.blocks.find((b) => b.kind === 'table' && b.table.id === 'proactive');
    return table && table.kind === 'table' ? table.table.body.map((r) => r.cells.map((c) => c.pieces.map((p) => p.text).join(''))) : [];
  };

  it('prints 采购总金额 with its unit, which the form\'s heading does not name, and a dash standing for none alone', () => {
    expect(proactiveRows(report2019({ 'proactive.procurement.projects': 15, 'proactive.procurement.amount': '6805947.43' }))).toContainEqual(['政府集中采购', '15', '6805947.43元']);
    expect(proactiveRows(report2019({ 'proactive.procurement.amount': '—' }))).toContainEqual(['政府集中采购', '0', '—']);
  });

  it('takes a fall as a negative number and a sign as written, and prints the value as given', () => {
    const result = validateReport(report2019({ 'proactive.licensing.change': -3, 'proactive.penalties.change': '+2', 'proactive.coercion.change': '−1', 'proactive.fees.change': '—', 'proactive.otherServices.change': 0 }));
    expect(result.errors).toEqual([]);
    const table = result.document!.blocks.find((b) => b.kind === 'table' && b.table.id === 'proactive');
    const rows = table && table.kind === 'table' ? table.table.body.map((r) => r.cells.map((c) => c.pieces.map((p) => p.text).join(''))) : [];
    expect(rows).toContainEqual(['行政许可', '0', '-3', '0']);
    expect(rows).toContainEqual(['行政处罚', '0', '+2', '0']);
    expect(rows).toContainEqual(['行政强制', '0', '−1', '0']);
    expect(rows).toContainEqual(['行政事业性收费', '0', '—']);
  });

  it('refuses a fraction, a word or a count below zero, naming the cell', () => {
    const codes = (values: Record<string, unknown>) => validateReport(report2019(values)).errors.map((e) => [e.code, e.label]);
    expect(codes({ 'proactive.licensing.change': 2.5 })).toEqual([['fractional_count', '行政许可 · 本年增/减']]);
    expect(codes({ 'proactive.licensing.change': '增加2' })).toEqual([['invalid_change', '行政许可 · 本年增/减']]);
    expect(codes({ 'proactive.licensing.change': '2.5' })).toEqual([['invalid_change', '行政许可 · 本年增/减']]);
    expect(codes({ 'proactive.licensing.previous': -1 })).toEqual([['negative_value', '行政许可 · 上一年项目数量']]);
    expect(codes({ 'applications.otherHandling.noCorrection.natural': 1 })).toEqual([['unknown_row', '统计数']]);
  });

  it('warns when more documents were published this year than in all', () => {
    const warnings = validateReport(report2019({ 'proactive.normativeDocuments.published': 5, 'proactive.normativeDocuments.total': 3 })).warnings.filter((w) => w.code !== 'empty_section' && w.code !== 'empty_paragraph');
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['at_most_violation', pathOf('proactive.normativeDocuments.published')]]);
    expect(warnings[0]!.message).toBe('“规范性文件 · 本年新公开数量”为5，大于“规范性文件 · 对外公开总数量”3：本年新公开的文件包含在对外公开总数之中。');
    expect(validateReport(report2019({ 'proactive.rules.published': 3, 'proactive.rules.total': 3 })).warnings.filter((w) => w.code === 'at_most_violation')).toEqual([]);
  });

  it('counts （六）其他处理, a row without items, in （七）总计', () => {
    const warnings = validateReport(report2019({ 'applications.otherHandling.natural': 2 })).warnings.filter((w) => w.code === 'sum_mismatch');
    expect(warnings.map((w) => w.path)).toEqual([pathOf('applications.total.natural'), pathOf('applications.otherHandling.total')]);
    expect(validateReport(report2019({ 'applications.otherHandling.natural': 2, 'applications.otherHandling.total': 2, 'applications.total.natural': 2, 'applications.total.total': 2, 'applications.new.natural': 2, 'applications.new.total': 2 })).warnings.filter((w) => w.code.endsWith('_mismatch'))).toEqual([]);
  });
});
