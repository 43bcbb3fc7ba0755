/**
 * The local report editor's server (`xxgk-report serve`), on node:http. It serves the page (bundled into dist/web at
 * build time, pdf.js included) and the interface font from the package, and answers a few JSON endpoints that call
 * the library's public API:
 *
 *   GET  /api/session     the report, the file name, every template as data
 *   POST /api/validate    { report } → { errors, warnings } (validation with the fonts, as `validate` does)
 *   POST /api/normalize   { report } → { report, changes } (normalizePunctuation)
 *   POST /api/render      { report } → the PDF, or 422 { errors, warnings }
 *   POST /api/save        { report, version?, force? } → writes the file the server was started with, keeping <file>.bak
 *   POST /api/open?name=  the bytes of a JSON or YAML file → { report } (read as the CLI reads files)
 *
 * Safety: it listens on 127.0.0.1 only; a request whose Host is not this server's address, or whose Origin (or
 * Sec-Fetch-Site) says it comes from another site, is refused with 403 (no DNS rebinding, no cross-site posts); the
 * API also wants a token that only the page served here knows; bodies are capped (413); and the only files ever
 * written are the report file given at start and its .bak.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { decodeText } from '../cli/readInput.js';
import { InputError, isYamlFile, parseReportText, readReportSource } from '../cli/readReportFile.js';
import { OutputError } from '../cli/writeOutput.js';
import type { PunctuationChange, ValidationIssue } from '../model/index.js';
import { PACKAGE_ROOT, PACKAGE_VERSION } from '../packageInfo.js';
import type { RenderOptions } from '../renderReport.js';
import { fileVersion, SaveConflictError, saveReportFile } from './saveReport.js';
import { templateData } from './session.js';

/** The only address the editor listens on. */
export const EDITOR_HOST = '127.0.0.1';

/** Default largest request body: a report may hold 2 000 000 characters of text (up to 6 MB in UTF-8) plus its JSON. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Options of the editor server. */
export interface EditorServerOptions {
  /** The report file to edit and save; without it the editor starts from `initial` and can only download. */
  readonly file?: string;
  /** The report to start from when there is no file. */
  readonly initial?: unknown;
  /** Options of every validation and render (fonts, pdfa). */
  readonly render?: RenderOptions;
  /** Largest request body in bytes. */
  readonly maxBodyBytes?: number;
  /** Folder of the built page (default: dist/web of the package). */
  readonly webRoot?: string;
  /** One line per event worth telling (a save, a failed request). */
  readonly log?: (line: string) => void;
}

/** A running editor server. */
export interface EditorServer {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the built page is: dist/web of the package. */
export function defaultWebRoot(): string {
  return join(PACKAGE_ROOT, 'dist', 'web');
}

/** The interface font (the Noto Sans SC that the library embeds in PDFs), served from the fontsource package. */
function fontsourceDir(): string | undefined {
  try {
    return dirname(createRequire(join(PACKAGE_ROOT, 'package.json')).resolve('@fontsource/noto-sans-sc/package.json'));
  } catch {
    return undefined;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength), ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), MIME['.json']!, { 'Cache-Control': 'no-store', ...headers });
}

/** The body, or an HttpError 413 when it is larger than the limit (the connection is then closed). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const tooLarge = () => new HttpError(413, `请求内容超过 ${Math.round(limit / 1024 / 1024)} MB 的上限`);
    if (Number(req.headers['content-length']) > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, '请求内容应为 JSON（Content-Type: application/json）');
  const body = await readBody(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, '请求内容不是有效的 JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, '请求内容应为 JSON 对象');
  return value as Record<string, unknown>;
}

/** The library, loaded when the server starts (validation and rendering need all of it). */
async function library() {
  const [model, render] = await Promise.all([import('../model/index.js'), import('../renderReport.js')]);
  return { ...model, ...render };
}

/**
 * Starts the editor server on 127.0.0.1 at `port` (0: any free port). Resolves once it listens; rejects with the
 * listen error (EADDRINUSE …).
 */
export async function startEditorServer(port: number, options: EditorServerOptions = {}): Promise<EditorServer> {
  const lib = await library();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const renderOptions: RenderOptions = { ...options.render, strict: false };
  const log = options.log ?? (() => {});
  const file = options.file === undefined ? undefined : resolve(options.file);
  const webRoot = options.webRoot ?? defaultWebRoot();
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`找不到编辑器页面（${join(webRoot, 'index.html')}）；请先运行 npm run build`);
  // The page's files are listed once: only these names are ever served from the folder.
  const assets = new Set(readdirSync(webRoot).filter((name) => name !== 'index.html' && Object.hasOwn(MIME, extname(name))));
  const fonts = fontsourceDir();
  const token = randomBytes(24).toString('hex');
  const page = readFileSync(join(webRoot, 'index.html'), 'utf8').replace('%XXGK_TOKEN%', token).replace('%XXGK_VERSION%', PACKAGE_VERSION);

  const starting = (): { report: unknown; version: string | null; format: 'json' | 'yaml' } => {
    if (!file) return { report: options.initial ?? {}, version: null, format: 'json' };
    const source = readReportSource(file);
    return { report: source.value, version: fileVersion(source.bytes), format: source.format };
  };
  // The file is read at start, so that a file that cannot be read stops `serve` with its message.
  starting();

  const check = (report: unknown): { errors: readonly ValidationIssue[]; warnings: readonly ValidationIssue[] } => {
    try {
      return { errors: [], warnings: lib.prepareReport(report, renderOptions).warnings };
    } catch (e) {
      if (e instanceof lib.ReportValidationError) return { errors: e.errors, warnings: e.warnings };
      throw e;
    }
  };

  let port_ = 0;
  const ownHosts = () => new Set([`${EDITOR_HOST}:${port_}`, `localhost:${port_}`]);
  const ownOrigins = () => new Set([`http://${EDITOR_HOST}:${port_}`, `http://localhost:${port_}`]);

  const api = async (req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> => {
    if (req.headers['x-xxgk-token'] !== token) throw new HttpError(403, '请求缺少编辑器页面的凭据（请从编辑器页面操作）');
    const route = `${req.method} ${path}`;
    switch (route) {
      case 'GET /api/session': {
        const { report, version, format } = starting();
        return sendJson(res, 200, {
          version: PACKAGE_VERSION,
          file: file ? basename(file) : null,
          path: file ?? null,
          format,
          fileVersion: version,
          canSave: file !== undefined,
          report,
          templates: templateData(),
        });
      }
      case 'POST /api/validate': {
        const body = await readJson(req, maxBodyBytes);
        return sendJson(res, 200, check(body['report']));
      }
      case 'POST /api/normalize': {
        const body = await readJson(req, maxBodyBytes);
        let result: { report: unknown; changes: PunctuationChange[] };
        try {
          result = lib.normalizePunctuation(body['report']);
        } catch {
          throw new HttpError(422, '报告结构有误，无法自动修改标点；请先修正错误');
        }
        const template = lib.templateOf((result.report as { template?: unknown } | null)?.template) ?? lib.templateOf(undefined)!;
        return sendJson(res, 200, { report: result.report, changes: result.changes.map((c) => ({ ...c, label: lib.labelForPath(c.path, template) })) });
      }
      case 'POST /api/render': {
        const body = await readJson(req, maxBodyBytes);
        let pdf: Uint8Array;
        try {
          pdf = await lib.renderReport(body['report'], renderOptions);
        } catch (e) {
          if (e instanceof lib.ReportValidationError) return sendJson(res, 422, { errors: e.errors, warnings: e.warnings });
          throw new HttpError(500, `生成失败（${(e as Error).message.split('\n')[0]}）`);
        }
        return send(res, 200, pdf, 'application/pdf', { 'Cache-Control': 'no-store' });
      }
      case 'POST /api/save': {
        if (!file) throw new HttpError(409, '编辑器启动时没有指定文件，无法保存；请下载报告文件');
        const body = await readJson(req, maxBodyBytes);
        const report = body['report'];
        if (report === null || typeof report !== 'object' || Array.isArray(report)) throw new HttpError(400, '没有要保存的报告');
        const expected = body['force'] === true ? undefined : typeof body['fileVersion'] === 'string' ? body['fileVersion'] : undefined;
        try {
          const saved = await saveReportFile(file, report, expected);
          if (saved.route !== 'unchanged') log(`已保存 ${file}（${saved.bytes} 字节，原文件备份为 ${saved.backup}）`);
          return sendJson(res, 200, { file: basename(file), backup: saved.backup ? basename(saved.backup) : null, fileVersion: saved.version, bytes: saved.bytes, changed: saved.route !== 'unchanged' });
        } catch (e) {
          if (e instanceof SaveConflictError) throw new HttpError(409, `${basename(file)} 在编辑期间被其他程序修改过；覆盖它会丢失那些修改`, { conflict: true });
          if (e instanceof InputError || e instanceof OutputError) throw new HttpError(500, e.message);
          throw e;
        }
      }
      case 'POST /api/open': {
        const name = basename(url.searchParams.get('name') ?? 'report.json');
        const bytes = await readBody(req, maxBodyBytes);
        try {
          const { text } = decodeText(bytes, name);
          return sendJson(res, 200, { report: parseReportText(text, name), format: isYamlFile(name) ? 'yaml' : 'json' });
        } catch (e) {
          if (e instanceof InputError) throw new HttpError(400, e.message);
          throw e;
        }
      }
      default:
        throw new HttpError(path.startsWith('/api/') && ['session', 'validate', 'normalize', 'render', 'save', 'open'].includes(path.slice(5)) ? 405 : 404, '没有这个接口');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a name that resolves to 127.0.0.1 still sends its own name as Host.
    if (!ownHosts().has(req.headers.host ?? '')) throw new HttpError(403, '拒绝访问：请求的主机名不是本编辑器的地址');
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().has(origin)) throw new HttpError(403, '拒绝访问：请求来自其他网站');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, '拒绝访问：请求来自其他网站');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${EDITOR_HOST}`);
    } catch {
      throw new HttpError(400, '请求地址有误');
    }
    const path = url.pathname;
    if (path.startsWith('/api/')) return api(req, res, path, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, '只接受 GET');
    if (path === '/' || path === '/index.html') return send(res, 200, page, MIME['.html']!, { 'Cache-Control': 'no-store', 'Content-Security-Policy': PAGE_POLICY });
    const name = path.slice(1);
    if (assets.has(name)) return send(res, 200, readFileSync(join(webRoot, name)), MIME[extname(name)]!, { 'Cache-Control': 'no-cache' });
    // The interface font: fontsource's CSS for weights 400 and 700 (its URLs pointed here) and its woff2 files.
    const css = /^\/fonts\/(400|700)\.css$/.exec(path);
    if (fonts && css) {
      const text = readFileSync(join(fonts, `${css[1]}.css`), 'utf8')
        .replace(/url\(\.\/files\/([^)]+)\.woff2\) format\('woff2'\), url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, "url(/fonts/files/$1.woff2) format('woff2')");
      return send(res, 200, text, MIME['.css']!, { 'Cache-Control': 'max-age=86400' });
    }
    const font = /^\/fonts\/files\/(noto-sans-sc-[a-z0-9-]+-(?:400|700)-normal\.woff2)$/.exec(path);
    if (fonts && font && existsSync(join(fonts, 'files', font[1]!))) return send(res, 200, readFileSync(join(fonts, 'files', font[1]!)), MIME['.woff2']!, { 'Cache-Control': 'max-age=86400' });
    throw new HttpError(404, '没有这个页面');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return void res.destroy();
      if (e instanceof HttpError) return sendJson(res, e.status, { message: e.message, ...e.extra }, e.status === 413 ? { Connection: 'close' } : {});
      log(`请求失败：${req.method} ${req.url}：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      sendJson(res, 500, { message: `服务器出错（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）` });
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, EDITOR_HOST, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port_ = (server.address() as AddressInfo).port;
  return {
    server,
    port: port_,
    url: `http://${EDITOR_HOST}:${port_}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
