/**
 * Batches: a failing report does not stop the others, results keep input order and names, threads give the same
 * bytes; a report that kills its worker (out of memory) or runs over the time limit fails alone, with a clear error,
 * and the batch goes on with a new worker; the plan (threads, workers) is decided from the machine and batch size
 * and reported; the workers of a batch wait for the next batch of the same plan and options without holding the
 * process open, and as built they start from their code cache.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderMany, renderReport, ReportValidationError, type BatchPlan, type RenderManyOptions } from '../../src/index.js';
import { planBatch, RenderPool, RenderTimeoutError, RenderWorkerError } from '../../src/batch/renderMany.js';
import { ensureCliBuilt, ROOT } from '../helpers/build.js';
import { runModuleChild } from '../helpers/child.js';
import { fixture } from '../helpers/composed.js';

/** The number of cores planBatch sees: the machine's unless a test sets it. */
const cores = vi.hoisted(() => ({ value: undefined as number | undefined }));
vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  return { ...os, availableParallelism: () => cores.value ?? os.availableParallelism() };
});

describe('renderMany', () => {
  const inputs = [
    { name: 'seed.json', report: fixture('linyi-minzheng-2017') },
    { name: 'broken.json', report: { metadata: { agency: '某局' } } },
    { name: 'short.json', report: fixture('short-sections-2015') },
  ];

  it.each([
    { concurrency: 1, timeoutMs: 0, workers: false },
    { concurrency: 1, workers: true },
    { concurrency: 2, workers: true },
  ])('%j: renders the good reports, reports the bad one by name, same bytes as renderReport', async ({ workers, ...options }) => {
    const seen: string[] = [];
    const plans: BatchPlan[] = [];
    const results = await renderMany(inputs, { ...options, onStart: (plan) => plans.push(plan), onResult: (r, done, total) => seen.push(`${r.name} ${done}/${total}`) });
    expect(plans).toEqual([{ threads: options.concurrency, workers, timeoutMs: options.timeoutMs ?? 60_000, total: 3, keptWorkers: 0 }]);
    expect(results.map((r) => [r.name, r.ok])).toEqual([['seed.json', true], ['broken.json', false], ['short.json', true]]);
    const broken = results[1]!;
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.error).toBeInstanceOf(ReportValidationError);
      expect((broken.error as ReportValidationError).errors.some((e) => e.path === 'preamble')).toBe(true);
    }
    const seed = results[0]!;
    expect(seed.ok).toBe(true);
    if (seed.ok) expect(Buffer.from(seed.pdf).equals(Buffer.from(await renderReport(fixture('linyi-minzheng-2017'))))).toBe(true);
    expect(seen).toHaveLength(3);
  });

  it('a report that runs its worker out of memory fails alone with a clear error; a new worker renders the rest', async () => {
    // A million and a half paragraphs: copying them into the worker alone needs far more than its 64 MB heap,
    // while an ordinary report renders within it.
    const huge = fixture('short-sections-2015') as { preamble: unknown[] };
    huge.preamble = Array.from({ length: 1_500_000 }, (_, i) => ({ type: 'paragraph', text: `第${i}段` }));
    const batch = [
      { name: 'a', report: fixture('short-sections-2015') },
      { name: 'huge', report: huge },
      { name: 'c', report: fixture('linyi-minzheng-2017') },
    ];
    const results = await renderMany(batch, { concurrency: 1, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    expect(results.map((r) => [r.name, r.ok])).toEqual([['a', true], ['huge', false], ['c', true]]);
    const failed = results[1]!;
    if (!failed.ok) {
      expect(failed.error).toBeInstanceOf(RenderWorkerError);
      expect(failed.error.message).toBe('渲染线程意外退出 (render worker died): 内存超出限制 (out of memory)');
    }
    const c = results[2]!;
    if (c.ok) expect(Buffer.from(c.pdf).equals(Buffer.from(await renderReport(fixture('linyi-minzheng-2017'))))).toBe(true);
  });

  it('a worker that cannot even start fails the reports with its reason instead of waiting forever', async () => {
    // A heap of 1 MB is too small to load the library.
    const results = await renderMany(inputs, { concurrency: 1, resourceLimits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 } });
    expect(results.map((r) => r.ok)).toEqual([false, false, false]);
    for (const r of results) if (!r.ok) expect(r.error).toBeInstanceOf(RenderWorkerError);
  });

  it('a report that cannot be copied to a worker fails alone, whether it is sent to an idle worker or as a busy one\'s next', async () => {
    // With one worker, the first report is sent to it idle and the second as its next; then the third and fourth.
    const uncopyable = { ...fixture('short-sections-2015'), hook: () => undefined };
    const batch = [uncopyable, fixture('short-sections-2015'), uncopyable, fixture('short-sections-2015')].map((report, i) => ({ name: String(i), report }));
    const results = await renderMany(batch, { concurrency: 1 });
    expect(results.map((r) => r.ok)).toEqual([false, true, false, true]);
    for (const r of [results[0]!, results[2]!]) if (!r.ok) expect(r.error.name).toBe('DataCloneError');
  });

  it('a report over the time limit is stopped with a clear error, and every other report still gets its answer', async () => {
    // No report renders in a millisecond (the clock starts when a worker with its fonts loaded takes the report),
    // so each one is stopped: the error is certain, whatever the speed of the machine.
    const results = await renderMany(inputs, { concurrency: 2, timeoutMs: 1 });
    expect(results.map((r) => r.name)).toEqual(['seed.json', 'broken.json', 'short.json']);
    for (const r of [results[0]!, results[2]!]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBeInstanceOf(RenderTimeoutError);
        expect(r.error.message).toBe('渲染超过时间限制（1 毫秒），已终止 (render time limit of 1 ms reached)');
        expect((r.error as RenderTimeoutError).code).toBe('ERR_RENDER_TIMEOUT');
      }
    }
  });
});

describe('renderMany keeps the workers of a batch for the next one', () => {
  const short = fixture('short-sections-2015');
  /** Renders `short` in a batch of its own on one worker: what it kept from the batch before, and its PDF. */
  const batch = async (options: RenderManyOptions) => {
    const plans: BatchPlan[] = [];
    const [result] = await renderMany([{ name: 'short.json', report: short }], { concurrency: 1, ...options, onStart: (plan) => plans.push(plan) });
    expect(result!.ok).toBe(true);
    return { kept: plans[0]!.keptWorkers, pdf: Buffer.from(result!.ok ? result!.pdf : []) };
  };

  it('a batch with the same plan and options takes the waiting worker; other options start a new one; keepWorkersMs 0 ends it', async () => {
    const compressed = Buffer.from(await renderReport(short, { layout: { compressPunctuation: true } }));
    const plain = Buffer.from(await renderReport(short, { layout: { compressPunctuation: false } }));
    expect(compressed.equals(plain)).toBe(false);
    // Options are compared by value: a new but equal options object takes the worker, and it renders the same bytes.
    expect(await batch({ layout: { compressPunctuation: true } })).toEqual({ kept: 0, pdf: compressed });
    expect(await batch({ layout: { compressPunctuation: true } })).toEqual({ kept: 1, pdf: compressed });
    expect(await batch({ layout: { compressPunctuation: false } })).toEqual({ kept: 0, pdf: plain });
    expect(await batch({ layout: { compressPunctuation: false }, keepWorkersMs: 0 })).toEqual({ kept: 1, pdf: plain });
    expect(await batch({ layout: { compressPunctuation: false } })).toEqual({ kept: 0, pdf: plain });
    // A different time limit is a different plan.
    expect((await batch({ layout: { compressPunctuation: false }, timeoutMs: 30_000 })).kept).toBe(0);
  });

  it('as built, the bundled worker starts from its code cache, renders the same bytes, and waiting workers let the process end', async () => {
    ensureCliBuilt();
    const cache = mkdtempSync(join(tmpdir(), 'xxgk-worker-cache-'));
    try {
      // Two batches in one process (the second takes the first's worker), workers kept far longer than the process
      // runs: a waiting worker that held the process open would hold it until the hang guard kills it.
      const source = `
        import { renderMany, renderReport } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/index.js')).href)};
        const report = ${JSON.stringify(fixture('linyi-minzheng-2017'))};
        const kept = [];
        for (let i = 0; i < 2; i++) {
          const [r] = await renderMany([{ name: 'seed', report }], { keepWorkersMs: 2 ** 31 - 1, onStart: (p) => kept.push(p.workers ? p.keptWorkers : -1) });
          if (!r.ok) throw r.error;
          if (!Buffer.from(r.pdf).equals(Buffer.from(await renderReport(report)))) throw new Error('not the bytes of renderReport');
        }
        console.log(JSON.stringify(kept));
      `;
      const entries = () => readdirSync(cache).filter((f) => f.startsWith('worker-') && f.endsWith('.v8cache'));
      const run = () => runModuleChild(source, [], { heapMb: 1024, hangGuardMs: 120_000, env: { XXGK_REPORT_CACHE_DIR: cache } });
      const first = await run();
      expect(first, first.stderr).toMatchObject({ code: 0, signal: null, stdout: '[0,1]\n' });
      // The first worker wrote its code cache entry after its first report (before it took the next batch's).
      expect(entries()).toHaveLength(1);
      const written = statSync(join(cache, entries()[0]!)).ino;
      const second = await run();
      expect(second, second.stderr).toMatchObject({ code: 0, signal: null, stdout: '[0,1]\n' });
      // V8 accepted the entry: it was not written again (a new entry is renamed into place, a new file).
      expect(entries()).toHaveLength(1);
      expect(statSync(join(cache, entries()[0]!)).ino).toBe(written);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('RenderPool', () => {
  it('renders on after a report was stopped: the stopped worker is replaced', async () => {
    const pool = new RenderPool({ threads: 1, timeoutMs: 1 });
    const strict = new RenderPool({ threads: 1, timeoutMs: 0 });
    try {
      const first = pool.render(fixture('short-sections-2015'));
      const second = pool.render(fixture('short-sections-2015'));
      await expect(first).rejects.toBeInstanceOf(RenderTimeoutError);
      await expect(second).rejects.toBeInstanceOf(RenderTimeoutError);
      expect(pool.running + pool.queued).toBe(0);
      // Without a limit the same report renders, to the same bytes as on the calling thread.
      const pdf = await strict.render(fixture('short-sections-2015'));
      expect(Buffer.from(pdf).equals(Buffer.from(await renderReport(fixture('short-sections-2015'))))).toBe(true);
    } finally {
      await Promise.all([pool.close(), strict.close()]);
    }
    await expect(pool.render({})).rejects.toThrow('closed');
  });
});

describe('planBatch', () => {
  afterEach(() => void (cores.value = undefined));

  it('with a time limit (the default) always uses workers, since only a worker can be stopped', () => {
    cores.value = 8;
    for (const reports of [1, 10, 200]) expect(planBatch(reports)).toMatchObject({ workers: true, timeoutMs: 60_000, total: reports });
    // One render keeps about 1.35 cores busy: 8 cores take 6 at once; each worker repays its start-up with 25 reports.
    expect(planBatch(200).threads).toBe(6);
    expect(planBatch(100).threads).toBe(4);
    expect(planBatch(24).threads).toBe(1);
    expect(planBatch(200, { concurrency: 1 })).toMatchObject({ threads: 1, workers: true });
    cores.value = 16;
    expect(planBatch(200).threads).toBe(8);
  });

  it('on 2 cores one render at a time, since two at once finish a batch later; without a time limit, on the calling thread', () => {
    cores.value = 2;
    expect(planBatch(200)).toEqual({ threads: 1, workers: true, timeoutMs: 60_000, total: 200, keptWorkers: 0 });
    expect(planBatch(200, { timeoutMs: 0 })).toEqual({ threads: 1, workers: false, timeoutMs: 0, total: 200, keptWorkers: 0 });
    expect(planBatch(200, { timeoutMs: Infinity }).workers).toBe(false);
    expect(planBatch(200, { timeoutMs: 0, resourceLimits: { maxOldGenerationSizeMb: 512 } }).workers).toBe(true);
    expect(planBatch(200, { concurrency: 2, timeoutMs: 0 })).toMatchObject({ threads: 2, workers: true });
    expect(planBatch(3, { concurrency: 8 }).threads).toBe(3); // never more threads than reports
  });
});
