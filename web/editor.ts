/**
 * The report editor page: the form (generated from the template data), checking as the user types (the library's
 * validation on the server, after a short pause), the PDF preview (after a longer pause), punctuation repair, and
 * the files: open, save (into the file `serve` was started with), download. Unsaved changes are kept in the
 * browser's local storage, so that a reload or a closed tab loses nothing, and closing the page with unsaved changes
 * asks first.
 */
import * as api from './api.js';
import { h } from './dom.js';
import { buildForm, type FieldEntry } from './form.js';
import { fieldFor, focusField, showIssues } from './issues.js';
import { Preview } from './preview.js';
import type { Change, Issue, Report, Session, TemplateData } from './types.js';

const CHECK_DELAY_MS = 300;
const RENDER_DELAY_MS = 800;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  form: $('form'),
  nav: $('nav'),
  fileName: $('file-name'),
  status: $('status'),
  banner: $('banner'),
  issueSummary: $('issue-summary'),
  issueList: $('issue-list'),
  previewView: $('preview-view'),
  previewPages: $('preview-pages'),
  previewErrors: $('preview-errors'),
  pageIndicator: $('page-indicator'),
  previewLink: $<HTMLAnchorElement>('preview-link'),
  save: $<HTMLButtonElement>('save'),
  open: $<HTMLButtonElement>('open'),
  openInput: $<HTMLInputElement>('open-input'),
  downloadPdf: $<HTMLButtonElement>('download-pdf'),
  downloadReport: $<HTMLButtonElement>('download-report'),
  normalize: $<HTMLButtonElement>('normalize'),
  changesDialog: $<HTMLDialogElement>('changes-dialog'),
  changesList: $('changes-list'),
  changesSummary: $('changes-summary'),
  changesUndo: $<HTMLButtonElement>('changes-undo'),
  changesClose: $<HTMLButtonElement>('changes-close'),
};

let session: Session;
let report: Report;
/** The report as last read from or written to the file (JSON text), to tell unsaved changes. */
let saved = '';
let fileVersion: string | null = null;
let revision = 0;
let fields = new Map<string, FieldEntry>();
let lastIssues: { errors: Issue[]; warnings: Issue[] } = { errors: [], warnings: [] };
let lastPdf: { revision: number; bytes: Uint8Array; url: string } | undefined;
const preview = new Preview(ui.previewView, ui.previewPages, ui.pageIndicator);

// ------------------------------------------------------------------ state

const draftKey = () => `xxgk-report:draft:${session.path ?? '(new)'}`;
const isDirty = () => JSON.stringify(report) !== saved;
const baseName = () => (session.file ?? '新报告.json').replace(/\.(json|ya?ml)$/i, '');

function templateOfReport(): TemplateData {
  const id = typeof report['template'] === 'string' ? report['template'] : '2014';
  return session.templates.find((t) => t.id === id) ?? session.templates[0]!;
}

function setStatus(text: string, kind: 'info' | 'busy' | 'error' | 'ok' = 'info'): void {
  ui.status.textContent = text;
  ui.status.className = kind;
}

function updateDirty(): void {
  const dirty = isDirty();
  document.body.classList.toggle('dirty', dirty);
  ui.save.disabled = !session.canSave;
  ui.save.textContent = dirty ? '保存 •' : '保存';
  document.title = `${dirty ? '• ' : ''}${session.file ?? '新报告'} — 年度报告编辑器`;
}

function storeDraft(): void {
  try {
    if (isDirty()) localStorage.setItem(draftKey(), JSON.stringify({ report, fileVersion, at: new Date().toISOString() }));
    else localStorage.removeItem(draftKey());
  } catch {
    // storage full or disabled: the warning on close still protects the work
  }
}

function redraw(focus?: string): void {
  const scroll = ui.form.parentElement!.scrollTop;
  fields = buildForm(ui.form, ui.nav, {
    report,
    template: templateOfReport(),
    templates: session.templates,
    changed,
    restructured: (path) => {
      changed();
      redraw(path);
    },
    switchTemplate,
  });
  ui.form.parentElement!.scrollTop = scroll;
  showIssues(ui.form, fields, ui.issueList, ui.issueSummary, lastIssues.errors, lastIssues.warnings);
  if (focus !== undefined) focusField(fields.get(focus) ?? fieldFor(fields, focus));
}

/** Something in the report changed: check soon, preview a little later, keep a draft. */
function changed(): void {
  revision++;
  document.body.dataset['revision'] = String(revision);
  updateDirty();
  storeDraft();
  schedule('check', CHECK_DELAY_MS);
  schedule('render', RENDER_DELAY_MS);
}

// ------------------------------------------------------------------ checking and preview

const timers: Partial<Record<'check' | 'render', number>> = {};
function schedule(what: 'check' | 'render', delay: number): void {
  clearTimeout(timers[what]);
  timers[what] = window.setTimeout(() => void (what === 'check' ? check() : renderPreview()), delay);
}

let checking: AbortController | undefined;
async function check(): Promise<void> {
  checking?.abort();
  const controller = (checking = new AbortController());
  const at = revision;
  setStatus('正在检查…', 'busy');
  try {
    const result = await api.validate(report, controller.signal);
    if (at !== revision) return;
    lastIssues = result;
    showIssues(ui.form, fields, ui.issueList, ui.issueSummary, result.errors, result.warnings);
    document.body.dataset['checked'] = String(at);
    setStatus(result.errors.length > 0 ? `有 ${result.errors.length} 个错误需要修改` : '检查完毕', result.errors.length > 0 ? 'error' : 'ok');
  } catch (e) {
    if ((e as Error).name !== 'AbortError') setStatus(`检查失败：${(e as Error).message}`, 'error');
  }
}

let rendering = false;
async function renderPreview(): Promise<void> {
  if (rendering) return schedule('render', 200); // one render at a time; the newest report is drawn next
  rendering = true;
  const at = revision;
  ui.previewView.classList.add('busy');
  try {
    const pdf = await api.render(report);
    const pages = await preview.show(pdf, () => (document.body.dataset['previewFirst'] = String(at)));
    if (pages !== undefined) {
      if (lastPdf) URL.revokeObjectURL(lastPdf.url);
      const url = URL.createObjectURL(new Blob([pdf.slice()], { type: 'application/pdf' }));
      lastPdf = { revision: at, bytes: pdf, url };
      ui.previewLink.href = url;
      ui.previewLink.hidden = false;
      ui.previewErrors.hidden = true;
      ui.previewView.classList.remove('stale');
      document.body.dataset['previewState'] = 'ready';
    }
  } catch (e) {
    // A failed render shows why, over the last good pages (dimmed), never a blank.
    const errors = e instanceof api.ApiError && Array.isArray(e.body['errors']) ? (e.body['errors'] as Issue[]) : [];
    ui.previewErrors.replaceChildren(
      h('p', {}, errors.length > 0 ? `报告有 ${errors.length} 个错误，改正后预览会自动更新：` : `预览生成失败：${(e as Error).message}`),
      h('ul', {}, ...errors.slice(0, 50).map((x) => h('li', {}, h('button', { type: 'button', onclick: () => focusField(fieldFor(fields, x.path)) }, `${x.label ? `${x.label}：` : ''}${x.message}`)))),
    );
    ui.previewErrors.hidden = false;
    ui.previewView.classList.add('stale');
    document.body.dataset['previewState'] = 'error';
  } finally {
    rendering = false;
    ui.previewView.classList.remove('busy');
    document.body.dataset['previewRevision'] = String(at);
  }
}

// ------------------------------------------------------------------ templates

function switchTemplate(id: string): void {
  const from = templateOfReport();
  const to = session.templates.find((t) => t.id === id);
  if (!to || to.id === from.id) return;
  const sections = (report['sections'] ?? {}) as Record<string, unknown>;
  const lost = Object.keys(sections).filter((k) => !to.parts.some((p) => p.key === k));
  const message = `改用模板 ${to.id}（${to.name}）？\n\n键名相同的部分保留其内容${lost.length > 0 ? `；以下部分在新模板中没有，其内容将被删除：${lost.map((k) => from.parts.find((p) => p.key === k)?.title ?? k).join('、')}` : ''}。\n统计表按新模板重建：编号相同的数字保留，其余为 0。`;
  if (!confirm(message)) return redraw('template');
  const nextSections: Record<string, unknown> = {};
  for (const part of to.parts) if (sections[part.key] !== undefined || part.required) nextSections[part.key] = sections[part.key] ?? { blocks: [] };
  const oldStats = (report['statistics'] ?? {}) as Record<string, unknown>;
  const oldValues = (oldStats['values'] ?? {}) as Record<string, unknown>;
  const rows = new Set(to.tables.flatMap((t) => t.rows.map((r) => r.id)));
  const values = Object.fromEntries(to.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'value' ? [[c.id, oldValues[c.id] ?? 0]] : [])))));
  const notes = Object.fromEntries(Object.entries((oldStats['notes'] ?? {}) as Record<string, unknown>).filter(([k]) => rows.has(k)));
  const titled = to.tables.some((t) => t.titled);
  const statistics: Record<string, unknown> = {};
  if (titled) for (const k of ['title', 'titleLines', 'subtitle']) if (oldStats[k] !== undefined) statistics[k] = oldStats[k];
  statistics['values'] = values;
  if (oldStats['previous'] !== undefined) statistics['previous'] = oldStats['previous'];
  if (Object.keys(notes).length > 0) statistics['notes'] = notes;
  // Rebuilt in the schema's order, `template` after `$schema`.
  const next: Report = {};
  if (report['$schema'] !== undefined) next['$schema'] = report['$schema'];
  next['template'] = to.id;
  for (const [k, v] of Object.entries(report)) if (k !== '$schema' && k !== 'template') next[k] = v;
  next['sections'] = nextSections;
  // An additional part after a part the new template does not have goes after the last.
  if (Array.isArray(report['additionalParts'])) {
    for (const part of report['additionalParts'] as Record<string, unknown>[]) {
      if (part && typeof part === 'object' && !to.parts.some((p) => p.key === part['after'])) delete part['after'];
    }
  }
  if (to.tables.length > 0) next['statistics'] = statistics;
  else delete next['statistics'];
  for (const k of Object.keys(report)) delete report[k];
  Object.assign(report, next);
  changed();
  redraw('template');
}

// ------------------------------------------------------------------ files

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function save(force = false): Promise<void> {
  if (!session.canSave) return;
  setStatus('正在保存…', 'busy');
  const text = JSON.stringify(report);
  try {
    const result = await api.save(report, fileVersion, force);
    saved = text;
    fileVersion = result.fileVersion;
    updateDirty();
    storeDraft();
    setStatus(result.changed ? `已保存到 ${result.file}${result.backup ? `（原文件备份为 ${result.backup}）` : ''}` : `${result.file} 没有变化`, 'ok');
    document.body.dataset['saved'] = String(revision);
  } catch (e) {
    if (e instanceof api.ApiError && e.body['conflict'] === true) {
      if (confirm(`${e.message}。\n\n仍要用编辑器中的内容覆盖它吗？（被覆盖的文件会备份为 .bak）`)) return save(true);
      setStatus('未保存：文件已被其他程序修改', 'error');
      return;
    }
    setStatus(`保存失败：${(e as Error).message}`, 'error');
  }
}

async function openChosenFile(file: File): Promise<void> {
  if (isDirty() && !confirm('编辑器中有未保存的修改，打开其他文件会替换它们。继续吗？')) return;
  try {
    const opened = await api.openFile(file.name, await file.arrayBuffer());
    for (const k of Object.keys(report)) delete report[k];
    Object.assign(report, opened.report);
    lastIssues = { errors: [], warnings: [] };
    changed();
    redraw();
    setStatus(session.canSave ? `已打开 ${file.name}；“保存”会写入 ${session.file}` : `已打开 ${file.name}`, 'ok');
  } catch (e) {
    setStatus(`无法打开 ${file.name}：${(e as Error).message}`, 'error');
  }
}

async function downloadPdf(): Promise<void> {
  let bytes = lastPdf?.revision === revision ? lastPdf.bytes : undefined;
  if (!bytes) {
    setStatus('正在生成 PDF…', 'busy');
    try {
      bytes = await api.render(report);
    } catch (e) {
      const errors = e instanceof api.ApiError && Array.isArray(e.body['errors']) ? (e.body['errors'] as Issue[]) : [];
      setStatus(errors.length > 0 ? `报告有 ${errors.length} 个错误，无法生成 PDF` : `生成失败：${(e as Error).message}`, 'error');
      return;
    }
  }
  download(`${baseName()}.pdf`, new Blob([bytes.slice()], { type: 'application/pdf' }));
  setStatus('PDF 已下载', 'ok');
}

// ------------------------------------------------------------------ punctuation

/** The text with the characters that differ from `other` marked, a few characters of context around each change. */
function marked(text: string, other: string): HTMLElement {
  const a = [...text];
  const b = [...other];
  const span = h('span', { class: 'diff' });
  const CONTEXT = 6;
  if (a.length === b.length) {
    // A repair that swaps characters one for one (half-width → full-width): each change with its context.
    const changed = a.map((c, i) => c !== b[i]);
    const shown = a.map((_, i) => changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some(Boolean));
    a.forEach((c, i) => {
      if (!shown[i]) return;
      if (i > 0 && !shown[i - 1]) span.append('…');
      span.append(changed[i] ? h('mark', {}, c) : c);
    });
    if (!shown[a.length - 1]) span.append('…');
    return span;
  }
  // Otherwise the stretch between the first and the last difference.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (start > CONTEXT) span.append('…');
  span.append(a.slice(Math.max(0, start - CONTEXT), start).join(''), h('mark', {}, a.slice(start, a.length - end).join('')), a.slice(a.length - end, a.length - end + CONTEXT).join(''));
  if (end > CONTEXT) span.append('…');
  return span;
}

async function normalizePunctuation(): Promise<void> {
  let result: { report: Report; changes: (Change & { label?: string })[] };
  try {
    result = await api.normalize(report);
  } catch (e) {
    setStatus(`无法规范标点：${(e as Error).message}`, 'error');
    return;
  }
  if (result.changes.length === 0) {
    setStatus('没有需要修改的标点', 'ok');
    return;
  }
  const before = structuredClone(report);
  for (const k of Object.keys(report)) delete report[k];
  Object.assign(report, result.report);
  changed();
  redraw();
  ui.changesSummary.textContent = `修改了 ${result.changes.length} 处文字（半角标点改为全角、全角数字和字母改为半角、直引号改为弯引号、手写的编号去掉）：`;
  ui.changesList.replaceChildren(
    ...result.changes.map((c) =>
      h('li', {}, h('div', { class: 'where' }, c.label ?? c.path), h('div', { class: 'before' }, h('span', { class: 'tag' }, '原文'), marked(c.before, c.after)), h('div', { class: 'after' }, h('span', { class: 'tag' }, '改为'), marked(c.after, c.before))),
    ),
  );
  ui.changesUndo.onclick = () => {
    for (const k of Object.keys(report)) delete report[k];
    Object.assign(report, before);
    changed();
    redraw();
    ui.changesDialog.close();
    setStatus('已撤销标点修改', 'ok');
  };
  ui.changesDialog.showModal();
  setStatus(`已修改 ${result.changes.length} 处标点`, 'ok');
}

// ------------------------------------------------------------------ start

async function start(): Promise<void> {
  try {
    session = await api.getSession();
  } catch (e) {
    setStatus(`无法读取报告：${(e as Error).message}`, 'error');
    return;
  }
  report = session.report;
  saved = JSON.stringify(report);
  fileVersion = session.fileVersion;
  ui.fileName.textContent = session.file ?? '新报告（未指定文件，只能下载）';
  ui.fileName.title = session.path ?? '';
  // A draft left by an earlier visit (a reload, a closed tab) is taken up again.
  try {
    const raw = localStorage.getItem(draftKey());
    const draft = raw ? (JSON.parse(raw) as { report: Report; fileVersion: string | null; at: string }) : undefined;
    if (draft && JSON.stringify(draft.report) !== saved) {
      report = draft.report;
      // Saved against the file the draft was made from: a file changed since then is not overwritten unasked.
      fileVersion = draft.fileVersion;
      const when = new Date(draft.at).toLocaleString('zh-CN');
      const moved = draft.fileVersion !== session.fileVersion ? '注意：此后文件本身也被修改过，保存会覆盖那些修改。' : '';
      ui.banner.replaceChildren(
        h('span', {}, `已恢复 ${when} 未保存的修改。${moved}`),
        h('button', {
          type: 'button',
          onclick: () => {
            localStorage.removeItem(draftKey());
            report = session.report;
            fileVersion = session.fileVersion;
            ui.banner.hidden = true;
            changed();
            redraw();
          },
        }, '放弃这些修改，使用文件中的内容'),
      );
      ui.banner.hidden = false;
    }
  } catch {
    // no storage
  }
  ui.save.addEventListener('click', () => void save());
  ui.open.addEventListener('click', () => ui.openInput.click());
  ui.openInput.addEventListener('change', () => {
    const file = ui.openInput.files?.[0];
    ui.openInput.value = '';
    if (file) void openChosenFile(file);
  });
  ui.downloadPdf.addEventListener('click', () => void downloadPdf());
  ui.downloadReport.addEventListener('click', () => download(`${baseName()}.json`, new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' })));
  ui.normalize.addEventListener('click', () => void normalizePunctuation());
  ui.changesClose.addEventListener('click', () => ui.changesDialog.close());
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (!isDirty()) return;
    e.preventDefault();
    e.returnValue = '';
  });
  if (!session.canSave) ui.save.title = '编辑器启动时没有指定文件，无法保存；请用“下载报告”';
  document.body.dataset['revision'] = '0';
  updateDirty();
  redraw();
  setStatus('就绪');
  await check();
  await renderPreview();
  document.body.dataset['ready'] = 'true';
}

void start();
