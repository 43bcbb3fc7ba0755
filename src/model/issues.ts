/** Construction of validation issues; their Chinese labels are added by the validator, which knows the template. */
import { formatPath, labelForPath, type PathSegment } from './paths.js';
import type { Template } from './templates/index.js';
import type { ValidationIssue } from './types.js';

/** Builds an issue; without a label, the validator looks one up from the path. */
export function makeIssue(
  severity: ValidationIssue['severity'],
  code: string,
  path: string | readonly PathSegment[],
  message: string,
  label?: string,
): ValidationIssue {
  const pathText = typeof path === 'string' ? path : formatPath(path);
  return label === undefined ? { severity, code, path: pathText, message } : { severity, code, path: pathText, label, message };
}

/** The issue with the Chinese label of its path in the template, unless it has one. */
export function withLabel(issue: ValidationIssue, template: Template): ValidationIssue {
  if (issue.label !== undefined) return issue;
  let label: string | undefined;
  try {
    label = labelForPath(issue.path, template);
  } catch {
    label = undefined;
  }
  if (label === undefined) return issue;
  const { severity, code, path, message, ...rest } = issue;
  return { severity, code, path, label, message, ...rest };
}

/** Shorthand for an error issue. */
export const error = (code: string, path: string | readonly PathSegment[], message: string, label?: string): ValidationIssue =>
  makeIssue('error', code, path, message, label);

/** Shorthand for a warning issue. */
export const warning = (code: string, path: string | readonly PathSegment[], message: string, label?: string): ValidationIssue =>
  makeIssue('warning', code, path, message, label);

/** Chinese name of a JavaScript value's type, for “应为…，实际为…” messages. */
export function describeType(value: unknown): string {
  if (value === undefined) return '空缺';
  if (value === null) return '空值（null）';
  if (Array.isArray(value)) return '数组';
  switch (typeof value) {
    case 'string':
      return '字符串';
    case 'number':
      return Number.isFinite(value) ? (Number.isInteger(value) ? '整数' : '小数') : '非有限数值';
    case 'boolean':
      return '布尔值';
    case 'bigint':
      return '大整数（bigint）';
    case 'object':
      return '对象';
    default:
      return typeof value === 'function' ? '函数' : '其他类型';
  }
}

/** A short excerpt around [start, end) of a text, with ellipses where cut. */
export function excerpt(text: string, start: number, end: number, radius = 6): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uD800-\uDBFF]/.test(text[to - 1]!)) to++;
  return (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
}

/** A user string shortened for a message (at most `max` code units, with an ellipsis). */
export function clip(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
