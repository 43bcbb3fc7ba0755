/** Calls to the editor's server: JSON in, JSON (or a PDF) out, with the token the server put into the page. */
import type { Change, Issue, Report, Session } from './types.js';

const token = document.querySelector<HTMLMetaElement>('meta[name="xxgk-token"]')?.content ?? '';

/** An answer that is not 2xx, with the server's Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'X-Xxgk-Token': token, ...(init.body && typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}), ...init.headers } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, '无法连接编辑器服务（xxgk-report serve 是否已停止？）', {});
  }
  if (!res.ok) {
    let body: Record<string, unknown> = {};
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, typeof body['message'] === 'string' ? body['message'] : `服务返回 ${res.status}`, body);
  }
  return res;
}

const post = (path: string, body: unknown, signal?: AbortSignal) => call(path, { method: 'POST', body: JSON.stringify(body), ...(signal ? { signal } : {}) });

export const getSession = async (): Promise<Session> => (await call('/api/session')).json() as Promise<Session>;

export const validate = async (report: Report, signal?: AbortSignal): Promise<{ errors: Issue[]; warnings: Issue[] }> => (await post('/api/validate', { report }, signal)).json() as Promise<{ errors: Issue[]; warnings: Issue[] }>;

export const normalize = async (report: Report): Promise<{ report: Report; changes: Change[] }> => (await post('/api/normalize', { report })).json() as Promise<{ report: Report; changes: Change[] }>;

/** The PDF, or an ApiError 422 whose body has `errors` and `warnings`. */
export const render = async (report: Report, signal?: AbortSignal): Promise<Uint8Array> => new Uint8Array(await (await post('/api/render', { report }, signal)).arrayBuffer());

export const save = async (report: Report, fileVersion: string | null, force: boolean): Promise<{ file: string; backup: string | null; fileVersion: string; changed: boolean }> =>
  (await post('/api/save', { report, fileVersion, force })).json() as Promise<{ file: string; backup: string | null; fileVersion: string; changed: boolean }>;

export const openFile = async (name: string, bytes: ArrayBuffer): Promise<{ report: Report; format: string }> =>
  (await call(`/api/open?name=${encodeURIComponent(name)}`, { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } })).json() as Promise<{ report: Report; format: string }>;
