/**
 * Renders many reports: on worker threads (each report under a time limit, a report that kills its worker
 * failing alone), or, with no time limit and one thread, on the calling thread. The workers of a batch wait a while
 * for the next batch of the same plan and options, which then runs on threads already started and warmed up.
 */
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { ResourceLimits } from 'node:worker_threads';
import { renderReport, type RenderOptions } from '../renderReport.js';
import { DEFAULT_TIMEOUT_MS, RenderPool, type RenderPoolOptions } from './renderPool.js';

export { DEFAULT_TIMEOUT_MS, RenderPool, RenderTimeoutError, RenderWorkerError, type RenderPoolOptions } from './renderPool.js';

/** One report of a batch, with a name used in results (for example its file name). */
export interface BatchInput {
  readonly name: string;
  readonly report: unknown;
}

/** The outcome of one report: its PDF, or the error that stopped it (validation errors listed). */
export type BatchResult =
  | { readonly name: string; readonly ok: true; readonly pdf: Uint8Array }
  | { readonly name: string; readonly ok: false; readonly error: Error };

/** How a batch is run, as decided by `renderMany` (given to `onStart`). */
export interface BatchPlan {
  /** Reports rendered at once. */
  readonly threads: number;
  /** Whether they run on worker threads (false: on the calling thread, one after another). */
  readonly workers: boolean;
  /** Time limit of one report in milliseconds (0: none). */
  readonly timeoutMs: number;
  /** Reports in the batch. */
  readonly total: number;
  /**
   * Workers kept from an earlier batch with the same plan and options (see `keepWorkersMs`) that this one takes,
   * started and warmed up already; 0 when its workers start anew (always 0 from `planBatch`).
   */
  readonly keptWorkers: number;
}

/** Options of `renderMany`: rendering options plus how to run the batch. */
export interface RenderManyOptions extends RenderOptions {
  /** Reports rendered at once; by default decided from the cores and the batch size (see `planBatch`, and `onStart`). */
  readonly concurrency?: number;
  /**
   * Time limit of one report in milliseconds (default 60 000): a report still rendering then fails with a
   * RenderTimeoutError and the others go on. A render can only be stopped on a worker thread, so with a time limit
   * every report renders on a worker, even with `concurrency: 1`; `timeoutMs: 0` (no limit) with one thread
   * renders on the calling thread.
   */
  readonly timeoutMs?: number;
  /** Heap limits of each worker thread; a report that exceeds them fails with a RenderWorkerError, the others go on. */
  readonly resourceLimits?: ResourceLimits;
  /**
   * How long the workers of a batch stay after it, in milliseconds (default 10 000), for a next `renderMany` with the
   * same plan and options to take them, already started and warmed up; 0 ends them with the batch. Waiting workers
   * never keep the process alive.
   */
  readonly keepWorkersMs?: number;
  /** Called once before the first report with the plan: threads, workers or not, time limit. */
  readonly onStart?: (plan: BatchPlan) => void;
  /** Called after each report, e.g. for a progress line. */
  readonly onResult?: (result: BatchResult, done: number, total: number) => void;
}

/** How long the workers of a batch wait for the next one by default (`keepWorkersMs`). */
const KEEP_WORKERS_MS = 10_000;

/**
 * Reports per worker below which starting another worker costs more than it saves: a worker is ready in about a
 * tenth of a second, but its first fifty reports take about half as long again as later ones while V8 warms it up.
 */
const REPORTS_PER_WORKER = 25;

/** Cores one render keeps busy: its own thread plus the garbage collector's and zlib's threads. */
const CORES_PER_RENDER = 1.35;

/**
 * The plan of a batch. Reports rendered at once: one per 1.35 cores (more only make them wait for each other: on
 * 2 cores, two renders at once finish a batch later than one), and at most one per 25 reports, since a new worker
 * must start, load its fonts and warm up. A time limit needs worker threads (only a worker can be
 * stopped); without one, a single thread is the calling thread itself.
 */
export function planBatch(reports: number, options: { concurrency?: number; timeoutMs?: number; resourceLimits?: ResourceLimits } = {}): BatchPlan {
  const t = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeoutMs = t > 0 && Number.isFinite(t) ? t : 0;
  const cores = availableParallelism();
  const fallback = Math.max(1, Math.min(Math.round(cores / CORES_PER_RENDER), Math.floor(reports / REPORTS_PER_WORKER)));
  const threads = Math.max(1, Math.min(Math.floor(options.concurrency ?? fallback), Math.max(1, reports)));
  const workers = timeoutMs > 0 || threads > 1 || options.resourceLimits !== undefined;
  return { threads, workers, timeoutMs, total: reports, keptWorkers: 0 };
}

/**
 * Renders every report; a report that fails (invalid, over the time limit, killing its worker) does not stop the
 * others. Results come back in input order. Each worker loads the fonts once.
 */
export async function renderMany(inputs: readonly BatchInput[], options: RenderManyOptions = {}): Promise<BatchResult[]> {
  const { concurrency, timeoutMs, resourceLimits, keepWorkersMs, onStart, onResult, ...render } = options;
  const planned = planBatch(inputs.length, { ...(concurrency !== undefined ? { concurrency } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(resourceLimits ? { resourceLimits } : {}) });
  const setup = { threads: planned.threads, render, timeoutMs: planned.timeoutMs, ...(resourceLimits ? { resourceLimits } : {}) };
  const keptPool = planned.workers ? takeKeptPool(setup) : undefined;
  const plan = keptPool ? { ...planned, keptWorkers: keptPool.workers } : planned;
  try {
    onStart?.(plan);
  } catch (e) {
    await keptPool?.close();
    throw e;
  }
  const results: BatchResult[] = new Array(inputs.length);
  let done = 0;
  const settle = (index: number, outcome: { pdf: Uint8Array } | { error: unknown }) => {
    const name = inputs[index]!.name;
    const result: BatchResult = 'pdf' in outcome ? { name, ok: true, pdf: outcome.pdf } : { name, ok: false, error: outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error)) };
    results[index] = result;
    onResult?.(result, ++done, inputs.length);
  };
  if (!plan.workers) {
    for (const [index, input] of inputs.entries()) {
      try {
        settle(index, { pdf: await renderReport(input.report, render) });
      } catch (error) {
        settle(index, { error });
      }
    }
    return results;
  }
  const pool = keptPool ?? new RenderPool(setup);
  try {
    await Promise.all(
      inputs.map((input, index) =>
        pool.render(input.report).then(
          (pdf) => settle(index, { pdf }),
          (error: unknown) => settle(index, { error }),
        ),
      ),
    );
  } catch (e) {
    await pool.close();
    throw e;
  }
  await keepPool(pool, setup, keepWorkersMs ?? KEEP_WORKERS_MS);
  return results;
}

/** The workers of the last batch, waiting for the next one, with the setup they were made for. */
let kept: { readonly pool: RenderPool; readonly setup: RenderPoolOptions; readonly timer: NodeJS.Timeout } | undefined;

/**
 * The kept pool when it was made for `setup` (the same threads, time limit, heap limits and render options), compared
 * as the workers receive options: as structured clones (a Buffer arrives as a Uint8Array).
 */
function takeKeptPool(setup: RenderPoolOptions): RenderPool | undefined {
  if (!kept) return undefined;
  let same = false;
  try {
    same = isDeepStrictEqual(kept.setup, structuredClone(setup));
  } catch {
    // options that cannot be sent to a thread are never those of a kept pool
  }
  if (!same) return undefined;
  const { pool, timer } = kept;
  clearTimeout(timer);
  kept = undefined;
  return pool;
}

/**
 * Keeps `pool` for `ms` in place of the one kept before (closed), or closes it at once when `ms` is 0. What is kept
 * is a copy of `setup` as its workers received it (a structured clone), so that options the caller changes later
 * are compared as they are then.
 */
async function keepPool(pool: RenderPool, setup: RenderPoolOptions, ms: number): Promise<void> {
  const before = kept;
  let copy: RenderPoolOptions;
  try {
    copy = structuredClone(setup);
  } catch {
    ms = 0;
  }
  if (!(ms > 0)) return pool.close();
  const timer = setTimeout(() => {
    if (kept?.pool === pool) kept = undefined;
    void pool.close();
  }, Math.min(ms, 2 ** 31 - 1));
  timer.unref();
  kept = { pool, setup: copy!, timer };
  if (before) {
    clearTimeout(before.timer);
    await before.pool.close();
  }
}
