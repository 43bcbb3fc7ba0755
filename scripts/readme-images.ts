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
console.log('wrote docs/images/seed-page-1.png and docs/images/seed-table-page.png');
