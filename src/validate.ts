/**
 * `validateReport`: every fault of a report in one answer, checked against the same fonts `renderReport` would draw
 * it with (the embedded defaults unless `fonts` says otherwise), so that a report it accepts renders.
 */
import type { LayoutOptions } from './compose/layoutOptions.js';
import { resolveFonts, type FontOptions } from './fonts/fontSet.js';
import type { ReportLimits, ValidationResult } from './model/types.js';
import { checkReport } from './model/validateReport.js';
import { validateOptionProblems } from './options.js';

/** Options of `validateReport`: strictness, limits, and the fonts (and layout) the report will be rendered with. */
export interface ValidateOptions extends FontOptions {
  /** Turn every warning into an error (codes are kept). */
  readonly strict?: boolean;
  /** Overrides of `DEFAULT_LIMITS`. */
  readonly limits?: Partial<ReportLimits>;
  /** The layout the report will be rendered with (its `itemNumbering` changes what is printed). */
  readonly layout?: Partial<LayoutOptions>;
}

/** Validates untrusted input as a report; never throws. `report` is the parsed report, present iff `ok`. */
export function validateReport(input: unknown, options?: ValidateOptions): ValidationResult {
  const problems = validateOptionProblems(options);
  if (problems.length > 0) {
    return { ok: false, errors: problems.map((message) => ({ severity: 'error', code: 'invalid_options', path: '', message })), warnings: [] };
  }
  let fonts;
  try {
    fonts = resolveFonts(options ?? {});
  } catch (e) {
    return { ok: false, errors: [{ severity: 'error', code: 'font_error', path: '', message: `字体无法使用：${(e as Error).message}` }], warnings: [] };
  }
  const { template: _t, document: _d, ...result } = checkReport(input, {
    strict: options?.strict === true,
    canDraw: (cp, role) => fonts[role].stack.canDraw(cp),
    ...(options?.limits ? { limits: options.limits } : {}),
    ...(options?.layout?.itemNumbering ? { itemNumbering: options.layout.itemNumbering } : {}),
  });
  return result;
}
