/**
 * The written text fields of a report, in reading order, with the font role each is set in. The walk tolerates any
 * input shaped roughly like a report (wrong types are skipped), so the text lints, the placeholder and font checks and
 * `normalizePunctuation` also work on a report that has structural errors: every fault is reported in one pass.
 */
import type { FontRole } from './fontRole.js';
import { formatPath, type PathSegment } from './paths.js';
import { templateOf, type Template } from './templates/index.js';
import type { ReportTextField } from './types.js';

/** What kind of field a text is: the lints treat titles differently from running text. */
export type TextKind = 'text' | 'title' | 'lead' | 'name';

/** A text field with its kind. */
export interface TextFieldOf extends ReportTextField {
  readonly kind: TextKind;
}

/** Called for each text field; `set` replaces the field's text in the object being walked. */
export type TextVisitor = (field: TextFieldOf, set: (text: string) => void) => void;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Visits every text field of a report (or of anything shaped like one) in reading order; mutates only through `set`. */
export function forEachText(input: unknown, visit: TextVisitor, template?: Template): void {
  if (!isObj(input)) return;
  const tpl = template ?? templateOf(input['template']) ?? templateOf(undefined)!;
  const at = (obj: unknown, key: string | number, segs: PathSegment[], role: FontRole, kind: TextKind) => {
    if (!isObj(obj) && !Array.isArray(obj)) return;
    const o = obj as Obj;
    const text = o[key as string];
    if (typeof text !== 'string') return;
    visit({ path: formatPath(segs), text, role, kind }, (t) => {
      o[key as string] = t;
    });
  };
  const md = input['metadata'];
  if (isObj(md)) {
    at(md, 'title', ['metadata', 'title'], 'title', 'title');
    arr(md['titleLines']).forEach((_, i) => at(md['titleLines'], i, ['metadata', 'titleLines', i], 'title', 'title'));
    at(md, 'subtitle', ['metadata', 'subtitle'], 'heading2', 'title');
    at(md, 'agency', ['metadata', 'agency'], 'title', 'name');
  }
  arr(input['preamble']).forEach((p, i) => at(p, 'text', ['preamble', i, 'text'], 'body', 'text'));
  const sections = input['sections'];
  if (isObj(sections)) {
    const known = tpl.parts.map((p) => p.key).filter((k) => Object.hasOwn(sections, k));
    const others = Object.keys(sections).filter((k) => !known.includes(k));
    for (const key of [...known, ...others]) {
      const section = sections[key];
      if (!isObj(section)) continue;
      at(section, 'title', ['sections', key, 'title'], 'heading1', 'title');
      visitBlocks(section['blocks'], ['sections', key, 'blocks'], at, 2);
    }
  }
  arr(input['additionalParts']).forEach((part, i) => {
    if (!isObj(part)) return;
    at(part, 'title', ['additionalParts', i, 'title'], 'heading1', 'title');
    visitBlocks(part['blocks'], ['additionalParts', i, 'blocks'], at, 2);
  });
  const sig = input['signature'];
  if (isObj(sig)) {
    at(sig, 'office', ['signature', 'office'], 'signature', 'name');
    arr(sig['offices']).forEach((_, i) => at(sig['offices'], i, ['signature', 'offices', i], 'signature', 'name'));
  }
  const st = input['statistics'];
  if (isObj(st)) {
    at(st, 'title', ['statistics', 'title'], 'title', 'title');
    arr(st['titleLines']).forEach((_, i) => at(st['titleLines'], i, ['statistics', 'titleLines', i], 'title', 'title'));
    at(st, 'subtitle', ['statistics', 'subtitle'], 'body', 'title');
    arr(st['footer']).forEach((_, i) => at(st['footer'], i, ['statistics', 'footer', i], 'table', 'text'));
    const notes = st['notes'];
    if (isObj(notes)) for (const id of Object.keys(notes)) at(notes, id, ['statistics', 'notes', id], 'table', 'text');
  }
}

type At = (obj: unknown, key: string | number, segs: PathSegment[], role: FontRole, kind: TextKind) => void;

function visitBlocks(blocks: unknown, base: PathSegment[], at: At, level: number): void {
  arr(blocks).forEach((block, i) => {
    if (!isObj(block)) return;
    const segs = [...base, i];
    switch (block['type']) {
      case 'paragraph':
        at(block, 'text', [...segs, 'text'], 'body', 'text');
        break;
      case 'list':
        arr(block['items']).forEach((item, j) => {
          at(item, 'lead', [...segs, 'items', j, 'lead'], 'heading3', 'lead');
          // An item's text is its title when it has no lead: numbering typed there would print twice.
          at(item, 'text', [...segs, 'items', j, 'text'], 'body', isObj(item) && item['lead'] === undefined ? 'lead' : 'text');
          if (isObj(item)) arr(item['paragraphs']).forEach((_, k) => at(item['paragraphs'], k, [...segs, 'items', j, 'paragraphs', k], 'body', 'text'));
        });
        break;
      case 'subsection':
        at(block, 'title', [...segs, 'title'], level === 2 ? 'heading2' : 'heading3', 'title');
        visitBlocks(block['blocks'], [...segs, 'blocks'], at, level + 1);
        break;
      case 'table':
        at(block, 'title', [...segs, 'title'], 'tableHeader', 'title');
        arr(block['header']).forEach((row, r) => arr(row).forEach((_, c) => at(row, c, [...segs, 'header', r, c], 'tableHeader', 'text')));
        arr(block['rows']).forEach((row, r) => arr(row).forEach((_, c) => at(row, c, [...segs, 'rows', r, c], 'table', 'text')));
        break;
    }
  });
}

/** Every text field of a report, in reading order. */
export function collectTexts(input: unknown, template?: Template): TextFieldOf[] {
  const out: TextFieldOf[] = [];
  forEachText(input, (field) => out.push(field), template);
  return out;
}
