/**
 * The editor's server over HTTP, without a browser: what it binds to, the requests it refuses (another Host, another
 * Origin or site, no token, a body over the cap, a wrong content type, a path outside its page), and what its
 * endpoints answer for the seed — the seed's two table warnings with the cells they concern, the punctuation repair,
 * a PDF identical to renderReport's, a save that writes the file it was given and its .bak and nothing else.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/index.js';
import { startEditorServer, type EditorServer } from '../../src/serve/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'fixtures/linyi-minzheng-2017.json');
const CAP = 64 * 1024;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: () => Record<string, unknown>;
}

/** One request to the server, with the headers given (a Host of its own unless `host` says otherwise). */
function http(server: EditorServer, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; host?: string; chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, headers: { Host: options.host ?? `127.0.0.1:${server.port}`, ...options.headers }, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) as Record<string, unknown> });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        // Sent in pieces without a Content-Length: the cap must hold while reading.
        const data = Buffer.from(options.body);
        for (let i = 0; i < data.length; i += 8192) req.write(data.subarray(i, i + 8192));
      } else req.write(options.body);
    }
    req.end();
  });
}

let tmp: string;
let dir: string;
let file: string;
let server: EditorServer;
let token: string;
const seedText = readFileSync(SEED, 'utf8');
const seed = JSON.parse(seedText) as Record<string, unknown>;

const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  http(server, method, path, { headers: { 'X-Xxgk-Token': token, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-serve-'));
  // A page of its own: these tests do not need the built page, only the server.
  const web = join(tmp, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<meta name="xxgk-token" content="%XXGK_TOKEN%"><p>%XXGK_VERSION%</p>');
  writeFileSync(join(web, 'editor.js'), 'export {};');
  dir = join(tmp, 'reports');
  mkdirSync(dir);
  file = join(dir, 'report.json');
  copyFileSync(SEED, file);
  server = await startEditorServer(0, { file, webRoot: web, maxBodyBytes: CAP });
  const page = await http(server, 'GET', '/');
  token = /content="([0-9a-f]{48})"/.exec(page.body.toString('utf8'))![1]!;
});

afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('editor server: where it listens and what it refuses', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = server.server.address();
    expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves its page with the token, a content security policy and no caching', async () => {
    const page = await http(server, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body.toString('utf8')).not.toContain('%XXGK_TOKEN%');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await http(server, 'GET', '/editor.js')).status).toBe(200);
  });

  it('answers localhost as well as 127.0.0.1 on its own port', async () => {
    expect((await http(server, 'GET', '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it.each([
    ['another name (DNS rebinding)', 'attacker.example:PORT'],
    ['another name without a port', 'attacker.example'],
    ['its address on another port', '127.0.0.1:1'],
    ['no port at all', '127.0.0.1'],
  ])('refuses a request whose Host is %s (403)', async (_, host) => {
    const page = await http(server, 'GET', '/', { host: host.replace('PORT', String(server.port)) });
    expect(page.status).toBe(403);
    expect(page.body.toString('utf8')).not.toContain('xxgk-token');
    const session = await http(server, 'GET', '/api/session', { host: host.replace('PORT', String(server.port)), headers: { 'X-Xxgk-Token': token } });
    expect(session.status).toBe(403);
  });

  it('refuses a post from another origin or site even with the token (403)', async () => {
    const foreign: Record<string, string>[] = [{ Origin: 'http://attacker.example' }, { Origin: `http://127.0.0.1:${server.port + 1}` }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }];
    for (const headers of foreign) {
      const answer = await api('POST', '/api/save', { report: { hacked: true } }, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
    }
    expect(readFileSync(file, 'utf8')).toBe(seedText);
    // Its own origin passes.
    expect((await api('POST', '/api/validate', { report: seed }, { Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('refuses the API without the page token (403)', async () => {
    expect((await http(server, 'GET', '/api/session')).status).toBe(403);
    expect((await http(server, 'GET', '/api/session', { headers: { 'X-Xxgk-Token': 'f'.repeat(48) } })).status).toBe(403);
    expect((await http(server, 'POST', '/api/save', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ report: seed }) })).status).toBe(403);
  });

  it('refuses a body over the cap (413), declared or streamed, and a form post (415)', async () => {
    const big = JSON.stringify({ report: { text: 'x'.repeat(CAP) } });
    const declared = await api('POST', '/api/validate', undefined, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) }).catch(() => undefined);
    // A declared length over the cap is answered before the body is read.
    expect(declared?.status).toBe(413);
    const streamed = await http(server, 'POST', '/api/validate', { headers: { 'X-Xxgk-Token': token, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, body: big, chunked: true });
    expect(streamed.status).toBe(413);
    const form = await http(server, 'POST', '/api/save', { headers: { 'X-Xxgk-Token': token, 'Content-Type': 'text/plain' }, body: JSON.stringify({ report: seed }) });
    expect(form.status).toBe(415);
  });

  it('serves nothing outside its page (404), whatever the path says', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/fonts/files/../../package.json', '/etc/passwd', '/fonts/400.css/../../../package.json']) {
      const answer = await http(server, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString('utf8')).not.toContain('"name"');
    }
    expect((await http(server, 'POST', '/')).status).toBe(405);
    expect((await api('GET', '/api/save')).status).toBe(405);
    expect((await api('GET', '/api/nothing')).status).toBe(404);
  });
});

describe('editor server: the endpoints', () => {
  it('/api/session gives the report, its file name and every template as data', async () => {
    const session = (await api('GET', '/api/session')).json();
    expect(session['file']).toBe('report.json');
    expect(session['canSave']).toBe(true);
    expect(session['report']).toEqual(seed);
    const templates = session['templates'] as { id: string; parts: unknown[]; tables: { id: string }[]; fields: { metadata: { properties: Record<string, { title: string }> } } }[];
    expect(templates.map((t) => t.id)).toEqual(['2014', '2008', '2019', '2021']);
    expect(templates[0]!.parts).toHaveLength(12);
    expect(templates[2]!.tables.map((t) => t.id)).toEqual(['proactive', 'applications', 'reviews']);
    expect(templates[0]!.fields.metadata.properties['agency']!.title).toBe('发布机关');
  });

  it('/api/validate finds the seed’s two table inconsistencies with the cells they concern', async () => {
    const { errors, warnings } = (await api('POST', '/api/validate', { report: seed })).json() as { errors: unknown[]; warnings: { code: string; path: string; cells?: string[] }[] };
    expect(errors).toEqual([]);
    const rules = warnings.filter((w) => w.cells);
    expect(rules.map((w) => [w.code, w.path])).toEqual([
      ['sum_mismatch', 'statistics.values["applications.refused"]'],
      ['at_most_violation', 'statistics.values["proactive.other"]'],
    ]);
    expect(rules[1]!.cells).toEqual(['proactive.other', 'proactive.total']);
    // Validation with the fonts, as `validate` does: a character no font draws is an error.
    const broken = structuredClone(seed) as { metadata: { agency: string } };
    broken.metadata.agency = '临沂市民政局\u{1F600}';
    const answer = (await api('POST', '/api/validate', { report: broken })).json() as { errors: { code: string; path: string }[] };
    expect(answer.errors.map((e) => [e.code, e.path])).toContainEqual(['undrawable_character', 'metadata.agency']);
  });

  it('/api/normalize repairs the punctuation and names each change', async () => {
    const { report, changes } = (await api('POST', '/api/normalize', { report: seed })).json() as { report: typeof seed; changes: { path: string; label?: string; before: string; after: string }[] };
    expect(changes.length).toBeGreaterThan(20);
    expect(changes[0]).toMatchObject({ path: 'preamble[0].text', label: expect.any(String) });
    const { warnings } = (await api('POST', '/api/validate', { report })).json() as { warnings: { code: string }[] };
    expect(warnings.filter((w) => w.code === 'halfwidth_punctuation')).toEqual([]);
    // Anything that is not a report is answered, never a server error.
    expect([200, 422]).toContain((await api('POST', '/api/normalize', { report: 'not a report' })).status);
  });

  it('/api/render gives the PDF renderReport gives, or 422 with the errors', async () => {
    const answer = await api('POST', '/api/render', { report: seed });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(answer.body, Buffer.from(await renderReport(seed)))).toBe(0);
    const invalid = await api('POST', '/api/render', { report: { ...seed, metadata: { year: 2017 } } });
    expect(invalid.status).toBe(422);
    expect((invalid.json()['errors'] as { path: string }[]).map((e) => e.path)).toContain('metadata.agency');
  });

  it('/api/open reads a JSON or YAML file as the CLI does, with the line of a mistake', async () => {
    const opened = await http(server, 'POST', '/api/open?name=r.yaml', { headers: { 'X-Xxgk-Token': token, 'Content-Type': 'application/octet-stream' }, body: 'metadata:\n  agency: 临沂市民政局 # 发布机关\n  year: 2017\n' });
    expect(opened.status).toBe(200);
    expect(opened.json()['report']).toEqual({ metadata: { agency: '临沂市民政局', year: 2017 } });
    const duplicate = await http(server, 'POST', '/api/open?name=r.json', { headers: { 'X-Xxgk-Token': token, 'Content-Type': 'application/octet-stream' }, body: '{"a": 1,\n "a": 2}' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json()['message']).toMatch(/r\.json:2:\d+：键 "a" 重复出现/);
  });

  it('/api/save writes the file it was started with, keeps the previous one as .bak, and writes nothing else', async () => {
    const before = readdirSync(dir).sort();
    const edited = structuredClone(seed) as { statistics: { values: Record<string, number> }; sections: { overview: { blocks: { text: string }[] } } };
    edited.statistics.values['proactive.other'] = 300;
    edited.sections.overview.blocks[0]!.text += '新增一句。';
    const version = (await api('GET', '/api/session')).json()['fileVersion'] as string;
    // A path in the body is not a path the server writes.
    const other = join(tmp, 'elsewhere.json');
    const answer = await api('POST', '/api/save', { report: edited, fileVersion: version, file: other, path: other, name: '../elsewhere.json' });
    expect(answer.status, answer.body.toString('utf8')).toBe(200);
    expect(answer.json()).toMatchObject({ file: 'report.json', backup: 'report.json.bak', changed: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(edited);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(seedText);
    expect(readdirSync(dir).sort()).toEqual([...before, 'report.json.bak'].sort());
    expect(readdirSync(tmp).sort()).toEqual(['reports', 'web']);
    // The JSON keeps its layout: the same text as the seed but for the two values.
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(edited, null, 2)}\n`);
  });

  it('/api/save refuses to overwrite a file changed on disk since it was read (409), unless forced', async () => {
    const version = (await api('GET', '/api/session')).json()['fileVersion'] as string;
    writeFileSync(file, seedText.replace('临沂市北京路13号707室', '临沂市北京路13号708室'));
    const refused = await api('POST', '/api/save', { report: seed, fileVersion: version });
    expect(refused.status).toBe(409);
    expect(refused.json()['conflict']).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('708室');
    const forced = await api('POST', '/api/save', { report: seed, fileVersion: version, force: true });
    expect(forced.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(seedText);
    expect(readFileSync(`${file}.bak`, 'utf8')).toContain('708室');
  });

  it('without a file it starts from the report it was given and cannot save', async () => {
    const web = join(tmp, 'web');
    const blank = await startEditorServer(0, { initial: { metadata: { agency: '', year: 2025 } }, webRoot: web });
    try {
      const page = await http(blank, 'GET', '/');
      const t = /content="([0-9a-f]{48})"/.exec(page.body.toString('utf8'))![1]!;
      expect(t).not.toBe(token);
      const session = (await http(blank, 'GET', '/api/session', { headers: { 'X-Xxgk-Token': t } })).json();
      expect(session).toMatchObject({ file: null, canSave: false, report: { metadata: { agency: '', year: 2025 } } });
      const save = await http(blank, 'POST', '/api/save', { headers: { 'X-Xxgk-Token': t, 'Content-Type': 'application/json' }, body: JSON.stringify({ report: seed }) });
      expect(save.status).toBe(409);
      // The token of one editor does not open another.
      expect((await http(blank, 'GET', '/api/session', { headers: { 'X-Xxgk-Token': token } })).status).toBe(403);
    } finally {
      await blank.close();
    }
  });
});
