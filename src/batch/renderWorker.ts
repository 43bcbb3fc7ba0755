/**
 * Worker thread of the render pool: loads the fonts once, says it is ready, then renders the reports it is sent, one
 * at a time, in the order sent. The reports wait on a port of their own, read only when the one before is done
 * (renderPool.ts says why); a message on the thread's own port wakes it when it waits. A report that fails is
 * answered with its error; the thread itself is only ended by the pool (a time limit, the end of a batch) or by a
 * fatal error (out of memory), which the pool notices.
 *
 * The pool starts it from dist/src/batch/renderWorker.cjs (workerLaunch.ts: this module and the library bundled
 * into one file, run with V8's code cache), else from this module (TypeScript sources, or a build without bundles).
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { config as zodConfig } from 'zod';
import { resolveFonts } from '../fonts/fontSet.js';
import { renderReport, ReportValidationError } from '../renderReport.js';
import type { WorkerSetup } from './renderPool.js';

/** Serves the pool's render requests on this thread; `afterFirstRender` is called once, after the first report rendered. */
export function runRenderWorker(afterFirstRender?: () => void): void {
  const { render: options, tasks } = workerData as WorkerSetup;
  // The thread's reports are checked without parsers compiled by zod (as the command line does, see cli.ts): the first
  // report of a new thread is checked in half the time, later ones in the same. This is the thread's own zod setting.
  zodConfig({ jitless: true });
  try {
    // Fonts are parsed once per thread; doing it before "ready" keeps it out of the first report's time limit.
    resolveFonts(options);
  } catch {
    // A bad font option fails every report with its own message, at render time.
  }
  let rendered = false;
  const serve = async (task: { id: number; report: unknown }) => {
    try {
      const pdf = await renderReport(task.report, options);
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      // Transfer only a buffer of its own (a pooled Buffer's memory is shared with other small buffers).
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      parentPort!.postMessage({ id: task.id, ok: true, pdf: own }, [own.buffer as ArrayBuffer]);
      if (!rendered) {
        rendered = true;
        afterFirstRender?.();
      }
    } catch (e) {
      const error =
        e instanceof ReportValidationError
          ? { message: e.message, errors: e.errors, warnings: e.warnings }
          : { message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error' };
      parentPort!.postMessage({ id: task.id, ok: false, error });
    }
  };
  let busy = false;
  parentPort!.on('message', async () => {
    if (busy) return;
    busy = true;
    try {
      for (let m = receiveMessageOnPort(tasks); m; m = receiveMessageOnPort(tasks)) await serve(m.message as { id: number; report: unknown });
    } finally {
      busy = false;
    }
  });
  parentPort!.postMessage({ ready: true });
}
