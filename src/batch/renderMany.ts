/** Renders many reports, on worker threads when there are several cores and several reports. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderReport, ReportValidationError, type RenderOptions } from '../renderReport.js';
import type { ValidationIssue } from '../model/types.js';

/** One report of a batch, with a name used in results (for example its file name). */
export interface BatchInput {
  readonly name: string;
  readonly report: unknown;
}

/** The outcome of one report: its PDF, or the error that stopped it (validation errors listed). */
export type BatchResult =
  | { readonly name: string; readonly ok: true; readonly pdf: Uint8Array }
  | { readonly name: string; readonly ok: false; readonly error: Error };

/** Options of `renderMany`: rendering options plus the number of threads. */
export interface RenderManyOptions extends RenderOptions {
  /** Threads to use; by default one less than the cores, and only for batches large enough to repay worker start-up. */
  readonly concurrency?: number;
  /** Called after each report, e.g. for a progress line. */
  readonly onResult?: (result: BatchResult, done: number, total: number) => void;
}

interface WorkerReply {
  index: number;
  ok: boolean;
  pdf?: Uint8Array;
  error?: { message: string; errors?: ValidationIssue[]; warnings?: ValidationIssue[] };
}

/**
 * Threads when the caller does not say: one core is left to the calling thread and V8's garbage collector (a
 * single render already keeps about 1.35 cores busy), and each worker gets at least 25 reports, since starting
 * one and loading its fonts costs about half a second. On a 2-core machine this means the calling thread alone.
 */
function defaultThreads(reports: number): number {
  return Math.max(1, Math.min(availableParallelism() - 1, Math.floor(reports / 25)));
}

/** Starts a worker; from TypeScript sources (tests, examples) it first registers tsx's loader in the thread. */
function startWorker(render: RenderOptions): Worker {
  const js = new URL('./renderWorker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: render });
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(join(dirname(tsxPackage), JSON.parse(readFileSync(tsxPackage, 'utf8')).exports['./esm/api'].import.default)).href;
  const ts = new URL('./renderWorker.ts', import.meta.url).href;
  const boot = `(async () => { (await import(${JSON.stringify(api)})).register(); await import(${JSON.stringify(ts)}); })()`;
  return new Worker(boot, { eval: true, workerData: render });
}

function toError(reply: WorkerReply): Error {
  const e = reply.error!;
  return e.errors ? new ReportValidationError(e.errors, e.warnings ?? []) : new Error(e.message);
}

/**
 * Renders every report; a report that fails does not stop the others. Results come back in input order.
 * Each worker loads the fonts once; with `concurrency: 1` everything runs on the calling thread.
 */
export async function renderMany(inputs: readonly BatchInput[], options: RenderManyOptions = {}): Promise<BatchResult[]> {
  const { concurrency: requested, onResult, ...render } = options;
  const threads = Math.max(1, Math.min(requested ?? defaultThreads(inputs.length), inputs.length));
  const results: BatchResult[] = new Array(inputs.length);
  let done = 0;
  const settle = (index: number, result: BatchResult) => {
    results[index] = result;
    onResult?.(result, ++done, inputs.length);
  };
  if (threads === 1) {
    for (const [index, input] of inputs.entries()) {
      try {
        settle(index, { name: input.name, ok: true, pdf: await renderReport(input.report, render) });
      } catch (e) {
        settle(index, { name: input.name, ok: false, error: e instanceof Error ? e : new Error(String(e)) });
      }
    }
    return results;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = startWorker(render);
      try {
        while (next < inputs.length) {
          const index = next++;
          const input = inputs[index]!;
          const reply = await new Promise<WorkerReply>((resolve, reject) => {
            const onError = (e: Error) => reject(e);
            worker.once('error', onError);
            worker.once('message', (m: WorkerReply) => (worker.off('error', onError), resolve(m)));
            worker.postMessage({ index, report: input.report });
          }).catch((e: Error): WorkerReply => ({ index, ok: false, error: { message: `worker failed: ${e.message}` } }));
          settle(index, reply.ok ? { name: input.name, ok: true, pdf: reply.pdf! } : { name: input.name, ok: false, error: toError(reply) });
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}
