/**
 * The printed text fields of a report, in reading order, with the font role each is set in. Shared by the
 * text lints, the placeholder and font-coverage checks, and `normalizePunctuation`.
 */
import type { FontRole } from './fontRole.js';
import { defaultTableTitle, defaultTitle, formatChineseDate, isValidIsoDate } from './format.js';
import { formatPath, type PathSegment } from './paths.js';
import { SECTION_KEYS, SECTION_TITLES } from './sections.js';
import { STATISTICS_ROWS } from './statisticsTemplate.js';
import type { Block, Report, ReportTextField } from './types.js';

/** Called for each printed text field; `set` replaces the field's text in the object being walked. */
export type TextVisitor = (field: ReportTextField, set: (text: string) => void) => void;

/** Visits every printed text field of a report in reading order (the report is mutated only through `set`). */
export function forEachText(report: Report, visit: TextVisitor): void {
  const at = <T extends object>(obj: T, key: keyof T & string, segs: PathSegment[], role: FontRole) => {
    const text = obj[key];
    if (typeof text !== 'string') return;
    visit({ path: formatPath(segs), text, role }, (t) => {
      (obj as Record<string, unknown>)[key] = t;
    });
  };
  const md = report.metadata;
  at(md, 'title', ['metadata', 'title'], 'title');
  at(md, 'subtitle', ['metadata', 'subtitle'], 'title');
  at(md, 'agency', ['metadata', 'agency'], 'title');
  report.preamble.forEach((p, i) => at(p, 'text', ['preamble', i, 'text'], 'body'));
  for (const key of SECTION_KEYS) {
    const section = report.sections[key];
    at(section, 'title', ['sections', key, 'title'], 'heading1');
    visitBlocks(section.blocks, ['sections', key, 'blocks'], at);
  }
  at(report.signature, 'office', ['signature', 'office'], 'signature');
  const st = report.statistics;
  at(st, 'title', ['statistics', 'title'], 'title');
  at(st, 'subtitle', ['statistics', 'subtitle'], 'table');
  const notes = st.notes;
  if (notes) for (const id of noteOrder(notes)) at(notes, id, ['statistics', 'notes', id], 'table');
}

type At = <T extends object>(obj: T, key: keyof T & string, segs: PathSegment[], role: FontRole) => void;

function visitBlocks(blocks: readonly Block[], base: PathSegment[], at: At): void {
  blocks.forEach((block, i) => {
    const segs = [...base, i];
    if (block.type === 'paragraph') at(block, 'text', [...segs, 'text'], 'body');
    else if (block.type === 'list') {
      block.items.forEach((item, j) => {
        at(item, 'lead', [...segs, 'items', j, 'lead'], 'heading3');
        at(item, 'text', [...segs, 'items', j, 'text'], 'body');
      });
    } else {
      at(block, 'title', [...segs, 'title'], 'heading2');
      visitBlocks(block.blocks, [...segs, 'blocks'], at);
    }
  });
}

/** Note ids in table row order, then ids that are not template rows (in insertion order). */
function noteOrder(notes: Readonly<Record<string, string>>): string[] {
  const known = STATISTICS_ROWS.map((r) => r.id).filter((id) => Object.hasOwn(notes, id));
  const rest = Object.keys(notes).filter((id) => !known.includes(id));
  return [...known, ...rest];
}

/** Every printed text field of a report, in reading order. */
export function collectTexts(report: Report): ReportTextField[] {
  const out: ReportTextField[] = [];
  forEachText(report, (field) => out.push(field));
  return out;
}

/**
 * Text the library prints on the report's behalf (default titles, canonical section titles, the formatted
 * date, table row labels and units), each with the path of the field it stands for; used for font coverage.
 */
export function generatedTexts(report: Report): ReportTextField[] {
  const out: ReportTextField[] = [];
  if (report.metadata.title === undefined) out.push({ path: 'metadata.title', text: defaultTitle(report.metadata), role: 'title' });
  for (const key of SECTION_KEYS) {
    if (report.sections[key].title === undefined) {
      out.push({ path: formatPath(['sections', key, 'title']), text: SECTION_TITLES[key], role: 'heading1' });
    }
  }
  if (isValidIsoDate(report.signature.date)) {
    out.push({ path: 'signature.date', text: formatChineseDate(report.signature.date), role: 'signature' });
  }
  if (report.statistics.title === undefined) {
    out.push({ path: 'statistics.title', text: defaultTableTitle(report.metadata), role: 'title' });
  }
  out.push({ path: 'statistics', text: '统计指标单位统计数', role: 'tableHeader' });
  for (const row of STATISTICS_ROWS) {
    out.push({ path: formatPath(['statistics', 'values', row.id]), text: row.label + row.unit, role: 'table' });
  }
  return out;
}
