/** Worker thread of `renderMany`: renders the reports it is sent, loading fonts once for its life. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderReport, ReportValidationError, type RenderOptions } from '../renderReport.js';

const options = workerData as RenderOptions;

parentPort!.on('message', async (task: { index: number; report: unknown }) => {
  try {
    const pdf = await renderReport(task.report, options);
    const bytes = new Uint8Array(pdf);
    parentPort!.postMessage({ index: task.index, ok: true, pdf: bytes }, [bytes.buffer]);
  } catch (e) {
    const error = e instanceof ReportValidationError ? { message: e.message, errors: e.errors, warnings: e.warnings } : { message: e instanceof Error ? e.message : String(e) };
    parentPort!.postMessage({ index: task.index, ok: false, error });
  }
});
