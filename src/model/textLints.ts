/**
 * Text lints (warnings). Per text field: `halfwidth_punctuation`, `fullwidth_alphanumeric`, `fullwidth_in_address`,
 * `stray_whitespace`, `document_number_brackets`, `straight_quotes`, `typed_numbering`, `doubled_punctuation`,
 * `unbalanced_brackets`. Per report structure: `empty_section`, `empty_subsection`, `empty_paragraph`,
 * `paragraph_like_heading`, `empty_item`. The first seven are what `normalizePunctuation` (and the CLI's
 * `validate --fix`) repairs.
 */
import { excerpt, warning } from './issues.js';
import { formatPath, type PathSegment } from './paths.js';
import { findHalfwidthInChineseContext } from './punctuation.js';
import type { TextFieldOf } from './reportText.js';
import { findLeadingNumbering } from '../text/numbering.js';
import { findFullwidthAlphanumerics, findStrayWhitespace } from './repairs.js';
import { findStraightQuotes } from '../text/quotes.js';
import { findMangledSchemes } from '../text/addresses.js';
import { findMisbracketedYears } from '../text/units.js';
import type { Template } from './templates/index.js';
import type { ValidationIssue } from './types.js';

const SHOWN_OCCURRENCES = 3;
const FIX = '可用 xxgk-report validate --fix（或 normalizePunctuation）自动改正';

/** Half-width `, ; : ( ) ? !` in Chinese context: one warning per field with the count and the first few occurrences. */
export function lintHalfwidth(field: TextFieldOf): ValidationIssue[] {
  const marks = findHalfwidthInChineseContext(field.text);
  if (marks.length === 0) return [];
  const shown = marks
    .slice(0, SHOWN_OCCURRENCES)
    .map((m) => `“${excerpt(field.text, m.index, m.index + 1)}”中的“${m.mark}”应为“${m.replacement}”`)
    .join('；');
  const more = marks.length > SHOWN_OCCURRENCES ? '等' : '';
  return [warning('halfwidth_punctuation', field.path, `中文中有${marks.length}处半角标点，应使用全角标点（，；：（）？！）：${shown}${more}。${FIX}。`)];
}

/** Full-width digits and Latin letters (GB/T 15835 writes numbers in half-width forms). */
export function lintFullwidth(field: TextFieldOf): ValidationIssue[] {
  const at = findFullwidthAlphanumerics(field.text);
  if (at.length === 0) return [];
  const shown = excerpt(field.text, at[0]!, at[Math.min(at.length, 4) - 1]! + 1);
  return [warning('fullwidth_alphanumeric', field.path, `有${at.length}个全角数字或字母（如“${shown}”），数字和字母应使用半角形式（GB/T 15835）。${FIX}。`)];
}

/** ASCII straight quotes next to Chinese text. */
export function lintStraightQuotes(field: TextFieldOf): ValidationIssue[] {
  const quotes = findStraightQuotes(field.text);
  if (quotes.length === 0) return [];
  const first = quotes[0]!;
  const odd = quotes.filter((q) => q.quote === '"').length % 2 === 1 ? '，且引号不成对' : '';
  return [warning('straight_quotes', field.path, `中文中有${quotes.length}个英文直引号（如“${excerpt(field.text, first.index, first.index + 1)}”）${odd}，应使用中文引号“ ”‘ ’。${FIX}。`)];
}

/** Numbering typed at the start of a title or item, which the library would print a second time. */
export function lintTypedNumbering(field: TextFieldOf): ValidationIssue[] {
  if (field.kind !== 'title' && field.kind !== 'lead') return [];
  const typed = findLeadingNumbering(field.text);
  if (!typed) return [];
  return [warning('typed_numbering', field.path, `开头的“${typed.trim()}”是手工输入的编号；编号由程序生成，照此将印出两次编号，应删除。${FIX}。`)];
}

const DOUBLED = /[。，、；：]{2,}/g;

/** Two or more consecutive marks among 。，、；： (such as 。。 or ，，): one warning per field. */
export function lintDoubled(field: TextFieldOf): ValidationIssue[] {
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
export function lintBrackets(field: TextFieldOf): ValidationIssue[] {
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

/** A URL whose scheme was typed with a full-width colon or slashes (http：//): no URL to a reader or to the line breaker. */
export function lintAddress(field: TextFieldOf): ValidationIssue[] {
  const found = findMangledSchemes(field.text);
  if (found.length === 0) return [];
  const first = found[0]!;
  const count = found.length > 1 ? `等${found.length}处` : '';
  return [
    warning(
      'fullwidth_in_address',
      field.path,
      `网址开头“${first.written}”${count}中有全角标点，应为“${first.repaired}”：否则它不被当作网址，排版时可能在其中断行，复制出的网址也打不开。${FIX}。`,
    ),
  ];
}

/** Spaces that print as a gap of their own: a typed indent, a space at the end, a space inside Chinese text. */
export function lintWhitespace(field: TextFieldOf): ValidationIssue[] {
  const runs = findStrayWhitespace(field.text);
  if (runs.length === 0) return [];
  const describe = (r: (typeof runs)[number]) => {
    const spaces = field.text.slice(r.start, r.end);
    const what = spaces.includes('\u3000') ? `${r.end - r.start}个全角空格` : `${r.end - r.start}个空格`;
    if (r.at === 'start') return `开头的${what}`;
    if (r.at === 'end') return `末尾的${what}`;
    return `“${field.text.slice(Math.max(0, r.start - 4), r.start)}${spaces}${field.text.slice(r.end, r.end + 4)}”中的${what}`;
  };
  const shown = runs.slice(0, SHOWN_OCCURRENCES).map(describe).join('；');
  const more = runs.length > SHOWN_OCCURRENCES ? '等' : '';
  const ends = runs.some((r) => r.at !== 'inside') ? `开头和末尾的空格不印出${field.kind === 'text' ? '（段落的首行缩进由程序排出）' : ''}；` : '';
  const inside = runs.some((r) => r.at === 'inside') ? '中文字、标点和数字之间不留空格，否则排出来是一个空隙；' : '';
  return [warning('stray_whitespace', field.path, `有${runs.length}处多余的空格：${shown}${more}。${ends}${inside}${FIX}。`)];
}

/** A document number whose year is bracketed with [ ] （ ） 【 】 instead of 〔 〕 (GB/T 9704). */
export function lintYearBrackets(field: TextFieldOf): ValidationIssue[] {
  const found = findMisbracketedYears(field.text);
  if (found.length === 0) return [];
  const first = found[0]!;
  const written = field.text.slice(first.start, first.end);
  const repaired = `${field.text.slice(first.start, first.open)}〔${field.text.slice(first.open + 1, first.close)}〕${field.text.slice(first.close + 1, first.end)}`;
  const count = found.length > 1 ? `等${found.length}个文号` : '';
  return [warning('document_number_brackets', field.path, `文号“${written}”${count}的年份应使用六角括号〔〕，写作“${repaired}”（GB/T 9704）。${FIX}。`)];
}

/** All per-field text lints. */
export function lintTextField(field: TextFieldOf): ValidationIssue[] {
  if (field.kind === 'name') return [...lintFullwidth(field), ...lintWhitespace(field)];
  return [...lintHalfwidth(field), ...lintFullwidth(field), ...lintAddress(field), ...lintWhitespace(field), ...lintYearBrackets(field), ...lintStraightQuotes(field), ...lintTypedNumbering(field), ...lintDoubled(field), ...lintBrackets(field)];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isBlank = (text: unknown) => typeof text !== 'string' || text.trim() === '';

/** Whether blocks contain any non-blank text or a table, at any depth. */
function hasContent(blocks: unknown): boolean {
  return arr(blocks).some((b) => {
    if (!isObj(b)) return false;
    if (b['type'] === 'paragraph') return !isBlank(b['text']);
    if (b['type'] === 'list') return arr(b['items']).some((i) => isObj(i) && !isBlank(i['text']));
    if (b['type'] === 'subsection') return hasContent(b['blocks']);
    return b['type'] === 'table' || b['type'] === 'statisticsTable';
  });
}

/** The most characters after its numbering that a paragraph taken for a heading has (titles of parts and subsections are shorter). */
const HEADING_LENGTH = 30;

/**
 * A paragraph that is a heading typed as text (一、总体情况, （一）主动公开情况, 1.政府网站): numbering, a short text and
 * no mark that ends a sentence. Set as a paragraph it prints in body type, indented, numbered by hand; as a part or
 * subsection title the library numbers it and sets it as a heading. A run-in heading with its text (（一）主动公开情况。
 * 2023年……) is a paragraph and is not this.
 */
function headingTypedAsParagraph(text: string): boolean {
  const numbering = findLeadingNumbering(text);
  if (!numbering) return false;
  const rest = text.slice(numbering.length).trim();
  return rest.length >= 2 && [...rest].length <= HEADING_LENGTH && !/[。！？；：!?;:]/.test(rest);
}

/** Warnings about one paragraph block of the preamble or a part: no text, or a heading typed as a paragraph. */
function lintParagraph(text: unknown, path: PathSegment[], out: ValidationIssue[]): void {
  if (isBlank(text)) out.push(warning('empty_paragraph', path, '段落没有文字，应删除此段或补充内容。'));
  else if (typeof text === 'string' && headingTypedAsParagraph(text))
    out.push(
      warning(
        'paragraph_like_heading',
        path,
        `这一段“${text.trim()}”以编号开头、没有句末标点，像是标题：作为段落，它按正文排版，编号也是手写的。标题应写作部分标题、小标题（subsection）或编号条目，由程序编号并排成标题。`,
      ),
    );
}

function lintBlocks(blocks: unknown, base: PathSegment[], out: ValidationIssue[]): void {
  arr(blocks).forEach((block, i) => {
    if (!isObj(block)) return;
    const segs = [...base, i];
    if (block['type'] === 'paragraph') {
      lintParagraph(block['text'], [...segs, 'text'], out);
    } else if (block['type'] === 'list') {
      arr(block['items']).forEach((item, j) => {
        if (isObj(item) && isBlank(item['text'])) out.push(warning('empty_item', [...segs, 'items', j, 'text'], '条目没有文字，应删除此条或补充内容。'));
      });
    } else if (block['type'] === 'subsection') {
      if (!hasContent(block['blocks'])) out.push(warning('empty_subsection', formatPath(segs), `小标题“${String(block['title'] ?? '')}”下没有内容。`));
      else lintBlocks(block['blocks'], [...segs, 'blocks'], out);
    }
  });
}

/**
 * Structural lints: a part with no text gets one warning (it prints the template's sentence, 本年度无此项情况。),
 * and nothing inside it is warned about again; empty subsections, paragraphs and items elsewhere.
 */
export function lintStructure(input: unknown, template: Template): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!isObj(input)) return out;
  arr(input['preamble']).forEach((p, i) => {
    if (isObj(p)) lintParagraph(p['text'], ['preamble', i, 'text'], out);
  });
  const sections = input['sections'];
  if (!isObj(sections)) return out;
  for (const part of template.parts) {
    const section = sections[part.key];
    if (!isObj(section)) continue;
    const placesTable = template.tables.some((t) => t.placement.kind === 'part' && t.placement.part === part.key);
    if (!hasContent(section['blocks']) && !placesTable) {
      out.push(warning('empty_section', ['sections', part.key], `此部分没有内容，将印出“${template.emptyPartText}”；如有情况，请补充文字。`));
      continue;
    }
    lintBlocks(section['blocks'], ['sections', part.key, 'blocks'], out);
  }
  arr(input['additionalParts']).forEach((part, i) => {
    if (!isObj(part)) return;
    if (!hasContent(part['blocks'])) out.push(warning('empty_section', ['additionalParts', i], `此部分没有内容，将印出“${template.emptyPartText}”；如有情况，请补充文字，否则删去此部分。`));
    else lintBlocks(part['blocks'], ['additionalParts', i, 'blocks'], out);
  });
  return out;
}
