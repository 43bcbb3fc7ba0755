/**
 * The built command line (`node dist/src/cli.js`) run as a child process: every command, its help, its exit codes
 * (0 ok, 1 invalid report / failed render, 2 warnings with --strict, 3 unreadable input, 4 unwritable output,
 * 64 usage), and the promise that an output file is only ever replaced by a complete PDF.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/src/cli.js');
const FIXTURES = join(ROOT, 'fixtures');
const AGENCY = '临沂市民政局';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the CLI in `cwd`; `onStderr` sees stderr as it arrives and may return the child to signal it. */
function cli(args: readonly string[], cwd: string, onStderr?: (soFar: string, kill: (s: NodeJS.Signals) => void) => void): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
      onStderr?.(stderr, (signal) => child.kill(signal));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Spawns a render and sends `signal` after `delayMs`. */
function interruptedRender(args: readonly string[], cwd: string, delayMs: number, signal: NodeJS.Signals): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill(signal), delayMs);
    child.on('error', reject);
    child.on('close', (code, sig) => (clearTimeout(timer), resolve({ code, signal: sig, stdout, stderr, ms: performance.now() - started })));
  });
}

let tmp: string;
let n = 0;
/** A fresh folder for one test. */
function folder(): string {
  const dir = join(tmp, `t${++n}`);
  mkdirSync(dir);
  return dir;
}

const isPdf = (path: string) => readFileSync(path).subarray(0, 5).toString('latin1') === '%PDF-';
const isCompletePdf = (path: string) => isPdf(path) && readFileSync(path).subarray(-32).toString('latin1').trimEnd().endsWith('%%EOF');
/** Temporary files left in a folder (the CLI writes `.name.pid.random.tmp` next to the target). */
const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(async () => {
  // `npm test` builds first (pretest); a direct `vitest run` may find no build, or one older than the sources.
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newestMtime(join(ROOT, 'src'))) {
    const build = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b));
      child.stderr.on('data', (b: Buffer) => (out += b));
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(build.code, build.out).toBe(0);
  }
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('init, validate, render, text', () => {
  it('init writes a starting report for the agency and year', async () => {
    const dir = folder();
    const r = await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote r.json');
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.metadata).toMatchObject({ agency: AGENCY, year: 2025 });
    expect(Object.keys(report.sections)).toHaveLength(12);
    expect(report.signature.office).toBe(AGENCY);
    expect(Object.values(report.statistics.values).every((v) => v === 0)).toBe(true);
  });

  it('init refuses to replace a file without --force, prints JSON without a file, writes YAML for .yaml', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.json'), 'mine');
    const refused = await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('mine');
    const forced = await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).metadata.agency).toBe(AGENCY);

    const printed = await cli(['init', '--agency', AGENCY, '--year', '2024'], dir);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout).metadata).toMatchObject({ agency: AGENCY, year: 2024 });

    const yaml = await cli(['init', 'r.yaml', '--agency', AGENCY, '--year', '2024'], dir);
    expect(yaml.code).toBe(0);
    expect(parseYaml(readFileSync(join(dir, 'r.yaml'), 'utf8')).metadata).toMatchObject({ agency: AGENCY, year: 2024 });

    for (const args of [['init', 'x.json', '--year', '2025'], ['init', 'x.json', '--agency', AGENCY], ['init', 'x.json', '--agency', AGENCY, '--year', '25']]) {
      const bad = await cli(args, dir);
      expect(bad.code, args.join(' ')).toBe(64);
      expect(bad.stderr).toContain('--agency');
      expect(existsSync(join(dir, 'x.json'))).toBe(false);
    }
  });

  it('validate prints the warnings of the empty starting report, fails with --strict, and speaks JSON', async () => {
    const dir = folder();
    await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);

    const text = await cli(['validate', 'r.json'], dir);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    // One line per warning: severity, JSON path, Chinese label, message.
    expect(lines).toContain('警告 sections.overview（概述）: 此部分没有内容，应至少写一段文字（如“本年度无此类情况。”）。');
    expect(lines.some((l) => l.startsWith('警告 sections.fees.blocks[0].text（政府信息公开的收费及减免情况 › 段落文字）: '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^r\.json: 通过，\d+ 条警告$/);

    const strict = await cli(['validate', '--strict', 'r.json'], dir);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toContain('警告 sections.overview（概述）');

    const json = await cli(['validate', '--format', 'json', 'r.json'], dir);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(Array.isArray(result.warnings)).toBe(true);
    const codes = new Set(result.warnings.map((w: { code: string }) => w.code));
    expect(codes).toContain('empty_section');
    expect(codes).toContain('empty_paragraph');
    // Text mode prints exactly one line per warning, plus the summary.
    expect(lines).toHaveLength(result.warnings.length + 1);
    expect(result.warnings[0]).toMatchObject({ severity: 'warning', code: expect.any(String), path: expect.any(String), message: expect.any(String) });

    const strictJson = await cli(['validate', '--format', 'json', '--strict', 'r.json'], dir);
    expect(strictJson.code).toBe(2);
    expect(JSON.parse(strictJson.stdout).warnings.length).toBe(result.warnings.length);
  });

  it('validate of a clean fixture passes with no warnings, even with --strict', async () => {
    const r = await cli(['validate', '--strict', join(FIXTURES, 'short-sections-2015.json')], folder());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`${join(FIXTURES, 'short-sections-2015.json')}: 通过`);
  });

  it('render writes a PDF, and text prints its lines with the agency', async () => {
    const dir = folder();
    await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);
    const render = await cli(['render', 'r.json', '-o', 'r.pdf'], dir);
    expect(render.code, render.stderr).toBe(0);
    expect(render.stdout).toMatch(/^r\.json → r\.pdf \(\d+ bytes\)$/m);
    expect(isCompletePdf(join(dir, 'r.pdf'))).toBe(true);
    expect(tempFiles(dir)).toEqual([]);

    const text = await cli(['text', 'r.pdf'], dir);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes(AGENCY)).length).toBeGreaterThanOrEqual(2); // title, table title, signature
    expect(lines[0]).toMatch(/^p1 y=[\d.]+ x=[\d.]+ \S+ 22 .*\| 临沂市民政局2025年度$/);
    expect(lines.some((l) => l.endsWith('| 一、概述'))).toBe(true);
  });

  it('round trip: init → validate → render (next to the report) → text, in JSON and in YAML', async () => {
    for (const name of ['report.json', 'report.yaml']) {
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
    }
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

describe('validate --fix', () => {
  const fixture = join(FIXTURES, 'halfwidth-placeholders-2017.json');
  const codes = async (file: string, dir: string) => (JSON.parse((await cli(['validate', '--format', 'json', file], dir)).stdout).warnings as { code: string; path: string }[]).map((w) => w.code);

  it('rewrites half-width punctuation, printing each change as path: before → after', async () => {
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

    // The file was rewritten: only the texts changed; the doubled 。。 stay (they are warnings, not for --fix).
    const original = JSON.parse(readFileSync(fixture, 'utf8'));
    const fixed = JSON.parse(readFileSync(join(dir, 'h.json'), 'utf8'));
    expect(fixed.preamble[0].text).toBe(now);
    expect(fixed.metadata).toEqual(original.metadata);
    expect(fixed.statistics).toEqual(original.statistics);
    expect(tempFiles(dir)).toEqual([]);

    const after = await codes('h.json', dir);
    expect(after).not.toContain('halfwidth_punctuation');
    expect(after.sort()).toEqual(['doubled_punctuation', 'doubled_punctuation']);

    // Running it again changes nothing.
    const bytes = readFileSync(join(dir, 'h.json'));
    const again = await cli(['validate', '--fix', 'h.json'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('修改 ');
    expect(readFileSync(join(dir, 'h.json')).equals(bytes)).toBe(true);
  });

  it('with --format json the changes are part of the one JSON document on stdout', async () => {
    const dir = folder();
    copyFileSync(fixture, join(dir, 'h.json'));
    const fix = await cli(['validate', '--fix', '--format', 'json', 'h.json'], dir);
    expect(fix.code).toBe(0);
    const result = JSON.parse(fix.stdout);
    expect(result.changes).toHaveLength(20);
    expect(result.changes[0]).toEqual({ path: 'preamble[0].text', before: expect.stringContaining(','), after: expect.stringContaining('，') });
    expect(result.warnings.map((w: { code: string }) => w.code)).not.toContain('halfwidth_punctuation');
  });

  it('fixes a YAML report in place as YAML', async () => {
    const dir = folder();
    await cli(['init', 'r.yaml', '--agency', AGENCY, '--year', '2025'], dir);
    const report = parseYaml(readFileSync(join(dir, 'r.yaml'), 'utf8'));
    report.preamble[0].text = '本报告根据《条例》编制,包括概述(一)等部分。';
    writeFileSync(join(dir, 'r.yaml'), JSON.stringify(report)); // JSON is YAML too
    const fix = await cli(['validate', '--fix', 'r.yaml'], dir);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain('修改 preamble[0].text: 本报告根据《条例》编制,包括概述(一)等部分。 → 本报告根据《条例》编制，包括概述（一）等部分。');
    expect(parseYaml(readFileSync(join(dir, 'r.yaml'), 'utf8')).preamble[0].text).toBe('本报告根据《条例》编制，包括概述（一）等部分。');
  });
});

describe('schema, help and version', () => {
  it('schema prints the JSON Schema of the report', async () => {
    const r = await cli(['schema'], folder());
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.metadata).toBeDefined();
    expect(schema.properties.metadata.required).toEqual(['agency', 'year']);
    expect(schema.required).toContain('sections');
    expect(schema).toEqual(JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')));
  });

  it.concurrent.for(['init', 'validate', 'render', 'text', 'schema'])('%s --help prints its usage', async (command, { expect }) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli([command, flag], folder());
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: xxgk-report ${command}\\b`));
    }
  });

  it('--help lists the commands and exit codes; no arguments prints it as a usage error', async () => {
    const help = await cli(['--help'], folder());
    expect(help.code).toBe(0);
    for (const command of ['init', 'validate', 'render', 'text', 'schema']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(help.stdout).toContain('64 usage');
    const none = await cli([], folder());
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

describe('batch render', () => {
  it('renders several reports, reports progress, and goes on past a bad one', async () => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a.json'));
    copyFileSync(join(FIXTURES, 'latin-heavy-2018.json'), join(dir, 'b.json'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ metadata: { agency: AGENCY, year: 'last year' } }));
    const r = await cli(['render', 'a.json', 'b.json', 'bad.json', '--out-dir', 'out'], dir);
    expect(r.code).toBe(1);
    const progress = r.stderr.split('\n').filter((l) => /^\[\d\/\d\] /.test(l));
    expect(progress).toEqual(['[1/3] a.json', '[2/3] b.json', '[3/3] bad.json']);
    expect(r.stderr).toContain('bad.json: 报告有误，未生成 PDF');
    expect(r.stderr).toContain('错误 metadata.year（报告年度）');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('2 rendered, 1 failed');
    expect(r.stdout).toMatch(/^a\.json → out\/a\.pdf \(\d+ bytes\)$/m);
    expect(r.stdout).toMatch(/^b\.json → out\/b\.pdf \(\d+ bytes\)$/m);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect(isCompletePdf(join(dir, 'out/a.pdf'))).toBe(true);
    expect(isCompletePdf(join(dir, 'out/b.pdf'))).toBe(true);
  });

  it('takes a folder or a * pattern, and exits 0 when every report renders', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'in/one.json'));
    await cli(['init', 'in/two.yaml', '--agency', AGENCY, '--year', '2025'], dir);
    writeFileSync(join(dir, 'in/notes.txt'), 'not a report');
    const byFolder = await cli(['render', 'in', '--out-dir', 'out1'], dir);
    expect(byFolder.code, byFolder.stderr).toBe(0);
    expect(byFolder.stderr).toContain('2 rendered, 0 failed');
    expect(readdirSync(join(dir, 'out1')).sort()).toEqual(['one.pdf', 'two.pdf']);
    const byPattern = await cli(['render', 'in/*.json', '--out-dir', 'out2'], dir);
    expect(byPattern.code, byPattern.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out2'))).toEqual(['one.pdf']);
  });

  it('-o with several reports is a usage error', async () => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a.json'));
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'b.json'));
    const r = await cli(['render', 'a.json', 'b.json', '-o', 'x.pdf'], dir);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--out-dir');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('unreadable input: exit 3', () => {
  it('a missing file is named, and nothing is written', async () => {
    const dir = folder();
    const render = await cli(['render', 'missing.json', '-o', 'out.pdf'], dir);
    expect(render.code).toBe(3);
    expect(render.stderr.trim()).toBe('missing.json: no such file');
    expect(readdirSync(dir)).toEqual([]);
    const validate = await cli(['validate', 'missing.yaml'], dir);
    expect(validate.code).toBe(3);
    expect(validate.stderr).toContain('missing.yaml: no such file');
    const text = await cli(['text', 'missing.pdf'], dir);
    expect(text.code).toBe(3);
    expect(text.stderr).toContain('missing.pdf');
    expect((await cli(['validate', '.'], dir)).code).toBe(3); // a folder is not a report
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
      ['comma.json', 'comma.json:5:3: JSON syntax error: unexpected "}"'],
      ['missing-comma.json', 'missing-comma.json:3:24: JSON syntax error: unexpected "\\""'],
      ['truncated.json', 'truncated.json:3:1: JSON syntax error'],
    ];
    for (const [file, message] of cases) {
      for (const command of [['validate', file], ['render', file, '-o', 'out.pdf']]) {
        const r = await cli(command, dir);
        expect(r.code, `${command.join(' ')}: ${r.stderr}`).toBe(3);
        expect(r.stderr).toContain(message);
      }
    }
    expect(existsSync(join(dir, 'out.pdf'))).toBe(false);
  });

  it('a YAML syntax error names file:line:column', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'dup.yaml'), 'metadata:\n  agency: 临沂市民政局\n  agency: 临沂市\n  year: 2017\n');
    writeFileSync(join(dir, 'indent.yaml'), 'metadata:\n  agency: 临沂市民政局\n  year: 2017\n preamble: []\n');
    writeFileSync(join(dir, 'quote.yml'), 'metadata:\n  agency: "临沂市民政局\n  year: 2017\n');
    const cases: Array<[string, RegExp]> = [
      ['dup.yaml', /dup\.yaml:3:3: YAML syntax error/],
      ['indent.yaml', /indent\.yaml:4:\d+: YAML syntax error/],
      ['quote.yml', /quote\.yml:\d+:\d+: YAML syntax error/],
    ];
    for (const [file, message] of cases) {
      const r = await cli(['validate', file], dir);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(message);
    }
  });

  it('YAML with a custom tag is refused, not ignored or executed', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'fn.yaml'), 'metadata:\n  agency: !!js/function "function () { return 1 }"\n  year: 2017\n');
    writeFileSync(join(dir, 'local.yaml'), 'metadata: !report\n  agency: x\n');
    const fn = await cli(['render', 'fn.yaml', '-o', 'fn.pdf'], dir);
    expect(fn.code).toBe(3);
    expect(fn.stderr).toContain('fn.yaml:2:11: YAML tag not allowed');
    expect(existsSync(join(dir, 'fn.pdf'))).toBe(false);
    const local = await cli(['validate', 'local.yaml'], dir);
    expect(local.code).toBe(3);
    expect(local.stderr).toContain('local.yaml:1:11: YAML tag not allowed');
  });

  it('a YAML alias bomb is refused quickly', async () => {
    const dir = folder();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'bomb.yaml'), `${levels.join('\n')}\n`); // 9^10 ≈ 3.5 billion strings if expanded
    const r = await cli(['validate', 'bomb.yaml'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('bomb.yaml');
    expect(r.stderr).toMatch(/alias/i);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('text of a file that is not a PDF', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'r.pdf'), '{"not": "a pdf"}');
    const r = await cli(['text', 'r.pdf'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('r.pdf');
  });
});

describe('invalid report: exit 1', () => {
  it('lists every error with its JSON path and Chinese label, and writes nothing', async () => {
    const dir = folder();
    const report = JSON.parse(readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8'));
    report.metadata.year = '2015';
    delete report.signature.office;
    writeFileSync(join(dir, 'inv.json'), JSON.stringify(report, null, 2));

    const render = await cli(['render', 'inv.json', '-o', 'inv.pdf'], dir);
    expect(render.code).toBe(1);
    expect(render.stderr).toContain('inv.json: 报告有误，未生成 PDF');
    expect(render.stderr).toContain('错误 metadata.year（报告年度）: 应为数字，实际为字符串');
    expect(render.stderr).toContain('错误 signature.office（落款机关）');
    expect(existsSync(join(dir, 'inv.pdf'))).toBe(false);
    expect(tempFiles(dir)).toEqual([]);

    const validate = await cli(['validate', 'inv.json'], dir);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('错误 metadata.year（报告年度）');
    const json = await cli(['validate', '--format', 'json', 'inv.json'], dir);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['metadata.year', 'signature.office']));

    // A report whose structure is right but whose statistics are not.
    const counted = JSON.parse(readFileSync(join(FIXTURES, 'short-sections-2015.json'), 'utf8'));
    counted.statistics.values['applications.received'] = -1;
    counted.statistics.values['capacity.funding'] = '2万';
    writeFileSync(join(dir, 'counted.json'), JSON.stringify(counted));
    const stats = await cli(['render', 'counted.json'], dir);
    expect(stats.code).toBe(1);
    expect(stats.stderr).toContain('错误 statistics.values["applications.received"]（收到申请数）: ');
    expect(stats.stderr).toContain('错误 statistics.values["capacity.funding"]（政府信息公开专项经费');
    expect(existsSync(join(dir, 'counted.pdf'))).toBe(false);
  });

  it('render --strict refuses a report with warnings', async () => {
    const dir = folder();
    const r = await cli(['render', join(FIXTURES, 'halfwidth-placeholders-2017.json'), '--strict', '-o', 'h.pdf'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('报告有误');
    expect(existsSync(join(dir, 'h.pdf'))).toBe(false);
  });
});

describe('unwritable output: exit 4', () => {
  it('an output path under a regular file', async () => {
    const dir = folder();
    await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);
    writeFileSync(join(dir, 'file'), 'a regular file');
    for (const args of [['render', 'r.json', '-o', 'file/r.pdf'], ['render', 'r.json', '--out-dir', 'file/sub'], ['init', 'file/new.json', '--agency', AGENCY, '--year', '2025']]) {
      const r = await cli(args, dir);
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr).toMatch(/file\/(r\.pdf|sub\/r\.pdf|new\.json): cannot be written/);
      expect(statSync(join(dir, 'file')).isFile()).toBe(true);
      expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('a regular file');
    }
    expect(readdirSync(dir).sort()).toEqual(['file', 'r.json']);
  });

  it('an output path that is a folder: the folder is untouched and no temporary file remains', async () => {
    const dir = folder();
    await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);
    mkdirSync(join(dir, 'taken.pdf'));
    writeFileSync(join(dir, 'taken.pdf/keep'), 'x');
    const r = await cli(['render', 'r.json', '-o', 'taken.pdf'], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('taken.pdf: cannot be written');
    expect(readdirSync(join(dir, 'taken.pdf'))).toEqual(['keep']);
    expect(tempFiles(dir)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder (skipped as root, who may write anyway)', async () => {
    const dir = folder();
    await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o555);
    try {
      const r = await cli(['render', 'r.json', '-o', 'ro/r.pdf'], dir);
      expect(r.code).toBe(4);
      expect(readdirSync(join(dir, 'ro'))).toEqual([]);
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
  });

  it.skipIf(process.getuid?.() === 0)('validate --fix in a read-only folder (skipped as root)', async () => {
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

describe('an existing PDF is only ever replaced by a complete one', () => {
  const KNOWN = Buffer.from('%PDF-1.4\nthe office’s published report, byte for byte\n%%EOF\n');

  it('a failed render leaves output.pdf as it was, and no temporary file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'output.pdf'), KNOWN);
    writeFileSync(join(dir, 'inv.json'), JSON.stringify({ metadata: { agency: AGENCY, year: 2025 } }));
    writeFileSync(join(dir, 'broken.json'), '{"metadata": ');
    for (const [file, code] of [['inv.json', 1], ['broken.json', 3], ['missing.json', 3]] as const) {
      const r = await cli(['render', file, '-o', 'output.pdf'], dir);
      expect(r.code, file).toBe(code);
      expect(readFileSync(join(dir, 'output.pdf')).equals(KNOWN)).toBe(true);
      expect(tempFiles(dir)).toEqual([]);
    }
    // A render that succeeds does replace it.
    await cli(['init', 'r.json', '--agency', AGENCY, '--year', '2025'], dir);
    const ok = await cli(['render', 'r.json', '-o', 'output.pdf'], dir);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'output.pdf')).equals(KNOWN)).toBe(false);
    expect(isCompletePdf(join(dir, 'output.pdf'))).toBe(true);
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
    // Two interruptions: early (while reading and validating) and later (while composing or writing).
    const runs = await Promise.all(
      dirs.map((dir, i) => {
        bigReport(dir, 'big.json');
        return interruptedRender(['render', 'big.json', '-o', 'big.pdf'], dir, [300, 1200][i]!, 'SIGINT');
      }),
    );
    for (const [i, run] of runs.entries()) {
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

  it.each(['SIGINT', 'SIGTERM'] as const)('%s during the second report of a batch keeps the first PDF and leaves nothing of the second', async (signal) => {
    const dir = folder();
    copyFileSync(join(FIXTURES, 'short-sections-2015.json'), join(dir, 'a.json'));
    bigReport(dir, 'b.json');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out/b.pdf'), KNOWN); // last year's run: must survive the interrupted one
    let sent = false;
    // The second report starts once "[2/2]" is printed, after the first PDF was written.
    const run = await cli(['render', 'a.json', 'b.json', '--out-dir', 'out'], dir, (soFar, kill) => {
      if (!sent && soFar.includes('[2/2]')) {
        sent = true;
        setTimeout(() => kill(signal), 150);
      }
    });
    expect(sent).toBe(true);
    // Outside a write the signal has its default effect; during one it is held, then exits 128 + its number.
    expect(run.signal === signal || run.code === 128 + constants.signals[signal], JSON.stringify(run)).toBe(true);
    expect(run.stderr).not.toContain('rendered');
    expect(isCompletePdf(join(dir, 'out/a.pdf'))).toBe(true);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.pdf', 'b.pdf']);
    expect(readFileSync(join(dir, 'out/b.pdf')).equals(KNOWN)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
  });
});

describe.concurrent('usage errors: exit 64', () => {
  it.for([
    [['frob'], 'unknown command "frob"'],
    [['toString'], 'unknown command "toString"'],
    [['constructor', '--help'], 'unknown command "constructor"'],
    [['main'], 'unknown command "main"'],
    [['validate', '--bogus', 'r.json'], "Unknown option '--bogus'"],
    [['render', '-x', 'r.json'], "Unknown option '-x'"],
    [['validate'], 'Usage: xxgk-report validate'],
    [['validate', 'a.json', 'b.json'], 'Usage: xxgk-report validate'],
    [['validate', '--format', 'xml', 'r.json'], '--format is text or json'],
    [['render'], 'render needs at least one report file'],
    [['render', 'r.json', '--pdfa', '4u'], '--pdfa is 1b, 2b or 3b'],
    [['render', 'r.json', '--font', 'footer=/x.ttf'], '--font footer=/x.ttf'],
    [['render', 'r.json', '-o'], "Option '-o, --output <value>' argument missing"],
    [['text'], 'Usage: xxgk-report text'],
  ] as const)('%j', async ([args, message], { expect }) => {
    const dir = folder();
    const r = await cli(args, dir);
    expect(r.code, r.stderr).toBe(64);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
