/** Formatting of dates, titles and statistics values as they are printed. */
import { chineseNumeral, chineseYear } from './numbering.js';
import type { ReportMetadata } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits an ISO date `YYYY-MM-DD` into numbers when it names a real calendar day (2018-02-30 does not). */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

/** Whether a string is an ISO date `YYYY-MM-DD` of a real calendar day. */
export function isValidIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== undefined;
}

/**
 * `2018-01-21` → `2018年1月21日` (Arabic digits, no zero padding, per GB/T 9704), or with `chinese` numerals
 * `二〇一八年一月二十一日`; throws RangeError on an invalid date.
 */
export function formatChineseDate(iso: string, style: 'arabic' | 'chinese' = 'arabic'): string {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Not a valid ISO date: ${JSON.stringify(iso)}`);
  if (style === 'chinese') return `${chineseYear(d.year)}年${chineseNumeral(d.month)}月${chineseNumeral(d.day)}日`;
  return `${d.year}年${d.month}月${d.day}日`;
}

/** The default report title: agency + year + 年度政府信息公开工作年度报告. */
export function defaultTitle(metadata: Pick<ReportMetadata, 'agency' | 'year'>): string {
  return `${metadata.agency}${metadata.year}年度政府信息公开工作年度报告`;
}

/** The default statistics table title: agency + year + 年度政府信息公开工作情况统计表. */
export function defaultTableTitle(metadata: Pick<ReportMetadata, 'agency' | 'year'>): string {
  return `${metadata.agency}${metadata.year}年度政府信息公开工作情况统计表`;
}

/** The printed report title: `metadata.title`, or the default title. */
export function reportTitle(report: { metadata: Pick<ReportMetadata, 'agency' | 'year' | 'title'> }): string {
  return report.metadata.title ?? defaultTitle(report.metadata);
}

/**
 * A statistics value as printed: integers without separators, amount strings exactly as given, other numbers with
 * at most two decimals (0.1 + 0.2 is 0.3, not 0.30000000000000004).
 */
export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}
