/**
 * Renders many reports: on worker threads (each report under a time limit, a report that kills its worker
 * failing alone), or, with no time limit and one thread, on the calling thread.
 */
import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { renderReport, type RenderOptions } from '../renderReport.js';
import { DEFAULT_TIMEOUT_MS, RenderPool } from './renderPool.js';

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
  /** Called once before the first report with the plan: threads, workers or not, time limit. */
  readonly onStart?: (plan: BatchPlan) => void;
  /** Called after each report, e.g. for a progress line. */
  readonly onResult?: (result: BatchResult, done: number, total: number) => void;
}

/** Reports per worker below which starting another worker costs more than it saves (a worker starts in about half a second). */
const REPORTS_PER_WORKER = 25;

/** Cores one render keeps busy: its own thread plus the garbage collector's and zlib's threads. */
const CORES_PER_RENDER = 1.35;

/**
 * The plan of a batch. Reports rendered at once: one per 1.35 cores (more only make them wait for each other: on
 * 2 cores, two renders at once finish a batch later than one), and at most one per 25 reports, since starting a
 * worker and loading its fonts costs about half a second. A time limit needs worker threads (only a worker can be
 * stopped); without one, a single thread is the calling thread itself.
 */
export function planBatch(reports: number, options: { concurrency?: number; timeoutMs?: number; resourceLimits?: ResourceLimits } = {}): BatchPlan {
  const t = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeoutMs = t > 0 && Number.isFinite(t) ? t : 0;
  const cores = availableParallelism();
  const fallback = Math.max(1, Math.min(Math.round(cores / CORES_PER_RENDER), Math.floor(reports / REPORTS_PER_WORKER)));
  const threads = Math.max(1, Math.min(Math.floor(options.concurrency ?? fallback), Math.max(1, reports)));
  const workers = timeoutMs > 0 || threads > 1 || options.resourceLimits !== undefined;
  return { threads, workers, timeoutMs, total: reports };
}

/**
 * Renders every report; a report that fails (invalid, over the time limit, killing its worker) does not stop the
 * others. Results come back in input order. Each worker loads the fonts once.
 */
export async function renderMany(inputs: readonly BatchInput[], options: RenderManyOptions = {}): Promise<BatchResult[]> {
  const { concurrency, timeoutMs, resourceLimits, onStart, onResult, ...render } = options;
  const plan = planBatch(inputs.length, { ...(concurrency !== undefined ? { concurrency } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(resourceLimits ? { resourceLimits } : {}) });
  onStart?.(plan);
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
  const pool = new RenderPool({ threads: plan.threads, render, timeoutMs: plan.timeoutMs, ...(resourceLimits ? { resourceLimits } : {}) });
  try {
    await Promise.all(
      inputs.map((input, index) =>
        pool.render(input.report).then(
          (pdf) => settle(index, { pdf }),
          (error: unknown) => settle(index, { error }),
        ),
      ),
    );
  } finally {
    await pool.close();
  }
  return results;
}
