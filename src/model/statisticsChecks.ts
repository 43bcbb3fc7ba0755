/**
 * Checks of the statistics table. Errors: `unknown_row`, `group_row_value`, `missing_value`,
 * `negative_value`, `fractional_count`, `count_is_string`, `invalid_number`, `invalid_amount`.
 * Warnings: `sum_mismatch`, `at_most_violation` (one per broken rule in STATISTICS_RULES).
 */
import { formatValue } from './format.js';
import { clip, error, warning } from './issues.js';
import { formatPath } from './paths.js';
import { STATISTICS_ROW_BY_ID, STATISTICS_RULES, STATISTICS_VALUE_IDS, type StatisticsRow } from './statisticsTemplate.js';
import type { Statistics, ValidationIssue } from './types.js';

const AMOUNT = /^\d+(?:\.\d+)?$/;
const NEGATIVE_AMOUNT = /^-\d+(?:\.\d+)?$/;

const valuePath = (id: string) => formatPath(['statistics', 'values', id]);

/** The numeric value of a valid statistics value, or undefined when it is missing or invalid. */
export function numericValue(row: StatisticsRow, value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    return row.kind === 'count' && !Number.isInteger(value) ? undefined : value;
  }
  return row.kind === 'amount' && AMOUNT.test(value) ? Number(value) : undefined;
}

function checkValue(row: StatisticsRow, value: number | string): ValidationIssue | undefined {
  const path = valuePath(row.id);
  const unit = row.unit ? `（单位：${row.unit}）` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return error('invalid_number', path, `应为有限的数字${unit}，实际为${String(value)}。`);
    if (value < 0) return error('negative_value', path, `“${row.label}”不能为负数，实际为${formatValue(value)}${unit}。`);
    if (row.kind === 'count' && !Number.isInteger(value)) {
      return error('fractional_count', path, `“${row.label}”应为非负整数${unit}，实际为小数${String(value)}。`);
    }
    return undefined;
  }
  if (row.kind === 'count') {
    return error('count_is_string', path, `“${row.label}”应为数字（非负整数）${unit}，实际为字符串“${clip(value)}”。`);
  }
  if (NEGATIVE_AMOUNT.test(value)) return error('negative_value', path, `“${row.label}”不能为负数，实际为“${clip(value)}”${unit}。`);
  if (!AMOUNT.test(value)) {
    return error('invalid_amount', path, `“${row.label}”应为数字或十进制数字字符串（如 2 或 "2.50"）${unit}，实际为“${clip(value)}”。`);
  }
  return undefined;
}

/** Errors in `statistics.values` and `statistics.notes`: unknown or group rows, missing and malformed values. */
export function checkStatisticsValues(statistics: Statistics): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const values = statistics.values;
  for (const [id, value] of Object.entries(values)) {
    const row = STATISTICS_ROW_BY_ID.get(id);
    if (!row) out.push(error('unknown_row', valuePath(id), `统计表中没有编号为“${clip(id)}”的行，请检查行编号的拼写。`, '统计数'));
    else if (row.kind === 'group') out.push(error('group_row_value', valuePath(id), `“${row.label}”是分组标题行，不填统计数，应删除此项。`));
    else {
      const problem = checkValue(row, value);
      if (problem) out.push(problem);
    }
  }
  for (const id of STATISTICS_VALUE_IDS) {
    if (Object.hasOwn(values, id)) continue;
    const row = STATISTICS_ROW_BY_ID.get(id)!;
    out.push(error('missing_value', valuePath(id), `缺少“${row.label}”的统计数（单位：${row.unit}），应填写数值，没有则填 0。`));
  }
  for (const id of Object.keys(statistics.notes ?? {})) {
    if (!STATISTICS_ROW_BY_ID.has(id)) {
      out.push(error('unknown_row', formatPath(['statistics', 'notes', id]), `备注所指的行“${clip(id)}”不在统计表中，请检查行编号的拼写。`, '行备注'));
    }
  }
  return out;
}

const show = (n: number) => formatValue(Math.round(n * 1e6) / 1e6);

/** Warnings for every broken rule of STATISTICS_RULES; rules touching a missing or invalid value are skipped. */
export function checkStatisticsRules(values: Readonly<Record<string, number | string>>): ValidationIssue[] {
  const num = (id: string) => numericValue(STATISTICS_ROW_BY_ID.get(id)!, values[id]);
  const label = (id: string) => STATISTICS_ROW_BY_ID.get(id)!.label;
  const out: ValidationIssue[] = [];
  for (const rule of STATISTICS_RULES) {
    if (rule.kind === 'sum') {
      const total = num(rule.total);
      const parts = rule.parts.map(num);
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - total) < 1e-9) continue;
      const terms = rule.parts.map((id, i) => `${label(id)} ${show(parts[i]!)}`).join(' + ');
      out.push(
        warning(
          'sum_mismatch',
          valuePath(rule.total),
          `“${label(rule.total)}”为${show(total)}，但其下各项之和为${show(sum)}（${terms}），两者应相等。`,
        ),
      );
    } else {
      const part = num(rule.part);
      const whole = num(rule.whole);
      if (part === undefined || whole === undefined || part <= whole + 1e-9) continue;
      out.push(
        warning(
          'at_most_violation',
          valuePath(rule.part),
          `“${label(rule.part)}”为${show(part)}，大于“${label(rule.whole)}”${show(whole)}：${rule.reason}。`,
        ),
      );
    }
  }
  return out;
}
