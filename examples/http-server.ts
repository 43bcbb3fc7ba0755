/**
 * A minimal HTTP service on node:http: POST a report as JSON to /render, get the PDF back as a stream.
 *
 *   PORT=8080 npx tsx examples/http-server.ts
 *   curl --data-binary @fixtures/linyi-minzheng-2017.json -H 'Content-Type: application/json' \
 *        http://127.0.0.1:8080/render -o report.pdf
 *
 * Answers:
 *   200 application/pdf        the PDF, streamed with renderReportToStream
 *   400 application/json       { errors: [...] } — the body is not JSON, or the report is not valid
 *                              (then each error has its JSON path, Chinese label and message, plus the warnings)
 *   404 / 405                  another path / another method than POST
 *   413                        a body over the limit (default 8 MiB), refused before it is parsed
 *
 * The server listens on 127.0.0.1 unless HOST says otherwise. Rendering is CPU work on the server's thread
 * (a few hundred milliseconds per report); a busy service would put it on worker threads (see renderMany)
 * or behind a queue.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { renderReportToStream, ReportValidationError, type RenderOptions } from '../src/index.js';
// In a project of your own: import { renderReportToStream, ReportValidationError } from 'xxgk-report';

/** Options of the example server. */
export interface ReportServerOptions {
  /** Largest request body in bytes (default 8 MiB: the library's own limit is 2 000 000 characters of text). */
  readonly maxBodyBytes?: number;
  /** Options for every render: fonts, sizes, pdfa, strict… */
  readonly render?: RenderOptions;
}

/** Creates the server (not yet listening): call `.listen(port, host)` on it. */
export function createReportServer(options: ReportServerOptions = {}): Server {
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  return createServer((req, res) => {
    handle(req, res, maxBodyBytes, options.render ?? {}).catch((e: unknown) => {
      // Something failed after the PDF had started: the only honest answer is to cut the connection.
      console.error('render failed:', e);
      res.destroy(e instanceof Error ? e : new Error(String(e)));
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The body, or null when it is larger than the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) return resolve(null); // declared too large: not read at all
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number, render: RenderOptions): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname !== '/render') return sendJson(res, 404, { errors: [{ path: '', message: 'not found: POST a report to /render' }] });
  if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ path: '', message: 'use POST' }] }, { Allow: 'POST' });

  const body = await readBody(req, maxBodyBytes);
  if (body === null) {
    // Close the connection rather than read the rest of an oversized body.
    return sendJson(res, 413, { errors: [{ path: '', message: `request body over ${maxBodyBytes} bytes` }] }, { Connection: 'close' });
  }
  let report: unknown;
  try {
    report = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return sendJson(res, 400, { errors: [{ path: '', code: 'invalid_json', message: `body is not JSON: ${(e as Error).message}` }] });
  }

  // Headers are only set here, not sent: renderReportToStream validates before it writes a byte, so a
  // ReportValidationError below can still become a 400.
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', 'inline; filename="report.pdf"');
  try {
    await renderReportToStream(report, res, render); // writes the PDF into the response and ends it
  } catch (e) {
    if (res.headersSent) throw e;
    res.removeHeader('Content-Disposition');
    if (e instanceof ReportValidationError) return sendJson(res, 400, { errors: e.errors, warnings: e.warnings });
    console.error('render failed:', e);
    return sendJson(res, 500, { errors: [{ path: '', message: 'the report could not be rendered' }] });
  }
}

// Run directly (not imported): listen on PORT (default 8080).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createReportServer();
  server.listen(port, host, () => console.log(`listening on http://${host}:${port}/render`));
  process.once('SIGINT', () => server.close(() => process.exit(0)));
}
