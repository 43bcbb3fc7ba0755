/**
 * Many agencies' reports in one process: every report of a folder (default: fixtures/) rendered with
 * renderMany, one PDF each in out/batch/, with the pages and bytes of each.
 *
 *   npx tsx examples/batch.ts [folder]
 *
 * renderMany spreads the reports over worker threads, as many as the cores and the batch size repay (`concurrency`
 * sets it). Each thread parses the fonts once and reuses them for every report it renders, so a batch of hundreds
 * of reports costs one font load per thread, not one per report. Each report has a time limit (`timeoutMs`), so a
 * pathological report fails alone instead of holding the batch; `timeoutMs: 0` with `concurrency: 1` renders on
 * this thread instead.
 * A report that fails (invalid, or a render error) does not stop the others; its errors are listed at the end
 * and the exit code is 1.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTextStream, renderMany, ReportValidationError, type BatchInput } from '../src/index.js';
// In a project of your own: import { renderMany, … } from 'xxgk-report';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = resolve(process.argv[2] ?? join(root, 'fixtures'));
const outDir = join(root, 'out/batch');

// One input per report file; `name` is how the results refer to it (here, the file name without .json).
const inputs: BatchInput[] = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), report: JSON.parse(readFileSync(join(folder, f), 'utf8')) }));
if (inputs.length === 0) {
  console.error(`no .json reports in ${folder}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const started = performance.now();
const results = await renderMany(inputs, {
  // Any renderReport option applies to every report of the batch, e.g. pdfa: '2b' or fonts: { body: … }.
  // Each report has a time limit (timeoutMs, default 60 s): one that runs over it fails alone.
  timeoutMs: 60_000,
  // renderMany chooses the threads from the cores and the batch size, and says what it chose.
  onStart: (plan) => console.error(`${plan.total} reports, ${plan.threads} at a time ${plan.workers ? 'on worker threads' : 'on this thread'}`),
  onResult: (r, done, total) => console.error(`[${done}/${total}] ${r.name} ${r.ok ? 'ok' : 'failed'}`),
});

let failed = 0;
for (const result of results) {
  if (!result.ok) {
    failed++;
    const details = result.error instanceof ReportValidationError ? result.error.errors.map((e) => `\n    ${e.path}${e.label ? `（${e.label}）` : ''}: ${e.message}`).join('') : ` ${result.error.message}`;
    console.log(`${result.name}: FAILED${details}`);
    continue;
  }
  const file = join(outDir, `${result.name}.pdf`);
  writeFileSync(file, result.pdf);
  // The library's own text-stream reader gives the pages; counting "/Type /Page" objects would do as well.
  const pages = extractTextStream(result.pdf).pages.length;
  console.log(`${result.name}: ${pages} pages, ${result.pdf.length} bytes → ${file}`);
}
console.log(`${results.length - failed} of ${results.length} reports rendered in ${(performance.now() - started).toFixed(0)} ms`);
process.exitCode = failed > 0 ? 1 : 0;
