import type { RowDefinition } from './templates/types.js';

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1..99 as used in headings and dates: 一, 十, 十二, 二十一. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones === 0 ? '' : DIGITS[ones]!);
}

/** A year in Chinese numerals, digit by digit: 2022 → 二〇二二. */
export function chineseYear(year: number): string {
  return [...String(year)].map((d) => DIGITS[Number(d)] ?? d).join('');
}

/** How level-3 items are numbered: `1.` (GB/T 9704) or `1、` (common in practice). */
export type ItemNumbering = 'period' | 'comma';

/** The generated label of a heading or item at a level (GB/T 9704 §7.3.3): 1 一、 · 2 （一） · 3 1. (or 1、) · 4 （1）. */
export function numberLabel(level: 1 | 2 | 3 | 4, n: number, items: ItemNumbering = 'period'): string {
  if (level === 1) return `${chineseNumeral(n)}、`;
  if (level === 2) return `（${chineseNumeral(n)}）`;
  if (level === 4) return `（${n}）`;
  return items === 'comma' ? `${n}、` : `${n}.`;
}

/** Indent of a numbered table label by level, in cells: each level visibly further in than the one above. */
const LEVEL_INDENT: Record<1 | 2 | 3 | 4, number> = { 1: 0, 2: 1, 3: 3, 4: 4 };
/** Width of 其中：, under which the other rows of a 其中 group align. */
const QIZHONG = 3;

/** Generated numbering of the rows of a numbered statistics table (as printed, and as the editor shows it): a prefix and an indent per row. */
export function numberTableRows(rows: readonly RowDefinition[]): Map<string, { prefix: string; indent: number }> {
  const counters = new Map<string | undefined, number>();
  const out = new Map<string, { prefix: string; indent: number }>();
  let previous: RowDefinition | undefined;
  for (const row of rows) {
    const key = row.level === 1 ? undefined : row.parent;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    let prefix = '';
    let indent = LEVEL_INDENT[row.level];
    if (row.level < 4) prefix = numberLabel(row.level as 1 | 2 | 3, n);
    else if (previous?.level === 4 && previous.parent === row.parent) indent += QIZHONG; // aligned under the text after 其中：
    else prefix = '其中：';
    out.set(row.id, { prefix, indent });
    previous = row;
  }
  return out;
}
