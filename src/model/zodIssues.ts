/**
 * Maps zod's structural issues to validation issues with Chinese messages. Codes: `missing_field`,
 * `missing_section`, `invalid_type`, `empty_text`, `too_few_items`, `out_of_range`, `invalid_date`,
 * `invalid_value`, `invalid_block_type`, `unknown_field`.
 */
import type { z } from 'zod';
import { chineseNumeral } from './numbering.js';
import { clip, describeType, error } from './issues.js';
import type { PathSegment } from './paths.js';
import type { Template } from './templates/index.js';
import type { ValidationIssue } from './types.js';

const EXPECTED: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  object: '对象',
  array: '数组',
  boolean: '布尔值',
};

/** The raw input value at a path, and whether the path exists. */
function lookup(input: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return { found: true, value: cur };
}

const quote = (value: unknown) => (typeof value === 'string' ? `“${clip(value)}”` : describeType(value));

function mapOne(issue: z.core.$ZodIssue, input: unknown, template: Template): ValidationIssue[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s === 'string' || typeof s === 'number');
  const { found, value } = lookup(input, path);
  switch (issue.code) {
    case 'invalid_type': {
      if (!found || value === undefined) {
        const last = path.at(-1);
        const part = path.length === 2 && path[0] === 'sections' ? template.parts.findIndex((p) => p.key === last) : -1;
        if (part >= 0) {
          const title = template.parts[part]!.title;
          return [error('missing_section', path, `缺少第${chineseNumeral(part + 1)}部分“${title}”（${template.name}的必备部分），应为含 blocks 数组的对象；本年度没有内容也应写出此部分（将印出“${template.emptyPartText}”）。`)];
        }
        if (path.length === 0) return [error('missing_field', path, '输入为空，应为一个报告对象。')];
        return [error('missing_field', path, `缺少必填项“${clip(String(last ?? ''))}”，应为${EXPECTED[issue.expected] ?? issue.expected}。`)];
      }
      if (path[0] === 'statistics' && path[1] === 'values') {
        return [error('invalid_type', path, `应为数字或字符串，实际为${describeType(value)}。`)];
      }
      return [error('invalid_type', path, `应为${EXPECTED[issue.expected] ?? issue.expected}，实际为${describeType(value)}。`)];
    }
    case 'too_small':
      if (issue.origin === 'string') return [error('empty_text', path, '不能为空，应至少有一个非空白字符。')];
      if (issue.origin === 'array') return [error('too_few_items', path, `至少应有${String(issue.minimum)}项，实际为${Array.isArray(value) ? value.length : 0}项。`)];
      return [error('out_of_range', path, `应不小于${String(issue.minimum)}，实际为${quote(value)}。`)];
    case 'too_big':
      return [error('out_of_range', path, `应不大于${String(issue.maximum)}，实际为${quote(value)}。`)];
    case 'invalid_format':
      return [error('invalid_date', path, `应为 YYYY-MM-DD 格式的日期（如 2018-01-21），实际为${quote(value)}。`)];
    case 'invalid_value': {
      // A part's key is given with the part's title (an additional part's place: “applications”（依申请公开政府信息情况）).
      const named = (v: unknown) => {
        const part = template.parts.find((p) => p.key === v);
        return part ? `“${String(v)}”（${part.title}）` : `“${String(v)}”`;
      };
      return [error('invalid_value', path, `应为${issue.values.map(named).join('或')}，实际为${quote(value)}。`)];
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) {
        const expected = options.map(String).join('、');
        const actual = found ? `实际为${quote(value)}` : '实际缺少 type';
        return [error('invalid_block_type', path, `块类型 type 应为 ${expected} 之一，${actual}。`)];
      }
      if (path[0] === 'statistics' && path[1] === 'values') {
        return [error('invalid_type', path, `应为数字或字符串，实际为${describeType(value)}。`)];
      }
      return [error('invalid_value', path, `取值不符合要求（${issue.message}）。`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        error('unknown_field', [...path, key], `不认识的字段“${clip(key)}”，此处不允许该字段，请检查拼写或删除。`),
      );
    default:
      return [error('invalid_value', path, `取值不符合要求（${issue.message}）。`)];
  }
}

/** Chinese validation issues for zod's issues; `input` is the raw input, used to describe what was received. */
export function mapZodIssues(issues: readonly z.core.$ZodIssue[], input: unknown, template: Template): ValidationIssue[] {
  return issues.flatMap((issue) => mapOne(issue, input, template));
}
