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
