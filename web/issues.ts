/**
 * Issues on the form: each error and warning beside its field (or the nearest field above it in the path), the
 * statistics cells a rule concerns coloured, and the list of all of them, whose items focus their field.
 */
import { h, uid } from './dom.js';
import type { FieldEntry } from './form.js';
import { formatPath, parsePath } from './paths.js';
import type { Issue } from './types.js';

const severityName = (i: Issue) => (i.severity === 'error' ? '错误' : '警告');

/** The field an issue belongs to: its own path, else the nearest registered path above it. */
export function fieldFor(fields: ReadonlyMap<string, FieldEntry>, path: string): FieldEntry | undefined {
  const segments = parsePath(path);
  for (let n = segments.length; n >= 0; n--) {
    const entry = fields.get(formatPath(segments.slice(0, n)));
    if (entry) return entry;
  }
  return undefined;
}

/** Opens the part of the form that holds an element and moves the focus to it. */
export function focusField(entry: FieldEntry | undefined): void {
  if (!entry) return;
  for (let el: HTMLElement | null = entry.wrapper; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  entry.wrapper.scrollIntoView({ block: 'center' });
  const target = entry.input.matches('input, textarea, select, button, [tabindex]') ? entry.input : entry.input.querySelector<HTMLElement>('input, textarea, select, button');
  (target ?? entry.input).focus({ preventScroll: true });
}

/** Removes the marks of the previous check. */
function clear(root: HTMLElement): void {
  for (const m of root.querySelectorAll('.issue-msg')) m.remove();
  for (const el of root.querySelectorAll('.has-error, .has-warning, .cell-error, .cell-warning')) el.classList.remove('has-error', 'has-warning', 'cell-error', 'cell-warning');
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('[data-issue-ids]')) {
    el.removeAttribute('aria-describedby');
    el.removeAttribute('data-issue-ids');
  }
  for (const el of root.querySelectorAll<HTMLElement>('.value-input[data-issue-title]')) {
    el.title = el.dataset['issueTitle']!;
    delete el.dataset['issueTitle'];
  }
}

/** Marks every issue on the form and fills the list; returns the number of issues shown. */
export function showIssues(root: HTMLElement, fields: ReadonlyMap<string, FieldEntry>, list: HTMLElement, summary: HTMLElement, errors: readonly Issue[], warnings: readonly Issue[]): void {
  clear(root);
  const all = [...errors, ...warnings];
  list.replaceChildren();
  for (const issue of all) {
    const entry = fieldFor(fields, issue.path);
    const cls = issue.severity === 'error' ? 'error' : 'warning';
    const id = uid('msg');
    const msg = h('div', { class: `issue-msg ${cls}`, id, role: issue.severity === 'error' ? 'alert' : undefined }, `${severityName(issue)}：${issue.message}`);
    msg.dataset['code'] = issue.code;
    msg.dataset['path'] = issue.path;
    if (entry) {
      const inGrid = entry.wrapper.tagName === 'TD';
      entry.wrapper.classList.add(issue.severity === 'error' ? (inGrid ? 'cell-error' : 'has-error') : inGrid ? 'cell-warning' : 'has-warning');
      // A cell of a grid is too small for a message: it goes under the table, and into the cell's tooltip.
      const host = inGrid ? entry.wrapper.closest('.table-box')?.querySelector('.table-issues') : entry.wrapper;
      host?.append(msg);
      const input = entry.input;
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      input.dataset['issueIds'] = '1';
      if (issue.severity === 'error') input.setAttribute('aria-invalid', 'true');
      if (inGrid) {
        input.dataset['issueTitle'] ??= input.title;
        input.title = `${input.title}\n${severityName(issue)}：${issue.message}`;
      }
    }
    // The cells a rule concerns: all coloured, so that the numbers to compare stand out.
    for (const cell of issue.cells ?? []) {
      const cellEntry = fields.get(formatPath(['statistics', 'values', cell]));
      if (cellEntry) cellEntry.wrapper.classList.add(issue.severity === 'error' ? 'cell-error' : 'cell-warning');
    }
    const item = h(
      'li',
      { class: cls },
      h('button', { type: 'button', onclick: () => focusField(fieldFor(fields, issue.path)) }, h('span', { class: 'sev' }, severityName(issue)), issue.label ? h('span', { class: 'where' }, issue.label) : null, h('span', { class: 'what' }, issue.message)),
    );
    item.dataset['path'] = issue.path;
    item.dataset['code'] = issue.code;
    list.append(item);
  }
  summary.textContent = all.length === 0 ? '没有发现问题' : `${errors.length} 个错误，${warnings.length} 条警告`;
  summary.className = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok';
}
