/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * `xxgk-report serve` as a user meets it: the built CLI started as a child process, and the editor page driven in a
 * real browser (Debian's headless Chromium through playwright-core). The seed is opened; a statistics value is
 * changed so that a sum rule breaks, and the warning appears on that cell, then goes when it is fixed; the seed's two
 * table inconsistencies and its half-width punctuation are corrected; a paragraph is edited and the preview's PDF is
 * read back; the report is saved and the file checked on disk; the downloaded PDF is byte for byte the one
 * `xxgk-report render` makes of the saved file. Without Chromium these tests are skipped with a message, except under
 * CI, where they fail (tests/helpers/conformance.ts).
 *
 * With XXGK_UPDATE_SCREENSHOTS=1 the screenshots are written to docs/images/editor-*.png (for the README); otherwise
 * into a temporary folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { numberedFolders } from '../helpers/folders.js';
import { extractTextStream } from '../../src/index.js';
import { CHROMIUM_PACKAGES, chromiumAvailable, chromiumExecutable, describeWithTool } from '../helpers/conformance.js';
import { CLI, ensureBuilt, ROOT } from '../helpers/build.js';

const SEED = join(ROOT, 'fixtures/linyi-minzheng-2017.json');
const REPORT_2021 = join(ROOT, 'fixtures/huaian-shi-2024.json');
const REPORT_2008 = join(ROOT, 'fixtures/pingtan-xzf-2012.json');
const SHOTS = process.env.XXGK_UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs/images') : undefined;

let tmp: string;
/** A fresh folder for one test. */
const folder = numberedFolders(() => tmp);

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-editor-'));
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Serving {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  stop(): Promise<number | null>;
}

/** Starts `xxgk-report serve …` in `cwd` and waits for the address it prints. */
function serve(args: readonly string[], cwd: string): Promise<Serving> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const url = /报告编辑器已启动：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url && out.includes('按 Ctrl+C 停止')) resolve({ url, child, output: () => out + err, stop: () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before printing its address:\n${out}\n${err}`)));
  });
}

function cli(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

describe('serve on the command line', () => {
  it('has Chinese help', () => {
    const r = cli(['serve', '--help'], tmp);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法：xxgk-report serve/);
    expect(r.stdout).toContain('127.0.0.1');
    expect(cli(['--help'], tmp).stdout).toMatch(/serve \[文件\]\s+在浏览器中编辑报告/);
  });

  it('refuses a missing file (3), two files or a bad port (64)', () => {
    const missing = cli(['serve', 'missing.json', '--port', '0'], tmp);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/missing\.json：文件不存在/);
    expect(cli(['serve', 'a.json', 'b.json'], tmp).status).toBe(64);
    expect(cli(['serve', '--port', 'abc'], tmp).status).toBe(64);
    expect(cli(['serve', '--port', '70000'], tmp).status).toBe(64);
  });

  it('prints its address on 127.0.0.1, serves the page and its scripts from the package, and stops on SIGTERM', async () => {
    const dir = folder();
    copyFileSync(SEED, join(dir, 'report.json'));
    const s = await serve(['report.json', '--port', '0'], dir);
    try {
      expect(s.output()).toContain('编辑 report.json');
      const page = await fetch(s.url);
      expect(page.status).toBe(200);
      const html = await page.text();
      for (const asset of [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!)) {
        const answer = await fetch(new URL(asset, s.url));
        expect(answer.status, asset).toBe(200);
      }
      // Everything the page loads comes from this server: no address of another host anywhere in its files.
      expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
      const script = await (await fetch(new URL('/editor.js', s.url))).text();
      expect(script).not.toMatch(/["'`]https?:\/\/(?:cdn|unpkg|cdnjs|jsdelivr)/);
      const worker = await fetch(new URL('/pdf.worker.min.mjs', s.url));
      expect(worker.headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(new URL('/fonts/400.css', s.url))).status).toBe(200);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  it('without a file starts from a blank report', async () => {
    const s = await serve(['--port', '0'], folder());
    try {
      expect(s.output()).toContain('空白报告');
      expect((await fetch(s.url)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------- in the browser

/** A selector for the element that carries a field's path (`input` or its cell `td`). */
const at = (tag: string, path: string) => `${tag}[data-path=${JSON.stringify(path)}]`;
const value = (id: string) => `statistics.values[${JSON.stringify(id)}]`;

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
}
/** Waits until the check of the latest edit has come back. */
async function checked(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset['checked'] === document.body.dataset['revision'], undefined, { timeout: 60_000 });
}
/** Saves with Ctrl+S and waits until the file holds the latest edit. */
async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
  await page.waitForFunction(() => document.body.dataset['saved'] === document.body.dataset['revision'], undefined, { timeout: 30_000 });
}
/** The visible controls inside `selector` that have no name or are taken out of the tab order (their markup). */
const unnamedControls = (page: Page, selector = 'body') =>
  page.$eval(selector, (root) =>
    [...root.querySelectorAll<HTMLElement>('input:not([type=file]), textarea, select, button, a[href]')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const labelled = el.id && document.querySelector(`label[for="${el.id}"]`);
        const name = el.getAttribute('aria-label') ?? (labelled ? labelled.textContent : el.textContent);
        return !name?.trim() || el.tabIndex < 0;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
/** Waits until the preview shows the latest edit (or its errors). */
async function previewed(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset['previewRevision'] === document.body.dataset['revision'] && !document.getElementById('preview-view')!.classList.contains('busy'), undefined, { timeout: 60_000 });
}
const issues = (page: Page) => page.$$eval('#issue-list li', (items) => items.map((li) => ({ code: (li as HTMLElement).dataset['code']!, path: (li as HTMLElement).dataset['path']!, text: li.textContent ?? '' })));
const classes = async (page: Page, selector: string) => (await page.getAttribute(selector, 'class')) ?? '';
const squash = (s: string) => s.replace(/\s+/g, '');
const pdfText = (pdf: Uint8Array) => squash(extractTextStream(pdf).pages.flatMap((p) => p.lines.map((l) => l.text)).join(''));

/** The PDF the preview shows, read through its link. */
async function previewPdf(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const href = (document.getElementById('preview-link') as HTMLAnchorElement).href;
    return [...new Uint8Array(await (await fetch(href)).arrayBuffer())];
  });
  return Buffer.from(bytes);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS ?? tmp, `editor-${name}.png`) });
}

describeWithTool(chromiumAvailable(), CHROMIUM_PACKAGES, 'the editor in Chromium', () => {
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: chromiumExecutable()!,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      acceptDownloads: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Any request to another host would be a page that does not work offline.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/, (route) => {
      problems.push(`request outside the editor: ${route.request().url()}`);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  beforeEach(() => void (problems.length = 0));

  const open = async (url: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // A render refused for the report's errors (422) is logged by the browser; the page shows those errors itself.
    page.on('console', (m) => void (m.type() === 'error' && !/status of 422/.test(m.text()) && problems.push(`console: ${m.text()}`)));
    page.on('dialog', (d) => void d.accept());
    await page.goto(url);
    await ready(page);
    return page;
  };

  /** Serves dir/report.json, opens the editor on it, runs `body`, and checks that the page logged no problem. */
  const editing = async (dir: string, body: (page: Page) => Promise<void>): Promise<void> => {
    const s = await serve(['report.json', '--port', '0'], dir);
    try {
      const page = await open(s.url);
      await body(page);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await s.stop();
    }
  };

  it(
    'the seed: a broken sum shows on its cells and goes; the table and punctuation are fixed; the preview follows; the saved file renders to the downloaded PDF',
    async () => {
      const dir = folder();
      const file = join(dir, 'report.json');
      copyFileSync(SEED, file);
      const s = await serve(['report.json', '--port', '0'], dir);
      try {
        const page = await open(s.url);
        await checked(page);
        await previewed(page);
        expect(await page.textContent('#page-indicator')).toMatch(/^第 1 页 \/ 共 \d+ 页$/);

        // The seed's two table inconsistencies, each on its cells.
        const first = await issues(page);
        expect(first.filter((i) => i.code === 'sum_mismatch' || i.code === 'at_most_violation').map((i) => i.path)).toEqual([value('applications.refused'), value('proactive.other')]);
        for (const id of ['applications.refused', 'applications.refusedStateSecret', 'proactive.other', 'proactive.total']) expect(await classes(page, at('td', value(id)))).toContain('cell-warning');
        expect(await classes(page, at('td', value('capacity.staff')))).not.toContain('cell-warning');
        expect(first.filter((i) => i.code === 'halfwidth_punctuation').length).toBeGreaterThan(20);
        await shot(page, 'overview');

        // A value that breaks a sum: the warning is on the total and on every cell of the sum, and in the list.
        await page.fill(at('input', value('capacity.staffFullTime')), '1');
        await checked(page);
        const broken = (await issues(page)).find((i) => i.path === value('capacity.staff'));
        expect(broken?.code).toBe('sum_mismatch');
        for (const id of ['capacity.staff', 'capacity.staffFullTime', 'capacity.staffPartTime']) expect(await classes(page, at('td', value(id)))).toContain('cell-warning');
        expect(await page.textContent('.table-box[data-table="statistics"] .table-issues')).toContain('从事政府信息公开工作人员数');
        // Its item in the list focuses the cell.
        await page.click(`#issue-list li[data-path=${JSON.stringify(value('capacity.staff'))}] button`);
        expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path'])).toBe(value('capacity.staff'));
        await page.locator('#s-statistics').scrollIntoViewIfNeeded();
        await page.evaluate(() => document.querySelector('tr[data-row="capacity.staff"]')!.scrollIntoView({ block: 'center' }));
        await shot(page, 'table');
        // Fixed again: the warning and the colour go.
        await page.fill(at('input', value('capacity.staffFullTime')), '0');
        await checked(page);
        expect((await issues(page)).some((i) => i.path === value('capacity.staff'))).toBe(false);
        expect(await classes(page, at('td', value('capacity.staffFullTime')))).not.toContain('cell-warning');

        // The seed's two inconsistencies, corrected: the six reasons account for the four refusals, and the total
        // counts the 500 items published by other means.
        await page.fill(at('input', value('applications.refusedOtherLegal')), '4');
        await page.fill(at('input', value('proactive.total')), '500');
        await checked(page);
        expect((await issues(page)).filter((i) => i.code === 'sum_mismatch' || i.code === 'at_most_violation')).toEqual([]);

        // Punctuation: the button repairs it and lists what it changed.
        await page.click('#normalize');
        await page.waitForSelector('#changes-dialog[open]');
        const changes = await page.$$eval('#changes-list li', (items) => items.map((li) => li.textContent ?? ''));
        expect(changes.length).toBeGreaterThan(20);
        expect(changes[0]).toMatch(/前言|段落/);
        expect(await page.$$eval('#changes-list mark', (marks) => marks.map((m) => m.textContent))).toContain('，');
        await shot(page, 'punctuation');
        await page.click('#changes-close');
        await checked(page);
        const afterRepair = await issues(page);
        expect(afterRepair.filter((i) => i.code === 'halfwidth_punctuation')).toEqual([]);
        // One mistake the repair leaves to a person: a doubled full stop.
        const doubled = afterRepair.find((i) => i.code === 'doubled_punctuation');
        expect(doubled).toBeDefined();
        const doubledField = at('textarea', doubled!.path);
        await page.fill(doubledField, (await page.inputValue(doubledField)).replace('。。', '。'));
        await checked(page);
        expect(await issues(page)).toEqual([]);
        expect(await page.textContent('#issue-summary')).toBe('没有发现问题');

        // The preview follows an edited paragraph and stays on the page being read.
        await previewed(page);
        await page.evaluate(() => {
          const view = document.getElementById('preview-view')!;
          view.scrollTop = (document.querySelectorAll<HTMLElement>('#preview-pages .page')[2]!).offsetTop + 40;
          view.dispatchEvent(new Event('scroll'));
        });
        expect(await page.textContent('#page-indicator')).toMatch(/^第 3 页/);
        const sentence = '本段由报告编辑器的测试在浏览器中写入，预览应当随之更新。';
        const overview = at('textarea', 'sections.overview.blocks[0].text');
        expect(pdfText(await previewPdf(page))).not.toContain(sentence);
        await page.fill(overview, (await page.inputValue(overview)) + sentence);
        await previewed(page);
        expect(await page.getAttribute('body', 'data-preview-state')).toBe('ready');
        expect(pdfText(await previewPdf(page))).toContain(sentence);
        expect(squash((await page.textContent('#preview-pages')) ?? '')).toContain(sentence.slice(0, 8));
        expect(await page.textContent('#page-indicator')).toMatch(/^第 3 页/);

        // A report with an error: the preview says why instead of going blank.
        await page.fill(at('input', 'metadata.agency'), '');
        await previewed(page);
        expect(await page.getAttribute('body', 'data-preview-state')).toBe('error');
        expect(await page.isVisible('#preview-errors')).toBe(true);
        expect(await page.textContent('#preview-errors')).toContain('发布机关');
        expect(await page.locator('#preview-pages .page').count()).toBeGreaterThan(0);
        await page.fill(at('input', 'metadata.agency'), '临沂市民政局');
        await previewed(page);
        expect(await page.isVisible('#preview-errors')).toBe(false);

        // Save (with the keyboard): the file on disk is the edited report, the fields the editor does not show are
        // as they were, and the previous file is the .bak.
        await checked(page);
        await save(page);
        expect(await page.textContent('#status')).toContain('已保存到 report.json');
        const seed = JSON.parse(readFileSync(SEED, 'utf8'));
        const saved = JSON.parse(readFileSync(file, 'utf8'));
        expect(readFileSync(`${file}.bak`)).toEqual(readFileSync(SEED));
        expect(saved.statistics.values['applications.refusedOtherLegal']).toBe(4);
        expect(saved.statistics.values['proactive.total']).toBe(500);
        expect(saved.statistics.values['capacity.staffFullTime']).toBe(0);
        expect(saved.sections.overview.blocks[0].text.endsWith(sentence)).toBe(true);
        expect(saved.preamble[0].text).not.toMatch(/[\u4e00-\u9fff],/);
        for (const key of ['$schema', 'style', 'signature']) expect(saved[key], key).toEqual(seed[key]);
        expect(saved.metadata).toEqual(seed.metadata);
        expect(saved.statistics.notes).toEqual(seed.statistics.notes);
        expect(saved.statistics.subtitle).toEqual(seed.statistics.subtitle);
        expect(Object.keys(saved)).toEqual(Object.keys(seed));
        const validate = cli(['validate', 'report.json'], dir);
        expect(validate.stdout.trim().split('\n').at(-1)).toBe('report.json：通过');

        // The downloaded PDF is what `render` makes of the saved file, byte for byte.
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
        expect(download.suggestedFilename()).toBe('report.pdf');
        const downloaded = readFileSync((await download.path())!);
        expect(downloaded.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdfText(downloaded)).toContain(sentence);
        const render = cli(['render', 'report.json', '-o', 'cli.pdf'], dir);
        expect(render.status, render.stderr).toBe(0);
        expect(Buffer.compare(downloaded, readFileSync(join(dir, 'cli.pdf')))).toBe(0);
        expect(problems).toEqual([]);
      } finally {
        await s.stop();
      }
    },
    240_000,
  );

  it(
    'unsaved changes survive a reload, and leaving with them asks first',
    async () => {
      const dir = folder();
      copyFileSync(SEED, join(dir, 'report.json'));
      const s = await serve(['report.json', '--port', '0'], dir);
      try {
        const page = await context.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.type());
          void d.accept();
        });
        await page.goto(s.url);
        await ready(page);
        const subtitle = at('input', 'metadata.subtitle');
        await page.fill(subtitle, '（测试副标题）');
        await page.click(at('input', 'metadata.agency')); // a gesture on the page, as a person's typing is
        await checked(page);
        expect(await page.title()).toMatch(/^• report\.json/);
        await page.reload();
        await ready(page);
        expect(dialogs).toContain('beforeunload');
        expect(await page.inputValue(subtitle)).toBe('（测试副标题）');
        expect(await page.isVisible('#banner')).toBe(true);
        expect(await page.textContent('#banner')).toContain('已恢复');
        // The file itself is untouched until saved; the draft can be dropped.
        expect(readFileSync(join(dir, 'report.json'))).toEqual(readFileSync(SEED));
        await page.click('#banner button');
        expect(await page.inputValue(subtitle)).toBe('');
        expect(await page.title()).toMatch(/^report\.json/);
        // Opening a YAML file puts its report into the editor (to be saved into report.json).
        const yaml = "template: '2014'\nmetadata:\n  agency: 临沂市民政局 # 发布机关\n  year: 2018\npreamble: []\nsections: {}\nsignature: { date: 2019-01-20 }\nstatistics: { values: {} }\n";
        await page.setInputFiles('#open-input', { name: 'other.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(yaml) });
        await page.waitForFunction(() => (document.querySelector('input[data-path="metadata.year"]') as HTMLInputElement | null)?.value === '2018');
        expect(await page.textContent('#status')).toContain('已打开 other.yaml');
        await checked(page);
        expect((await issues(page)).filter((i) => i.text.startsWith('错误')).map((i) => i.path)).toContain('sections.overview');
        await page.close({ runBeforeUnload: true });
        expect(problems).toEqual([]);
      } finally {
        await s.stop();
      }
    },
    120_000,
  );

  it(
    'a part the template does not have: added, named, placed after a part, given a paragraph, numbered in sequence, saved and printed',
    async () => {
      const dir = folder();
      const file = join(dir, 'report.json');
      // One part is there already, placed after a part the template does not have (a typo): drawn last, its error shown.
      const report = JSON.parse(readFileSync(REPORT_2008, 'utf8')) as Record<string, unknown>;
      report['additionalParts'] = [{ after: 'fee', title: '政府信息公开咨询处理情况', blocks: [] }];
      writeFileSync(file, JSON.stringify(report, null, 2));
      await editing(dir, async (page) => {
        await checked(page);
        expect((await issues(page)).filter((i) => i.path === 'additionalParts[0].after').map((i) => i.code)).toEqual(['invalid_value']);
        expect(await page.inputValue(at('select', 'additionalParts[0].after'))).toBe('fee');
        const last = await page.$$eval('#nav a', (links) => links.map((a) => a.textContent ?? '').filter((t) => /^[一二三四五六七]、/.test(t)).at(-1));
        expect(last).toBe('五、政府信息公开咨询处理情况（模板之外）');
        // ＋ adds another, last, with the focus on its title; removed again, it leaves the first as it was.
        await page.getByRole('button', { name: '＋ 模板之外的部分' }).click();
        await page.waitForSelector(at('input', 'additionalParts[1].title'));
        expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path'])).toBe('additionalParts[1].title');
        await page.locator('[data-path="additionalParts[1]"]').getByRole('button', { name: '删除此部分' }).click();
        await page.waitForFunction(() => !document.querySelector('[data-path="additionalParts[1].title"]'));
        await page.selectOption(at('select', 'additionalParts[0].after'), 'applications');
        // Placed after 三 (依申请公开): it is 四, and the part after it is 五.
        await page.waitForFunction(() => [...document.querySelectorAll('#nav a')].some((a) => a.textContent === '四、政府信息公开咨询处理情况（模板之外）'));
        const nav = await page.$$eval('#nav a', (links) => links.map((a) => a.textContent ?? '').filter((t) => /^[一二三四五六七]、/.test(t)));
        expect(nav.slice(2, 5)).toEqual(['三、政府信息依申请公开工作情况', '四、政府信息公开咨询处理情况（模板之外）', '五、政府信息公开工作存在的主要问题及改进情况']);
        const part = page.locator('[data-path="additionalParts[0]"]').first();
        await part.locator('button[data-add="paragraph"]').last().click();
        await page.waitForSelector(at('textarea', 'additionalParts[0].blocks[0].text'));
        await page.fill(at('textarea', 'additionalParts[0].blocks[0].text'), '全年共受理咨询120人次。');
        expect(await unnamedControls(page, '[data-path="additionalParts[0]"]')).toEqual([]);
        await checked(page);
        expect((await issues(page)).filter((i) => i.path.startsWith('additionalParts'))).toEqual([]);
        await previewed(page);
        expect(pdfText(await previewPdf(page))).toContain('四、政府信息公开咨询处理情况全年共受理咨询120人次。五、');
        await save(page);
        const saved = JSON.parse(readFileSync(file, 'utf8')) as { additionalParts: unknown[] };
        expect(saved.additionalParts).toEqual([{ title: '政府信息公开咨询处理情况', blocks: [{ type: 'paragraph', text: '全年共受理咨询120人次。' }], after: 'applications' }]);
        // Removed: the field goes with its last part.
        await page.getByRole('button', { name: '删除此部分' }).click();
        await checked(page);
        await save(page);
        expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).not.toContain('additionalParts');
      });
    },
    120_000,
  );

  it(
    "a report's own table: added to a part, its cells typed, a row and a column added and one removed, saved and printed",
    async () => {
      const dir = folder();
      const file = join(dir, 'report.json');
      copyFileSync(REPORT_2021, file);
      const blocks = (JSON.parse(readFileSync(file, 'utf8')) as { sections: { otherMatters: { blocks: unknown[] } } }).sections.otherMatters.blocks.length;
      await editing(dir, async (page) => {
        const part = page.locator('[data-path="sections.otherMatters"]').first();
        await part.locator('button[data-add="table"]').last().click();
        const base = `sections.otherMatters.blocks[${blocks}]`;
        const cell = (where: string) => at('input', `${base}.${where}`);
        // A new table has a header row and one body row of two columns; the first header cell has the focus.
        await page.waitForSelector(cell('header[0][0]'));
        expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path'])).toBe(`${base}.header[0][0]`);
        const table = page.locator(`.block-table[data-path="${base}"]`);
        await page.fill(cell('title'), '政务新媒体发布情况');
        await page.fill(cell('header[0][0]'), '平台');
        await page.fill(cell('header[0][1]'), '发布数（条）');
        await page.fill(cell('rows[0][0]'), '门户网站');
        await page.fill(cell('rows[0][1]'), '120');
        await table.getByRole('button', { name: '＋ 行' }).click();
        await page.fill(cell('rows[1][0]'), '政务微信“淮安发布”');
        await page.fill(cell('rows[1][1]'), '45');
        await table.getByRole('button', { name: '＋ 列' }).click();
        await page.fill(cell('header[0][2]'), '备注');
        await page.fill(cell('rows[0][2]'), '含转载');
        await page.fill(cell('rows[1][2]'), '—');
        await table.getByRole('button', { name: '＋ 行' }).click();
        await page.fill(cell('rows[2][0]'), '待删除');
        await table.getByRole('button', { name: '删除表格第3行' }).click();
        expect(await page.$$(cell('rows[2][0]'))).toHaveLength(0);
        // Every control of the table has a name (a cell says its row and column).
        expect(await unnamedControls(page, `.block-table[data-path="${base}"]`)).toEqual([]);
        expect(await page.getAttribute(cell('rows[1][2]'), 'aria-label')).toBe('表格第2行第3列');
        await checked(page);
        expect((await issues(page)).filter((i) => i.path.startsWith(base))).toEqual([]);
        await previewed(page);
        const printed = pdfText(await previewPdf(page));
        for (const text of ['政务新媒体发布情况', '发布数（条）', '政务微信“淮安发布”', '含转载']) expect(printed).toContain(text);
        expect(printed).not.toContain('待删除');
        await save(page);
        const saved = JSON.parse(readFileSync(file, 'utf8')) as { sections: { otherMatters: { blocks: unknown[] } } };
        expect(saved.sections.otherMatters.blocks[blocks]).toEqual({
          type: 'table',
          title: '政务新媒体发布情况',
          header: [['平台', '发布数（条）', '备注']],
          rows: [
            ['门户网站', '120', '含转载'],
            ['政务微信“淮安发布”', '45', '—'],
          ],
        });
        // A column removed from every row, the header's too.
        await table.getByRole('button', { name: '删除第2列' }).click();
        await checked(page);
        await save(page);
        const again = JSON.parse(readFileSync(file, 'utf8')) as { sections: { otherMatters: { blocks: Array<{ header: string[][]; rows: string[][] }> } } };
        expect(again.sections.otherMatters.blocks[blocks]!.header).toEqual([['平台', '备注']]);
        expect(again.sections.otherMatters.blocks[blocks]!.rows).toEqual([['门户网站', '含转载'], ['政务微信“淮安发布”', '—']]);
        await shot(page, 'own-table');
      });
    },
    120_000,
  );

  it(
    'a 2021 report: six parts and three tables drawn from the template, a balance rule on its cells, every control named and reachable',
    async () => {
      const dir = folder();
      copyFileSync(REPORT_2021, join(dir, 'report.json'));
      await editing(dir, async (page) => {
        // Keyboard: the first Tab reaches the link that skips to the form, whose first control is the template.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到表单');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path'])).toBe('template');
        await checked(page);
        expect(await page.inputValue(at('select', 'template'))).toBe('2021');
        const parts = await page.$$eval('#nav a', (links) => links.map((a) => a.textContent));
        expect(parts.filter((t) => /^[一二三四五六]、/.test(t ?? ''))).toHaveLength(6);
        expect(await page.$$eval('.table-box', (boxes) => boxes.map((b) => (b as HTMLElement).dataset['table']))).toEqual(['proactive', 'applications', 'reviews']);
        const heads = await page.$$eval('.grid-applications thead th', (ths) => ths.map((th) => `${th.textContent}|${th.getAttribute('colspan')}|${th.getAttribute('rowspan')}`));
        expect(heads).toContain('申请人情况|7|1');
        expect(heads).toContain('法人或其他组织|5|1');
        expect(await page.textContent('.grid-applications tbody')).toContain('（三）不予公开');
        const errorsBefore = (await issues(page)).filter((i) => i.text.startsWith('错误'));
        expect(errorsBefore).toEqual([]);
        // One more new application by a natural person: the row total and the column balance no longer hold.
        const cell = at('input', value('applications.new.natural'));
        const was = Number(await page.inputValue(cell));
        await page.fill(cell, String(was + 1));
        await checked(page);
        expect(await classes(page, at('td', value('applications.new.natural')))).toContain('cell-warning');
        expect((await issues(page)).some((i) => i.code === 'balance_mismatch' || i.code === 'sum_mismatch')).toBe(true);
        // Keyboard: every control has a name, none is taken out of the tab order.
        expect(await unnamedControls(page)).toEqual([]);
        // Another template: the form follows its parts and table.
        await page.selectOption(at('select', 'template'), '2014');
        await page.waitForFunction(() => document.querySelectorAll('#nav a').length > 15);
        expect(await page.$$eval('.table-box', (boxes) => boxes.map((b) => (b as HTMLElement).dataset['table']))).toEqual(['statistics']);
        expect(await page.inputValue(at('select', 'template'))).toBe('2014');
        // The parts both templates have keep their text; the 2014 table starts at 0.
        expect(await page.inputValue(at('textarea', 'sections.overview.blocks[0].text'))).toBe(JSON.parse(readFileSync(REPORT_2021, 'utf8')).sections.overview.blocks[0].text);
        expect(await page.inputValue(at('input', value('applications.received')))).toBe('0');
        await checked(page);
        expect((await issues(page)).filter((i) => i.text.startsWith('错误'))).toEqual([]);
      });
    },
    120_000,
  );
});
