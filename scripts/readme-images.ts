/** Renders the seed and writes the README's page images (first page, first table page) with pdftoppm. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeReport, prepareReport, renderReport } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;
const report = JSON.parse(readFileSync(join(root, 'fixtures/linyi-minzheng-2017.json'), 'utf8'));
const pdf = await renderReport(report);
const pages = composeReport(prepareReport(report)).pages;
const tablePage = pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.line.text === '附件')) + 1;
const dir = mkdtempSync(join(tmpdir(), 'xxgk-readme-'));
writeFileSync(join(dir, 'seed.pdf'), pdf);
for (const [page, name] of [[1, 'seed-page-1'], [tablePage, 'seed-table-page']] as const) {
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'seed.pdf'), join(dir, name)]);
  renameSync(join(dir, `${name}.png`), join(root, 'docs/images', `${name}.png`));
}
// A 2021 report: the page where table 三 (收到和处理政府信息公开申请情况) starts.
const report2021 = JSON.parse(readFileSync(join(root, 'fixtures/huaian-shi-2024.json'), 'utf8'));
writeFileSync(join(dir, '2021.pdf'), await renderReport(report2021));
const pages2021 = composeReport(prepareReport(report2021)).pages;
const page2021 = pages2021.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.line.text.startsWith('三、收到和处理政府信息公开申请情况'))) + 1;
execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page2021), '-l', String(page2021), '-singlefile', join(dir, '2021.pdf'), join(dir, '2021-table-page')]);
renameSync(join(dir, '2021-table-page.png'), join(root, 'docs/images', '2021-table-page.png'));
console.log('wrote docs/images/seed-page-1.png, docs/images/seed-table-page.png and docs/images/2021-table-page.png');
