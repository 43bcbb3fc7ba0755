/**
 * Runs every example so that none can rot: the scripts as child processes (`npx tsx examples/…`), the HTTP
 * server in-process on 127.0.0.1 with an ephemeral port.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportServer } from '../../examples/http-server.js';
import { extractTextStream, renderReport } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');
const ARPHIC = '/usr/share/fonts/truetype/arphic';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function example(name: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', `examples/${name}`], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Removes what an earlier run left at `path`, so that a PDF found there afterwards was written by this run. */
function removeOutput(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** A complete PDF, from %PDF- to %%EOF (written by this run: the test removed the path first). */
function expectFreshPdf(path: string): Buffer {
  expect(existsSync(path), path).toBe(true);
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.subarray(-16).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  return bytes;
}

describe.concurrent('example scripts', () => {
  it('render-seed.ts writes out/linyi-minzheng-2017.pdf', async ({ expect }) => {
    removeOutput(join(ROOT, 'out/linyi-minzheng-2017.pdf'));
    const run = await example('render-seed.ts');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*out\/linyi-minzheng-2017\.pdf \(\d+ bytes, \d+ ms\)$/m);
    const pdf = expectFreshPdf(join(ROOT, 'out/linyi-minzheng-2017.pdf'));
    expect(extractTextStream(pdf).pages[0]!.lines[0]!.text).toBe('临沂市民政局2017年度');
  });

  it.skipIf(!existsSync(join(ARPHIC, 'ukai.ttc')) || !existsSync(join(ARPHIC, 'uming.ttc')))('custom-fonts.ts sets heading2 in UKaiCN and the body in UMingCN', async ({ expect }) => {
    removeOutput(join(ROOT, 'out/custom-fonts.pdf'));
    const run = await example('custom-fonts.ts');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('out/custom-fonts.pdf');
    const pdf = expectFreshPdf(join(ROOT, 'out/custom-fonts.pdf'));
    const lines = extractTextStream(pdf).pages.flatMap((p) => p.lines);
    // Second-level headings “（一）组织领导情况” are heading2; the preamble is body text.
    const heading2 = lines.find((l) => l.text.startsWith('（一）'))!;
    expect(heading2.fonts).toEqual(['UKaiCN']);
    const body = lines.find((l) => l.text.startsWith('本报告是临沂市民政局'))!;
    expect(body.fonts[0]).toBe('UMingCN');
    // Roles left alone keep the default font: the title.
    expect(lines[0]!.fonts[0]).toMatch(/^NotoSansSC/);
  });

  it('custom-fonts.ts without the font files: a skip note and exit 0', async ({ expect }) => {
    const run = await example('custom-fonts.ts', { ARPHIC_FONTS_DIR: join(ROOT, 'no-such-font-folder') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^skipped: font files not found: .*no-such-font-folder\/ukai\.ttc/);
  });

  it('batch.ts renders every fixture into out/batch, with pages and bytes of each', async ({ expect }) => {
    removeOutput(join(ROOT, 'out/batch'));
    const run = await example('batch.ts');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const line = run.stdout.split('\n').find((l) => l.startsWith(`${name}: `));
      expect(line, `${name} in\n${run.stdout}`).toBeDefined();
      const [, pages, bytes] = /^\S+: (\d+) pages, (\d+) bytes → /.exec(line!)!;
      const pdf = expectFreshPdf(join(ROOT, `out/batch/${name}.pdf`));
      expect(Number(bytes)).toBe(pdf.length);
      expect(Number(pages)).toBe(extractTextStream(pdf).pages.length);
      // Cross-check with the plain count of page objects.
      expect(Number(pages)).toBe(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length);
    }
    expect(run.stdout).toContain(`${names.length} of ${names.length} reports rendered`);
    // Progress comes on stderr, one line per report.
    expect(run.stderr.split('\n').filter((l) => /^\[\d+\/\d+\] \S+ ok$/.test(l))).toHaveLength(names.length);
  });
});

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/**
 * Starts a POST with `Expect: 100-continue` and resolves once the server has answered "100 Continue": by then the
 * server has taken the request in (node:http runs the request handler in the same turn as it sends the 100).
 * The caller then writes the body (`finish`) or abandons it (`abort`).
 */
function startUpload(port: number, body: Buffer): Promise<{ finish: () => Promise<Reply>; abort: (after: Buffer) => void }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/render', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, Expect: '100-continue' } });
    const reply = new Promise<Reply>((resolveReply, rejectReply) => {
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () => resolveReply({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on('error', rejectReply);
    });
    reply.catch(() => {}); // an aborted upload has no reply
    req.on('error', reject);
    req.on('continue', () =>
      resolve({
        finish: () => (req.end(body), reply),
        abort: (after) => req.write(after, () => req.destroy()),
      }),
    );
    req.flushHeaders();
  });
}

/** One request with node:http; `chunks` are written one by one (no Content-Length: chunked) unless `body` is given. */
function send(port: number, method: string, path: string, options: { body?: Buffer | string; chunks?: Buffer[] } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
    if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body);
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.end(options.body);
    else if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end();
  });
}

describe('http-server.ts', () => {
  const servers: Server[] = [];
  let port = 0;
  let smallPort = 0;
  const seedText = readFileSync(join(FIXTURES, 'linyi-minzheng-2017.json'), 'utf8');

  async function start(server: Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    port = await start(createReportServer());
    smallPort = await start(createReportServer({ maxBodyBytes: 1000 }));
  });

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('POST /render with the seed report streams back the PDF', async () => {
    const reply = await send(port, 'POST', '/render', { body: seedText });
    expect(reply.status, reply.body.toString()).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The streamed PDF is the very one renderReport makes (dates come from the report, so bytes are stable).
    expect(reply.body.equals(Buffer.from(await renderReport(JSON.parse(seedText))))).toBe(true);
  });

  it('serves requests side by side', async () => {
    const short = readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8');
    const replies = await Promise.all([send(port, 'POST', '/render', { body: seedText }), send(port, 'POST', '/render', { body: short })]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(extractTextStream(replies[1]!.body).pages[0]!.lines[0]!.text).toContain('宁波市海曙区档案局');
  });

  it('a bad report → 400 with the errors as JSON, each naming its path', async () => {
    const report = JSON.parse(seedText);
    report.metadata.year = '2017';
    delete report.signature.date;
    const reply = await send(port, 'POST', '/render', { body: JSON.stringify(report) });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers['content-disposition']).toBeUndefined();
    const { errors, warnings } = JSON.parse(reply.body.toString('utf8'));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'metadata.year', label: '报告年度', code: 'invalid_type' }),
        expect.objectContaining({ path: 'signature.date', label: '成文日期' }),
      ]),
    );
    expect(Array.isArray(warnings)).toBe(true);
  });

  it('a body that is not JSON → 400 with an error', async () => {
    const reply = await send(port, 'POST', '/render', { body: '{"metadata": ' });
    expect(reply.status).toBe(400);
    const { errors } = JSON.parse(reply.body.toString('utf8'));
    expect(errors[0]).toMatchObject({ path: '', code: 'invalid_json' });
  });

  it('GET and other methods → 405 with Allow: POST; other paths → 404', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const reply = await send(port, method, '/render');
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow).toBe('POST');
    }
    expect((await send(port, 'POST', '/elsewhere', { body: seedText })).status).toBe(404);
  });

  it('a malformed URL → 400, not a reset connection', async () => {
    for (const path of ['//%%%', '/%E0%A4%A']) {
      const reply = await send(port, 'POST', path, { body: '{}' });
      expect(reply.status, path).toBe(path === '//%%%' ? 400 : 404);
      if (reply.status === 400) expect(JSON.parse(reply.body.toString('utf8')).errors[0]).toMatchObject({ code: 'invalid_url' });
    }
  });

  it('every render slot and queue place taken → 503 with Retry-After at once, before the body is read; the admitted request still renders', async () => {
    const busyPort = await start(createReportServer({ concurrency: 1, maxQueue: 0, log: () => {} }));
    const first = await startUpload(busyPort, Buffer.from(seedText));
    // The one place is taken by a request still sending its body.
    const refused = await send(busyPort, 'POST', '/render', { body: seedText });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.body.toString('utf8')).errors[0]).toMatchObject({ code: 'busy' });
    const done = await first.finish();
    expect(done.status, done.body.toString()).toBe(200);
    expect(done.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Once it is answered, its place is free again.
    expect((await send(busyPort, 'POST', '/render', { body: '{}' })).status).toBe(400);
  });

  it('a report over the time limit → 422 with a clear error, logged in one line', async () => {
    const lines: string[] = [];
    const limitedPort = await start(createReportServer({ timeoutMs: 1, log: (line) => lines.push(line) }));
    const reply = await send(limitedPort, 'POST', '/render', { body: seedText });
    expect(reply.status).toBe(422);
    expect(JSON.parse(reply.body.toString('utf8')).errors[0]).toMatchObject({ code: 'render_timeout', message: 'the report took longer than 1 ms to render and was stopped' });
    expect(lines).toEqual(['render stopped: /render: over the time limit of 1 ms']);
  });

  it('an upload the client abandons is logged in one line, without a stack trace', async () => {
    const lines: string[] = [];
    let logged!: () => void;
    const loggedOnce = new Promise<void>((resolve) => (logged = resolve));
    const quietPort = await start(
      createReportServer({
        log: (line) => {
          lines.push(line);
          logged();
        },
      }),
    );
    const upload = await startUpload(quietPort, Buffer.alloc(1000, 0x20));
    upload.abort(Buffer.alloc(10, 0x20));
    await loggedOnce;
    // A later request is served normally, and nothing more was logged about the first.
    expect((await send(quietPort, 'GET', '/render')).status).toBe(405);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^upload aborted: POST \/render from 127\.0\.0\.1 \(.*after 10 bytes\)$/);
  });

  it('a body over the limit → 413, whether declared by Content-Length or streamed', async () => {
    const declared = await send(smallPort, 'POST', '/render', { body: 'x'.repeat(5000) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body.toString('utf8')).errors[0].message).toContain('1000 bytes');
    const streamed = await send(smallPort, 'POST', '/render', { chunks: [Buffer.alloc(600, 0x20), Buffer.alloc(600, 0x20)] });
    expect(streamed.status).toBe(413);
    // Under the limit the small server still answers normally.
    expect((await send(smallPort, 'POST', '/render', { body: '{}' })).status).toBe(400);
  });
});
