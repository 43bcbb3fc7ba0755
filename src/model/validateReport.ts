/**
 * `validateReport`: the single gate between untrusted input and the renderer. Order of work: size limits on
 * the raw input (cheap), the zod schema (structure), then value and per-character checks, then lints.
 *
 * Codes of this module: `invalid_input` (the input could not be read at all, e.g. a throwing getter),
 * `invalid_date`, `date_before_period_end`, `date_after_deadline`, `unknown_placeholder`,
 * `placeholder_group_row`, `too_many_issues`. Other codes are documented in zodIssues.ts, limits.ts,
 * characters.ts, characterChecks.ts, statisticsChecks.ts and textLints.ts.
 */
import { checkDrawable, checkForbiddenCharacters } from './characterChecks.js';
import { formatChineseDate, isValidIsoDate } from './format.js';
import { clip, error, warning } from './issues.js';
import { checkLimits, resolveLimits } from './limits.js';
import { findPlaceholders } from './placeholders.js';
import { collectTexts, generatedTexts } from './reportText.js';
import { reportSchema } from './schema.js';
import { checkStatisticsRules, checkStatisticsValues } from './statisticsChecks.js';
import { STATISTICS_ROW_BY_ID } from './statisticsTemplate.js';
import { lintStructure, lintTextField } from './textLints.js';
import type { Report, ReportTextField, ValidateOptions, ValidationIssue, ValidationResult } from './types.js';
import { mapZodIssues } from './zodIssues.js';

export { DEFAULT_LIMITS } from './limits.js';

const MAX_ISSUES = 500;

/** Validates untrusted input as a report; never throws. `report` is the parsed report, present iff `ok`. */
export function validateReport(input: unknown, options?: ValidateOptions): ValidationResult {
  const strict = isObject(options) && options.strict === true;
  try {
    return run(input, isObject(options) ? options : {}, strict);
  } catch (e) {
    const reason = e instanceof Error ? e.message : '未知错误';
    return finish([error('invalid_input', '', `无法读取输入（${reason.slice(0, 200)}），应为普通的 JSON 对象。`)], [], undefined, false);
  }
}

function isObject(value: unknown): value is ValidateOptions {
  return value !== null && typeof value === 'object';
}

function run(input: unknown, options: ValidateOptions, strict: boolean): ValidationResult {
  const limitIssues = checkLimits(input, resolveLimits(isObject(options.limits) ? options.limits : undefined));
  if (limitIssues.length > 0) return finish(limitIssues, [], undefined, strict);
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) return finish(mapZodIssues(parsed.error.issues, input), [], undefined, strict);
  const report = parsed.data;
  const fields = collectTexts(report);
  const dates = checkSignatureDate(report);
  const errors: ValidationIssue[] = [
    ...checkForbiddenCharacters(input), // the raw input: zod’s trim() would hide a leading U+FEFF or tab
    ...dates.errors,
    // The raw statistics: zod's record drops a `__proto__` key silently, which must still be reported as unknown.
    ...checkStatisticsValues((input as Pick<Report, 'statistics'>).statistics),
    ...fields.flatMap(checkPlaceholders),
  ];
  if (typeof options.canDraw === 'function') {
    errors.push(...checkDrawable(fields, options.canDraw), ...checkDrawable(generatedTexts(report), options.canDraw, true));
  }
  const warnings: ValidationIssue[] = [
    ...dates.warnings,
    ...checkStatisticsRules(report.statistics.values),
    ...lintStructure(report),
    ...fields.flatMap(lintTextField),
  ];
  return finish(errors, warnings, report, strict);
}

function finish(errors: ValidationIssue[], warnings: ValidationIssue[], report: Report | undefined, strict: boolean): ValidationResult {
  const allErrors = strict ? [...errors, ...warnings.map((w) => ({ ...w, severity: 'error' as const }))] : errors;
  const allWarnings = strict ? [] : warnings;
  const cappedErrors = cap(allErrors);
  const ok = cappedErrors.length === 0;
  return ok && report ? { ok, report, errors: cappedErrors, warnings: cap(allWarnings) } : { ok: false, errors: cappedErrors, warnings: cap(allWarnings) };
}

function cap(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const first = issues[0]!;
  const more = { severity: first.severity, code: 'too_many_issues', path: '', message: `另有${issues.length - MAX_ISSUES}个问题未列出。` };
  return [...issues.slice(0, MAX_ISSUES), more];
}

/** The signature date must exist, fall after the reporting year, and be no later than 31 March of the next year. */
function checkSignatureDate(report: Report): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  const { date } = report.signature;
  const path = 'signature.date';
  if (!isValidIsoDate(date)) {
    return { errors: [error('invalid_date', path, `日期“${clip(date)}”不存在，应为真实的日期（YYYY-MM-DD，如 2018-01-21）。`)], warnings: [] };
  }
  const year = report.metadata.year;
  const warnings: ValidationIssue[] = [];
  if (date <= `${year}-12-31`) {
    warnings.push(
      warning('date_before_period_end', path, `成文日期${formatChineseDate(date)}不晚于统计期截止日${year}年12月31日，应在统计期结束之后。`),
    );
  } else if (date > `${year + 1}-03-31`) {
    warnings.push(warning('date_after_deadline', path, `成文日期${formatChineseDate(date)}晚于${year + 1}年3月31日，年度报告应在此日期前公布。`));
  }
  return { errors: [], warnings };
}

/** `{{id}}` must name a statistics row that carries a value. */
function checkPlaceholders(field: ReportTextField): ValidationIssue[] {
  return findPlaceholders(field.text).flatMap((p) => {
    const row = STATISTICS_ROW_BY_ID.get(p.id);
    const written = clip(field.text.slice(p.start, p.end), 60);
    if (!row) {
      return [error('unknown_placeholder', field.path, `引用了不存在的统计项“${written}”，花括号内应为统计表的行编号，如 {{applications.received}}。`)];
    }
    if (row.kind === 'group') {
      return [error('placeholder_group_row', field.path, `“${written}”是分组标题行“${row.label}”，没有统计数，不能引用。`)];
    }
    return [];
  });
}
