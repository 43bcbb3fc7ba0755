/**
 * Size limits, checked on the raw input before parsing and before any per-character work, so an oversized
 * input (a 50 MB string, a million blocks) is rejected quickly. Every breach is an error `limit_exceeded`; nesting
 * deeper than any report has (64 levels of objects and arrays; a report needs about 15) is an error `too_deep`, found
 * here so that no later recursive step (the schema, the walkers) ever sees it.
 */
import { error } from './issues.js';
import type { PathSegment } from './pathSyntax.js';
import type { ReportLimits, ValidationIssue } from './types.js';

/** The default limits: 100 000 characters per field, 5 000 blocks, 2 000 000 characters in all. */
export const DEFAULT_LIMITS: ReportLimits = Object.freeze({
  maxTextLength: 100_000,
  maxBlocks: 5_000,
  maxTotalCharacters: 2_000_000,
});

const BLOCK_ARRAYS = new Set(['blocks', 'preamble', 'items', 'paragraphs', 'rows', 'additionalParts']);
const MAX_DEPTH = 64;
const MAX_REPORTED = 20;

/** The effective limits: defaults overridden by the caller's valid (non-negative, non-NaN) numbers. */
export function resolveLimits(overrides: Partial<ReportLimits> | undefined): ReportLimits {
  const pick = (key: keyof ReportLimits) => {
    const v = overrides?.[key];
    return typeof v === 'number' && v >= 0 ? v : DEFAULT_LIMITS[key];
  };
  return { maxTextLength: pick('maxTextLength'), maxBlocks: pick('maxBlocks'), maxTotalCharacters: pick('maxTotalCharacters') };
}

/** Errors for every string or key longer than `maxTextLength` (the first few), too many blocks, or too many characters in all. */
export function checkLimits(input: unknown, limits: ReportLimits): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  let total = 0;
  let blocks = 0;
  let longFields = 0;
  const seen = new Set<object>();
  let tooDeep = false;
  // `path` is one array, extended and restored on the way down (an issue formats it at once).
  const walk = (value: unknown, path: PathSegment[], depth: number): void => {
    if (typeof value === 'string') {
      total += value.length;
      if (value.length > limits.maxTextLength && longFields++ < MAX_REPORTED) {
        out.push(
          error('limit_exceeded', path, `文字长度为${value.length}个字符，超过每项上限${limits.maxTextLength}个字符（maxTextLength）。`),
        );
      }
      return;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    if (depth > MAX_DEPTH) {
      if (!tooDeep) out.push(error('too_deep', path, `嵌套超过${MAX_DEPTH}层，报告不可能有这么深的结构；小标题最多三层，请检查生成此报告的程序。`));
      tooDeep = true;
      return;
    }
    seen.add(value);
    if (Array.isArray(value)) {
      const key = path.at(-1);
      if (typeof key === 'string' && BLOCK_ARRAYS.has(key)) blocks += value.length;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], path, depth + 1);
        path.pop();
      }
    } else {
      for (const [key, item] of Object.entries(value)) {
        total += key.length;
        if (key.length > limits.maxTextLength) {
          if (longFields++ < MAX_REPORTED) {
            out.push(error('limit_exceeded', path, `字段名长度为${key.length}个字符，超过每项上限${limits.maxTextLength}个字符（maxTextLength）。`));
          }
          continue;
        }
        path.push(key);
        walk(item, path, depth + 1);
        path.pop();
      }
    }
  };
  walk(input, [], 0);
  if (longFields > MAX_REPORTED) {
    out.push(error('limit_exceeded', '', `另有${longFields - MAX_REPORTED}项文字超过每项上限${limits.maxTextLength}个字符。`));
  }
  if (blocks > limits.maxBlocks) {
    out.push(error('limit_exceeded', '', `段落、标题和条目共${blocks}个，超过上限${limits.maxBlocks}个（maxBlocks）。`));
  }
  if (total > limits.maxTotalCharacters) {
    out.push(error('limit_exceeded', '', `全部文字共${total}个字符，超过上限${limits.maxTotalCharacters}个字符（maxTotalCharacters）。`));
  }
  return out;
}
