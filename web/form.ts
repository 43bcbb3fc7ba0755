/**
 * The report form, generated from the template data the server sends: the metadata, signature and style fields from
 * the template's JSON Schema (titles, required fields, enums, lists), each part of the template with its blocks
 * (paragraphs, subsections, numbered lists and a report's own tables: add, remove, reorder; an own table as a grid of
 * its cells, rows and columns added and removed), and each statistics table as a grid drawn from the table definition
 * (header cells with their spans, row labels numbered and indented as printed, units, value cells). Every input
 * carries the path of its field (`data-path`, in the library's path syntax), so that an issue finds it. Fields the
 * form does not edit (`previous`, `$schema` …) are left untouched in the report.
 */
import { chineseNumeral, numberLabel, numberTableRows } from '../src/model/numbering.js';
import { h, uid } from './dom.js';
import { formatPath, getAt, setAt, type PathSegment } from './paths.js';
import type { BodyCellDefinition, FieldSchema, Report, RowDefinition, TableDefinition, TemplateData } from './types.js';

/** What the form does when the user changes something. */
export interface FormHost {
  readonly report: Report;
  readonly template: TemplateData;
  readonly templates: readonly TemplateData[];
  /** A field's value changed (the report was already updated). */
  changed(): void;
  /** The structure changed (a block added, removed, moved; a part included or left out): redraw, then focus `focus`. */
  restructured(focus?: string): void;
  /** The user asked for another template. */
  switchTemplate(id: string): void;
}

/** A field of the form: its input and the wrapper that shows its issues. */
export interface FieldEntry {
  readonly input: HTMLElement;
  readonly wrapper: HTMLElement;
}

type Block = Record<string, unknown> & { type?: string };

/** Whether a value holds any text a user typed (a block's `type` does not count). */
const hasContent = (v: unknown): boolean =>
  typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.some(hasContent) : v !== null && typeof v === 'object' ? Object.entries(v).some(([k, x]) => k !== 'type' && hasContent(x)) : false;

const BLOCK_NAMES: Record<string, string> = { paragraph: '段落', subsection: '小标题', list: '编号条目', table: '表格', statisticsTable: '统计表位置' };

/** Builds the form into `root`; returns the fields by path. */
export function buildForm(root: HTMLElement, nav: HTMLElement, host: FormHost): Map<string, FieldEntry> {
  const fields = new Map<string, FieldEntry>();
  const report = host.report;
  const template = host.template;
  const register = (path: readonly PathSegment[], input: HTMLElement, wrapper: HTMLElement) => {
    const key = formatPath(path);
    input.dataset['path'] = key;
    wrapper.dataset['path'] = key;
    fields.set(key, { input, wrapper });
  };
  /** A container (part, block, table) registered so that an issue on it, or on a field it does not draw, lands there. */
  const registerBox = (path: readonly PathSegment[], box: HTMLElement, focusable?: HTMLElement) => {
    const key = formatPath(path);
    box.dataset['path'] = key;
    if (!fields.has(key)) fields.set(key, { input: focusable ?? box, wrapper: box });
  };

  // ------------------------------------------------------------------ plain fields

  /** A field's value as an input shows it: '' for none. */
  const valueText = (v: unknown) => (v === undefined || v === null ? '' : String(v));

  const textInput = (path: readonly PathSegment[], label: string, options: { multiline?: boolean; optional?: boolean; placeholder?: string; kind?: 'integer'; hint?: string } = {}) => {
    const id = uid();
    const value = valueText(getAt(report, path));
    const input = options.multiline
      ? h('textarea', { id, rows: Math.min(12, Math.max(3, Math.ceil(value.length / 42))), placeholder: options.placeholder, spellcheck: 'false' })
      : h('input', { id, type: 'text', placeholder: options.placeholder, inputmode: options.kind === 'integer' ? 'numeric' : undefined, spellcheck: 'false' });
    input.value = value;
    input.addEventListener('input', () => {
      const v = input.value;
      let next: unknown = v;
      if (options.kind === 'integer' && /^\d+$/.test(v.trim())) next = Number(v.trim());
      if (options.optional && v === '') next = undefined;
      setAt(report, path, next);
      host.changed();
    });
    const wrapper = h('div', { class: `field${options.multiline ? ' wide' : ''}` }, h('label', { for: id }, label), input, options.hint ? h('div', { class: 'hint' }, options.hint) : null);
    register(path, input, wrapper);
    return wrapper;
  };

  const selectInput = (path: readonly PathSegment[], label: string, choices: readonly (readonly [string, string])[], optional: boolean) => {
    const id = uid();
    const current = getAt(report, path);
    const select = h('select', { id });
    if (optional) select.append(h('option', { value: '' }, '（默认）'));
    for (const [value, text] of choices) select.append(h('option', { value }, text));
    if (current !== undefined && !choices.some(([v]) => v === current)) select.append(h('option', { value: String(current) }, String(current)));
    select.value = current === undefined ? '' : String(current);
    select.addEventListener('change', () => {
      setAt(report, path, select.value === '' && optional ? undefined : select.value);
      host.changed();
    });
    const wrapper = h('div', { class: 'field' }, h('label', { for: id }, label), select);
    register(path, select, wrapper);
    return wrapper;
  };

  const checkbox = (label: string, checked: boolean, onToggle: (on: boolean) => void) => {
    const id = uid();
    const input = h('input', { id, type: 'checkbox' });
    input.checked = checked;
    input.addEventListener('change', () => onToggle(input.checked));
    return h('div', { class: 'check' }, input, h('label', { for: id }, label));
  };

  /** Buttons that move or remove the item at `index` of `list` (re-drawn after). */
  const itemTools = (list: unknown[], index: number, what: string, focusBase: readonly PathSegment[]) =>
    h(
      'span',
      { class: 'tools' },
      h('button', { type: 'button', class: 'icon', title: `上移${what}`, 'aria-label': `上移${what}`, disabled: index === 0, onclick: () => move(list, index, -1, focusBase) }, '↑'),
      h('button', { type: 'button', class: 'icon', title: `下移${what}`, 'aria-label': `下移${what}`, disabled: index === list.length - 1, onclick: () => move(list, index, 1, focusBase) }, '↓'),
      h(
        'button',
        {
          type: 'button',
          class: 'icon danger',
          title: `删除${what}`,
          'aria-label': `删除${what}`,
          onclick: () => {
            if (hasContent(list[index]) && !confirm(`删除这个${what}？其中的文字将一并删除。`)) return;
            list.splice(index, 1);
            host.restructured(formatPath(list.length > 0 ? [...focusBase, Math.min(index, list.length - 1)] : focusBase.slice(0, -1)));
          },
        },
        '✕',
      ),
    );

  const move = (list: unknown[], index: number, by: number, focusBase: readonly PathSegment[]) => {
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item);
    host.restructured(formatPath([...focusBase, index + by]));
  };

  /** A list of strings (keywords, title lines, offices, an item's further paragraphs). */
  const stringList = (path: readonly PathSegment[], label: string, itemLabel: string, multiline: boolean) => {
    const box = h('fieldset', { class: 'strings' }, h('legend', {}, label));
    const list = getAt(report, path);
    const items = Array.isArray(list) ? (list as unknown[]) : [];
    items.forEach((_, i) => {
      const field = textInput([...path, i], `${itemLabel} ${i + 1}`, { multiline });
      field.querySelector('label')!.after(itemTools(items, i, itemLabel, path));
      box.append(field);
    });
    box.append(
      h('button', {
        type: 'button',
        class: 'add',
        onclick: () => {
          if (!Array.isArray(getAt(report, path))) setAt(report, path, []);
          const arr = getAt(report, path) as unknown[];
          arr.push('');
          host.restructured(formatPath([...path, arr.length - 1]));
        },
      }, `＋ ${itemLabel}`),
    );
    registerBox(path, box);
    return box;
  };

  /** Fields generated from a JSON Schema object (metadata, contact, signature, style, a table's title). */
  const schemaFields = (path: readonly PathSegment[], schema: FieldSchema, skip: readonly string[] = []): HTMLElement[] => {
    const out: HTMLElement[] = [];
    const required = new Set(schema.required ?? []);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (skip.includes(key)) continue;
      const p = [...path, key];
      const title = sub.title ?? key;
      const optional = !required.has(key);
      if (sub.enum) {
        const names: Record<string, string> = { arabic: '阿拉伯数字（2022年1月20日）', chinese: '汉字（二〇二二年一月二十日）', period: '1.', comma: '1、' };
        out.push(selectInput(p, title.replace(/（.*$/, ''), sub.enum.map((v) => [v, names[v] ?? v] as const), optional));
      } else if (sub.type === 'object') {
        const box = h('fieldset', { class: 'group' }, h('legend', {}, title), ...schemaFields(p, sub));
        registerBox(p, box);
        out.push(box);
      } else if (sub.type === 'array') {
        out.push(stringList(p, sub.title ?? sub.items?.title ?? key, sub.items?.title ?? title, false));
      } else {
        out.push(textInput(p, title, { optional, kind: sub.type === 'integer' ? 'integer' : undefined, placeholder: sub.pattern ? 'YYYY-MM-DD' : undefined }));
      }
    }
    return out;
  };

  // ------------------------------------------------------------------ blocks

  /** Blocks of a part or subsection; `level` is the level of their subsections (2 （一） · 3 1. · 4 （1）). */
  const blocksEditor = (path: readonly PathSegment[], level: 2 | 3 | 4, paragraphsOnly = false): HTMLElement => {
    const list = getAt(report, path) as Block[];
    const box = h('div', { class: 'blocks' });
    let subsections = 0;
    list.forEach((block, i) => {
      const p = [...path, i];
      const type = typeof block?.type === 'string' ? block.type : '?';
      const number = type === 'subsection' ? numberLabel(level, ++subsections) : '';
      const head = h('div', { class: 'block-head' }, h('span', { class: 'block-type' }, `${BLOCK_NAMES[type] ?? '未知块'}${number ? ` ${number}` : ''}`), itemTools(list, i, BLOCK_NAMES[type] ?? '块', path));
      const card = h('div', { class: `block block-${type}` }, head);
      registerBox(p, card, head.querySelector('button') ?? card);
      switch (type) {
        case 'paragraph':
          card.append(textInput([...p, 'text'], '段落文字', { multiline: true }));
          break;
        case 'subsection':
          card.append(
            textInput([...p, 'title'], '小标题（不写编号）'),
            checkbox('标题与正文同行（如“（一）总体情况。正文……”）', block['runIn'] === true, (on) => {
              if (on) block['runIn'] = true;
              else delete block['runIn'];
              host.changed();
            }),
            Array.isArray(block['blocks']) ? blocksEditor([...p, 'blocks'], level === 2 ? 3 : 4) : h('p', { class: 'note' }, '（此小标题缺少 blocks）'),
          );
          break;
        case 'list': {
          const items = Array.isArray(block['items']) ? (block['items'] as Record<string, unknown>[]) : [];
          items.forEach((item, j) => {
            const ip = [...p, 'items', j];
            const itemBox = h('fieldset', { class: 'item' }, h('legend', {}, `条目 ${numberLabel(level === 4 ? 4 : 3, j + 1)}`, itemTools(items, j, '条目', [...p, 'items'])));
            registerBox(ip, itemBox);
            itemBox.append(textInput([...ip, 'lead'], '引语（可不填，如“部门网站。”）', { optional: true }), textInput([...ip, 'text'], '条目文字', { multiline: true }));
            if (Array.isArray(item['paragraphs']) || item['paragraphs'] === undefined) itemBox.append(stringList([...ip, 'paragraphs'], '后续段落', '段落', true));
            card.append(itemBox);
          });
          card.append(
            h('button', {
              type: 'button',
              class: 'add',
              onclick: () => {
                if (!Array.isArray(block['items'])) block['items'] = [];
                const arr = block['items'] as unknown[];
                arr.push({ text: '' });
                host.restructured(formatPath([...p, 'items', arr.length - 1, 'text']));
              },
            }, '＋ 条目'),
          );
          break;
        }
        case 'table':
          card.append(ownTable(p, block));
          break;
        case 'statisticsTable': {
          const table = template.tables.find((t) => t.id === block['table']);
          card.append(h('p', { class: 'note' }, `统计表“${table?.name ?? String(block['table'])}”排在此处。`));
          break;
        }
        default:
          card.append(h('p', { class: 'note' }, '无法识别的块，保存时原样保留。'));
      }
      box.append(card);
    });
    const add = (type: string, label: string, make: () => Block, focus: (i: number) => PathSegment[]) =>
      h('button', {
        type: 'button',
        class: 'add',
        onclick: () => {
          list.push(make());
          host.restructured(formatPath(focus(list.length - 1)));
        },
        'data-add': type,
      }, `＋ ${label}`);
    box.append(
      h(
        'div',
        { class: 'add-bar' },
        add('paragraph', '段落', () => ({ type: 'paragraph', text: '' }), (i) => [...path, i, 'text']),
        paragraphsOnly ? null : add('subsection', '小标题', () => ({ type: 'subsection', title: '', blocks: [{ type: 'paragraph', text: '' }] }), (i) => [...path, i, 'title']),
        paragraphsOnly ? null : add('list', '编号条目', () => ({ type: 'list', items: [{ text: '' }] }), (i) => [...path, i, 'items', 0, 'text']),
        paragraphsOnly ? null : add('table', '表格', () => ({ type: 'table', header: [['', '']], rows: [['', '']] }), (i) => [...path, i, 'header', 0, 0]),
      ),
    );
    return box;
  };

  // ------------------------------------------------------------------ a report's own tables

  /**
   * A report's own table (`{ type: 'table', title?, header?, rows }`): its title, a grid of text inputs for the header
   * rows and the body rows, and buttons that add or remove a body row, a column (in every row) or the header row.
   */
  const ownTable = (path: readonly PathSegment[], block: Record<string, unknown>): HTMLElement => {
    const box = h('div', { class: 'own-table' });
    box.append(textInput([...path, 'title'], '表格标题（可不填）', { optional: true }));
    if (!Array.isArray(block['rows'])) block['rows'] = [];
    const rows = block['rows'] as unknown[][];
    const header = Array.isArray(block['header']) ? (block['header'] as unknown[][]) : undefined;
    const lines = [...(header ?? []), ...rows].filter(Array.isArray);
    const columns = Math.max(1, ...lines.map((r) => r.length));
    const cell = (cellPath: readonly PathSegment[], label: string, tag: 'th' | 'td') => {
      const input = h('input', { type: 'text', class: 'cell-input', 'aria-label': label, title: label, spellcheck: 'false' });
      input.value = valueText(getAt(report, cellPath));
      input.addEventListener('input', () => {
        setAt(report, cellPath, input.value);
        host.changed();
      });
      const wrapper = h(tag, {}, input);
      register(cellPath, input, wrapper);
      return wrapper;
    };
    const button = (label: string, text: string, disabled: boolean, onclick: () => void, extra = '') =>
      h('button', { type: 'button', class: `icon${extra}`, title: label, 'aria-label': label, disabled, onclick }, text);
    const grid = h('table', { class: 'grid own-grid' });
    // Column tools: remove a column from every row (the header's too).
    const tools = h('tr', { class: 'column-tools' });
    for (let c = 0; c < columns; c++) {
      tools.append(
        h('td', {}, button(`删除第${c + 1}列`, '✕', columns === 1, () => {
          for (const line of lines) line.splice(c, 1);
          host.restructured(formatPath([...path, 'rows', 0, Math.min(c, columns - 2)]));
        }, ' danger')),
      );
    }
    tools.append(h('td', { class: 'row-tools' }));
    const thead = h('thead', {}, tools);
    (header ?? []).forEach((line, r) => {
      if (!Array.isArray(line)) return;
      const tr = h('tr');
      line.forEach((_, c) => tr.append(cell([...path, 'header', r, c], `表头第${r + 1}行第${c + 1}列`, 'th')));
      tr.append(h('td', { class: 'row-tools' }));
      thead.append(tr);
    });
    const tbody = h('tbody');
    rows.forEach((line, r) => {
      if (!Array.isArray(line)) return;
      const tr = h('tr');
      line.forEach((_, c) => tr.append(cell([...path, 'rows', r, c], `表格第${r + 1}行第${c + 1}列`, 'td')));
      tr.append(
        h('td', { class: 'row-tools' }, button(`删除表格第${r + 1}行`, '✕', rows.length === 1, () => {
          rows.splice(r, 1);
          host.restructured(formatPath([...path, 'rows', Math.min(r, rows.length - 1), 0]));
        }, ' danger')),
      );
      tbody.append(tr);
    });
    grid.append(thead, tbody);
    box.append(
      h('div', { class: 'grid-wrap' }, grid),
      h(
        'div',
        { class: 'add-bar' },
        h('button', { type: 'button', class: 'add', onclick: () => {
          rows.push(Array.from({ length: columns }, () => ''));
          host.restructured(formatPath([...path, 'rows', rows.length - 1, 0]));
        } }, '＋ 行'),
        h('button', { type: 'button', class: 'add', onclick: () => {
          for (const line of lines) line.push('');
          host.restructured(formatPath([...path, header ? 'header' : 'rows', 0, columns]));
        } }, '＋ 列'),
      ),
      checkbox('第一行是表头（每页重复）', header !== undefined, (on) => {
        if (on) block['header'] = [Array.from({ length: columns }, () => '')];
        else delete block['header'];
        host.restructured(formatPath([...path, on ? 'header' : 'rows', 0, 0]));
      }),
    );
    return box;
  };

  // ------------------------------------------------------------------ statistics


  /** The keyboard a value asks for: digits for a count, a decimal point for an amount, a sign for a change (本年增/减). */
  const INPUT_MODE = { count: 'numeric', amount: 'decimal', change: 'text' } as const;

  /** A value as typed: a number when it reads as one exactly (2.50 stays text, to keep its digits). */
  const parseValue = (text: string): unknown => {
    const t = text.trim();
    if (/^-?\d+(\.\d+)?$/.test(t) && String(Number(t)) === t) return Number(t);
    return t;
  };

  const statisticsGrid = (table: TableDefinition): HTMLElement => {
    const numbers = table.numbered ? numberTableRows(table.rows) : undefined;
    const withNotes = table.numbered;
    const grid = h('table', { class: `grid grid-${table.id}` });
    const thead = h('thead');
    table.header.forEach((cells, r) => {
      const tr = h('tr');
      for (const c of cells) tr.append(h('th', { colspan: c.colSpan ?? 1, rowspan: c.rowSpan ?? 1, scope: 'col', class: c.distribute ? 'distribute' : undefined }, c.text));
      if (withNotes && r === 0) tr.append(h('th', { rowspan: table.header.length, scope: 'col', class: 'notes' }, '行备注'));
      thead.append(tr);
    });
    if (table.header.length > 0) grid.append(thead);
    const tbody = h('tbody');
    for (const row of table.rows) {
      const tr = h('tr', { class: `level-${row.level}${row.heading ? ' heading' : ''}` });
      tr.dataset['row'] = row.id;
      for (const c of row.cells) tr.append(bodyCell(c, row, numbers?.get(row.id)));
      if (withNotes) {
        const notePath = ['statistics', 'notes', row.id];
        const id = uid();
        const input = h('input', { id, type: 'text', class: 'note-input', 'aria-label': `${row.cells.find((c) => c.kind === 'label')?.text ?? row.id} 的行备注`, spellcheck: 'false' });
        input.value = valueText(getAt(report, notePath));
        input.addEventListener('input', () => {
          const notes = getAt(report, ['statistics', 'notes']) as Record<string, string> | undefined;
          if (input.value === '') {
            if (notes) {
              delete notes[row.id];
              if (Object.keys(notes).length === 0) delete (report['statistics'] as Record<string, unknown>)['notes'];
            }
          } else setAt(report, notePath, input.value);
          host.changed();
        });
        const td = h('td', { class: 'notes' }, input);
        register(notePath, input, td);
        tr.append(td);
      }
      tbody.append(tr);
    }
    grid.append(tbody);
    const wrap = h('div', { class: 'grid-wrap' }, grid);
    return wrap;
  };

  const bodyCell = (c: BodyCellDefinition, row: RowDefinition, number: { prefix: string; indent: number } | undefined): HTMLElement => {
    const span = { colspan: c.colSpan ?? 1 };
    switch (c.kind) {
      case 'label': {
        const th = h('th', { ...span, rowspan: c.rowSpan ?? 1, scope: 'row', class: c.group || row.heading ? 'group' : undefined }, number?.prefix ? h('span', { class: 'num' }, number.prefix) : null, c.text);
        if (number) th.style.paddingInlineStart = `${0.4 + number.indent}em`;
        return th;
      }
      case 'text':
        return h('td', { ...span, class: 'unit' }, c.text);
      case 'empty':
        return h('td', { ...span, class: 'empty' });
      case 'value': {
        const path = ['statistics', 'values', c.id];
        const input = h('input', { type: 'text', inputmode: INPUT_MODE[c.valueKind], class: 'value-input', 'aria-label': `${c.label}（${c.unit}）`, title: `${c.label}（${c.unit}）`, spellcheck: 'false' });
        input.value = valueText(getAt(report, path));
        input.addEventListener('input', () => {
          setAt(report, path, parseValue(input.value));
          host.changed();
        });
        const td = h('td', { ...span, class: 'value' }, input);
        register(path, input, td);
        return td;
      }
    }
  };

  // ------------------------------------------------------------------ the form

  root.replaceChildren();
  nav.replaceChildren();
  const sectionBox = (id: string, title: string, ...children: (HTMLElement | null)[]) => {
    nav.append(h('a', { href: `#${id}` }, title));
    const box = h('section', { id, class: 'form-section', 'aria-label': title }, h('h2', {}, title), ...children);
    root.append(box);
    return box;
  };

  // Template and metadata.
  const templateId = uid();
  const templateSelect = h('select', { id: templateId });
  for (const t of host.templates) templateSelect.append(h('option', { value: t.id }, `${t.id}：${t.name}`));
  templateSelect.value = template.id;
  templateSelect.addEventListener('change', () => host.switchTemplate(templateSelect.value));
  const templateField = h('div', { class: 'field wide' }, h('label', { for: templateId }, '模板'), templateSelect, h('div', { class: 'hint' }, `依据：${template.basis}`));
  register(['template'], templateSelect, templateField);
  sectionBox('s-meta', '报告信息', templateField, ...schemaFields(['metadata'], template.fields.metadata));

  // Preamble.
  if (!Array.isArray(report['preamble'])) report['preamble'] = [];
  const preamble = sectionBox('s-preamble', '前言', blocksEditor(['preamble'], 2, true));
  registerBox(['preamble'], preamble);

  // Parts, numbered as printed: a part left out does not take a number; the report's additional parts follow the
  // template part they name (or the last).
  if (report['sections'] === null || typeof report['sections'] !== 'object') report['sections'] = {};
  const sections = report['sections'] as Record<string, Record<string, unknown>>;
  const additional = (Array.isArray(report['additionalParts']) ? report['additionalParts'] : []) as Record<string, unknown>[];
  let n = 0;
  const afterChoices = template.parts.map((p) => [p.key, `“${p.title}”之后`] as const);
  // A part whose place names no part of the template (a typo) is drawn last, where its error can be shown and mended.
  const placeOf = (part: Record<string, unknown>) => (template.parts.some((p) => p.key === part['after']) ? (part['after'] as string) : undefined);
  const additionalParts = (after: string | undefined) =>
    additional.forEach((part, i) => {
      if (part === null || typeof part !== 'object' || placeOf(part) !== after) return;
      const path = ['additionalParts', i];
      if (!Array.isArray(part['blocks'])) part['blocks'] = [];
      const title = typeof part['title'] === 'string' && part['title'] !== '' ? part['title'] : '（未命名的部分）';
      const tools = h('div', { class: 'row-tools' }, h('button', {
        type: 'button',
        class: 'danger',
        onclick: () => {
          if (hasContent(part) && !confirm(`删除“${title}”？其内容将一并删除。`)) return;
          additional.splice(i, 1);
          if (additional.length === 0) delete report['additionalParts'];
          host.restructured('sections');
        },
      }, '删除此部分'));
      const box = sectionBox(`s-extra-${i}`, `${chineseNumeral(++n)}、${title}（模板之外）`, textInput([...path, 'title'], '部分标题'), selectInput([...path, 'after'], '位置', afterChoices, true), blocksEditor([...path, 'blocks'], 2), tools);
      box.querySelector('select option[value=""]')!.textContent = '最后';
      // Another place renumbers the parts: the form is drawn again.
      box.querySelector('select')!.addEventListener('change', () => host.restructured(formatPath([...path, 'after'])));
      registerBox(path, box, box.querySelector('input') as HTMLElement | undefined);
    });
  template.parts.forEach((part) => {
    const present = sections[part.key] !== undefined;
    const number = present ? `${chineseNumeral(++n)}、` : '（未包含）';
    const id = `s-part-${part.key}`;
    const path = ['sections', part.key];
    const children: HTMLElement[] = [];
    // An optional part may be left out; a required one that is missing can be added back.
    if (!part.required || !present) {
      children.push(
        checkbox(part.required ? '本报告包含此部分（必备部分，不能缺少）' : '本报告包含此部分', present, (on) => {
          if (on) sections[part.key] = { blocks: [] };
          else {
            const blocks = sections[part.key]?.['blocks'];
            if (Array.isArray(blocks) && blocks.length > 0 && !confirm(`“${part.title}”有内容，确定不要这一部分吗？其内容将被删除。`)) return host.restructured(formatPath(path));
            delete sections[part.key];
          }
          host.restructured(formatPath(path));
        }),
      );
    }
    if (present) {
      const section = sections[part.key]!;
      children.push(textInput([...path, 'title'], '部分标题（不填则用标准标题）', { optional: true, placeholder: part.title }));
      if (!Array.isArray(section['blocks'])) section['blocks'] = [];
      const blocks = section['blocks'] as unknown[];
      if (blocks.length === 0) children.push(h('p', { class: 'note' }, `此部分没有内容，将印“${template.emptyPartText}”。`));
      children.push(blocksEditor([...path, 'blocks'], 2));
      const inside = template.tables.filter((t) => t.placement.kind === 'part' && t.placement.part === part.key);
      for (const t of inside) children.push(h('p', { class: 'note' }, `本部分印有统计表“${t.name}”，在下方“统计表”中填写。`));
    }
    const box = sectionBox(id, `${number}${typeof sections[part.key]?.['title'] === 'string' ? String(sections[part.key]!['title']) : part.title}`, ...children);
    registerBox(path, box, box.querySelector('input, textarea, button') as HTMLElement | undefined);
    additionalParts(part.key);
  });
  additionalParts(undefined);
  const addPart = h('button', {
    type: 'button',
    class: 'add',
    onclick: () => {
      additional.push({ title: '', blocks: [] });
      report['additionalParts'] = additional;
      host.restructured(formatPath(['additionalParts', additional.length - 1, 'title']));
    },
  }, '＋ 模板之外的部分');
  registerBox(['additionalParts'], sectionBox('s-extra', '模板之外的部分', h('p', { class: 'note' }, '报告有模板没有的部分（如“政府信息公开咨询处理情况”）时在此添加；它与模板的部分连续编号。'), addPart), addPart);
  registerBox(['sections'], root.querySelector('#s-part-' + template.parts[0]?.key) ?? root);

  // Signature and style.
  if (report['signature'] === null || typeof report['signature'] !== 'object') report['signature'] = {};
  const signature = sectionBox('s-signature', '落款', ...schemaFields(['signature'], template.fields.signature));
  registerBox(['signature'], signature);

  // Statistics.
  const stats = report['statistics'] as Record<string, unknown> | undefined;
  const statsChildren: HTMLElement[] = [];
  if (!template.statisticsRequired) {
    statsChildren.push(
      checkbox('本报告附统计表', stats !== undefined, (on) => {
        if (on) report['statistics'] = { values: Object.fromEntries(template.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'value' ? [[c.id, 0]] : []))))) };
        else if (confirm('删除统计表及其全部数字？')) delete report['statistics'];
        host.restructured('statistics');
      }),
    );
  }
  if (stats !== undefined) {
    if (stats['values'] === null || typeof stats['values'] !== 'object') stats['values'] = {};
    statsChildren.push(...schemaFields(['statistics'], template.fields.statistics));
    for (const table of template.tables) {
      const where = table.placement.kind === 'attachment' ? '附件' : `印在“${template.parts.find((p) => table.placement.kind === 'part' && p.key === table.placement.part)?.title ?? ''}”部分`;
      const box = h('div', { class: 'table-box' }, h('h3', {}, `${table.name}（${where}）`), statisticsGrid(table), h('div', { class: 'table-issues', 'aria-live': 'polite' }));
      box.dataset['table'] = table.id;
      statsChildren.push(box);
    }
  } else if (template.statisticsRequired) {
    report['statistics'] = { values: {} };
  }
  const statsBox = sectionBox('s-statistics', '统计表', ...statsChildren);
  registerBox(['statistics'], statsBox);
  registerBox(['statistics', 'values'], statsBox);

  // Style.
  sectionBox('s-style', '版式', ...schemaFields(['style'], template.fields.style));
  registerBox([], root);
  return fields;
}
