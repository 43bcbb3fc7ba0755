/**
 * `checkReport`: the single gate between untrusted input and the renderer. Every fault is reported in one pass:
 * size limits first (cheap; an oversized input stops there), then the template, the schema of that template, and
 * the checks of values, structure, characters and text, which all run on the raw input whether or not the schema
 * passed. A report with no error is resolved into the document that will be printed, and the fonts are checked
 * against exactly its texts. `validateReport` (in the package's entry) adds the default fonts.
 *
 * Codes of this module: `invalid_input` (the input could not be read at all, e.g. a throwing getter),
 * `unknown_template`, `too_many_issues`. Other codes are documented in zodIssues.ts, limits.ts, characters.ts,
 * characterChecks.ts, statisticsChecks.ts, structureChecks.ts and textLints.ts.
 */
import { checkDrawable, checkForbiddenCharacters } from './characterChecks.js';
import { documentTexts, type ResolvedDocument } from './document.js';
import { clip, error, withLabel } from './issues.js';
import { checkLimits, resolveLimits } from './limits.js';
import { collectTexts } from './reportText.js';
import { resolveDocument, type ResolveOptions } from './resolve.js';
import { reportSchemaOf } from './schema.js';
import { checkStatisticsRules, checkStatisticsValues } from './statisticsChecks.js';
import { checkStructure } from './structureChecks.js';
import { TEMPLATES, templateOf, type Template } from './templates/index.js';
import { lintStructure, lintTextField } from './textLints.js';
import type { CheckOptions, Report, ValidationIssue, ValidationResult } from './types.js';
import { mapZodIssues } from './zodIssues.js';

export { DEFAULT_LIMITS } from './limits.js';

const MAX_ISSUES = 500;

/** What `checkReport` finds: the validation result, and for a valid report its template and resolved document. */
export interface CheckResult extends ValidationResult {
  readonly template?: Template;
  readonly document?: ResolvedDocument;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks untrusted input as a report; never throws. `report` and `document` are present iff `ok`. */
export function checkReport(input: unknown, options?: CheckOptions & ResolveOptions): CheckResult {
  const opts = isObj(options) ? (options as CheckOptions & ResolveOptions) : {};
  const strict = opts.strict === true;
  try {
    return run(input, opts, strict);
  } catch (e) {
    const reason = e instanceof Error ? e.message : '未知错误';
    return finish([error('invalid_input', '', `无法读取输入（${reason.slice(0, 200)}），应为普通的 JSON 对象。`)], [], TEMPLATES['2014'], strict);
  }
}

function run(input: unknown, options: CheckOptions & ResolveOptions, strict: boolean): CheckResult {
  const limitIssues = checkLimits(input, resolveLimits(isObj(options.limits) ? options.limits : undefined));
  if (limitIssues.length > 0) return finish(limitIssues, [], TEMPLATES['2014'], strict);
  const raw = isObj(input) ? input : undefined;
  const template = templateOf(raw?.['template']);
  if (!template) {
    const given = raw?.['template'];
    const shown = typeof given === 'string' ? `“${clip(given)}”` : `${JSON.stringify(given) ?? String(given)}`;
    return finish([error('unknown_template', 'template', `不支持的模板${shown}；应为 2014（十二部分，默认）、2008（七部分）、2019（2019年试行的全国统一格式）或 2021（全国统一格式，三个统计表）之一。`, '模板')], [], TEMPLATES['2014'], strict);
  }
  const parsed = reportSchemaOf(template.id).safeParse(input);
  const fields = collectTexts(input, template);
  const structure = checkStructure(input, template, fields);
  const statistics = raw?.['statistics'];
  const errors: ValidationIssue[] = [
    ...(parsed.success ? [] : mapZodIssues(parsed.error.issues, input, template)),
    ...checkForbiddenCharacters(input), // the raw input: zod's trim() would hide a leading U+FEFF or tab
    ...structure.errors,
    ...checkStatisticsValues(statistics, template),
  ];
  const values = isObj(statistics) && isObj(statistics['values']) ? statistics['values'] : {};
  const previous = isObj(statistics) && isObj(statistics['previous']) ? statistics['previous'] : {};
  const warnings: ValidationIssue[] =
    options.warnings === false && !strict
      ? []
      : [...structure.warnings, ...checkStatisticsRules(values, template, previous), ...lintStructure(input, template), ...fields.flatMap(lintTextField)];
  let document: ResolvedDocument | undefined;
  if (parsed.success && errors.length === 0) {
    document = resolveDocument(parsed.data as Report, template, options);
    if (typeof options.canDraw === 'function') errors.push(...checkDrawable(documentTexts(document), options.canDraw));
  } else if (typeof options.canDraw === 'function') {
    errors.push(...checkDrawable(fields, options.canDraw));
  }
  const result = finish(errors, warnings, template, strict, parsed.success ? (parsed.data as Report) : undefined);
  return result.ok && document ? { ...result, document } : result;
}

function finish(errors: ValidationIssue[], warnings: ValidationIssue[], template: Template, strict: boolean, report?: Report): CheckResult {
  const labelled = (list: ValidationIssue[]) => list.map((i) => withLabel(i, template));
  const allErrors = strict ? [...errors, ...warnings.map((w) => ({ ...w, severity: 'error' as const }))] : errors;
  const allWarnings = strict ? [] : warnings;
  const cappedErrors = labelled(cap(allErrors));
  const ok = cappedErrors.length === 0;
  const base = { ok, errors: cappedErrors, warnings: labelled(cap(allWarnings)), template };
  return ok && report ? { ...base, report } : { ...base, ok: false };
}

function cap(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const first = issues[0]!;
  const more = { severity: first.severity, code: 'too_many_issues', path: '', message: `另有${issues.length - MAX_ISSUES}个问题未列出。` };
  return [...issues.slice(0, MAX_ISSUES), more];
}
