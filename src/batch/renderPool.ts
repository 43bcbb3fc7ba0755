/**
 * A pool of render worker threads with a queue: at most `threads` reports render at once, each under an optional
 * time limit. A worker that runs over the limit is terminated; one that dies (out of memory, a fatal error) fails
 * the report it held; either way a new worker takes the next report, so one report never stalls the others.
 *
 * While a worker renders a report it already holds the next one (when the queue has one for every thread), so that
 * it starts that report as soon as it has sent the last, without waiting for the calling thread to answer. The next
 * report waits on a port of its own, still serialized, which the worker reads only when it is done with the one
 * before (receiveMessageOnPort): it costs that report no memory in the worker, and a report too large to copy into
 * the worker kills it while that report is the one it holds. The time limit of the next report starts when the
 * answer of the one before arrives, and a worker that dies or runs over the limit gives it back to the queue.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
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

/** What a worker is started with (its workerData). */
export interface WorkerSetup {
  /** Options of every render. */
  readonly render: RenderOptions;
  /** The port the worker reads its reports from, one at a time (see the module's comment). */
  readonly tasks: MessagePort;
}

interface Slot {
  readonly worker: Worker;
  /** The calling thread's end of the worker's report port. */
  readonly tasks: MessagePort;
  ready: boolean;
  /** The report the worker renders now (its time limit runs). */
  task?: Task;
  /** The report it takes when that one is done, sent already. */
  next?: Task;
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
function startWorker(setup: WorkerSetup, resourceLimits: ResourceLimits | undefined): Worker {
  const options = { workerData: setup, transferList: [setup.tasks], ...(resourceLimits ? { resourceLimits } : {}) };
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

  /** Reports waiting: for a worker, or in a worker for the report before them. */
  get queued(): number {
    let n = this.queue.length;
    for (const slot of this.slots) if (slot.next) n++;
    return n;
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
    // Each busy worker holds its next report while the queue has one for every thread: the last few are left to
    // whichever worker is free first.
    for (const slot of this.slots) {
      if (this.queue.length < this.threads) break;
      if (slot.ready && slot.task && !slot.next) this.dispatch(slot, this.queue.shift()!);
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
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker({ render: this.renderOptions, tasks: port2 }, this.resourceLimits);
    const slot: Slot = { worker, tasks: port1, ready: false, gone: false };
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
      // The worker has gone on to the next report it holds, if any.
      slot.task = slot.next;
      slot.next = undefined;
      if (slot.task) this.startClock(slot);
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

  /** Sends `task` to the worker of `slot`: as the report it renders now when it has none, else as its next. */
  private dispatch(slot: Slot, task: Task): void {
    const now = !slot.task;
    if (now) {
      slot.task = task;
      this.startClock(slot);
    } else slot.next = task;
    try {
      slot.tasks.postMessage({ id: task.id, report: task.report });
    } catch (e) {
      // A report that cannot be copied to a thread (a function, a symbol inside) fails alone.
      if (now) {
        clearTimeout(slot.timer);
        slot.task = undefined;
      } else slot.next = undefined;
      task.reject(e instanceof Error ? e : new Error(String(e)));
      return this.pump();
    }
    // Wakes the worker if it is waiting; a busy one reads the report when done with the one before.
    slot.worker.postMessage(0);
  }

  /** Starts the time limit of the report the worker of `slot` renders now. */
  private startClock(slot: Slot): void {
    if (!(this.timeoutMs > 0)) return;
    slot.timer = setTimeout(() => {
      this.retire(slot, new RenderTimeoutError(this.timeoutMs));
      void slot.worker.terminate();
      this.pump();
    }, this.timeoutMs);
  }

  /**
   * Takes a slot out of the pool, failing the report it held with `error`; the next report it held goes back to the
   * front of the queue (it never started), unless the pool is closing.
   */
  private retire(slot: Slot, error: Error | undefined): void {
    if (slot.gone) return;
    slot.gone = true;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    slot.tasks.close();
    const { task, next } = slot;
    slot.task = slot.next = undefined;
    if (task && error) task.reject(error);
    if (next) {
      if (this.closed) next.reject(error ?? new Error('render pool closed'));
      else this.queue.unshift(next);
    }
  }
}
