/**
 * A pool of render worker threads with a queue: at most `threads` reports render at once, each under an optional
 * time limit. A worker that runs over the limit is terminated; one that dies (out of memory, a fatal error) fails
 * the report it held; either way a new worker takes the next report, so one report never stalls the others.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ValidationIssue } from '../model/types.js';
import { ReportValidationError, type RenderOptions } from '../renderReport.js';

/** The default time limit of one report: far above any real report (the largest allowed takes a few seconds). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** A report that was still rendering when its time limit ran out; its worker was terminated. */
export class RenderTimeoutError extends Error {
  readonly code = 'ERR_RENDER_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`渲染超过时间限制（${timeoutMs} 毫秒），已终止 (render time limit of ${timeoutMs} ms reached)`);
    this.name = 'RenderTimeoutError';
  }
}

/** The worker thread rendering a report died (out of memory, a fatal error, process.exit in the thread). */
export class RenderWorkerError extends Error {
  readonly code = 'ERR_RENDER_WORKER';
  constructor(readonly reason: string) {
    super(`渲染线程意外退出 (render worker died): ${reason}`);
    this.name = 'RenderWorkerError';
  }
}

/** Options of a render pool. */
export interface RenderPoolOptions {
  /** Worker threads, at least 1. */
  readonly threads: number;
  /** Options of every render. */
  readonly render?: RenderOptions;
  /** Time limit of one report in milliseconds, counted from when a ready worker takes it; 0 or Infinity for none. */
  readonly timeoutMs?: number;
  /** Heap and stack limits of each worker (e.g. `{ maxOldGenerationSizeMb: 512 }`); a report that exceeds them fails alone. */
  readonly resourceLimits?: ResourceLimits;
}

interface Task {
  readonly id: number;
  readonly report: unknown;
  readonly resolve: (pdf: Uint8Array) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
  lastError?: Error;
  gone: boolean;
}

interface Reply {
  id: number;
  ok: boolean;
  pdf?: Uint8Array;
  error?: { message: string; name?: string; errors?: ValidationIssue[]; warnings?: ValidationIssue[] };
  ready?: boolean;
}

/**
 * Starts a worker: the bundled one with its code cache as built (dist/src/batch/renderWorker.cjs), else the worker
 * module compiled by tsc, else, from TypeScript sources (tests, examples), the module itself after registering tsx's
 * loader in the thread.
 */
function startWorker(render: RenderOptions, resourceLimits: ResourceLimits | undefined): Worker {
  const options = { workerData: render, ...(resourceLimits ? { resourceLimits } : {}) };
  const bundled = new URL('./renderWorker.cjs', import.meta.url);
  // The bundle needs none of the process's Node options, and some would stop it (--input-type, given to a process
  // started with -e) or slow its start (a loader given with --import).
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, { ...options, execArgv: [] });
  const js = new URL('./renderWorker.js', import.meta.url);
  const run = (module: string) => `(await import(${JSON.stringify(module)})).runRenderWorker();`;
  if (existsSync(fileURLToPath(js))) return new Worker(`(async () => { ${run(js.href)} })()`, { ...options, eval: true });
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(join(dirname(tsxPackage), JSON.parse(readFileSync(tsxPackage, 'utf8')).exports['./esm/api'].import.default)).href;
  const ts = new URL('./renderWorker.ts', import.meta.url).href;
  return new Worker(`(async () => { (await import(${JSON.stringify(api)})).register(); ${run(ts)} })()`, { ...options, eval: true });
}

function replyError(reply: Reply): Error {
  const e = reply.error!;
  if (e.errors) return new ReportValidationError(e.errors, e.warnings ?? []);
  const error = new Error(e.message);
  if (e.name) error.name = e.name;
  return error;
}

/**
 * A pool of render workers. A worker keeps the process alive only while it holds or awaits a report: an idle pool
 * does not hold the process open, but it keeps its threads (and their memory) until `close()`.
 */
export class RenderPool {
  readonly threads: number;
  readonly timeoutMs: number;
  private readonly renderOptions: RenderOptions;
  private readonly resourceLimits: ResourceLimits | undefined;
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(options: RenderPoolOptions) {
    this.threads = Math.max(1, Math.floor(options.threads));
    const t = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.timeoutMs = t > 0 && Number.isFinite(t) ? t : 0;
    this.renderOptions = options.render ?? {};
    this.resourceLimits = options.resourceLimits;
  }

  /** Worker threads alive now (started or starting). */
  get workers(): number {
    return this.slots.size;
  }

  /** Reports waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Reports being rendered now. */
  get running(): number {
    let n = 0;
    for (const slot of this.slots) if (slot.task) n++;
    return n;
  }

  /** Renders a report on a worker; rejects with ReportValidationError, RenderTimeoutError, RenderWorkerError or the render's error. */
  render(report: unknown): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('render pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, report, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every worker; reports still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('render pool closed'));
    const slots = [...this.slots];
    for (const slot of slots) this.retire(slot, slot.task ? new Error('render pool closed') : undefined);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.ready && !slot.task) this.dispatch(slot, this.queue.shift()!);
    }
    // Start workers for what is still waiting (each takes a report once it is ready).
    let booting = 0;
    for (const slot of this.slots) if (!slot.ready) booting++;
    while (this.slots.size < this.threads && booting < this.queue.length) {
      this.spawn();
      booting++;
    }
    // Only a worker with a report, or one starting while reports wait, keeps the process alive.
    for (const slot of this.slots) {
      if (slot.task || (!slot.ready && this.queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private spawn(): void {
    const worker = startWorker(this.renderOptions, this.resourceLimits);
    const slot: Slot = { worker, ready: false, gone: false };
    this.slots.add(slot);
    worker.on('message', (reply: Reply) => {
      if (slot.gone) return;
      if (reply.ready) {
        slot.ready = true;
        return this.pump();
      }
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      clearTimeout(slot.timer);
      slot.task = undefined;
      if (reply.ok) task.resolve(reply.pdf!);
      else task.reject(replyError(reply));
      this.pump();
    });
    worker.on('error', (e: Error) => {
      slot.lastError = e;
    });
    worker.on('exit', (code) => {
      if (slot.gone) return;
      const failure = slot.lastError as NodeJS.ErrnoException | undefined;
      const reason =
        failure?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? '内存超出限制 (out of memory)'
          : failure
            ? `${failure.code ?? failure.name}: ${failure.message.split('\n')[0]}`
            : `exit code ${code}`;
      const wasReady = slot.ready;
      this.retire(slot, new RenderWorkerError(reason));
      // A worker that dies before it is ready would die again: fail what waits rather than start workers forever.
      if (!wasReady) for (const task of this.queue.splice(0)) task.reject(new RenderWorkerError(reason));
      this.pump();
    });
  }

  private dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    if (this.timeoutMs > 0) {
      slot.timer = setTimeout(() => {
        this.retire(slot, new RenderTimeoutError(this.timeoutMs));
        void slot.worker.terminate();
        this.pump();
      }, this.timeoutMs);
    }
    try {
      slot.worker.postMessage({ id: task.id, report: task.report });
    } catch (e) {
      // A report that cannot be copied to a thread (a function, a symbol inside) fails alone.
      clearTimeout(slot.timer);
      slot.task = undefined;
      task.reject(e instanceof Error ? e : new Error(String(e)));
      this.pump();
    }
  }

  /** Takes a slot out of the pool, failing the report it held with `error`. */
  private retire(slot: Slot, error: Error | undefined): void {
    if (slot.gone) return;
    slot.gone = true;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    const task = slot.task;
    slot.task = undefined;
    if (task && error) task.reject(error);
  }
}
