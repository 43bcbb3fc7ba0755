/**
 * The long generated-input run (the test suite runs a short one with fixed seeds):
 *   npx tsx scripts/fuzz.ts [count] [firstSeed]
 * Each report is validated and rendered; a rendered PDF is opened with pdf.js and its text compared with the
 * report's. Prints how many were rendered, how many refused (by error code), and any crash (anything else).
 */
import { collectTexts, renderReport, ReportValidationError, validateReport, type Report } from '../src/index.js';
import { generateReport } from '../tests/helpers/generateReport.js';
import { findInOrder, pdfjsPages } from '../tests/helpers/pdfjs.js';

const count = Number(process.argv[2] ?? 1000);
const first = Number(process.argv[3] ?? 100_000);
const refusedBy = new Map<string, number>();
const crashes: string[] = [];
let rendered = 0;
let refused = 0;
const started = performance.now();

for (let seed = first; seed < first + count; seed++) {
  const input = generateReport(seed);
  try {
    validateReport(input);
  } catch (e) {
    crashes.push(`seed ${seed}: validateReport threw ${(e as Error).message}`);
    continue;
  }
  try {
    const pdf = await renderReport(input);
    const fields = collectTexts(input as Report).filter((f) => /^(preamble|sections|signature)/.test(f.path));
    const { missing } = findInOrder((await pdfjsPages(pdf)).join(''), fields.map((f) => f.text));
    if (missing !== undefined) throw new Error(`text “${missing.slice(0, 30)}” missing from the PDF`);
    rendered++;
  } catch (e) {
    if (e instanceof ReportValidationError) {
      refused++;
      for (const code of new Set(e.errors.map((x) => x.code))) refusedBy.set(code, (refusedBy.get(code) ?? 0) + 1);
    } else crashes.push(`seed ${seed}: ${(e as Error).stack ?? e}`);
  }
}

console.log(`${count} generated reports (seeds ${first}–${first + count - 1}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`rendered and read back: ${rendered}; refused with ReportValidationError: ${refused}; crashed: ${crashes.length}`);
console.log('refused reports by error code (a report may count under several):');
for (const [code, n] of [...refusedBy].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${n}`);
for (const c of crashes.slice(0, 20)) console.log(`CRASH ${c}`);
process.exitCode = crashes.length > 0 ? 1 : 0;
