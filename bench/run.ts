/**
 * End-to-end benchmark of the BUILT library (dist/), in one run:
 *
 *   npm run build && npx tsx bench/run.ts [--runs N] [--warmup N]
 *
 * Measures (see bench/README.md for what each one means and the targets):
 *   1. warm renderReport of the seed (median, p95)           4. batch of 200 reports: throughput, RSS, renderMany 1 vs N threads
 *   2. the same content with plain pdfkit (the baseline)     5. where one warm render's time goes
 *   3. cold start of the CLI (new process, wall time)        6. seed PDF size        7. size curve: 250 … 2 000 paragraphs
 *   8. long inputs: breakLines on one paragraph of 20 000 / 100 000 characters and on runs of 10 000 / 50 000 letters,
 *      validateReport on adversarial text and on a 50 MB string (the tests check these by behaviour, never by time)
 *
 * Prints a table and writes bench/results/latest.json. Parts 4 and 7 run in child processes started with
 * --expose-gc (`--child batch`, `--child size N`), so their RSS figures belong to them alone.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Lib = typeof import('../src/index.js');
type SubsetModule = typeof import('../src/fonts/trueTypeSubset.js');
type WriteModule = typeof import('../src/pdf/writePdf.js');
type Report = import('../src/index.js').Report;
type Block = import('../src/index.js').Block;
type WriteOptions = import('../src/pdf/writePdf.js').WriteOptions;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist', 'src');
const SEED_PATH = join(ROOT, 'fixtures', 'linyi-minzheng-2017.json');
/** The published text of the seed report, one paragraph per line (fixtures/README.md). */
const SEED_TEXT_PATH = join(ROOT, 'fixtures', 'seed', 'linyi-minzheng-2017.txt');
const RESULTS = join(ROOT, 'bench', 'results');
const SELF = fileURLToPath(import.meta.url);

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(30, Number(flag('--runs')) || 41);
const WARMUP = Math.max(10, Number(flag('--warmup')) || 15);
const COLD_RUNS = 5;
const BATCH_SIZE = 200;
const SIZE_CURVE = [250, 500, 1000, 2000];
const SIZE_RUNS = 5;
const MANY_ROUNDS = 3;
const LONG_RUNS = 3;

const TARGETS = {
  speedup: 3, // warm at least 3× faster than plain pdfkit
  warmMedianMs: 30,
  coldMs: 500,
  sizeBytes: 150_000, // 150 KB (decimal)
  batchGrowth: 0.1, // RSS after the last 100 at most 10 % above RSS after the first 100
};

// ------------------------------------------------------------------------------------------------ helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;
const r3 = (n: number) => Math.round(n * 1000) / 1000;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Forces a full collection (when --expose-gc) and lets finalizers run. */
async function settle(): Promise<void> {
  gc();
  await sleep(20);
  gc();
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function fixturePaths(): string[] {
  return readdirSync(join(ROOT, 'fixtures'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(ROOT, 'fixtures', f));
}

// ------------------------------------------------------------------------------------------------ deflate probe

/**
 * pdfkit calls `zlib$1.deflateSync(data)` on the CommonJS 'zlib' object at call time, so wrapping the property
 * on that object (before pdfkit is loaded, to be safe) sees every stream it compresses: content streams, the
 * font program, ToUnicode maps, XMP. Counting is switched on only while measuring the parts.
 */
const zlib = createRequire(import.meta.url)('zlib') as typeof import('node:zlib');
const deflateProbe = { on: false, ms: 0, calls: 0, bytesIn: 0, bytesOut: 0, fontMs: 0, fontBytesIn: 0, fontBytesOut: 0 };
/** A TrueType/OpenType font program (the embedded subsets) rather than a content stream, ToUnicode map or XMP. */
const isFontProgram = (b: Uint8Array) => b.byteLength > 4 && ((b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0) || String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === 'OTTO');
{
  const original = zlib.deflateSync;
  zlib.deflateSync = function deflateSync(this: unknown, ...args: Parameters<typeof original>) {
    if (!deflateProbe.on) return original.apply(this, args);
    const t0 = performance.now();
    const out = original.apply(this, args);
    const ms = performance.now() - t0;
    const input = args[0] as Uint8Array;
    deflateProbe.ms += ms;
    deflateProbe.calls++;
    deflateProbe.bytesIn += input.byteLength;
    if (input instanceof Uint8Array && isFontProgram(input)) {
      deflateProbe.fontMs += ms;
      deflateProbe.fontBytesIn += input.byteLength;
      deflateProbe.fontBytesOut += out.byteLength;
    }
    deflateProbe.bytesOut += out.byteLength;
    return out;
  } as typeof original;
}

// ------------------------------------------------------------------------------------------------ dist

/** Source files newer than their compiled file (the bench measures dist/, so a stale build is a wrong answer). */
function staleBuild(): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        const js = join(DIST, relative(join(ROOT, 'src'), p)).replace(/\.ts$/, '.js');
        if (!existsSync(js) || statSync(js).mtimeMs < statSync(p).mtimeMs) stale.push(relative(ROOT, p));
      }
    }
  };
  walk(join(ROOT, 'src'));
  return stale;
}

async function loadLib(): Promise<Lib> {
  if (!existsSync(join(DIST, 'index.js'))) {
    console.error('dist/src/index.js is missing: run `npm run build` first (the bench measures the compiled library).');
    process.exit(1);
  }
  return (await import(pathToFileURL(join(DIST, 'index.js')).href)) as Lib;
}

// ------------------------------------------------------------------------------------------------ inputs

/** The 200 batch inputs: every fixture in turn, each copy with its own agency name so no two are identical. */
function batchInputs(count: number): { name: string; report: unknown }[] {
  const fixtures = fixturePaths().map((p) => ({ name: p.split('/').pop()!.replace(/\.json$/, ''), text: readFileSync(p, 'utf8') }));
  return Array.from({ length: count }, (_, i) => {
    const f = fixtures[i % fixtures.length]!;
    const report = JSON.parse(f.text) as { metadata: { agency: string } };
    report.metadata.agency = `${report.metadata.agency}第${i + 1}分局`;
    return { name: `${f.name}#${i + 1}`, report };
  });
}

/**
 * The seed with its overview section holding `n` paragraphs of about 120 characters, built from the seed's own
 * sentences (from a rotating start, sentences joined until the paragraph holds 100 to 140 characters, ~120 on average).
 */
function sizedReport(seedText: string, n: number): unknown {
  const seed = JSON.parse(seedText) as Report;
  const bodies: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') bodies.push(b.text);
      else if (b.type === 'list') b.items.forEach((it) => bodies.push(it.text));
      else if (b.type === 'subsection') visit(b.blocks);
    }
  };
  for (const s of Object.values(seed.sections)) visit(s.blocks);
  const sentences = bodies
    .flatMap((t) => t.split(/(?<=[。；;])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8 && s.length <= 110);
  const paragraphs = Array.from({ length: n }, (_, i) => {
    let text = '';
    for (let k = (i * 7) % sentences.length, tries = 0; text.length < 100 && tries < sentences.length; k = (k + 1) % sentences.length, tries++) {
      if (text.length + sentences[k]!.length <= 140) text += sentences[k]!; // skip a sentence that would overfill
    }
    return { type: 'paragraph' as const, text };
  });
  (seed.sections.overview as { blocks: unknown[] }).blocks = paragraphs;
  return seed;
}

// ------------------------------------------------------------------------------------------------ baseline

type PdfkitCtor = new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

/** What a user would write with plain pdfkit for the same content: flowing text, default line breaking, a drawn table. */
function makeBaseline(lib: Lib, PDFDocument: PdfkitCtor, input: unknown): () => Promise<Buffer> {
  const prepared = lib.prepareReport(input);
  const report = prepared.report;
  const fonts = lib.resolveFonts();
  const regular = fonts.body.stack.primaryFace.font;
  const bold = fonts.title.stack.primaryFace.font;
  const mm = (v: number) => (v * 72) / 25.4;
  const width = mm(156);
  const left = mm(28);
  const top = mm(37);
  const bottom = mm(297 - 37 - 225);

  // The flow: every printed text of the resolved document in reading order (the same words the library sets).
  type Piece = { text: string; bold: boolean; continued?: boolean; align?: 'justify' | 'right' };
  const flow: Piece[] = [];
  let tableTitle = '';
  let rows: Array<{ label: string; unit: string; value: string }> = [];
  let inAttachment = false;
  for (const block of prepared.document.blocks) {
    if (block.kind === 'pageBreak') inAttachment = true;
    else if (block.kind === 'text' && block.style === 'title') {
      if (inAttachment) tableTitle = block.pieces.map((p) => p.text).join('');
    } else if (block.kind === 'text' && !inAttachment) {
      const text = block.pieces.map((p) => p.text).join('');
      flow.push({ text, bold: block.style === 'heading' });
    } else if (block.kind === 'signature') {
      for (const office of block.offices) flow.push({ text: office.text, bold: false, align: 'right' });
      flow.push({ text: block.date.text, bold: false, align: 'right' });
    } else if (block.kind === 'table') {
      rows = block.table.body.map((row) => {
        const [label, unit, value] = row.cells.map((c) => c.pieces.map((p) => p.text).join(''));
        return { label: label ?? '', unit: unit ?? '', value: value ?? '' };
      });
    }
  }
  const title = prepared.document.metadata.title;
  void report;

  return () =>
    new Promise<Buffer>((resolve, reject) => {
      const doc = new PDFDocument({ size: 'A4', margins: { left, top, right: mm(210) - left - width, bottom } });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.registerFont('regular', regular as never);
      doc.registerFont('bold', bold as never);

      doc.font('bold').fontSize(22).text(title, { align: 'center', width });
      doc.moveDown();
      for (const p of flow) {
        doc.font(p.bold ? 'bold' : 'regular').fontSize(16);
        doc.text(p.text, { align: p.align ?? 'justify', width, indent: p.align ? 0 : 32, continued: p.continued ?? false });
      }

      doc.addPage();
      doc.font('bold').fontSize(22).text(tableTitle, { align: 'center', width });
      doc.moveDown(0.5);
      doc.font('regular').fontSize(14);
      const pad = 4;
      const cols = [
        { x: left, w: mm(100) },
        { x: left + mm(100), w: mm(20) },
        { x: left + mm(120), w: mm(36) },
      ] as const;
      const pageBottom = doc.page.height - bottom;
      let y = doc.y;
      const drawRow = (cells: readonly string[], font: 'regular' | 'bold') => {
        doc.font(font);
        const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i]!.w - 2 * pad }))) + 2 * pad;
        if (y + h > pageBottom) {
          doc.addPage();
          y = top;
        }
        cells.forEach((c, i) => {
          const col = cols[i]!;
          doc.rect(col.x, y, col.w, h).stroke();
          doc.text(c, col.x + pad, y + pad, { width: col.w - 2 * pad, align: i === 2 ? 'right' : i === 1 ? 'center' : 'left' });
        });
        y += h;
      };
      drawRow(['统 计 指 标', '单位', '统计数'], 'bold');
      for (const row of rows) drawRow([row.label, row.unit, row.value], 'regular');
      doc.end();
    });
}

// ------------------------------------------------------------------------------------------------ children

interface BatchChildResult {
  reports: number;
  failed: number;
  totalMs: number;
  reportsPerSecond: number;
  rssStartMB: number;
  rssFirstMB: number;
  rssLastMB: number;
  peakRssMB: number;
  heapFirstMB: number;
  heapLastMB: number;
  renderMany: {
    concurrency1Ms: number;
    concurrencyN: number;
    concurrencyNMs: number;
    speedup: number;
    failed: number;
    rounds: number;
    concurrency1RunsMs: number[];
    concurrencyNRunsMs: number[];
    firstResult1Ms: number;
    firstResultNMs: number;
  };
  gcExposed: boolean;
}

async function batchChild(): Promise<BatchChildResult> {
  const lib = await loadLib();
  const inputs = batchInputs(BATCH_SIZE);
  await lib.renderReport(inputs[0]!.report); // fonts loaded, code warm
  await settle();
  const rssStart = process.memoryUsage().rss;
  let failed = 0;
  let totalMs = 0;
  const renderRange = async (a: number, b: number) => {
    for (let i = a; i < b; i++) {
      const t0 = performance.now();
      try {
        await lib.renderReport(inputs[i]!.report);
      } catch (e) {
        failed++;
        if (failed === 1) process.stderr.write(`batch: ${inputs[i]!.name} failed: ${(e as Error).message}\n`);
      }
      totalMs += performance.now() - t0;
    }
  };
  await renderRange(0, BATCH_SIZE / 2);
  await settle();
  const first = process.memoryUsage();
  await renderRange(BATCH_SIZE / 2, BATCH_SIZE);
  await settle();
  const last = process.memoryUsage();
  const peakRssMB = process.resourceUsage().maxRSS / 1024;

  // renderMany, 1 thread (the calling thread, already warm) against one worker per core (each worker boots the
  // compiled worker, loads the fonts and warms up on its own): alternated, median of MANY_ROUNDS each.
  const threads = availableParallelism();
  const oneRuns: number[] = [];
  const manyRuns: number[] = [];
  const firstOne: number[] = [];
  const firstMany: number[] = [];
  let manyFailed = 0;
  for (let round = 0; round < MANY_ROUNDS; round++) {
    for (const [concurrency, runs, firsts] of [[1, oneRuns, firstOne], [threads, manyRuns, firstMany]] as const) {
      await settle();
      const t0 = performance.now();
      let first = 0;
      const results = await lib.renderMany(inputs, {
        concurrency,
        onResult: (_r, done) => {
          if (done === 1) first = performance.now() - t0;
        },
      });
      firsts.push(first);
      runs.push(performance.now() - t0);
      manyFailed += results.filter((r) => !r.ok).length;
    }
  }
  const concurrency1Ms = median(oneRuns);
  const concurrencyNMs = median(manyRuns);

  return {
    reports: BATCH_SIZE,
    failed,
    totalMs: r1(totalMs),
    reportsPerSecond: r1((BATCH_SIZE * 1000) / totalMs),
    rssStartMB: r1(mb(rssStart)),
    rssFirstMB: r1(mb(first.rss)),
    rssLastMB: r1(mb(last.rss)),
    peakRssMB: r1(peakRssMB),
    heapFirstMB: r1(mb(first.heapUsed)),
    heapLastMB: r1(mb(last.heapUsed)),
    renderMany: {
      concurrency1Ms: r1(concurrency1Ms),
      concurrencyN: threads,
      concurrencyNMs: r1(concurrencyNMs),
      speedup: r2(concurrency1Ms / concurrencyNMs),
      failed: manyFailed,
      rounds: MANY_ROUNDS,
      concurrency1RunsMs: oneRuns.map(r1),
      concurrencyNRunsMs: manyRuns.map(r1),
      firstResult1Ms: r1(median(firstOne)),
      firstResultNMs: r1(median(firstMany)),
    },
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
}

interface SizeChildResult {
  paragraphs: number;
  characters: number;
  pages: number;
  medianMs: number;
  perParagraphMs: number;
  rssBeforeMB: number;
  peakRssMB: number;
  pdfBytes: number;
}

async function sizeChild(n: number): Promise<SizeChildResult> {
  const lib = await loadLib();
  const seedText = readFileSync(SEED_PATH, 'utf8');
  for (let i = 0; i < 3; i++) await lib.renderReport(JSON.parse(seedText)); // fonts loaded, code warm
  await settle();
  const rssBefore = process.memoryUsage().rss;
  const input = sizedReport(seedText, n);
  const prepared = lib.prepareReport(input);
  const pages = lib.composeReport(prepared).pages.length;
  const characters = (prepared.report.sections.overview!.blocks as { text: string }[]).reduce((s, b) => s + b.text.length, 0);
  for (let i = 0; i < 2; i++) await lib.renderReport(input); // warm-up at this size
  const times: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < SIZE_RUNS; i++) {
    await settle();
    const t0 = performance.now();
    pdfBytes = (await lib.renderReport(input)).byteLength;
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return {
    paragraphs: n,
    characters,
    pages,
    medianMs: r1(ms),
    perParagraphMs: r3(ms / n),
    rssBeforeMB: r1(mb(rssBefore)),
    peakRssMB: r1(process.resourceUsage().maxRSS / 1024),
    pdfBytes,
  };
}

/** Runs this file again in a fresh `node --expose-gc` process (with tsx's loader flags) and parses its JSON answer. */
function runChild<T>(args: string[]): T {
  const res = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', SELF, '--child', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`child ${args.join(' ')} failed (${res.status}):\n${res.stderr}`);
  if (res.stderr.trim()) process.stderr.write(res.stderr);
  const line = res.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as T;
}

// ------------------------------------------------------------------------------------------------ cold start

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (res.status !== 0) throw new Error(`node ${args.join(' ')} exited ${res.status}:\n${res.stderr}`);
  return ms;
}

/** The phases of a cold render, timed inside a fresh plain-node process (no tsx): module loading, fonts, first render. */
const COLD_PHASES = `
const t = () => performance.now();
const out = { boot: t() };
let a = t(); (await import('node:module')).createRequire(process.env.BENCH_DIST + '/index.js')('pdfkit'); out.pdfkit = t() - a;
a = t(); await import('zod'); out.zod = t() - a;
a = t(); const lib = await import(process.env.BENCH_DIST + '/index.js'); const { writePdf } = await import(process.env.BENCH_DIST + '/pdf/writePdf.js'); out.library = t() - a;
const input = JSON.parse((await import('node:fs')).readFileSync(process.env.BENCH_SEED, 'utf8'));
a = t(); lib.resolveFonts(); out.fonts = t() - a;
a = t(); const prepared = lib.prepareReport(input); out.prepare = t() - a;
a = t(); const composed = lib.composeReport(prepared); out.compose = t() - a;
const options = { pdfa: '1b', fileId: Buffer.alloc(16),
  info: { title: 't', author: 'a', subject: 's', keywords: 'k', creator: 'c', producer: 'p', creationDate: new Date(0), modDate: new Date(0) },
  archive: { year: 2017, period: 'p', signatureDate: '2018-01-21', classification: '公开', disclosureMode: '主动公开' } };
a = t(); await writePdf(composed, options, () => {}); out.write = t() - a;
a = t(); await lib.renderReport(input); out.secondRender = t() - a;
console.log(JSON.stringify(out));
`;

type ColdPhases = Record<'boot' | 'pdfkit' | 'zod' | 'library' | 'fonts' | 'prepare' | 'compose' | 'write' | 'secondRender', number>;

interface ColdResult {
  cliMs: number;
  cliRunsMs: number[];
  nodeMs: number;
  phases: ColdPhases;
  pdfBytes: number;
}

function coldStart(): ColdResult {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  try {
    const out = join(dir, 'seed.pdf');
    const cli = ['dist/src/cli.js', 'render', 'fixtures/linyi-minzheng-2017.json', '-o', out];
    const env = { ...process.env, BENCH_DIST: pathToFileURL(DIST).href, BENCH_SEED: SEED_PATH };
    const probe = (): ColdPhases => {
      const res = spawnSync(process.execPath, ['--input-type=module', '-e', COLD_PHASES], { cwd: ROOT, encoding: 'utf8', env });
      if (res.status !== 0) throw new Error(`cold-phase probe failed:\n${res.stderr}`);
      return JSON.parse(res.stdout.trim().split('\n').pop()!) as ColdPhases;
    };
    wallMs(cli); // one untimed run: the files are in the page cache afterwards, as for any repeated use
    const cliRuns: number[] = [];
    const node: number[] = [];
    const probes: ColdPhases[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      rmSync(out, { force: true });
      cliRuns.push(wallMs(cli));
      node.push(wallMs(['-e', '']));
      probes.push(probe());
    }
    const phases = Object.fromEntries(Object.keys(probes[0]!).map((k) => [k, r1(median(probes.map((p) => p[k as keyof ColdPhases])))])) as ColdPhases;
    return { cliMs: r1(median(cliRuns)), cliRunsMs: cliRuns.map(r1), nodeMs: r1(median(node)), phases, pdfBytes: statSync(out).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------ main

/** Where the bytes of a PDF go: font programs, other compressed streams, structure elements, the rest. */
function sizeBreakdown(pdf: Uint8Array, fontBytesOut: number, streamBytesOut: number) {
  const text = Buffer.from(pdf).toString('latin1');
  let structBytes = 0;
  let structCount = 0;
  let tableStructBytes = 0;
  let tableStructCount = 0;
  let objects = 0;
  for (const m of text.matchAll(/\d+ 0 obj\b[\s\S]*?endobj\n?/g)) {
    objects++;
    if (/^<<\s*(\/Type \/StructElem\s*)?\/S \/\w+\s*\/P \d+ 0 R/.test(m[0].replace(/^\d+ 0 obj\s*/, ''))) {
      structCount++;
      structBytes += m[0].length;
      if (/\/S \/(TR|TD|TH)\b/.test(m[0])) {
        tableStructCount++;
        tableStructBytes += m[0].length;
      }
    }
  }
  const xrefAt = text.lastIndexOf('\nxref');
  const xrefBytes = xrefAt >= 0 ? text.length - xrefAt : 0;
  // The font programs, read from the file (the library compresses them off the main thread, out of the probe's sight).
  let fontProgramBytes = 0;
  for (const ref of text.matchAll(/\/FontFile[23]? (\d+) 0 R/g)) {
    const length = new RegExp(`\\n${ref[1]} 0 obj\\s*<<[^>]*?/Length (\\d+)`).exec(text);
    if (length) fontProgramBytes += Number(length[1]);
  }
  const streamsOnMainThread = streamBytesOut - fontBytesOut;
  return {
    totalBytes: pdf.byteLength,
    objects,
    fontProgramBytes,
    otherStreamBytes: streamsOnMainThread,
    structElemBytes: structBytes,
    structElems: structCount,
    tableStructElemBytes: tableStructBytes,
    tableStructElems: tableStructCount,
    xrefTrailerBytes: xrefBytes,
    restBytes: pdf.byteLength - streamsOnMainThread - fontProgramBytes - structBytes - xrefBytes,
  };
}

// ------------------------------------------------------------------------------------------------ long inputs

interface LongInputResult {
  input: string;
  characters: number;
  medianMs: number;
  minMs: number;
}

/** Median and minimum of `runs` timed calls after `warmup` untimed ones. */
function timed(input: string, characters: number, fn: () => void, runs = LONG_RUNS, warmup = 1): LongInputResult {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { input, characters, medianMs: r2(median(times)), minMs: r2(Math.min(...times)) };
}

/**
 * 8. Long inputs, in this process (fonts loaded). The line breaker on one long paragraph of the seed's published text
 * (20 000 and 100 000 characters: 5× the length should take about 5× the time) and on unbroken runs of letters
 * (10 000 and 50 000: a URL pattern that backtracked made this quadratic); validateReport on the adversarial texts of
 * tests/model/fuzz.test.ts (20 fields of 99 000 characters each) and on a 50 MB string, which is refused by its
 * length before any per-character work.
 */
function longInputs(lib: Lib, seedText: string) {
  const { stack: font, size } = lib.resolveFonts().body;
  const measure = (156 * 72) / 25.4;
  const options = { measure, cellEm: measure / 28 / size, indent: (2 * measure) / 28 };
  const body = readFileSync(SEED_TEXT_PATH, 'utf8')
    .split('\n')
    .filter((p) => [...p].length > 60)
    .join('');
  const paragraphOf = (n: number) => body.repeat(Math.ceil(n / body.length)).slice(0, n);
  // Breaking is cheap: more runs, and warm-up runs enough for the first (smallest) input not to pay for the JIT.
  const lay = (text: string) => () => void lib.breakLines([{ text, font, size }], options);
  const breaking = [
    timed('one paragraph of the seed text', 20_000, lay(paragraphOf(20_000)), 3 * LONG_RUNS, 5),
    timed('one paragraph of the seed text', 100_000, lay(paragraphOf(100_000)), 3 * LONG_RUNS, 2),
    timed('an unbroken run of letters', 10_000, lay('a'.repeat(10_000)), 3 * LONG_RUNS, 5),
    timed('an unbroken run of letters', 50_000, lay('a'.repeat(50_000)), 3 * LONG_RUNS, 2),
  ];
  const [p20, p100, a10, a50] = breaking as [LongInputResult, LongInputResult, LongInputResult, LongInputResult];

  const N = 99_000;
  const adversarial: [string, string][] = [
    ['年 + 99 000 ×「,」', '年' + ','.repeat(N)],
    ['99 000 × a + @', 'a'.repeat(N) + '@'],
    ['年, + 99 000 spaces + 年', '年,' + ' '.repeat(N) + '年'],
    ['http:// + 99 000 × a', 'http://' + 'a'.repeat(N)],
    ['33 000 × {{a', '{{a'.repeat(N / 3)],
    ['49 500 × 年(', '年('.repeat(N / 2)],
  ];
  const withFees = (blocks: unknown[]) => {
    const report = JSON.parse(seedText) as { sections: { fees: { blocks: unknown[] } } };
    report.sections.fees!.blocks = blocks;
    return report;
  };
  const validation = adversarial.map(([name, text]) => {
    const input = withFees(Array.from({ length: 20 }, () => ({ type: 'paragraph', text })));
    return timed(`20 fields of ${name}`, 20 * text.length, () => void lib.validateReport(input));
  });
  const huge = withFees([{ type: 'paragraph', text: '费'.repeat(50 * 1024 * 1024) }]);
  validation.push(
    timed('one 50 MB string (refused: limit_exceeded)', 50 * 1024 * 1024, () => {
      if (lib.validateReport(huge).errors.every((e) => e.code !== 'limit_exceeded')) throw new Error('50 MB string not refused');
    }),
  );
  return {
    breakLines: breaking,
    validation,
    paragraphRatio: r2(p100.medianMs / p20.medianMs),
    lettersRatio: r2(a50.medianMs / a10.medianMs),
  };
}

async function main(): Promise<void> {
  const stale = staleBuild();
  const lib = await loadLib();
  const subsetModule = (await import(pathToFileURL(join(DIST, 'fonts', 'trueTypeSubset.js')).href)) as SubsetModule;
  const writeModule = (await import(pathToFileURL(join(DIST, 'pdf', 'writePdf.js')).href)) as WriteModule;
  // The CommonJS build: the library loads pdfkit through require (one fontkit shared with its font layer).
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as unknown as PdfkitCtor;

  // Subsetting probe: TrueTypeSubset.encode is called by pdfkit when the document ends.
  const subsetProbe = { on: false, ms: 0, calls: 0 };
  {
    const proto = subsetModule.TrueTypeSubset.prototype;
    const encode = proto.encode;
    proto.encode = function (this: InstanceType<SubsetModule['TrueTypeSubset']>) {
      if (!subsetProbe.on) return encode.call(this);
      const t0 = performance.now();
      const out = encode.call(this);
      subsetProbe.ms += performance.now() - t0;
      subsetProbe.calls++;
      return out;
    };
  }
  // The moment writePdf hands the document to pdfkit's end(): before it, pages are painted (each page's content
  // stream is deflated when the next page starts); after it, pdfkit finalises (fonts subset and embedded, the
  // structure tree, outline, metadata and xref written).
  const endProbe = { at: 0, deflateMsAt: 0 };
  {
    const proto = PDFDocument.prototype as unknown as { end(this: unknown): unknown };
    const end = proto.end;
    proto.end = function (this: unknown) {
      endProbe.at = performance.now();
      endProbe.deflateMsAt = deflateProbe.ms;
      return end.call(this);
    };
  }
  // Garbage collection pauses. The observer's callback only runs once the event loop turns, so entries are kept
  // and attributed afterwards by their start time to the window in which the parts were measured.
  const gcEntries: { start: number; duration: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcEntries.push({ start: e.startTime, duration: e.duration });
  });
  gcObserver.observe({ entryTypes: ['gc'] });

  const nproc = availableParallelism();
  const loadStart = loadavg()[0]!;
  const seedText = readFileSync(SEED_PATH, 'utf8');
  const seed = JSON.parse(seedText) as unknown;
  console.log(`xxgk-report bench — node ${process.version}, nproc ${nproc} (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), ${process.platform}/${process.arch}`);
  console.log(`load average (1 min) at start: ${loadStart.toFixed(2)}${loadStart > 0.5 ? '  (other processes are busy: expect noise; medians are used throughout)' : ''}`);
  if (stale.length > 0) console.log(`WARNING: dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}…): run \`npm run build\`.`);
  console.log(`warm/baseline: ${WARMUP} warm-up + ${RUNS} timed runs each, interleaved; cold: median of ${COLD_RUNS}; size curve: median of ${SIZE_RUNS}\n`);

  // 1 + 2 + 6. Warm render and the plain-pdfkit baseline, interleaved so drift on a noisy machine hits both alike.
  const baseline = makeBaseline(lib, PDFDocument, seed);
  const seedPdf = await lib.renderReport(seed);
  const baselinePdf = await baseline();
  const saveDir = flag('--save');
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    writeFileSync(join(saveDir, 'seed.pdf'), seedPdf);
    writeFileSync(join(saveDir, 'baseline.pdf'), baselinePdf);
  }
  for (let i = 0; i < WARMUP; i++) {
    await lib.renderReport(seed);
    await baseline();
  }
  const warmTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await lib.renderReport(seed);
    warmTimes.push(performance.now() - t0);
    t0 = performance.now();
    await baseline();
    baseTimes.push(performance.now() - t0);
  }

  // 5. Parts of one warm render.
  console.log('parts …');
  const fonts = lib.resolveFonts();
  const canDraw = (cp: number, role: (typeof lib.FONT_ROLES)[number]) => fonts[role].stack.canDraw(cp);
  const prepared0 = lib.prepareReport(seed);
  const composed0 = lib.composeReport(prepared0);
  const writeOptions = (report: Report): WriteOptions => {
    const m = report.metadata;
    const signed = new Date(`${report.signature.date}T00:00:00Z`);
    return {
      pdfa: '1b',
      info: {
        title: lib.defaultTitle(report.metadata),
        author: m.agency,
        subject: `${m.agency}${m.year}年度政府信息公开工作年度报告`,
        keywords: ['政府信息公开', '年度报告', m.agency, `${m.year}年度`].join('；'),
        creator: 'xxgk-report bench',
        producer: 'xxgk-report bench (PDFKit)',
        creationDate: signed,
        modDate: signed,
      },
      archive: { year: m.year, period: `${m.year}年1月1日至${m.year}年12月31日`, signatureDate: report.signature.date, classification: '公开', disclosureMode: '主动公开' },
      fileId: createHash('md5').update(JSON.stringify(report)).digest(),
    };
  };
  const wopts = writeOptions(prepared0.report);
  const keys = ['validate', 'prepare', 'resolveFonts', 'compose', 'write', 'subset', 'deflate', 'deflateFonts', 'deflateOther', 'writeRest', 'paintRest', 'finishRest'] as const;
  const partRuns = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<(typeof keys)[number], number[]>;
  const probe = { deflateCalls: 0, deflateIn: 0, deflateOut: 0, fontIn: 0, fontOut: 0, subsetFaces: 0 };
  let gcWindowStart = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const timed = i >= WARMUP;
    if (i === WARMUP) gcWindowStart = performance.now();
    let t0 = performance.now();
    const v = lib.validateReport(seed, { strict: false });
    const tValidate = performance.now() - t0;
    if (!v.ok) throw new Error('seed does not validate');
    t0 = performance.now();
    lib.prepareReport(seed);
    const tPrepare = performance.now() - t0;
    t0 = performance.now();
    lib.resolveFonts();
    const tResolve = performance.now() - t0;
    t0 = performance.now();
    lib.composeReport(prepared0);
    const tCompose = performance.now() - t0;
    Object.assign(deflateProbe, { on: true, ms: 0, calls: 0, bytesIn: 0, bytesOut: 0, fontMs: 0, fontBytesIn: 0, fontBytesOut: 0 });
    Object.assign(subsetProbe, { on: true, ms: 0, calls: 0 });
    t0 = performance.now();
    await writeModule.writePdf(composed0, wopts, () => undefined);
    const tWrite = performance.now() - t0;
    deflateProbe.on = false;
    subsetProbe.on = false;
    if (!timed) continue;
    partRuns.validate.push(tValidate);
    partRuns.prepare.push(tPrepare);
    partRuns.resolveFonts.push(tResolve);
    partRuns.compose.push(tCompose);
    partRuns.write.push(tWrite);
    partRuns.subset.push(subsetProbe.ms);
    partRuns.deflate.push(deflateProbe.ms);
    partRuns.deflateFonts.push(deflateProbe.fontMs);
    partRuns.deflateOther.push(deflateProbe.ms - deflateProbe.fontMs);
    partRuns.writeRest.push(tWrite - subsetProbe.ms - deflateProbe.ms);
    const tPaint = endProbe.at - t0;
    partRuns.paintRest.push(tPaint - endProbe.deflateMsAt);
    partRuns.finishRest.push(tWrite - tPaint - subsetProbe.ms - (deflateProbe.ms - endProbe.deflateMsAt));
    Object.assign(probe, {
      deflateCalls: deflateProbe.calls,
      deflateIn: deflateProbe.bytesIn,
      deflateOut: deflateProbe.bytesOut,
      fontIn: deflateProbe.fontBytesIn,
      fontOut: deflateProbe.fontBytesOut,
      subsetFaces: subsetProbe.calls,
    });
  }
  const gcWindowEnd = performance.now();
  await sleep(50); // let the observer deliver the entries
  gcObserver.disconnect();
  const gcMs = gcEntries.filter((e) => e.start >= gcWindowStart && e.start < gcWindowEnd).reduce((s, e) => s + e.duration, 0) / RUNS;
  const parts = Object.fromEntries(Object.entries(partRuns).map(([k, xs]) => [k, r2(median(xs))])) as Record<(typeof keys)[number], number>;

  const size = sizeBreakdown(seedPdf, probe.fontOut, probe.deflateOut);

  // 8. Long inputs (in this process, before the child processes).
  console.log('long inputs …');
  const long = longInputs(lib, seedText);

  // 3. Cold start.
  console.log('cold start …');
  const cold = coldStart();

  // 4. Batch (child process with --expose-gc).
  console.log(`batch of ${BATCH_SIZE} …`);
  const batch = runChild<BatchChildResult>(['batch']);

  // 7. Size curve (one child per size, so each peak RSS is its own).
  const curve: SizeChildResult[] = [];
  for (const n of SIZE_CURVE) {
    console.log(`size curve: ${n} paragraphs …`);
    curve.push(runChild<SizeChildResult>(['size', String(n)]));
  }
  const loadEnd = loadavg()[0]!;

  // ---------------------------------------------------------------------------------------------- report
  const warm = { medianMs: r2(median(warmTimes)), p95Ms: r2(percentile(warmTimes, 95)), minMs: r2(Math.min(...warmTimes)), runs: RUNS, warmup: WARMUP };
  const base = { medianMs: r2(median(baseTimes)), p95Ms: r2(percentile(baseTimes, 95)), minMs: r2(Math.min(...baseTimes)), runs: RUNS, warmup: WARMUP, sizeBytes: baselinePdf.byteLength };
  const speedup = r2(base.medianMs / warm.medianMs);
  const growth = batch.rssLastMB / batch.rssFirstMB - 1;

  // Size curve: least-squares line t = fixed + slope·N, and the marginal cost between neighbouring points.
  const xs = curve.map((c) => c.paragraphs);
  const ys = curve.map((c) => c.medianMs);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const fixed = my - slope * mx;
  const ssRes = xs.reduce((s, x, i) => s + (ys[i]! - (fixed + slope * x)) ** 2, 0);
  const ssTot = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  const r2fit = 1 - ssRes / ssTot;
  const marginal = curve.slice(1).map((c, i) => (c.medianMs - curve[i]!.medianMs) / (c.paragraphs - curve[i]!.paragraphs));
  // Linear (or better): the cost of one more paragraph does not grow with the size of the report. The cost per
  // paragraph of the last interval (1 000 → 2 000) is compared with that from the first to the second-last point
  // (250 → 1 000): both spans are wide, so one noisy point moves the ratio less than neighbouring intervals would.
  const [c0, cm, cn] = [curve[0]!, curve[curve.length - 2]!, curve[curve.length - 1]!];
  const slopeOf = (a: SizeChildResult, b: SizeChildResult) => (b.medianMs - a.medianMs) / (b.paragraphs - a.paragraphs);
  const marginalRatio = slopeOf(cm, cn) / slopeOf(c0, cm);
  const linear = marginalRatio <= 1.5;

  const targets = [
    { name: 'warm ≥ 3× faster than plain pdfkit', value: `${speedup}×`, ok: speedup >= TARGETS.speedup, miss: `${r2(TARGETS.speedup / speedup)}× short: warm would need ≤ ${r2(base.medianMs / TARGETS.speedup)} ms (${r2(warm.medianMs - base.medianMs / TARGETS.speedup)} ms less)` },
    { name: 'warm median < 30 ms', value: `${warm.medianMs} ms`, ok: warm.medianMs < TARGETS.warmMedianMs, miss: `${r1(warm.medianMs - TARGETS.warmMedianMs)} ms over` },
    { name: 'cold CLI < 0.5 s', value: `${cold.cliMs} ms`, ok: cold.cliMs < TARGETS.coldMs, miss: `${r1(cold.cliMs - TARGETS.coldMs)} ms over (+${Math.round((100 * cold.cliMs) / TARGETS.coldMs - 100)} %)` },
    { name: 'seed PDF < 150 KB', value: `${(seedPdf.byteLength / 1000).toFixed(1)} KB`, ok: seedPdf.byteLength < TARGETS.sizeBytes, miss: `${((seedPdf.byteLength - TARGETS.sizeBytes) / 1000).toFixed(1)} KB over (+${Math.round((100 * seedPdf.byteLength) / TARGETS.sizeBytes - 100)} %)` },
    { name: 'batch RSS growth ≤ 10 %', value: `${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)} %`, ok: growth <= TARGETS.batchGrowth, miss: `${(100 * (growth - TARGETS.batchGrowth)).toFixed(1)} points over` },
  ];

  const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
  const out: string[] = [];
  out.push(`\n## Seed (fixtures/linyi-minzheng-2017.json, ${composed0.pages.length} pages)\n`);
  out.push(row(['measure', 'median', 'p95', 'min', 'notes']));
  out.push(row(['---', '---:', '---:', '---:', '---']));
  out.push(row(['warm renderReport', `${warm.medianMs} ms`, `${warm.p95Ms} ms`, `${warm.minMs} ms`, `${kb(seedPdf.byteLength)}, PDF/A-1b, tagged`]));
  out.push(row(['plain pdfkit baseline', `${base.medianMs} ms`, `${base.p95Ms} ms`, `${base.minMs} ms`, `${kb(base.sizeBytes)}, untagged, no PDF/A`]));
  out.push(row(['cold CLI render (wall)', `${cold.cliMs} ms`, '', `${r1(Math.min(...cold.cliRunsMs))} ms`, `runs ${cold.cliRunsMs.join(', ')}`]));
  out.push(`\nspeed-up over plain pdfkit: ${speedup}× (baseline median / warm median)`);

  const p = cold.phases;
  const coldSum = p.boot + p.pdfkit + p.zod + p.library + p.fonts + p.prepare + p.compose + p.write;
  out.push(`\n## Cold start: phases inside a fresh node process (medians of ${COLD_RUNS}; they sum to ${r1(coldSum)} ms, the CLI takes ${cold.cliMs} ms)\n`);
  out.push(row(['phase', 'ms', 'notes']));
  out.push(row(['---', '---:', '---']));
  out.push(row(['node boot (to the first line of user code)', p.boot, `\`node -e ""\` wall: ${cold.nodeMs} ms`]));
  out.push(row(['import pdfkit (CommonJS build, as the library loads it)', p.pdfkit, 'with fontkit, restructure, unicode-properties …']));
  out.push(row(['import zod', p.zod, '']));
  out.push(row(['import the library (dist/src/index.js)', p.library, 'its own modules and the dependencies not loaded above']));
  out.push(row(['resolveFonts (WOFF → SFNT, parse 2 faces)', p.fonts, '']));
  out.push(row(['first prepareReport', p.prepare, 'cold JIT, first glyph lookups']));
  out.push(row(['first composeReport', p.compose, '']));
  out.push(row(['first writePdf', p.write, '']));
  out.push(row(['(second full render, for comparison)', p.secondRender, '']));

  const total = parts.prepare + parts.compose + parts.write;
  const leaves: [string, number, string][] = [
    ['painting pages (writePdf up to doc.end(), without deflate)', parts.paintRest, 'glyph runs to TJ strings, marked content, struct elements, pdfkit pages'],
    ['finishing the document (after doc.end(), without subsetting and deflate)', parts.finishRest, 'font dictionaries, widths, ToUnicode, structure tree, xref'],
    ['deflate of the font programs (on the main thread)', parts.deflateFonts, probe.fontIn > 0 ? `${kb(probe.fontIn)} → ${kb(probe.fontOut)}` : 'none: the library compresses font programs on zlib\'s thread pool while it paints'],
    ['deflate of the other streams', parts.deflateOther, `${probe.deflateCalls - probe.subsetFaces} streams (page content, ToUnicode, ICC), ${kb(probe.deflateIn - probe.fontIn)} → ${kb(probe.deflateOut - probe.fontOut)}`],
    ['composition (composeReport)', parts.compose, 'line breaking, pagination, table'],
    ['validation (validateReport with canDraw)', parts.validate, 'schema, lints, per-character font check'],
    ['font subsetting (TrueTypeSubset.encode)', parts.subset, `${probe.subsetFaces} faces`],
    ['resolveFonts (fonts parsed once per process, then cached)', parts.resolveFonts, 'the rest of prepare besides validation'],
  ];
  leaves.sort((a, b) => b[1] - a[1]);
  out.push(`\n## Where one warm render's time goes (medians of ${RUNS}; prepare ${parts.prepare} + compose ${parts.compose} + write ${parts.write} = ${r1(total)} ms; warm render ${warm.medianMs} ms)\n`);
  out.push(row(['part (biggest first)', 'ms', 'share', 'notes']));
  out.push(row(['---', '---:', '---:', '---']));
  for (const [name, ms, note] of leaves) out.push(row([name, ms.toFixed(2), `${((100 * ms) / total).toFixed(0)} %`, note]));
  out.push(`\ngarbage collection during one render (mean, already inside the parts above): ${r2(gcMs)} ms`);
  out.push(`writePdf ${parts.write} ms = subsetting ${parts.subset} + deflate ${parts.deflate} + rest ${parts.writeRest} (painting ${parts.paintRest} + finishing ${parts.finishRest})`);
  out.push('prepareReport = resolveFonts + validateReport (+ a layout check); the parts are timed separately, so their sum differs a little from the warm render');

  out.push(`\n## Seed PDF size: ${kb(size.totalBytes)} (${size.objects} objects)\n`);
  out.push(row(['part', 'bytes', 'share']));
  out.push(row(['---', '---:', '---:']));
  const sizeRows: [string, number][] = [
    ['embedded font programs (the subsets, compressed)', size.fontProgramBytes],
    ['other compressed streams (page content, ToUnicode, ICC)', size.otherStreamBytes],
    [`structure elements (${size.structElems} StructElem objects, ${size.tableStructElems} of them TR/TH/TD with ${size.tableStructElemBytes} bytes)`, size.structElemBytes],
    ['xref table and trailer', size.xrefTrailerBytes],
    ['everything else (pages, fonts dicts, XMP, outline, parent tree …)', size.restBytes],
  ];
  for (const [name, b] of sizeRows) out.push(row([name, b, `${((100 * b) / size.totalBytes).toFixed(0)} %`]));

  out.push(`\n## Batch: ${BATCH_SIZE} reports (all ${fixturePaths().length} fixtures in turn, agency varied), one process${batch.gcExposed ? ', --expose-gc' : ''}\n`);
  out.push(row(['measure', 'value']));
  out.push(row(['---', '---:']));
  out.push(row(['sequential renderReport', `${batch.reportsPerSecond} reports/s (${batch.totalMs} ms)`]));
  out.push(row(['RSS after warm-up / first 100 / last 100 (after gc)', `${batch.rssStartMB} / ${batch.rssFirstMB} / ${batch.rssLastMB} MB (${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)} %)`]));
  out.push(row(['heap used after first 100 / last 100', `${batch.heapFirstMB} / ${batch.heapLastMB} MB`]));
  out.push(row(['peak RSS (sequential part)', `${batch.peakRssMB} MB`]));
  const rm = batch.renderMany;
  out.push(row([`renderMany concurrency 1 (median of ${rm.rounds})`, `${rm.concurrency1Ms} ms (${r1((BATCH_SIZE * 1000) / rm.concurrency1Ms)} reports/s); runs ${rm.concurrency1RunsMs.join(', ')}`]));
  out.push(row([`renderMany concurrency ${rm.concurrencyN} (median of ${rm.rounds})`, `${rm.concurrencyNMs} ms (${r1((BATCH_SIZE * 1000) / rm.concurrencyNMs)} reports/s); runs ${rm.concurrencyNRunsMs.join(', ')}`]));
  out.push(row(['renderMany speed-up', `${rm.speedup}× with ${rm.concurrencyN} workers on ${nproc} cores`]));
  out.push(row(['renderMany: first report back after', `${rm.firstResult1Ms} ms with 1 thread, ${rm.firstResultNMs} ms with ${rm.concurrencyN} workers (worker start-up)`]));
  if (batch.failed + rm.failed > 0) out.push(`FAILED renders in the batch: ${batch.failed} sequential, ${rm.failed} renderMany`);

  out.push(`\n## Size curve: the seed with N paragraphs of ~120 characters in its overview (median of ${SIZE_RUNS}, one process per size)\n`);
  out.push(row(['paragraphs', 'characters', 'pages', 'render ms', 'ms / paragraph', 'marginal ms / paragraph', 'peak RSS MB', 'RSS before MB', 'PDF KB']));
  out.push(row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  curve.forEach((c, i) =>
    out.push(row([c.paragraphs, c.characters, c.pages, c.medianMs, c.perParagraphMs.toFixed(3), i === 0 ? '' : marginal[i - 1]!.toFixed(3), c.peakRssMB, c.rssBeforeMB, (c.pdfBytes / 1000).toFixed(0)])),
  );
  out.push(
    `\nfit: ${r1(fixed)} ms + ${r3(slope)} ms × paragraphs (R² ${r3(r2fit)}); ms per paragraph ${cm.paragraphs}→${cn.paragraphs} / ${c0.paragraphs}→${cm.paragraphs}: ${r2(marginalRatio)}× → ${linear ? 'linear or better: the cost of a paragraph does not grow with the report' : 'SUPERLINEAR: a paragraph costs more in a bigger report'}`,
  );

  out.push(`\n## Long inputs (in this process: breakLines median of ${3 * LONG_RUNS} runs, validateReport of ${LONG_RUNS}, after untimed runs)\n`);
  out.push(row(['input', 'characters', 'median ms', 'min ms', 'µs per 1 000 characters']));
  out.push(row(['---', '---:', '---:', '---:', '---:']));
  for (const [what, results] of [['breakLines', long.breakLines], ['validateReport', long.validation]] as const) {
    for (const x of results) out.push(row([`${what}: ${x.input}`, x.characters, x.medianMs, x.minMs, r1((1000 * x.medianMs) / (x.characters / 1000))]));
  }
  out.push(`\nbreakLines, 5× the length: paragraph 100 000 / 20 000 characters ${long.paragraphRatio}×, letters 50 000 / 10 000 ${long.lettersRatio}× (linear: about 5×)`);

  out.push('\n## Targets\n');
  out.push(row(['target', 'result', 'status']));
  out.push(row(['---', '---:', '---']));
  for (const t of targets) out.push(row([t.name, t.value, t.ok ? 'met' : `MISSED: ${t.miss}`]));
  out.push(`\nload average (1 min) at start / end: ${loadStart.toFixed(2)} / ${loadEnd.toFixed(2)}`);
  console.log(out.join('\n'));

  let commit = '';
  try {
    commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  } catch {
    /* not a git checkout */
  }
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    nproc,
    cpu: cpus()[0]?.model.trim() ?? '',
    commit,
    loadAverage: { start: r2(loadStart), end: r2(loadEnd) },
    staleBuild: stale,
    warm,
    baseline: base,
    speedup,
    coldMs: cold.cliMs,
    cold,
    sizeBytes: seedPdf.byteLength,
    size,
    pages: composed0.pages.length,
    parts: { ...parts, gcMs: r2(gcMs), ...probe },
    batch: { ...batch, rssGrowth: r3(growth) },
    longInputs: long,
    sizeCurve: { points: curve, fixedMs: r1(fixed), slopeMsPerParagraph: r3(slope), r2: r3(r2fit), marginalMsPerParagraph: marginal.map(r3), marginalRatio: r2(marginalRatio), linear },
    targets: Object.fromEntries(targets.map((t) => [t.name, { value: t.value, met: t.ok }])),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${relative(ROOT, join(RESULTS, 'latest.json'))}`);
}

// ------------------------------------------------------------------------------------------------ entry

const childIndex = argv.indexOf('--child');
if (childIndex >= 0) {
  const kind = argv[childIndex + 1];
  const result = kind === 'batch' ? await batchChild() : kind === 'size' ? await sizeChild(Number(argv[childIndex + 2])) : undefined;
  if (!result) throw new Error(`unknown child ${kind}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main();
}
