/**
 * Checks of the statistics of a template. Errors: `unknown_row`, `group_row_value`, `missing_value`,
 * `negative_value`, `fractional_count`, `count_is_string`, `invalid_number`, `invalid_amount`, `invalid_change`, `unsafe_integer`.
 * Warnings: `sum_mismatch`, `at_most_violation`, `balance_mismatch`, `previous_mismatch` (one per broken rule),
 * each naming the cells with their Chinese row and column labels.
 */
import { formatValue } from './format.js';
import { clip, error, warning } from './issues.js';
import { formatPath } from './paths.js';
import { rowsById, valueCells, type Template, type ValueCell, type ValueKind } from './templates/index.js';
import type { ValidationIssue } from './types.js';

const AMOUNT = /^\d+(?:\.\d+)?$/;
/** A change (本年增/减) written as text: an integer with its sign, as the form prints it (+2, -1, −1). */
const CHANGE = /^[+\-\u2212]?\d+$/;

/**
 * What a report writes in a cell that does not apply to its agency (a department has no 规章 to count): a dash or a
 * slash, printed as written and counted as 0 by the rules.
 */
export const NOT_APPLICABLE: ReadonlySet<string> = new Set(['—', '／', '/']);
const NEGATIVE_AMOUNT = /^-\d+(?:\.\d+)?$/;

const valuePath = (id: string, group = 'values') => formatPath(['statistics', group, id]);

/** The numeric value of a valid statistics value, or undefined when it is missing or invalid. */
export function numericValue(kind: ValueKind, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && NOT_APPLICABLE.has(value)) return 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (value < 0 && kind !== 'change')) return undefined;
    if (kind !== 'amount' && (!Number.isInteger(value) || !Number.isSafeInteger(value))) return undefined;
    return value;
  }
  if (typeof value !== 'string') return undefined;
  if (kind === 'change') return CHANGE.test(value) ? Number(value.replace('\u2212', '-')) : undefined;
  return kind === 'amount' && AMOUNT.test(value) ? Number(value) : undefined;
}

/**
 * The error of one value, or undefined: a count is a non-negative integer, an amount a non-negative decimal (or its
 * digits as text), a change (本年增/减) an integer, negative when the number fell, or its text with the sign as printed.
 */
function checkValue(cell: ValueCell, value: unknown, group: string): ValidationIssue | undefined {
  const path = valuePath(cell.id, group);
  const { label, unit, valueKind } = cell.cell;
  const unitText = unit ? `（单位：${unit}）` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return error('invalid_number', path, `应为有限的数字${unitText}，实际为${String(value)}。`);
    if (value < 0 && valueKind !== 'change') return error('negative_value', path, `“${label}”不能为负数，实际为${formatValue(value)}${unitText}。`);
    if (valueKind !== 'amount' && !Number.isInteger(value)) return error('fractional_count', path, `“${label}”应为${valueKind === 'change' ? '整数（减少时为负数）' : '非负整数'}${unitText}，实际为小数${String(value)}。`);
    if (!Number.isSafeInteger(Math.trunc(value))) return error('unsafe_integer', path, `“${label}”为${String(value)}，超出可精确表示的整数范围（最大 9007199254740991）。`);
    return undefined;
  }
  if (typeof value !== 'string') return error('invalid_type', path, `“${label}”应为${valueKind === 'change' ? '整数' : '数字'}${unitText}。`);
  if (NOT_APPLICABLE.has(value)) return undefined;
  if (valueKind === 'change') return CHANGE.test(value) ? undefined : error('invalid_change', path, `“${label}”应为整数，增加可写 2 或 "+2"，减少写 -2 或 "-2"${unitText}，实际为“${clip(value)}”。`);
  if (valueKind === 'count') return error('count_is_string', path, `“${label}”应为数字（非负整数）${unitText}，实际为字符串“${clip(value)}”；不适用的项可写 "—" 或 "/"。`);
  if (NEGATIVE_AMOUNT.test(value)) return error('negative_value', path, `“${label}”不能为负数，实际为“${clip(value)}”${unitText}。`);
  if (!AMOUNT.test(value)) return error('invalid_amount', path, `“${label}”应为数字或十进制数字字符串（如 2 或 "2.50"）${unitText}，实际为“${clip(value)}”。`);
  return undefined;
}

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Errors in `statistics.values`, `statistics.previous` and `statistics.notes` of a template (raw input: any shape). */
export function checkStatisticsValues(statistics: unknown, template: Template): ValidationIssue[] {
  if (!isObj(statistics)) return [];
  const out: ValidationIssue[] = [];
  const cells = valueCells(template);
  const rows = rowsById(template);
  const values = statistics['values'];
  if (isObj(values)) {
    for (const id of Object.keys(values)) {
      const cell = cells.get(id);
      if (!cell) {
        const row = rows.get(id);
        if (row) out.push(error('group_row_value', valuePath(id), `“${row.row.cells.find((c) => c.kind === 'label')?.text ?? id}”是分组标题行，不填统计数，应删除此项。`));
        else out.push(error('unknown_row', valuePath(id), `统计表中没有编号为“${clip(id)}”的项，请检查编号的拼写（模板 ${template.id}）。`, '统计数'));
        continue;
      }
      const problem = checkValue(cell, values[id], 'values');
      if (problem) out.push(problem);
    }
    for (const cell of cells.values()) {
      if (Object.hasOwn(values, cell.id)) continue;
      const unit = cell.cell.unit ? `（单位：${cell.cell.unit}）` : '';
      out.push(error('missing_value', valuePath(cell.id), `缺少“${cell.cell.label}”的统计数${unit}，应填写数值，没有则填 0。`));
    }
  }
  const previous = statistics['previous'];
  if (isObj(previous)) {
    for (const id of Object.keys(previous)) {
      const cell = cells.get(id);
      if (!cell) out.push(error('unknown_row', valuePath(id, 'previous'), `上年度数据中的“${clip(id)}”不是统计表的项，请检查编号的拼写。`, '上年度统计数'));
      else {
        const problem = checkValue(cell, previous[id], 'previous');
        if (problem) out.push(problem);
      }
    }
  }
  const notes = statistics['notes'];
  if (isObj(notes)) {
    for (const id of Object.keys(notes)) {
      if (!rows.has(id)) out.push(error('unknown_row', valuePath(id, 'notes'), `备注所指的行“${clip(id)}”不在统计表中，请检查行编号的拼写。`, '行备注'));
    }
  }
  return out;
}

const show = (n: number) => formatValue(Math.round(n * 1e6) / 1e6);

/** Warnings for every broken rule of the template; rules touching a missing or invalid value are skipped. */
export function checkStatisticsRules(values: Readonly<Record<string, unknown>>, template: Template, previous: Readonly<Record<string, unknown>> = {}): ValidationIssue[] {
  const cells = valueCells(template);
  const kindOf = (id: string) => cells.get(id)?.cell.valueKind ?? 'count';
  const num = (id: string) => numericValue(kindOf(id), values[id]);
  const label = (id: string) => cells.get(id)?.cell.label ?? id;
  const terms = (ids: readonly string[], nums: readonly (number | undefined)[]) => ids.map((id, i) => `${label(id)} ${show(nums[i]!)}`).join(' + ');
  const sum = (nums: readonly (number | undefined)[]) => (nums as number[]).reduce((a, b) => a + b, 0);
  const out: ValidationIssue[] = [];
  for (const rule of template.rules) {
    if (rule.kind === 'sum') {
      const total = num(rule.total);
      const parts = rule.parts.map(num);
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      const s = sum(parts);
      if (Math.abs(s - total) < 1e-9) continue;
      out.push({
        ...warning('sum_mismatch', valuePath(rule.total), `“${label(rule.total)}”为${show(total)}，但其下各项之和为${show(s)}（${terms(rule.parts, parts)}），两者应相等。`),
        cells: [rule.total, ...rule.parts],
      });
    } else if (rule.kind === 'atMost') {
      const part = num(rule.part);
      const whole = num(rule.whole);
      if (part === undefined || whole === undefined || part <= whole + 1e-9) continue;
      out.push({
        ...warning('at_most_violation', valuePath(rule.part), `“${label(rule.part)}”为${show(part)}，大于“${label(rule.whole)}”${show(whole)}：${rule.reason}。`),
        cells: [rule.part, rule.whole],
      });
    } else if (rule.kind === 'balance') {
      const left = rule.left.map(num);
      const right = rule.right.map(num);
      if ([...left, ...right].some((v) => v === undefined)) continue;
      if (Math.abs(sum(left) - sum(right)) < 1e-9) continue;
      out.push({
        ...warning(
          'balance_mismatch',
          valuePath(rule.left[0]!),
          `${terms(rule.left, left)} = ${show(sum(left))}，而 ${terms(rule.right, right)} = ${show(sum(right))}，两者应相等（本年新收加上年结转，等于本年办理总计加结转下年度）。`,
        ),
        cells: [...rule.left, ...rule.right],
      });
    } else {
      const value = num(rule.value);
      const before = numericValue(kindOf(rule.previous), previous[rule.previous]);
      const plus = rule.plus.map(num);
      const minus = rule.minus.map(num);
      if (value === undefined || before === undefined || [...plus, ...minus].some((v) => v === undefined)) continue;
      const expected = before + sum(plus) - sum(minus);
      if (Math.abs(expected - value) < 1e-9) continue;
      const change = [...rule.plus.map((id, i) => ` + ${label(id)} ${show(plus[i]!)}`), ...rule.minus.map((id, i) => ` − ${label(id)} ${show(minus[i]!)}`)].join('');
      out.push({
        ...warning('previous_mismatch', valuePath(rule.value), `“${label(rule.value)}”为${show(value)}，但按上年度报告应为${show(expected)}（上年度“${label(rule.previous)}”${show(before)}${change}）。`),
        cells: [rule.value, ...rule.plus, ...rule.minus],
      });
    }
  }
  return out;
}
