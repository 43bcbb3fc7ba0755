/**
 * A minimal HTTP service on node:http: POST a report as JSON to /render, get the PDF back.
 *
 *   PORT=8080 npx tsx examples/http-server.ts
 *   curl --data-binary @fixtures/linyi-minzheng-2017.json -H 'Content-Type: application/json' \
 *        http://127.0.0.1:8080/render -o report.pdf
 *
 * Answers:
 *   200 application/pdf        the PDF
 *   400 application/json       { errors: [...] } — the body is not JSON, the URL is malformed, or the report is not
 *                              valid (then each error has its JSON path, Chinese label and message, plus the warnings)
 *   404 / 405                  another path / another method than POST
 *   413                        a body over the limit (default 8 MiB), refused before it is parsed
 *   422                        the report took longer than the time limit (default 60 s) and was stopped
 *   503 + Retry-After          every render slot and queue place is taken: try again later
 *   500                        the render failed (e.g. its worker ran out of memory)
 *
 * Reports render on worker threads (a RenderPool): at most `concurrency` at once, each under a time limit; up to
 * `maxQueue` more requests wait their turn, and any beyond that are answered 503 at once, before their body is
 * read. So memory stays bounded (about (concurrency + maxQueue) × maxBodyBytes of bodies) however many clients
 * send at once, and one pathological report cannot hold the service.
 *
 * The server listens on 127.0.0.1 unless HOST says otherwise.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { ReportValidationError, type RenderOptions } from '../src/index.js';
import { RenderPool, RenderTimeoutError } from '../src/batch/renderPool.js';
// In a project of your own: import { RenderPool, RenderTimeoutError, ReportValidationError } from 'xxgk-report';

/** Options of the example server. */
export interface ReportServerOptions {
  /** Largest request body in bytes (default 8 MiB: the library's own limit is 2 000 000 characters of text). */
  readonly maxBodyBytes?: number;
  /** Options for every render: fonts, sizes, pdfa, strict… */
  readonly render?: RenderOptions;
  /** Reports rendered at once, each on its own worker thread (default: one fewer than the cores, at least 1). */
  readonly concurrency?: number;
  /** Requests that may wait for a render slot (default 2 × concurrency); more are answered 503. */
  readonly maxQueue?: number;
  /** Time limit of one render in milliseconds (default 60 000). */
  readonly timeoutMs?: number;
  /** Seconds a client is told to wait after a 503 (default 5). */
  readonly retryAfterSeconds?: number;
  /** Heap limits of each render worker. */
  readonly resourceLimits?: ResourceLimits;
  /** Where the server logs, one line per event (default console.error). */
  readonly log?: (line: string) => void;
}

/** A request whose client went away while its body was being read. */
class UploadAborted extends Error {}

/** Creates the server (not yet listening): call `.listen(port, host)` on it. Closing it ends its render workers. */
export function createReportServer(options: ReportServerOptions = {}): Server {
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism() - 1);
  const maxQueue = Math.max(0, options.maxQueue ?? 2 * concurrency);
  const log = options.log ?? ((line: string) => console.error(line));
  const pool = new RenderPool({
    threads: concurrency,
    render: options.render ?? {},
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  let admitted = 0; // requests to /render reading their body, waiting or rendering
  const context: Context = { maxBodyBytes, pool, log };

  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return sendJson(res, 400, { errors: [{ path: '', code: 'invalid_url', message: 'malformed request URL' }] });
    }
    if (pathname !== '/render') return sendJson(res, 404, { errors: [{ path: '', message: 'not found: POST a report to /render' }] });
    if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ path: '', message: 'use POST' }] }, { Allow: 'POST' });
    if (admitted >= concurrency + maxQueue) {
      // Refused before the body is read, so a crowd of large uploads costs no memory.
      return sendJson(res, 503, { errors: [{ path: '', code: 'busy', message: 'all render slots are busy; try again later' }] }, { 'Retry-After': String(options.retryAfterSeconds ?? 5), Connection: 'close' });
    }
    admitted++;
    const from = req.socket.remoteAddress ?? '?'; // gone once the socket closes
    let released = false;
    const release = () => void (released || ((released = true), admitted--));
    res.once('close', release);
    handle(req, res, context)
      .catch((e: unknown) => {
        // One line per failure: an aborted upload is routine, and a stack trace says nothing more.
        if (e instanceof UploadAborted) {
          log(`upload aborted: ${req.method} ${req.url} from ${from} (${e.message})`);
          return void res.destroy();
        }
        log(`request failed: ${req.method} ${req.url}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        if (!res.headersSent && !res.destroyed) sendJson(res, 500, { errors: [{ path: '', message: 'the report could not be rendered' }] });
        else res.destroy();
      })
      .finally(release);
  });
  server.on('close', () => void pool.close());
  return server;
}

interface Context {
  readonly maxBodyBytes: number;
  readonly pool: RenderPool;
  readonly log: (line: string) => void;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The body, or null when it is larger than the limit; rejects with UploadAborted when the client goes away. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) return resolve(null); // declared too large: not read at all
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', (e) => reject(new UploadAborted(`${e.message} after ${size} bytes`)));
    req.on('aborted', () => reject(new UploadAborted(`aborted after ${size} bytes`)));
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, { maxBodyBytes, pool, log }: Context): Promise<void> {
  const body = await readBody(req, maxBodyBytes);
  if (body === null) {
    // Close the connection rather than read the rest of an oversized body.
    return sendJson(res, 413, { errors: [{ path: '', message: `request body over ${maxBodyBytes} bytes` }] }, { Connection: 'close' });
  }
  let report: unknown;
  try {
    report = JSON.parse(body.toString('utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    return sendJson(res, 400, { errors: [{ path: '', code: 'invalid_json', message: `body is not JSON: ${(e as Error).message}` }] });
  }
  let pdf: Uint8Array;
  try {
    pdf = await pool.render(report);
  } catch (e) {
    if (e instanceof ReportValidationError) return sendJson(res, 400, { errors: e.errors, warnings: e.warnings });
    if (e instanceof RenderTimeoutError) {
      log(`render stopped: ${req.url}: over the time limit of ${e.timeoutMs} ms`);
      return sendJson(res, 422, { errors: [{ path: '', code: 'render_timeout', message: `the report took longer than ${e.timeoutMs} ms to render and was stopped` }] });
    }
    throw e;
  }
  if (res.destroyed) return; // the client left while its report was rendering
  res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="report.pdf"', 'Content-Length': pdf.byteLength });
  res.end(pdf);
}

// Run directly (not imported): listen on PORT (default 8080).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createReportServer();
  server.listen(port, host, () => console.log(`listening on http://${host}:${port}/render`));
  process.once('SIGINT', () => server.close(() => process.exit(0)));
}
