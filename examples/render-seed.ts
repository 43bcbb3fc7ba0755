/** Renders the seed fixture (the Linyi civil affairs bureau's 2017 report) to out/linyi-minzheng-2017.pdf. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = JSON.parse(readFileSync(join(root, 'fixtures/linyi-minzheng-2017.json'), 'utf8'));
const started = performance.now();
const pdf = await renderReport(report);
const out = join(root, 'out/linyi-minzheng-2017.pdf');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, pdf);
console.log(`wrote ${out} (${pdf.length} bytes, ${(performance.now() - started).toFixed(0)} ms)`);
