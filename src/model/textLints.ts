/**
 * Text lints (warnings). Per printed text field: `halfwidth_punctuation`, `doubled_punctuation`,
 * `unbalanced_brackets`. Per report structure: `empty_section`, `empty_subsection`, `empty_paragraph`,
 * `empty_item`.
 */
import { excerpt, warning } from './issues.js';
import { formatPath, type PathSegment } from './paths.js';
import { findHalfwidthInChineseContext } from './punctuation.js';
import { SECTION_KEYS } from './sections.js';
import type { Block, Report, ReportTextField, ValidationIssue } from './types.js';

const SHOWN_OCCURRENCES = 3;

/** Half-width `, ; : ( ) ? !` in Chinese context: one warning per field with the count and the first few occurrences. */
export function lintHalfwidth(field: ReportTextField): ValidationIssue[] {
  const marks = findHalfwidthInChineseContext(field.text);
  if (marks.length === 0) return [];
  const shown = marks
    .slice(0, SHOWN_OCCURRENCES)
    .map((m) => `“${excerpt(field.text, m.index, m.index + 1)}”中的“${m.mark}”应为“${m.replacement}”`)
    .join('；');
  const more = marks.length > SHOWN_OCCURRENCES ? '等' : '';
  return [
    warning(
      'halfwidth_punctuation',
      field.path,
      `中文中有${marks.length}处半角标点，应使用全角标点（，；：（）？！）：${shown}${more}。可用 normalizePunctuation 自动改正。`,
    ),
  ];
}

const DOUBLED = /[。，、；：]{2,}/g;

/** Two or more consecutive marks among 。，、；： (such as 。。 or ，，): one warning per field. */
export function lintDoubled(field: ReportTextField): ValidationIssue[] {
  const found = [...field.text.matchAll(DOUBLED)];
  if (found.length === 0) return [];
  const shown = found
    .slice(0, SHOWN_OCCURRENCES)
    .map((m) => `“${m[0]}”（“${excerpt(field.text, m.index, m.index + m[0].length)}”）`)
    .join('；');
  return [warning('doubled_punctuation', field.path, `有${found.length}处标点重复：${shown}，应只保留一个标点。`)];
}

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['《', '》'],
  ['（', '）'],
  ['“', '”'],
  ['【', '】'],
  ['〔', '〕'],
];

/** Unbalanced 《》 （） “” 【】 〔〕 within one field: one warning listing each unmatched mark. */
export function lintBrackets(field: ReportTextField): ValidationIssue[] {
  const problems: string[] = [];
  for (const [open, close] of PAIRS) {
    if (!field.text.includes(open) && !field.text.includes(close)) continue;
    let depth = 0;
    let strayClosers = 0;
    for (const ch of field.text) {
      if (ch === open) depth++;
      else if (ch === close) {
        if (depth === 0) strayClosers++;
        else depth--;
      }
    }
    // Marks are quoted with 「」 so that quotation marks stay readable.
    if (depth > 0) problems.push(`${depth}个「${open}」缺少对应的「${close}」`);
    if (strayClosers > 0) problems.push(`${strayClosers}个「${close}」前面没有对应的「${open}」`);
  }
  if (problems.length === 0) return [];
  return [warning('unbalanced_brackets', field.path, `括号或引号不成对：${problems.join('，')}。`)];
}

/** All per-field text lints. */
export function lintTextField(field: ReportTextField): ValidationIssue[] {
  return [...lintHalfwidth(field), ...lintDoubled(field), ...lintBrackets(field)];
}

const isBlank = (text: string) => text.trim() === '';

/** Whether blocks contain any non-blank paragraph or list-item text, at any depth. */
function hasContent(blocks: readonly Block[]): boolean {
  return blocks.some((b) =>
    b.type === 'paragraph' ? !isBlank(b.text) : b.type === 'list' ? b.items.some((i) => !isBlank(i.text)) : hasContent(b.blocks),
  );
}

function lintBlocks(blocks: readonly Block[], base: PathSegment[], sectionEmpty: boolean, out: ValidationIssue[]): void {
  blocks.forEach((block, i) => {
    const segs = [...base, i];
    if (block.type === 'paragraph') {
      if (isBlank(block.text)) out.push(warning('empty_paragraph', [...segs, 'text'], '段落没有文字，应删除此段或补充内容。'));
    } else if (block.type === 'list') {
      block.items.forEach((item, j) => {
        if (isBlank(item.text)) out.push(warning('empty_item', [...segs, 'items', j, 'text'], '条目没有文字，应删除此条或补充内容。'));
      });
    } else {
      if (!sectionEmpty && !hasContent(block.blocks)) {
        out.push(warning('empty_subsection', formatPath(segs), `二级标题“${block.title}”下没有内容。`));
      }
      lintBlocks(block.blocks, [...segs, 'blocks'], sectionEmpty, out);
    }
  });
}

/** Structural lints: empty sections and subsections, empty paragraphs and list items (preamble included). */
export function lintStructure(report: Report): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  report.preamble.forEach((p, i) => {
    if (isBlank(p.text)) out.push(warning('empty_paragraph', ['preamble', i, 'text'], '段落没有文字，应删除此段或补充内容。'));
  });
  for (const key of SECTION_KEYS) {
    const blocks = report.sections[key].blocks;
    const empty = !hasContent(blocks);
    if (empty) out.push(warning('empty_section', ['sections', key], '此部分没有内容，应至少写一段文字（如“本年度无此类情况。”）。'));
    lintBlocks(blocks, ['sections', key, 'blocks'], empty, out);
  }
  return out;
}
