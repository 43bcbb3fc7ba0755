/**
 * The package as a consumer gets it: `npm pack` (which builds in prepack) of a copy of the repository, an empty
 * project in a temporary folder, `npm install <tarball>` from the registry, then import, require, the published
 * types under a strict compiler, the CLI through npx, and nothing written inside the installed package.
 *
 * The copy keeps the build of the pack away from this repository's dist/, which other tests run while this one does.
 *
 * It needs the npm registry. When the registry cannot be reached the tests are skipped with a warning, except
 * under CI (CI set), where they fail.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCI } from '../helpers/conformance.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
const SEED = join(ROOT, 'fixtures/linyi-minzheng-2017.json');
/** A report without validation warnings (fixtures/README.md), so that the CLI has nothing to say on stderr. */
const CLEAN = join(ROOT, 'fixtures/short-sections-2015.json');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/**
 * The environment of every child: without the variables an enclosing `npm test` sets about this repository (its
 * package, its script, its folder as npm's local prefix), the test runner's NODE_OPTIONS and a cache override (the
 * default cache location is under test). npm settings such as the registry stay.
 */
const NOT_INHERITED = /^(npm_package_|npm_lifecycle_|npm_command$|npm_config_local_prefix$|npm_config_call$|NODE_OPTIONS$|XXGK_REPORT_CACHE_DIR$)/i;
const ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !NOT_INHERITED.test(k))),
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

/** Runs a step that must succeed; throws with its output otherwise. */
function step(what: string, command: string, args: string[], cwd: string, timeout?: number): SpawnSyncReturns<string> {
  const r = run(command, args, cwd, timeout);
  if (r.status !== 0) throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status}, signal ${r.signal}`})\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Every file under `dir` with its size and modification time, sorted. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.push(`${p.slice(dir.length + 1)} ${s.size} ${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

const registry = run('npm', ['ping', '--fetch-retries=0', '--fetch-timeout=15000'], ROOT, 30_000);
const online = registry.status === 0;
const offlineMessage = `npm registry not reachable (npm ping: ${(registry.error?.message ?? registry.stderr).trim().split('\n').at(-1)}): the package test needs it for npm install`;

const CONSUMER_TS = `
import { readFileSync } from 'node:fs';
import {
  breakLines,
  extractTextStream,
  renderReport,
  ReportValidationError,
  resolveFonts,
  validateReport,
  type FontSource,
  type RenderOptions,
  type Report,
  type ValidationIssue,
} from 'xxgk-report';

const input: unknown = JSON.parse(readFileSync('report.json', 'utf8'));
const result = validateReport(input, { strict: false });
const issues: readonly ValidationIssue[] = [...result.errors, ...result.warnings];
const report: Report | undefined = result.report;
const body: FontSource = { path: '/fonts/fangsong.ttf' };
const options: RenderOptions = { pdfa: '2b', fonts: { body } };
const { stack, size } = resolveFonts().body;
const lines = breakLines([{ text: '政府信息公开', font: stack, size }], { measure: 100 });
try {
  const pdf: Uint8Array = await renderReport(report ?? input, { pdfa: '1b' });
  const first: string = extractTextStream(pdf).pages[0]!.lines[0]!.text;
  console.log(issues.length, options.pdfa, lines[0]?.text, first);
} catch (e) {
  if (e instanceof ReportValidationError) for (const x of e.errors) console.error(x.path, x.label, x.message);
}
`;

const ESM = `
import { readFileSync, writeFileSync } from 'node:fs';
import { extractTextStream, renderMany, renderReport } from 'xxgk-report';
const report = JSON.parse(readFileSync('report.json', 'utf8'));
const pdf = await renderReport(report);
writeFileSync('esm.pdf', pdf);
// The same report on the package's own worker thread (the bundled worker, as installed).
const [batch] = await renderMany([{ name: 'report.json', report }], { concurrency: 1 });
const sameOnWorker = batch.ok && Buffer.from(batch.pdf).equals(Buffer.from(pdf));
console.log(JSON.stringify({ bytes: pdf.length, first: extractTextStream(pdf).pages[0].lines[0].text, sameOnWorker }));
`;

const CJS = `
const { readFileSync } = require('node:fs');
const lib = require('xxgk-report');
const schema = require('xxgk-report/schema.json');
const report = JSON.parse(readFileSync('report.json', 'utf8'));
lib.renderReport(report).then((pdf) => {
  console.log(JSON.stringify({
    exports: Object.keys(lib).sort(),
    valid: lib.validateReport(report).ok,
    // One branch per template (2014, 2008, 2021), each with the report's properties.
    schemaProperties: schema.anyOf.map((branch) => Object.keys(branch.properties ?? {}).sort().join(' ')),
    first: lib.extractTextStream(pdf).pages[0].lines[0].text,
  }));
});
`;

interface Setup {
  packFiles: string[];
  installStderr: string;
  installed: string;
  project: string;
  before: string[];
  esm: SpawnSyncReturns<string>;
  cjs: SpawnSyncReturns<string>;
  tsc: SpawnSyncReturns<string>;
  version: SpawnSyncReturns<string>;
  render: SpawnSyncReturns<string>;
  after: string[];
}

/** Top-level entries of the repository that are not copied for packing: installed, built or generated things. */
const NOT_COPIED = new Set(['.git', 'node_modules', 'dist', 'out', 'coverage', 'scratch']);

function setUp(tmp: string): Setup {
  // Pack as for publishing (prepack builds dist/ from the sources), in a copy that borrows this node_modules.
  const source = join(tmp, 'source');
  cpSync(ROOT, source, { recursive: true, filter: (from) => !NOT_COPIED.has(from.slice(ROOT.length).split(/[\\/]/).filter(Boolean)[0] ?? '') && !from.endsWith('.tgz') });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'junction');
  const pack = step('npm pack', 'npm', ['pack', '--json', '--pack-destination', tmp], source, 300_000);
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball\n${pack.stdout}\n${pack.stderr}`);
  const packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[\n'))) as { files: { path: string }[] }[];

  const project = join(tmp, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2)}\n`);
  const install = step(
    'npm install',
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts=false', join(tmp, tarball), `@types/node@${PACKAGE.devDependencies['@types/node']}`],
    project,
    300_000,
  );
  const installed = join(project, 'node_modules/xxgk-report');
  const before = listing(installed);

  copyFileSync(SEED, join(project, 'report.json'));
  copyFileSync(CLEAN, join(project, 'clean.json'));
  writeFileSync(join(project, 'esm.mjs'), ESM);
  writeFileSync(join(project, 'cjs.cjs'), CJS);
  writeFileSync(join(project, 'consumer.mts'), CONSUMER_TS);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, skipLibCheck: false, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: ['node'], noEmit: true },
      files: ['consumer.mts'],
    }),
  );

  const esm = run(process.execPath, ['esm.mjs'], project);
  const cjs = run(process.execPath, ['cjs.cjs'], project);
  const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
  const version = run('npx', ['xxgk-report', '--version'], project);
  const render = run('npx', ['xxgk-report', 'render', 'clean.json', '-o', 'cli.pdf'], project);
  return { packFiles: packed[0]!.files.map((f) => f.path), installStderr: install.stderr, installed, project, before, esm, cjs, tsc, version, render, after: listing(installed) };
}

const isPdf = (path: string) => {
  const bytes = readFileSync(path);
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-16).toString('latin1').trimEnd().endsWith('%%EOF');
};

if (!online && isCI()) {
  it(`the package as installed from a tarball (${offlineMessage})`, () => {
    throw new Error(`${offlineMessage}; under CI this is a failure`);
  });
} else if (!online) {
  console.warn(`${offlineMessage}; skipped outside CI`);
  describe.skip(`the package as installed from a tarball (skipped: ${offlineMessage})`, () => {
    it('needs the npm registry', () => undefined);
  });
} else {
  describe('the package as installed from a tarball', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'xxgk-package-'));
    let s: Setup;
    beforeAll(() => {
      s = setUp(tmp);
    }, 600_000);
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('ships the build, fonts, schema and licences, and neither sources nor source maps', () => {
      for (const f of ['package.json', 'LICENSE', 'README.md', 'fonts/OFL-NotoSansSC.txt', 'fonts/default-fonts.json', 'schema/report.schema.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli.js', 'dist/src/cli.cjs', 'dist/src/cli.bundle.cjs', 'dist/src/batch/renderWorker.cjs', 'dist/src/batch/renderWorker.bundle.cjs']) {
        expect(s.packFiles, f).toContain(f);
      }
      expect(s.packFiles.filter((f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);
      expect(readFileSync(join(s.installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} xxgk-report contributors\n/);
    });

    it('installs without a warning about its own scripts', () => {
      expect(s.installStderr).not.toMatch(/xxgk-report/);
    });

    it('import() loads it and renders the seed fixture, on the calling thread and on its worker', () => {
      expect(s.esm.status, s.esm.stderr).toBe(0);
      const out = JSON.parse(s.esm.stdout) as { bytes: number; first: string; sameOnWorker: boolean };
      expect(out.first).toBe('临沂市民政局2017年度');
      expect(out.sameOnWorker).toBe(true);
      expect(out.bytes).toBe(statSync(join(s.project, 'esm.pdf')).size);
      expect(isPdf(join(s.project, 'esm.pdf'))).toBe(true);
    });

    it(`require() loads it on this Node (${process.version}), with the schema as xxgk-report/schema.json`, () => {
      expect(s.cjs.status, s.cjs.stderr).toBe(0);
      const out = JSON.parse(s.cjs.stdout) as { exports: string[]; valid: boolean; schemaProperties: string[]; first: string };
      expect(out.exports).toEqual(expect.arrayContaining(['renderReport', 'renderReportToStream', 'validateReport', 'ReportValidationError', 'renderMany', 'extractTextStream', 'breakLines']));
      expect(out.valid).toBe(true);
      expect(out.schemaProperties).toHaveLength(4);
      for (const branch of out.schemaProperties) expect(branch.split(' ')).toEqual(expect.arrayContaining(['metadata', 'preamble', 'sections', 'signature', 'statistics', 'template']));
      expect(out.first).toBe('临沂市民政局2017年度');
    });

    it('type-checks a consumer under strict, skipLibCheck false and NodeNext, with no @types/pdfkit or fontkit declarations', () => {
      expect(existsSync(join(s.project, 'node_modules/@types/pdfkit'))).toBe(false);
      expect(s.tsc.status, s.tsc.stdout + s.tsc.stderr).toBe(0);
    });

    it('runs the CLI through npx, with nothing on stderr for a report without warnings', () => {
      expect(s.version.status, s.version.stderr).toBe(0);
      expect(s.version.stdout.trim()).toBe(PACKAGE.version);
      expect(s.version.stderr).toBe('');
      expect(s.render.status, s.render.stderr).toBe(0);
      expect(s.render.stderr).toBe('');
      expect(isPdf(join(s.project, 'cli.pdf'))).toBe(true);
    });

    it("writes nothing inside the installed package, and caches the fonts in the project's node_modules/.cache", () => {
      expect(s.before.length).toBeGreaterThan(50);
      expect(s.after).toEqual(s.before);
      const cache = join(s.project, 'node_modules/.cache/xxgk-report');
      expect(existsSync(cache) ? readdirSync(cache).filter((f) => f.endsWith('.sfnt')) : []).not.toEqual([]);
    });
  });
}
