/**
 * The built command line (`node dist/src/cli.js`) run as a child process: every command, its help, its exit codes
 * (0 ok, 1 invalid report / failed render, 2 warnings with --strict, 3 unreadable input, 4 unwritable output,
 * 64 usage), its messages (all in Chinese), and the promise that an output file is only ever replaced by a complete
 * PDF — and that a device, a pipe or a link given as output is written, never replaced.
 *
 * The tests run concurrently (each child process in a folder of its own); the starting report and its PDF are made
 * once and shared.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { numberedFolders } from '../helpers/folders.js';
import { CLI, ensureCliBuilt, ROOT } from '../helpers/build.js';

const FIXTURES = join(ROOT, 'fixtures');
const AGENCY = '临沂市民政局';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const IS_ROOT = process.getuid?.() === 0;

interface Run {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

/** Every run, to check at the end that no message was in English. */
const runs: Run[] = [];

type Kill = (s: NodeJS.Signals) => void;

/** Runs the CLI in `cwd`; `onStderr` sees stderr as it arrives and `onSpawn` the start, and either may signal the child. */
function cli(args: readonly string[], cwd: string, onStderr?: (soFar: string, kill: Kill) => void, onSpawn?: (kill: Kill) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.((signal) => child.kill(signal));
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      onStderr?.(stderr, (signal) => child.kill(signal));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const stdoutBytes = Buffer.concat(out);
      const run = { args, code, signal, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
      runs.push(run);
      resolve(run);
    });
  });
}

/**
 * Spawns a render and sends `signal` at a moment named by an event, never by a clock: `start` as soon as the process
 * exists (while it loads and reads), `writing` once its temporary output file appears in `cwd`.
 */
function interruptedRender(args: readonly string[], cwd: string, when: 'start' | 'writing', signal: NodeJS.Signals): Promise<Run> {
  let watcher: FSWatcher | undefined;
  return cli(args, cwd, undefined, (kill) => {
    if (when === 'start') return kill(signal);
    watcher = watch(cwd, (_, name) => {
      if (name?.endsWith('.tmp')) (kill(signal), watcher?.close());
    });
  }).finally(() => watcher?.close());
}

let tmp: string;
/** A fresh folder for one test. */
const folder = numberedFolders(() => tmp);

const isPdf = (path: string) => readFileSync(path).subarray(0, 5).toString('latin1') === '%PDF-';
const isCompletePdf = (path: string) => isPdf(path) && readFileSync(path).subarray(-32).toString('latin1').trimEnd().endsWith('%%EOF');
/** Temporary files left in a folder (the CLI writes `.name.xxgk-pid-random.tmp` next to the target). */
const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** The starting report of AGENCY for 2018 (the 2014 scheme) and its PDF, made once: `copy(dir)` puts r.json into a test's folder. */
let shared: Promise<{ json: string; pdf: Buffer; init: Run; render: Run }>;
async function starting(): Promise<{ json: string; pdf: Buffer; init: Run; render: Run }> {
  return (shared ??= (async () => {
    const dir = join(tmp, 'shared');
    mkdirSync(dir);
    const init = await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2018'], dir);
    expect(init.code, init.stderr).toBe(0);
    const render = await cli(['render', 'r.json', '-o', 'r.pdf'], dir);
    expect(render.code, render.stderr).toBe(0);
    return { json: join(dir, 'r.json'), pdf: readFileSync(join(dir, 'r.pdf')), init, render };
  })());
}
async function copyStarting(dir: string, name = 'r.json'): Promise<void> {
  copyFileSync((await starting()).json, join(dir, name));
}

// Time limits here only guard against a hang: far above the normal time (the slowest test takes about 4 s, the build
// a minute at most), so that a busy machine never fails a test that would have passed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

beforeAll(async () => {
  // `npm test` builds first (pretest); a direct `vitest run` may find no build, or one older than the sources.
  ensureCliBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  // Every message is in Chinese: no run printed the English of the old messages.
  const english = /\b(Usage|rendered|cannot be written|no such file|unexpected|already exists|syntax error|Unknown option|wrote)\b/;
  const offenders = runs.filter((r) => english.test(r.stderr) || (!r.args.includes('--format') && r.args[0] !== 'schema' && r.args[0] !== 'text' && !r.args.includes('-') && english.test(r.stdout)));
  expect(offenders.map((r) => `${r.args.join(' ')}\n${r.stderr}`)).toEqual([]);
});

describe.concurrent('init', () => {
  it('writes a starting report: $schema, empty sections, zero statistics, signed 31 January of the next year', async () => {
    const { json, init } = await starting();
    expect(init.stdout).toContain('已写入 r.json');
    // Outside a project with the package installed, the published schema; the choice is said.
    expect(init.stdout).toContain(`$schema：https://unpkg.com/xxgk-report@${VERSION}/schema/report.schema.json`);
    expect(init.stdout).toContain('落款日期：2019-01-31');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.$schema).toBe(`https://unpkg.com/xxgk-report@${VERSION}/schema/report.schema.json`);
    expect(report.metadata).toMatchObject({ agency: AGENCY, year: 2018 });
    expect(Object.keys(report.sections)).toHaveLength(12);
    for (const section of Object.values(report.sections)) expect(section).toEqual({ blocks: [] });
    expect(report.signature).toEqual({ office: AGENCY, date: '2019-01-31' });
    expect(Object.values(report.statistics.values).every((v) => v === 0)).toBe(true);
  });

  it('points $schema at node_modules/xxgk-report when the file is written inside a project that has it', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'node_modules/xxgk-report/schema'), { recursive: true });
    copyFileSync(join(ROOT, 'schema/report.schema.json'), join(dir, 'node_modules/xxgk-report/schema/report.schema.json'));
    mkdirSync(join(dir, 'reports'));
    const [top, nested] = await Promise.all([
      cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir),
      cli(['init', 'reports/r.json', '--agency', AGENCY, '--year', '2025'], dir),
    ]);
    expect(top.code, top.stderr).toBe(0);
    expect(nested.code, nested.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).$schema).toBe('./node_modules/xxgk-report/schema/report.schema.json');
    expect(JSON.parse(readFileSync(join(dir, 'reports/r.json'), 'utf8')).$schema).toBe('../node_modules/xxgk-report/schema/report.schema.json');
    expect(top.stdout).toContain('$schema：./node_modules/xxgk-report/schema/report.schema.json（本项目 node_modules 里的文件）');
  });

  it('refuses to replace a file without --force, and prints JSON without a file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.json'), 'mine');
    const [refused, printed] = await Promise.all([cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir), cli(['init', '--agency', AGENCY, '--year', '2024'], dir)]);
    expect(refused.code).toBe(3);
    expect(refused.stderr.trim()).toBe('r.json：文件已存在（加 --force 覆盖）');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('mine');
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ metadata: { agency: AGENCY, year: 2024 }, signature: { date: '2025-01-31' } });
    const forced = await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).metadata.agency).toBe(AGENCY);
  });

  it('writes YAML for .yaml, the same report with the Chinese titles, labels and units as comments', async () => {
    const dir = folder();
    const r = await cli(['init', 'r.yaml', '--agency', AGENCY, '--year', '2018'], dir);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'r.yaml'), 'utf8');
    expect(parseYaml(text)).toEqual(JSON.parse(readFileSync((await starting()).json, 'utf8')));
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/xxgk-report@${VERSION}/schema/report.schema.json`);
    const at = (line: string) => lines.indexOf(line);
    expect(at('  # 一、概述')).toBe(at('  overview:') - 1);
    expect(at('  # 十二、需要说明的事项与附表（可选，可删去）')).toBe(at('  otherMatters:') - 1);
    expect(at('    # 依申请公开情况')).toBe(at('    applications.received: 0 # 收到申请数（件）') - 1);
    expect(lines).toContain('    capacity.funding: 0 # 政府信息公开专项经费（不包括用于政府网站建设维护等方面的经费）（万元）');
    expect(lines).toContain('    training.trainees: 0 # 接受培训人员数（人次）');
  });

  it('chooses the format by year (2021 from the 2021 reports on, 2019 for 2019 and 2020) or by --template, and writes what the template needs', async () => {
    const dir = folder();
    const [current, old, chosen, yaml, bad, trial] = await Promise.all([
      cli(['init', 'a.json', '--agency', AGENCY, '--year', '2025'], dir),
      cli(['init', 'b.json', '--agency', AGENCY, '--year', '2018'], dir),
      cli(['init', 'c.json', '--agency', AGENCY, '--year', '2012', '--template', '2008'], dir),
      cli(['init', 'd.yaml', '--agency', AGENCY, '--year', '2025'], dir),
      cli(['init', 'e.json', '--agency', AGENCY, '--year', '2025', '--template', '2020'], dir),
      cli(['init', 'f.json', '--agency', AGENCY, '--year', '2020'], dir),
    ]);
    for (const run of [current, old, chosen, yaml, trial]) expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(a.template).toBe('2021');
    expect(current.stdout).toContain('模板：2021（全国统一格式，六个部分、三个统计表）');
    expect(Object.keys(a.sections)).toEqual(['overview', 'proactiveDisclosure', 'applications', 'reviewsAndLitigation', 'problemsAndImprovements', 'otherMatters']);
    expect(Object.keys(a.statistics.values)).toHaveLength(200);
    expect(a.statistics.values['applications.refused.thirdParty.business']).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).template).toBeUndefined();
    const c = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
    expect(c.template).toBe('2008');
    expect(Object.keys(c.sections)).toHaveLength(7);
    // A 2020 report: the 2019 trial format, whose table 二 counts items and their change, and whose （六） is one row.
    const f = JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8'));
    expect(f.template).toBe('2019');
    expect(trial.stdout).toContain('模板：2019（2019年试行的全国统一格式，六个部分、三个统计表）');
    expect(Object.keys(f.sections)).toEqual(Object.keys(a.sections));
    expect(f.statistics.values).toMatchObject({ 'proactive.licensing.change': 0, 'proactive.procurement.amount': 0, 'applications.otherHandling.natural': 0 });
    expect(Object.keys(f.statistics.values)).toHaveLength(22 + 23 * 7 + 15); // table 二, 23 rows of table 三, table 四
    // The YAML names each 2021 table before its first value and each cell by row and column.
    const lines = readFileSync(join(dir, 'd.yaml'), 'utf8').split('\n');
    expect(lines.indexOf('    # 【收到和处理政府信息公开申请情况】')).toBe(lines.indexOf('    applications.new.natural: 0 # 本年新收政府信息公开申请数量 · 自然人（件）') - 1);
    expect(lines).toContain('  # 六、其他需要报告的事项');
    // Each starting report is valid (its warnings are the empty parts) and renders.
    const [va, vc, vf] = await Promise.all(['a.json', 'c.json', 'f.json'].map((file) => cli(['validate', file, '--format', 'json'], dir)));
    for (const v of [va!, vc!, vf!]) {
      expect(v.code, v.stdout).toBe(0);
      expect(JSON.parse(v.stdout).errors).toEqual([]);
    }
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--template 只能是 2021（全国统一格式）、2019（2019年试行的全国统一格式）、2014（十二部分）或 2008（七部分），实际为“2020”');
  });

  it.for([
    ['init', 'x.json', '--year', '2025'],
    ['init', 'x.json', '--agency', AGENCY],
    ['init', 'x.json', '--agency', AGENCY, '--year', '25'],
  ])('%j is a usage error', async (args) => {
    const dir = folder();
    const bad = await cli(args, dir);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('init 需要 --agency（发布机关）和四位数字的 --year（报告年度）');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});

describe.concurrent('validate and render', () => {
  it('validate lists the one warning of each empty section, fails with --strict (exit 2), and speaks JSON', async () => {
    const dir = folder();
    await copyStarting(dir);
    const [text, strict, json, strictJson] = await Promise.all([
      cli(['validate', 'r.json'], dir),
      cli(['validate', '--strict', 'r.json'], dir),
      cli(['validate', '--format', 'json', 'r.json'], dir),
      cli(['validate', '--format', 'json', '--strict', 'r.json'], dir),
    ]);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    // One line per warning: severity, JSON path, Chinese label, message.
    expect(lines.filter((l) => l.startsWith('警告 sections.overview（概述）: '))).toHaveLength(1);
    expect(lines.at(-1)).toBe('r.json：通过，13 条警告');

    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ ok: true, errors: [] });
    // An empty section gives one warning (not one for the section and another for an empty paragraph in it).
    const codes = result.warnings.map((w: { code: string }) => w.code);
    expect(codes.filter((c: string) => c === 'empty_section')).toHaveLength(12);
    expect(codes.filter((c: string) => c !== 'empty_section')).toEqual(['empty_paragraph']); // the preamble's
    expect(result.warnings.some((w: { path: string }) => w.path.startsWith('sections.') && w.path.includes('.blocks'))).toBe(false);
    expect(lines).toHaveLength(result.warnings.length + 1);
    expect(result.warnings[0]).toMatchObject({ severity: 'warning', code: expect.any(String), path: expect.any(String), message: expect.any(String) });

    expect(strict.code).toBe(2);
    expect(strict.stdout).toContain('警告 sections.overview（概述）');
    expect(strict.stdout.trimEnd().split('\n').at(-1)).toBe('r.json：未通过（--strict：13 条警告视为错误）');
    expect(strictJson.code).toBe(2);
    expect(JSON.parse(strictJson.stdout)).toMatchObject({ ok: false, errors: [] });
    expect(JSON.parse(strictJson.stdout).warnings).toHaveLength(13);
  });

  it('validate of a clean fixture passes with no warnings, even with --strict', async () => {
    const r = await cli(['validate', '--strict', join(FIXTURES, 'short-sections-2015.json')], folder());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`${join(FIXTURES, 'short-sections-2015.json')}：通过`);
  });

  it('render writes the PDF and prints the number of warnings with the first three; --verbose prints them all', async () => {
    const { render, pdf } = await starting();
    expect(render.stdout.trim()).toBe(`r.json → r.pdf（${pdf.length} 字节）`);
    const err = render.stderr.trimEnd().split('\n');
    expect(err[0]).toBe('r.json：13 条警告（加 --verbose 显示全部）');
    expect(err.slice(1, 4).every((l) => l.startsWith('  警告 '))).toBe(true);
    expect(err.slice(4)).toEqual(['  …另有 10 条']);

    const dir = folder();
    await copyStarting(dir);
    const verbose = await cli(['render', 'r.json', '-o', 'r.pdf', '--verbose'], dir);
    expect(verbose.code, verbose.stderr).toBe(0);
    const all = verbose.stderr.trimEnd().split('\n');
    expect(all[0]).toBe('r.json：13 条警告');
    expect(all.slice(1)).toHaveLength(13);
    expect(all.slice(1).every((l) => l.startsWith('  警告 '))).toBe(true);
    expect(readFileSync(join(dir, 'r.pdf')).equals(pdf)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('render --strict and validate --strict agree: exit 2 when the only problems are warnings, and no PDF', async () => {
    const dir = folder();
    await copyStarting(dir);
    const fixture = join(FIXTURES, 'halfwidth-placeholders-2017.json');
    const [starting2, halfwidth, validated] = await Promise.all([
      cli(['render', 'r.json', '--strict', '-o', 'r.pdf'], dir),
      cli(['render', fixture, '--strict', '-o', 'h.pdf'], dir),
      cli(['validate', fixture, '--strict'], dir),
    ]);
    expect(starting2.code).toBe(2);
    expect(starting2.stderr).toContain('r.json：有 13 条警告，按 --strict 未生成 PDF');
    expect(halfwidth.code).toBe(2);
    expect(validated.code).toBe(2);
    expect(halfwidth.stderr).toContain('警告 ');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('text prints the lines of the PDF with the agency', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.pdf'), (await starting()).pdf);
    const text = await cli(['text', 'r.pdf'], dir);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes(AGENCY)).length).toBeGreaterThanOrEqual(2); // title, table title, signature
    expect(lines[0]).toMatch(/^p1 y=[\d.]+ x=[\d.]+ \S+ 22 .*\| 临沂市民政局2018年度$/);
    expect(lines.some((l) => l.endsWith('| 一、概述'))).toBe(true);
  });

  it('round trip in YAML: init → validate → render (next to the report) → text', async () => {
    // The same in JSON is the shared starting report (init, render) and the tests of validate and text.
    const name = 'report.yaml';
    const dir = folder();
    expect((await cli(['init', name, '--agency', '鄣山县国土资源局', '--year', '2016'], dir)).code).toBe(0);
    expect((await cli(['validate', name], dir)).code).toBe(0);
    const render = await cli(['render', name], dir);
    expect(render.code, render.stderr).toBe(0);
    expect(isCompletePdf(join(dir, 'report.pdf'))).toBe(true);
    const text = await cli(['text', 'report.pdf'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('| 鄣山县国土资源局2016年度');
    expect(text.stdout).toContain('政府信息公开工作年度报告');
  });

  it('render and text of a real fixture', async () => {
    const dir = folder();
    const render = await cli(['render', join(FIXTURES, 'linyi-minzheng-2017.json'), '-o', 'seed.pdf', '--pdfa', '2b'], dir);
    expect(render.code, render.stderr).toBe(0);
    const text = await cli(['text', 'seed.pdf'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('临沂市民政局2017年度');
    expect(text.stdout).toMatch(/^p\d+ .*\| 附件/m);
  });
});

describe.concurrent('validate --fix', () => {
  const fixture = join(FIXTURES, 'halfwidth-placeholders-2017.json');
  const codes = async (file: string, dir: string) => (JSON.parse((await cli(['validate', '--format', 'json', file], dir)).stdout).warnings as { code: string; path: string }[]).map((w) => w.code);

  it('rewrites half-width punctuation, printing each change, changing only those strings and keeping a backup', async () => {
    const dir = folder();
    copyFileSync(fixture, join(dir, 'h.json'));
    const before = await codes('h.json', dir);
    expect(before.filter((c) => c === 'halfwidth_punctuation')).toHaveLength(20);

    const fix = await cli(['validate', '--fix', 'h.json'], dir);
    expect(fix.code, fix.stderr).toBe(0);
    const changes = fix.stdout.split('\n').filter((l) => l.startsWith('修改 '));
    expect(changes).toHaveLength(20);
    for (const line of changes) expect(line).toMatch(/^修改 \S+: .+ → .+$/);
    const preamble = changes.find((l) => l.startsWith('修改 preamble[0].text: '))!;
    const [was, now] = preamble.slice('修改 preamble[0].text: '.length).split(' → ');
    expect(was).toContain('要求,由济宁市');
    expect(now).toContain('要求，由济宁市');
    expect(changes.some((l) => l.startsWith('修改 sections.applications.blocks[0].title: 依申请公开办理情况(共{{applications.received}}件) → 依申请公开办理情况（共{{applications.received}}件）'))).toBe(true);
    expect(fix.stdout).toContain('已修改 20 处，原文件备份为 h.json.bak');

    // The backup is the original, byte for byte; in the new file only the lines of the 20 strings differ.
    const original = readFileSync(fixture);
    expect(readFileSync(join(dir, 'h.json.bak')).equals(original)).toBe(true);
    const oldLines = original.toString('utf8').split('\n');
    const newLines = readFileSync(join(dir, 'h.json'), 'utf8').split('\n');
    expect(newLines).toHaveLength(oldLines.length);
    const differing = newLines.filter((l, i) => l !== oldLines[i]);
    expect(differing).toHaveLength(20);
    for (const line of differing) expect(line).toMatch(/^\s*"(text|title|lead)": ".*",?$/);
    const fixed = JSON.parse(newLines.join('\n'));
    expect(fixed.preamble[0].text).toBe(now);
    expect(tempFiles(dir)).toEqual([]);

    const after = await codes('h.json', dir);
    expect(after).not.toContain('halfwidth_punctuation');
    expect(after.sort()).toEqual(['doubled_punctuation', 'doubled_punctuation']);

    // Running it again changes nothing, and the backup stays that of the original.
    const bytes = readFileSync(join(dir, 'h.json'));
    const again = await cli(['validate', '--fix', 'h.json'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('修改 ');
    expect(readFileSync(join(dir, 'h.json')).equals(bytes)).toBe(true);
    expect(readFileSync(join(dir, 'h.json.bak')).equals(original)).toBe(true);
  });

  it('with --format json the changes and the backup are part of the one JSON document on stdout', async () => {
    const dir = folder();
    copyFileSync(fixture, join(dir, 'h.json'));
    const fix = await cli(['validate', '--fix', '--format', 'json', 'h.json'], dir);
    expect(fix.code).toBe(0);
    const result = JSON.parse(fix.stdout);
    expect(result.changes).toHaveLength(20);
    expect(result.backup).toBe('h.json.bak');
    expect(result.changes[0]).toEqual({ path: 'preamble[0].text', before: expect.stringContaining(','), after: expect.stringContaining('，') });
    expect(result.warnings.map((w: { code: string }) => w.code)).not.toContain('halfwidth_punctuation');
  });

  it('keeps every comment and the layout of a YAML report: only the changed scalars are rewritten, in their own style', async () => {
    const dir = folder();
    const report = JSON.parse(readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8'));
    const lines = [
      '# 2015 年度报告：请勿删除本注释',
      'metadata:',
      '  agency: 宁波市海曙区档案局   # 发布机关',
      '  year: 2015',
      'preamble:',
      '  - type: paragraph',
      '    text: 本报告根据《条例》编制,包括概述(一)等部分。',
      '  - {type: paragraph, text: "第二段,带引号。"}   # flow style',
      '  - type: paragraph',
      '    text: |-',
      '      块状文字,保留缩进。',
      '',
      '# 以下各部分照抄',
      `sections: ${JSON.stringify(report.sections)}`,
      `signature: ${JSON.stringify(report.signature)}`,
      `statistics: ${JSON.stringify(report.statistics)}`,
      '',
    ];
    const original = lines.join('\n');
    writeFileSync(join(dir, 'r.yaml'), original);
    const fix = await cli(['validate', '--fix', 'r.yaml'], dir);
    expect(fix.code, fix.stdout + fix.stderr).toBe(0);
    expect(fix.stdout).toContain('修改 preamble[0].text: 本报告根据《条例》编制,包括概述(一)等部分。 → 本报告根据《条例》编制，包括概述（一）等部分。');
    const expected = original
      .replace('编制,包括概述(一)等部分。', '编制，包括概述（一）等部分。')
      .replace('"第二段,带引号。"', '"第二段，带引号。"')
      .replace('块状文字,保留缩进。', '块状文字，保留缩进。');
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(expected);
    expect(readFileSync(join(dir, 'r.yaml.bak'), 'utf8')).toBe(original);
    expect(fix.stdout).toContain('已修改 3 处，原文件备份为 r.yaml.bak');
  });

  it('writes through a symbolic link (the link stays a link) and keeps a byte-order mark', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'store'));
    const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(fixture)]);
    writeFileSync(join(dir, 'store/h.json'), original);
    symlinkSync('store/h.json', join(dir, 'h.json'));
    const fix = await cli(['validate', '--fix', 'h.json'], dir);
    expect(fix.code, fix.stderr).toBe(0);
    expect(lstatSync(join(dir, 'h.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'h.json'))).toBe('store/h.json');
    const fixed = readFileSync(join(dir, 'store/h.json'));
    expect(fixed.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(JSON.parse(fixed.subarray(3).toString('utf8')).preamble[0].text).toContain('要求，由济宁市');
    expect(readFileSync(join(dir, 'h.json.bak')).equals(original)).toBe(true);
    expect(readdirSync(join(dir, 'store'))).toEqual(['h.json']);
  });

  it('fixes what it can in a report with errors, then lists the errors that remain (exit 1)', async () => {
    const dir = folder();
    const report = JSON.parse(readFileSync(fixture, 'utf8'));
    report.metadata.year = '2017'; // an error --fix cannot fix
    // Written as some systems export JSON: every non-ASCII character escaped. The fix keeps that style.
    const ascii = (s: string) => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    writeFileSync(join(dir, 'h.json'), ascii(JSON.stringify(report, null, 2)));
    const fix = await cli(['validate', '--fix', 'h.json'], dir);
    expect(fix.code).toBe(1);
    expect(fix.stdout.split('\n').filter((l) => l.startsWith('修改 '))).toHaveLength(20);
    expect(fix.stdout).toContain('错误 metadata.year（报告年度）');
    expect(fix.stdout.trimEnd().split('\n').at(-1)).toMatch(/^h\.json：未通过，1 个错误(，\d+ 条警告)?（标点已自动修改，其余错误需要手工修改）$/);
    const fixedText = readFileSync(join(dir, 'h.json'), 'utf8');
    expect(fixedText).toMatch(/^[\x00-\x7f]*$/);
    const fixed = JSON.parse(fixedText);
    expect(fixed.preamble[0].text).toContain('要求，由济宁市');
    expect(fixed.metadata.year).toBe('2017');
    expect(existsSync(join(dir, 'h.json.bak'))).toBe(true);
  });
});

describe.concurrent('schema, help and version', () => {
  it('the built CLI is one bundled module, run by a small launcher: a cold start reads two files', () => {
    const launcher = readFileSync(CLI, 'utf8');
    const bundle = readFileSync(join(ROOT, 'dist/src/cli.bundle.cjs'), 'utf8');
    expect(launcher.startsWith('#!/usr/bin/env node')).toBe(true);
    for (const source of [launcher, bundle]) {
      expect(source).not.toMatch(/\bfrom\s*["']\.{1,2}\//);
      expect(source).not.toMatch(/\b(?:import|require)\(\s*["']\.{1,2}\//);
    }
    // The library's code is in the bundle (the validator, the PDF writer), not in the launcher.
    expect(bundle).toContain('function checkReport(');
    expect(bundle).toContain('function writePdf(');
    expect(launcher).not.toContain('function checkReport(');
  });

  it("keeps V8's code cache per command: written by the first run, read by the next, rewritten when damaged; output the same", async () => {
    const dir = folder();
    const cache = join(dir, 'cache');
    await copyStarting(dir);
    const run = (env: Record<string, string>, out: string) =>
      spawnSync(process.execPath, [CLI, 'render', 'r.json', '-o', out], { cwd: dir, encoding: 'utf8', env: { ...process.env, XXGK_REPORT_CACHE_DIR: cache, ...env } });
    const entries = () => (existsSync(cache) ? readdirSync(cache).filter((f) => f.endsWith('.v8cache')) : []);
    expect(run({ XXGK_REPORT_CODE_CACHE: '0' }, 'none.pdf').status).toBe(0);
    expect(entries()).toEqual([]);
    // Entries of an older build or another Node.js for this command are replaced; other files stay.
    mkdirSync(cache, { recursive: true });
    for (const old of ['cli-render-v18.0.0-x64-0123456789abcdef.v8cache', 'cli-render-0.0.9-v20.0.0-x64-1-2.v8cache', 'cli-validate-v18.0.0-x64-0123456789abcdef.v8cache', 'font.sfnt']) writeFileSync(join(cache, old), 'old');
    expect(run({}, 'first.pdf').status).toBe(0);
    expect(readdirSync(cache).filter((f) => f.startsWith('cli-render-') || f === 'font.sfnt')).toEqual([expect.stringMatching(/^cli-render-v\d+\.\d+\.\d+-[a-z0-9]+-[0-9a-f]{16}\.v8cache$/), 'font.sfnt']);
    expect(readFileSync(join(cache, 'cli-validate-v18.0.0-x64-0123456789abcdef.v8cache'), 'utf8')).toBe('old');
    rmSync(join(cache, 'cli-validate-v18.0.0-x64-0123456789abcdef.v8cache'));
    rmSync(join(cache, 'font.sfnt'));
    expect(entries()).toEqual([expect.stringMatching(/^cli-render-.*\.v8cache$/)]);
    const entry = join(cache, entries()[0]!);
    const written = readFileSync(entry);
    expect(written.length).toBeGreaterThan(10_000);
    // Read, accepted, and left as it was.
    expect(run({}, 'second.pdf').status).toBe(0);
    expect(readFileSync(entry).equals(written)).toBe(true);
    // Damaged: rejected by V8, the command runs as without it, and the entry is written anew.
    writeFileSync(entry, Buffer.alloc(written.length, 7));
    expect(run({}, 'third.pdf').status).toBe(0);
    expect(readFileSync(entry).equals(Buffer.alloc(written.length, 7))).toBe(false);
    const pdf = readFileSync(join(dir, 'none.pdf'));
    for (const f of ['first.pdf', 'second.pdf', 'third.pdf']) expect(readFileSync(join(dir, f)).equals(pdf)).toBe(true);
    // Another command keeps its own entry.
    expect(spawnSync(process.execPath, [CLI, 'validate', 'r.json'], { cwd: dir, env: { ...process.env, XXGK_REPORT_CACHE_DIR: cache } }).status).toBe(0);
    expect(entries().some((f) => f.startsWith('cli-validate-'))).toBe(true);
  });

  it('a render loads no Node module it does not need and compiles no code at run time (a cold start pays for both)', async () => {
    const dir = folder();
    await copyStarting(dir);
    // Counts the functions made from strings (zod compiles parsers with new Function unless told not to) and lists
    // the modules Node loaded, when the command ends.
    const probe = join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `let made = 0;
const F = globalThis.Function;
globalThis.Function = new Proxy(F, { construct: (t, a, n) => (made++, Reflect.construct(t, a, n)), apply: (t, s, a) => (made++, Reflect.apply(t, s, a)) });
process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ made, modules: process.moduleLoadList })));`,
    );
    const out = join(dir, 'probe.json');
    for (const run of [1, 2]) {
      // The second run starts from the code cache the first one wrote.
      const r = spawnSync(process.execPath, ['--require', probe, CLI, 'render', 'r.json', '-o', `${run}.pdf`], { cwd: dir, encoding: 'utf8', env: { ...process.env, XXGK_REPORT_CACHE_DIR: join(dir, 'cache'), PROBE_OUT: out } });
      expect(r.status, r.stderr).toBe(0);
      const { made, modules } = JSON.parse(readFileSync(out, 'utf8')) as { made: number; modules: string[] };
      expect(made).toBe(0);
      // Node's ES module resolver is loaded by a package looked up through its exports; worker threads are for batches
      // (and for naming a cache entry being written, which only the first run does).
      expect(modules.filter((m) => m === 'NativeModule internal/modules/esm/resolve' || (run === 2 && m === 'NativeModule worker_threads'))).toEqual([]);
      // What a render needs is loaded (the check would pass on an empty list otherwise).
      expect(modules).toEqual(expect.arrayContaining(['NativeModule zlib', 'NativeModule vm']));
    }
  });

  it('schema prints the JSON Schema of the report', async () => {
    const r = await cli(['schema'], folder());
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema).toEqual(JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')));
  });

  it.for(['init', 'validate', 'render', 'text', 'schema'])('%s --help prints its usage in Chinese', async (command) => {
    const dir = folder();
    const [long, short] = await Promise.all([cli([command, '--help'], dir), cli([command, '-h'], dir)]);
    for (const r of [long, short]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^用法：xxgk-report ${command}\\b`));
    }
    expect(short.stdout).toBe(long.stdout);
  });

  it('render --help says what --strict and --keep-folders do and lists the exit codes', async () => {
    const r = await cli(['render', '--help'], folder());
    expect(r.stdout).toContain('--strict          报告有警告时不生成 PDF（退出码 2，与 validate --strict 相同）');
    expect(r.stdout).toContain('--keep-folders');
    expect(r.stdout).toContain('64 命令用法有误');
  });

  it('--help lists the commands and exit codes; no arguments prints it as a usage error', async () => {
    const [help, none] = await Promise.all([cli(['--help'], folder()), cli([], folder())]);
    expect(help.code).toBe(0);
    for (const command of ['init', 'validate', 'render', 'text', 'schema']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(help.stdout).toContain('退出码：0 成功，1 报告有错误或生成失败，2 有警告且用了 --strict，3 输入文件无法读取，4 输出文件无法写入，64 命令用法有误。');
    expect(none.code).toBe(64);
    expect(none.stdout).toBe(help.stdout);
  });

  it('--version prints the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await cli([flag], folder());
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(VERSION);
    }
  });
});

describe.concurrent('batch render', () => {
  it('renders several reports, reports progress, and goes on past a bad one', async () => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a.json'));
    copyFileSync(join(FIXTURES, 'latin-heavy-2018.json'), join(dir, 'b.json'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ metadata: { agency: AGENCY, year: 'last year' } }));
    const r = await cli(['render', 'a.json', 'b.json', 'bad.json', '--out-dir', 'out'], dir);
    expect(r.code).toBe(1);
    const progress = r.stderr.split('\n').filter((l) => /^\[\d\/\d\] /.test(l));
    expect(progress).toEqual(['[1/3] a.json', '[2/3] b.json', '[3/3] bad.json']);
    expect(r.stderr).toMatch(/^bad\.json：报告有误，未生成 PDF（\d+ 个错误）$/m);
    expect(r.stderr).toContain('错误 metadata.year（报告年度）');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('已生成 2 份，失败 1 份');
    expect(r.stdout).toMatch(/^a\.json → out\/a\.pdf（\d+ 字节）$/m);
    expect(r.stdout).toMatch(/^b\.json → out\/b\.pdf（\d+ 字节）$/m);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect(isCompletePdf(join(dir, 'out/a.pdf'))).toBe(true);
    expect(isCompletePdf(join(dir, 'out/b.pdf'))).toBe(true);
  });

  it('takes a folder or a * pattern, and exits 0 when every report renders', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'in/one.json'));
    await copyStarting(dir, 'in/two.json');
    writeFileSync(join(dir, 'in/notes.txt'), 'not a report');
    const [byFolder, byPattern] = await Promise.all([cli(['render', 'in', '--out-dir', 'out1'], dir), cli(['render', 'in/o*.json', '--out-dir', 'out2'], dir)]);
    expect(byFolder.code, byFolder.stderr).toBe(0);
    expect(byFolder.stderr.trimEnd().split('\n').at(-1)).toBe('已生成 2 份，失败 0 份');
    expect(readdirSync(join(dir, 'out1')).sort()).toEqual(['one.pdf', 'two.pdf']);
    expect(byPattern.code, byPattern.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out2'))).toEqual(['one.pdf']);
  });

  it('under --strict, a report with warnings only is refused and the batch exits 2', async () => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a.json'));
    await copyStarting(dir, 'b.json');
    const r = await cli(['render', 'a.json', 'b.json', '--out-dir', 'out', '--strict'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('已生成 1 份，失败 1 份（其中 1 份因 --strict 下有警告未生成）');
    expect(readdirSync(join(dir, 'out'))).toEqual(['a.pdf']);
  });

  it('two reports that would write the same PDF are refused before anything is rendered (exit 64), naming both', async () => {
    const dir = folder();
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, sub, 'x.json'));
    }
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a/y.json'));
    await copyStarting(dir, 'a/y.yml');
    const [folders, sameFolder, nextTo] = await Promise.all([
      cli(['render', 'a/x.json', 'b/x.json', '--out-dir', 'out'], dir),
      cli(['render', 'a/y.json', 'a/y.yml', '--out-dir', 'out', '--keep-folders'], dir),
      cli(['render', 'a/y.json', 'a/y.yml'], dir),
    ]);
    expect(folders.code).toBe(64);
    expect(folders.stderr).toContain('a/x.json 和 b/x.json → out/x.pdf');
    expect(folders.stderr).toContain('--keep-folders');
    expect(sameFolder.code).toBe(64);
    expect(sameFolder.stderr).toContain('a/y.json 和 a/y.yml → out/y.pdf');
    expect(nextTo.code).toBe(64);
    expect(nextTo.stderr).toContain('a/y.json 和 a/y.yml → a/y.pdf');
    for (const r of [folders, sameFolder, nextTo]) expect(r.stderr).not.toContain('[1/2]');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(['x.json', 'y.json', 'y.yml']);

    // --keep-folders mirrors the input folders under --out-dir.
    const kept = await cli(['render', 'a/x.json', 'b/x.json', '--out-dir', 'out', '--keep-folders'], dir);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toContain('a/x.json → out/a/x.pdf');
    expect(isCompletePdf(join(dir, 'out/a/x.pdf'))).toBe(true);
    expect(isCompletePdf(join(dir, 'out/b/x.pdf'))).toBe(true);
  });

  it('-o with several reports is a usage error', async () => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a.json'));
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'b.json'));
    const r = await cli(['render', 'a.json', 'b.json', '-o', 'x.pdf'], dir);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('-o 只能指定一个输出文件；多份报告请用 --out-dir');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe.concurrent('unreadable input: exit 3', () => {
  it('a missing file or a folder is named, and nothing is written', async () => {
    const dir = folder();
    const [render, validate, text, folderInput] = await Promise.all([
      cli(['render', 'missing.json', '-o', 'out.pdf'], dir),
      cli(['validate', 'missing.yaml'], dir),
      cli(['text', 'missing.pdf'], dir),
      cli(['validate', '.'], dir),
    ]);
    expect(render.code).toBe(3);
    expect(render.stderr.trim()).toBe('missing.json：文件不存在');
    expect(validate.code).toBe(3);
    expect(validate.stderr.trim()).toBe('missing.yaml：文件不存在');
    expect(text.code).toBe(3);
    expect(text.stderr.trim()).toBe('missing.pdf：文件不存在');
    expect(folderInput.code).toBe(3);
    expect(folderInput.stderr.trim()).toBe('.：是文件夹，不是文件');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a JSON syntax error names file:line:column', async () => {
    const dir = folder();
    // A comma before a closing brace: line 5, column 3.
    writeFileSync(join(dir, 'comma.json'), '{\n  "metadata": {\n    "agency": "临沂市民政局",\n    "year": 2017,\n  },\n  "preamble": []\n}\n');
    // A missing comma after a Chinese string: the column counts characters, not bytes (24, not 42).
    writeFileSync(join(dir, 'missing-comma.json'), '{\n  "metadata": {\n    "agency": "临沂市民政局" "year": 2017\n  }\n}\n');
    // A file cut short.
    writeFileSync(join(dir, 'truncated.json'), '{\n  "metadata": {\n');
    const cases: Array<[string, string]> = [
      ['comma.json', 'comma.json:5:3：JSON 语法错误：此处不应有 "}"'],
      ['missing-comma.json', 'missing-comma.json:3:24：JSON 语法错误：此处不应有 "\\""'],
      ['truncated.json', 'truncated.json:3:1：JSON 语法错误：文件在此处意外结束'],
    ];
    const results = await Promise.all(cases.flatMap(([file, message]) => [['validate', file], ['render', file, '-o', 'out.pdf']].map(async (command) => ({ command, message, r: await cli(command, dir) }))));
    for (const { command, message, r } of results) {
      expect(r.code, `${command.join(' ')}: ${r.stderr}`).toBe(3);
      expect(r.stderr.trim()).toBe(message);
    }
    expect(existsSync(join(dir, 'out.pdf'))).toBe(false);
  });

  it('a YAML syntax error names file:line:column', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'indent.yaml'), 'metadata:\n  agency: 临沂市民政局\n  year: 2017\n preamble: []\n');
    writeFileSync(join(dir, 'quote.yml'), 'metadata:\n  agency: "临沂市民政局\n  year: 2017\n');
    writeFileSync(join(dir, 'two.yaml'), 'metadata: {}\n---\npreamble: []\n');
    const [indent, quote, two] = (await Promise.all(['indent.yaml', 'quote.yml', 'two.yaml'].map((f) => cli(['validate', f], dir)))) as [Run, Run, Run];
    for (const r of [indent, quote, two]) expect(r.code, r.stderr).toBe(3);
    expect(indent.stderr).toMatch(/^indent\.yaml:4:\d+：YAML 语法错误/);
    expect(quote.stderr).toMatch(/^quote\.yml:\d+:\d+：YAML 语法错误/);
    expect(two.stderr.trim()).toBe('two.yaml:2:1：文件含有多个 YAML 文档（---），一个文件只能有一份报告');
  });

  it('a key given twice is refused with its line and column, in JSON (where JSON.parse would keep the last) and YAML', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'dup.json'), '{\n  "metadata": {\n    "agency": "临沂市民政局",\n    "agency": "临沂市",\n    "year": 2017\n  }\n}\n');
    writeFileSync(join(dir, 'dup.yaml'), 'metadata:\n  agency: 临沂市民政局\n  agency: 临沂市\n  year: 2017\n');
    const [json, yaml, render] = await Promise.all([cli(['validate', 'dup.json'], dir), cli(['validate', 'dup.yaml'], dir), cli(['render', 'dup.json'], dir)]);
    expect(json.code).toBe(3);
    expect(json.stderr.trim()).toBe('dup.json:4:5：键 "agency" 重复出现（第一次在第 3 行第 5 列）；同一对象中的键只能出现一次，请删去多余的一个');
    expect(render.code).toBe(3);
    expect(yaml.code).toBe(3);
    expect(yaml.stderr.trim()).toBe('dup.yaml:3:3：键 agency 重复出现；同一对象中的键只能出现一次，请删去多余的一个');
    expect(readdirSync(dir).sort()).toEqual(['dup.json', 'dup.yaml']);
  });

  it('a number beyond 2^53 is refused rather than silently changed (9007199254740993 would become …992)', async () => {
    const dir = folder();
    const report = JSON.parse(readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8'));
    report.statistics.values['applications.received'] = 1234;
    writeFileSync(join(dir, 'big.json'), JSON.stringify(report, null, 2).replace('"applications.received": 1234', '"applications.received": 9007199254740993'));
    writeFileSync(join(dir, 'big.yaml'), 'metadata:\n  agency: 临沂市民政局\n  year: 2017\nstatistics:\n  values:\n    applications.received: 9007199254740993\n');
    const [json, yaml, fix] = await Promise.all([cli(['validate', 'big.json'], dir), cli(['validate', 'big.yaml'], dir), cli(['validate', '--fix', 'big.json'], dir)]);
    expect(json.code).toBe(3);
    expect(json.stderr).toMatch(/^big\.json:\d+:\d+：数值 9007199254740993 超出能精确保存的范围/);
    expect(yaml.code).toBe(3);
    expect(yaml.stderr).toMatch(/^big\.yaml:6:28：数值 9007199254740993 超出能精确保存的范围/);
    expect(fix.code).toBe(3);
    expect(readFileSync(join(dir, 'big.json'), 'utf8')).toContain('9007199254740993');
    expect(existsSync(join(dir, 'big.json.bak'))).toBe(false);
  });

  it('a UTF-8 byte-order mark (Notepad, PowerShell) is accepted, in JSON and in YAML', async () => {
    const dir = folder();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    writeFileSync(join(dir, 'bom.json'), Buffer.concat([bom, readFileSync(join(FIXTURES, 'short-sections-2015.json'))]));
    writeFileSync(join(dir, 'bom.yaml'), Buffer.concat([bom, Buffer.from('metadata:\n  agency: 临沂市民政局\n  year: 2017\n')]));
    const [json, yaml, render] = await Promise.all([cli(['validate', 'bom.json'], dir), cli(['validate', '--format', 'json', 'bom.yaml'], dir), cli(['render', 'bom.json'], dir)]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout.trim()).toBe('bom.json：通过');
    expect(render.code, render.stderr).toBe(0);
    expect(isCompletePdf(join(dir, 'bom.pdf'))).toBe(true);
    // The YAML was read (its errors are about the report, not the file).
    expect(yaml.code).toBe(1);
    expect(JSON.parse(yaml.stdout).errors.map((e: { path: string }) => e.path)).toContain('preamble');
  });

  it('a file that is not UTF-8 is one line naming the likely encoding (GBK/GB18030, UTF-16), not a flood of errors', async () => {
    const dir = folder();
    const json = readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8');
    const gbk = new TextEncoder().encode(json); // replaced below by real GB18030 bytes when this Node can make them
    let gbkBytes: Uint8Array = gbk;
    const iconv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: json });
    if (iconv.status === 0) gbkBytes = iconv.stdout;
    else gbkBytes = Buffer.from([...Buffer.from('{"metadata": {"agency": "'), 0xc1, 0xd9, 0xd2, 0xca, 0xca, 0xd0, ...Buffer.from('"}}')]); // 临沂市 in GBK
    writeFileSync(join(dir, 'gbk.json'), gbkBytes);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    writeFileSync(join(dir, 'utf16.json'), utf16);
    writeFileSync(join(dir, 'utf16-nobom.yaml'), Buffer.from('metadata:\n  agency: x\n', 'utf16le'));
    writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])); // {"a":"é"} in Latin-1
    const [g, u, un, l, gr] = await Promise.all([
      cli(['validate', 'gbk.json'], dir),
      cli(['validate', 'utf16.json'], dir),
      cli(['validate', 'utf16-nobom.yaml'], dir),
      cli(['validate', 'latin1.json'], dir),
      cli(['render', 'gbk.json'], dir),
    ]);
    for (const r of [g, u, un, l, gr]) {
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).not.toContain('undrawable');
    }
    expect(g.stderr.trim()).toBe('gbk.json：文件不是 UTF-8 编码，看来是 GBK/GB18030 编码；请在编辑器中“另存为”UTF-8 编码后再试');
    expect(gr.stderr.trim()).toBe(g.stderr.trim());
    expect(u.stderr.trim()).toBe('utf16.json：文件是 UTF-16LE 编码，不是 UTF-8；请在编辑器中“另存为”UTF-8 编码后再试');
    expect(un.stderr).toContain('utf16-nobom.yaml：文件是 UTF-16LE 编码');
    expect(l.stderr.trim()).toBe('latin1.json：文件不是有效的 UTF-8 文本（第 1 行有无法识别的字节 0xE9）；请在编辑器中“另存为”UTF-8 编码后再试');
    expect(existsSync(join(dir, 'gbk.pdf'))).toBe(false);
  });

  it.skipIf(!existsSync('/dev/zero'))('an endless input (/dev/zero) is read only up to the 64 MB cap', async () => {
    const r = await cli(['validate', '/dev/zero'], folder());
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe('/dev/zero：文件超过 64 MB，不像是一份报告（已停止读取）');
  });

  it('YAML with a custom tag is refused, not ignored or executed', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'fn.yaml'), 'metadata:\n  agency: !!js/function "function () { return 1 }"\n  year: 2017\n');
    writeFileSync(join(dir, 'local.yaml'), 'metadata: !report\n  agency: x\n');
    const [fn, local] = await Promise.all([cli(['render', 'fn.yaml', '-o', 'fn.pdf'], dir), cli(['validate', 'local.yaml'], dir)]);
    expect(fn.code).toBe(3);
    expect(fn.stderr).toContain('fn.yaml:2:11：不允许使用 YAML 标签（tag:yaml.org,2002:js/function）');
    expect(existsSync(join(dir, 'fn.pdf'))).toBe(false);
    expect(local.code).toBe(3);
    expect(local.stderr).toContain('local.yaml:1:11：不允许使用 YAML 标签');
  });

  it('a YAML alias bomb is refused', async () => {
    const dir = folder();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'bomb.yaml'), `${levels.join('\n')}\n`); // 9^10 ≈ 3.5 billion strings if expanded
    // Expanded, this would run out of memory or time; the test's time limit is the hang guard.
    const r = await cli(['validate', 'bomb.yaml'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe('bomb.yaml：YAML 别名（alias）展开过多，疑为恶意文件，已拒绝');
  });

  it('text of a file that is not a PDF', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.pdf'), '{"not": "a pdf"}');
    const r = await cli(['text', 'r.pdf'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^r\.pdf：无法读出文字流/);
  });
});

describe.concurrent('invalid report: exit 1', () => {
  it('lists every error with its JSON path and Chinese label, and writes nothing', async () => {
    const dir = folder();
    const report = JSON.parse(readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8'));
    report.metadata.year = '2015';
    delete report.signature.office;
    writeFileSync(join(dir, 'inv.json'), JSON.stringify(report, null, 2));
    const counted = JSON.parse(readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8'));
    counted.statistics.values['applications.received'] = -1;
    counted.statistics.values['capacity.funding'] = '2万';
    writeFileSync(join(dir, 'counted.json'), JSON.stringify(counted));

    const [render, validate, json, stats] = await Promise.all([
      cli(['render', 'inv.json', '-o', 'inv.pdf'], dir),
      cli(['validate', 'inv.json'], dir),
      cli(['validate', '--format', 'json', 'inv.json'], dir),
      cli(['render', 'counted.json'], dir),
    ]);
    expect(render.code).toBe(1);
    expect(render.stderr).toMatch(/^inv\.json：报告有误，未生成 PDF（\d+ 个错误）$/m);
    expect(render.stderr).toContain('错误 metadata.year（报告年度）: 应为数字，实际为字符串');
    expect(render.stderr).toContain('错误 signature.office（落款机关）');
    expect(existsSync(join(dir, 'inv.pdf'))).toBe(false);

    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('错误 metadata.year（报告年度）');
    expect(validate.stdout.trimEnd().split('\n').at(-1)).toMatch(/^inv\.json：未通过，\d+ 个错误/);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['metadata.year', 'signature.office']));

    // A report whose structure is right but whose statistics are not.
    expect(stats.code).toBe(1);
    expect(stats.stderr).toContain('错误 statistics.values["applications.received"]（收到申请数）: ');
    expect(stats.stderr).toContain('错误 statistics.values["capacity.funding"]（政府信息公开专项经费');
    expect(existsSync(join(dir, 'counted.pdf'))).toBe(false);
    expect(tempFiles(dir)).toEqual([]);
  });
});

/** A device node of our own (mknod, as root), so that a broken build can only ever replace that, never /dev/null. */
function device(dir: string, name: string, major: number, minor: number, fallback: string): string | undefined {
  const path = join(dir, name);
  if (spawnSync('mknod', [path, 'c', String(major), String(minor)]).status === 0) return path;
  // Without mknod only a user who cannot replace the real device may use it.
  return IS_ROOT ? undefined : fallback;
}

describe.concurrent('output to special files', () => {
  it('a device is written, never replaced: null succeeds (exit 0), full is a write error (exit 4)', async (ctx) => {
    const dir = folder();
    await copyStarting(dir);
    const nul = device(dir, 'null', 1, 3, '/dev/null');
    const full = device(dir, 'full', 1, 7, '/dev/full');
    if (!nul || !full || !existsSync('/dev/full')) return ctx.skip();
    const [toNull, toFull] = await Promise.all([cli(['render', 'r.json', '-o', nul], dir), cli(['render', 'r.json', '-o', full], dir)]);
    expect(toNull.code, toNull.stderr).toBe(0);
    expect(toFull.code).toBe(4);
    expect(toFull.stderr).toContain(`${full}：无法写入（磁盘已满，ENOSPC）`);
    for (const path of [nul, full]) expect(statSync(path).isCharacterDevice()).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a named pipe is written for the process reading it, and stays a pipe', async () => {
    const dir = folder();
    await copyStarting(dir);
    const fifo = join(dir, 'pipe.pdf');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn(process.execPath, ['-e', `require('fs').createReadStream(${JSON.stringify(fifo)}).pipe(require('fs').createWriteStream(${JSON.stringify(join(dir, 'got.pdf'))}))`]);
    const readerDone = new Promise<number | null>((resolve) => reader.on('close', resolve));
    const r = await cli(['render', 'r.json', '-o', 'pipe.pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await readerDone).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, 'got.pdf')).equals((await starting()).pdf)).toBe(true);
  });

  it('-o - and -o /dev/stdout write the PDF to standard output; the note goes to stderr', async () => {
    const dir = folder();
    await copyStarting(dir);
    const [dash, devStdout] = await Promise.all([cli(['render', 'r.json', '-o', '-'], dir), cli(['render', 'r.json', '-o', '/dev/stdout'], dir)]);
    const { pdf } = await starting();
    expect(dash.code, dash.stderr).toBe(0);
    expect(dash.stdoutBytes.equals(pdf)).toBe(true);
    expect(dash.stderr).toContain(`r.json → 标准输出（${pdf.length} 字节）`);
    expect(devStdout.code, devStdout.stderr).toBe(0);
    expect(devStdout.stdoutBytes.equals(pdf)).toBe(true);
    expect(readdirSync(dir)).toEqual(['r.json']);

    // Standard output redirected to a file (`> out.pdf`): the file the shell opened is written, not replaced
    // behind its back, and holds the PDF alone.
    const fd = openSync(join(dir, 'out.pdf'), 'w');
    const redirected = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'render', 'r.json', '-o', '/dev/stdout'], { cwd: dir, stdio: ['ignore', fd, 'ignore'] });
      child.on('error', reject);
      child.on('close', resolve);
    });
    closeSync(fd);
    expect(redirected).toBe(0);
    expect(readFileSync(join(dir, 'out.pdf')).equals(pdf)).toBe(true);
  });

  it('a symbolic link is followed: its target is replaced, the link stays; a dangling link gets its target created', async () => {
    const dir = folder();
    await copyStarting(dir);
    mkdirSync(join(dir, 'published'));
    writeFileSync(join(dir, 'published/2025.pdf'), 'old');
    symlinkSync('published/2025.pdf', join(dir, 'latest.pdf'));
    symlinkSync('published/new.pdf', join(dir, 'dangling.pdf'));
    const [latest, dangling] = await Promise.all([cli(['render', 'r.json', '-o', 'latest.pdf'], dir), cli(['render', 'r.json', '-o', 'dangling.pdf'], dir)]);
    expect(latest.code, latest.stderr).toBe(0);
    expect(dangling.code, dangling.stderr).toBe(0);
    const { pdf } = await starting();
    expect(lstatSync(join(dir, 'latest.pdf')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.pdf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'published/2025.pdf')).equals(pdf)).toBe(true);
    expect(readFileSync(join(dir, 'published/new.pdf')).equals(pdf)).toBe(true);
    expect(tempFiles(join(dir, 'published'))).toEqual([]);
  });

  it('temporary files orphaned by a killed run are removed by the next write to that folder; others are left alone', async () => {
    const dir = folder();
    await copyStarting(dir);
    // Ages far from the one-minute line on either side, so that no amount of waiting moves a file across it: the
    // stale files are dated a day before the moment they were written (the file system's own time, read back from
    // the first of them), the fresh one a day after.
    const DAY_S = 24 * 3600;
    // Pids above 4194304 (Linux's largest pid_max) belong to no process.
    const names = {
      staleSameName: '.r.pdf.xxgk-4194305-0badc0de.tmp',
      staleOtherName: '.other.pdf.xxgk-4194306-12345678.tmp',
      fresh: '.r.pdf.xxgk-4194307-aaaaaaaa.tmp', // its process is gone, but it is younger than a minute
      live: `.r.pdf.xxgk-${process.pid}-bbbbbbbb.tmp`, // its process (this test) still runs
      notOurs: 'notes.tmp',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'partial');
    const written = statSync(join(dir, names.staleSameName)).mtimeMs / 1000;
    for (const [key, name] of Object.entries(names)) {
      const at = key === 'fresh' ? written + DAY_S : written - DAY_S;
      utimesSync(join(dir, name), at, at);
    }
    const r = await cli(['render', 'r.json', '-o', 'r.pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')).sort()).toEqual([names.fresh, names.live, names.notOurs].sort());
  });
});

describe.concurrent('unwritable output: exit 4', () => {
  it('an output path under a regular file', async () => {
    const dir = folder();
    await copyStarting(dir);
    writeFileSync(join(dir, 'file'), 'a regular file');
    const cases = [['render', 'r.json', '-o', 'file/r.pdf'], ['render', 'r.json', '--out-dir', 'file/sub'], ['init', 'file/new.json', '--agency', AGENCY, '--year', '2025']];
    const results = await Promise.all(cases.map((args) => cli(args, dir)));
    for (const [i, r] of results.entries()) {
      expect(r.code, cases[i]!.join(' ')).toBe(4);
      expect(r.stderr).toMatch(/file\/(r\.pdf|sub\/r\.pdf|new\.json)：无法写入（路径中有一部分不是文件夹，ENOTDIR）/);
    }
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('a regular file');
    expect(readdirSync(dir).sort()).toEqual(['file', 'r.json']);
  });

  it('an output path that is a folder: the folder is untouched and no temporary file remains', async () => {
    const dir = folder();
    await copyStarting(dir);
    mkdirSync(join(dir, 'taken.pdf'));
    writeFileSync(join(dir, 'taken.pdf/keep'), 'x');
    const r = await cli(['render', 'r.json', '-o', 'taken.pdf'], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('taken.pdf：无法写入（这是一个文件夹，EISDIR）');
    expect(readdirSync(join(dir, 'taken.pdf'))).toEqual(['keep']);
    expect(tempFiles(dir)).toEqual([]);
  });

  it.skipIf(!existsSync('/proc/self'))('a folder that cannot be created (/proc/nonexistent) fails at once instead of retrying forever', async () => {
    const dir = folder();
    await copyStarting(dir);
    // Before, a recursive mkdir spun here without end; the test's time limit is the hang guard.
    const r = await cli(['render', 'r.json', '-o', '/proc/nonexistent/x.pdf'], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('/proc/nonexistent/x.pdf：无法写入（无法创建所在的文件夹，ENOENT）');
  });

  it.skipIf(IS_ROOT)('a read-only folder (skipped as root, who may write anyway)', async () => {
    const dir = folder();
    await copyStarting(dir);
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    try {
      const r = await cli(['render', 'r.json', '-o', 'ro/r.pdf'], dir);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('ro/r.pdf：无法写入（没有写入权限');
      expect(readdirSync(join(dir, 'ro'))).toEqual([]);
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
  });

  it.skipIf(IS_ROOT)('validate --fix in a read-only folder (skipped as root)', async () => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'halfwidth-placeholders-2017.json'), join(dir, 'h.json'));
    const bytes = readFileSync(join(dir, 'h.json'));
    chmodSync(dir, 0o555);
    try {
      const r = await cli(['validate', '--fix', 'h.json'], dir);
      expect(r.code).toBe(4);
      expect(readFileSync(join(dir, 'h.json')).equals(bytes)).toBe(true);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe.concurrent('an existing PDF is only ever replaced by a complete one', () => {
  const KNOWN = Buffer.from('%PDF-1.4\nthe office’s published report, byte for byte\n%%EOF\n');

  it('a failed render leaves output.pdf as it was, and no temporary file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'output.pdf'), KNOWN);
    writeFileSync(join(dir, 'inv.json'), JSON.stringify({ metadata: { agency: AGENCY, year: 2025 } }));
    writeFileSync(join(dir, 'broken.json'), '{"metadata": ');
    const cases = [['inv.json', 1], ['broken.json', 3], ['missing.json', 3]] as const;
    const results = await Promise.all(cases.map(([file]) => cli(['render', file, '-o', 'output.pdf'], dir)));
    for (const [i, r] of results.entries()) expect(r.code, cases[i]![0]).toBe(cases[i]![1]);
    expect(readFileSync(join(dir, 'output.pdf')).equals(KNOWN)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
    // A render that succeeds does replace it.
    await copyStarting(dir);
    const ok = await cli(['render', 'r.json', '-o', 'output.pdf'], dir);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'output.pdf')).equals((await starting()).pdf)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  /** A report near the library's size limits (about 1.7 million characters): a render of a few seconds. */
  function bigReport(dir: string, name: string): void {
    const report = JSON.parse(readFileSync(join(FIXTURES, 'long-sections-2017.json'), 'utf8'));
    const text = '本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，不断提升政府信息公开工作质量和水平。'.repeat(17);
    for (const section of Object.values(report.sections) as { blocks: unknown[] }[]) {
      for (let i = 0; i < 150; i++) section.blocks.push({ type: 'paragraph', text });
    }
    writeFileSync(join(dir, name), JSON.stringify(report));
  }

  it('an interrupted render leaves no partial PDF and no temporary file', async () => {
    const dirs = [folder(), folder()];
    // Two interruptions: at once (while loading and reading) and once the PDF is being written.
    const results = await Promise.all(
      dirs.map((dir, i) => {
        bigReport(dir, 'big.json');
        return interruptedRender(['render', 'big.json', '-o', 'big.pdf'], dir, i === 0 ? 'start' : 'writing', 'SIGINT');
      }),
    );
    for (const [i, run] of results.entries()) {
      const target = join(dirs[i]!, 'big.pdf');
      if (run.code === 0) expect(isCompletePdf(target)).toBe(true); // finished before the signal
      else {
        expect(run.signal === 'SIGINT' || run.code === 130, JSON.stringify(run)).toBe(true);
        expect(!existsSync(target) || isCompletePdf(target)).toBe(true);
      }
      expect(tempFiles(dirs[i]!)).toEqual([]);
      expect(readdirSync(dirs[i]!).filter((f) => f !== 'big.json' && f !== 'big.pdf')).toEqual([]);
    }
  });

  it.for(['SIGINT', 'SIGTERM'] as const)('%s during the second report of a batch keeps the first PDF and leaves nothing of the second', async (signal) => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a.json'));
    bigReport(dir, 'b.json');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out/b.pdf'), KNOWN); // last year's run: must survive the interrupted one
    let sent = false;
    // The second report starts once "[2/2]" is printed, after the first PDF was written: the signal goes then.
    const run = await cli(['render', 'a.json', 'b.json', '--out-dir', 'out'], dir, (soFar, kill) => {
      if (!sent && soFar.includes('[2/2]')) {
        sent = true;
        kill(signal);
      }
    });
    expect(sent).toBe(true);
    // Outside a write the signal has its default effect; during one it is held, then exits 128 + its number.
    expect(run.signal === signal || run.code === 128 + constants.signals[signal], JSON.stringify(run)).toBe(true);
    expect(run.stderr).not.toContain('已生成');
    expect(isCompletePdf(join(dir, 'out/a.pdf'))).toBe(true);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect(readFileSync(join(dir, 'out/b.pdf')).equals(KNOWN)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });
});

describe.concurrent('usage errors: exit 64, in Chinese', () => {
  it.for([
    [['frob'], '未知命令“frob”'],
    [['toString'], '未知命令“toString”'],
    [['constructor', '--help'], '未知命令“constructor”'],
    [['main'], '未知命令“main”'],
    [['validate', '--bogus', 'r.json'], '未知选项 --bogus'],
    [['render', '-x', 'r.json'], '未知选项 -x'],
    [['validate'], 'validate 需要且只需要一个报告文件'],
    [['validate', 'a.json', 'b.json'], 'validate 需要且只需要一个报告文件'],
    [['validate', '--format', 'xml', 'r.json'], '--format 只能是 text 或 json'],
    [['render'], 'render 至少需要一个报告文件'],
    [['render', 'r.json', '--pdfa', '4u'], '--pdfa 只能是 1b、2b 或 3b'],
    [['render', 'r.json', '--font', 'footer=/x.ttf'], '--font footer=/x.ttf：应写成 角色=字体文件[#字体名]'],
    [['render', 'r.json', '-o'], '选项 -o, --output 缺少取值'],
    [['render', 'r.json', '--strict=yes'], '选项 --strict 不接受取值'],
    [['render', 'r.json', '--keep-folders'], '--keep-folders 需要与 --out-dir 一起使用'],
    [['render', 'r.json', '-o', 'a.pdf', '--out-dir', 'out'], '-o 和 --out-dir 只能用一个'],
    [['text'], 'text 需要且只需要一个 PDF 文件'],
    [['render', 'r.json', '-o', 'r.json'], 'r.json：这是要排版的报告本身，不能作为输出文件'],
  ] as const)('%j', async ([args, message]) => {
    const dir = folder();
    const r = await cli(args, dir);
    expect(r.code, r.stderr).toBe(64);
    expect(r.stderr).toContain(`xxgk-report：${message}`);
    expect(r.stdout).toBe('');
  });
});
