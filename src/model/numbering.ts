const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1..99 as used in headings: 一, 十, 十二, 二十一. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (ones === 0 ? '' : DIGITS[ones]!);
}

/** How level-3 items are numbered: `1.` (GB/T 9704) or `1、` (common in practice). */
export type ItemNumbering = 'period' | 'comma';

/** The generated label of a heading or item at a level (1: 一、 2: （一） 3: 1. or 1、). */
export function numberLabel(level: 1 | 2 | 3, n: number, items: ItemNumbering = 'period'): string {
  if (level === 1) return `${chineseNumeral(n)}、`;
  if (level === 2) return `（${chineseNumeral(n)}）`;
  return items === 'comma' ? `${n}、` : `${n}.`;
}
