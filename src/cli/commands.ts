/** The CLI's commands, each over the public API; each returns the process exit code. */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { FONT_ROLES, type FontRole } from '../model/fontRole.js';
import { reportJsonSchemaText } from '../model/jsonSchema.js';
import { normalizePunctuation, type PunctuationChange } from '../model/normalizePunctuation.js';
import type { Report, ValidationIssue } from '../model/types.js';
import type { FontSource } from '../fonts/fontFace.js';
import { prepareReport, renderReport, ReportValidationError, type RenderOptions } from '../renderReport.js';
import { initReport } from './initReport.js';
import { InputError, readReportFile, yamlModule } from './readReportFile.js';
import { writeFileAtomic } from './writeAtomic.js';

/** Exit codes: 0 success, 1 invalid report or failed render, 2 warnings under --strict, 3 unreadable input, 4 unwritable output, 64 usage. */
export const EXIT = { ok: 0, invalid: 1, warnings: 2, input: 3, output: 4, usage: 64 } as const;

/** A usage mistake on the command line. */
export class UsageError extends Error {}

const issueLine = (i: ValidationIssue) => `${i.severity === 'error' ? '错误' : '警告'} ${i.path || '(根)'}${i.label ? `（${i.label}）` : ''}: ${i.message}`;

/** `init [file] --agency A --year N` */
export async function initCommand(file: string | undefined, agency: string | undefined, year: string | undefined, force: boolean, out: (s: string) => void): Promise<number> {
  if (!agency || !year || !/^\d{4}$/.test(year)) throw new UsageError('init needs --agency and a four-digit --year');
  const today = new Date().toISOString().slice(0, 10);
  const report = initReport(agency, Number(year), today);
  const text = file && /\.ya?ml$/i.test(file) ? yamlModule().stringify(report) : `${JSON.stringify(report, null, 2)}\n`;
  if (!file) return out(text), EXIT.ok;
  if (existsSync(file) && !force) throw new InputError(`${file}: already exists (use --force to replace it)`);
  await writeOutput(file, text);
  out(`wrote ${file}`);
  return EXIT.ok;
}

/** `validate <file> [--strict] [--format json] [--fix]` */
export async function validateCommand(file: string, options: { strict: boolean; json: boolean; fix: boolean }, out: (s: string) => void): Promise<number> {
  const input = readReportFile(file);
  let result = prepareCheck(input, options.strict);
  let changes: readonly PunctuationChange[] = [];
  if (options.fix && result.report) {
    const normalized = normalizePunctuation(result.report);
    const report = normalized.report;
    changes = normalized.changes;
    // With --format json the changes go into the JSON object, so that stdout stays one JSON document.
    if (!options.json) for (const c of changes) out(`修改 ${c.path}: ${c.before} → ${c.after}`);
    if (changes.length > 0) await writeOutput(file, /\.ya?ml$/i.test(file) ? yamlModule().stringify(report) : `${JSON.stringify(report, null, 2)}\n`);
    result = prepareCheck(report, options.strict);
  }
  const issues = [...result.errors, ...result.warnings];
  if (options.json) out(JSON.stringify({ ok: result.errors.length === 0, errors: result.errors, warnings: result.warnings, ...(options.fix ? { changes } : {}) }, null, 2));
  else for (const issue of issues) out(issueLine(issue));
  if (result.errors.length > 0) return EXIT.invalid;
  if (options.strict && result.warnings.length > 0) return EXIT.warnings;
  if (!options.json) out(`${file}: ${result.warnings.length === 0 ? '通过' : `通过，${result.warnings.length} 条警告`}`);
  return EXIT.ok;
}

function prepareCheck(input: unknown, _strict: boolean): { report?: Report; errors: readonly ValidationIssue[]; warnings: readonly ValidationIssue[] } {
  try {
    const prepared = prepareReport(input, {});
    return { report: prepared.report, errors: [], warnings: prepared.warnings };
  } catch (e) {
    if (e instanceof ReportValidationError) return { errors: e.errors, warnings: e.warnings };
    throw e;
  }
}

/** Expands inputs: files, folders (their .json/.yaml/.yml files) and simple * patterns in the last path segment. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input.includes('*')) {
      const dir = dirname(input);
      const pattern = new RegExp(`^${basename(input).split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      if (!existsSync(dir)) throw new InputError(`${input}: no such folder ${dir}`);
      files.push(...readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => join(dir, f)));
    } else if (existsSync(input) && statSync(input).isDirectory()) {
      files.push(...readdirSync(input).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort().map((f) => join(input, f)));
    } else files.push(input);
  }
  return files;
}

/** Parses `role=path` or `role=path#Face` font options. */
export function parseFontOptions(specs: readonly string[]): Partial<Record<FontRole, FontSource>> {
  const fonts: Partial<Record<FontRole, FontSource>> = {};
  for (const spec of specs) {
    const m = /^([A-Za-z0-9]+)=(.+?)(?:#(.+))?$/.exec(spec);
    if (!m || !(FONT_ROLES as readonly string[]).includes(m[1]!)) throw new UsageError(`--font ${spec}: expected role=path[#face] with a role among ${FONT_ROLES.join(', ')}`);
    fonts[m[1] as FontRole] = m[3] ? { path: m[2]!, face: m[3] } : m[2]!;
  }
  return fonts;
}

/** `render <inputs…> [-o out.pdf | --out-dir dir] [--pdfa L] [--font role=path] [--strict]` */
export async function renderCommand(inputs: string[], options: { output?: string; outDir?: string; render: RenderOptions }, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const files = expandInputs(inputs);
  if (files.length === 0) throw new UsageError('render needs at least one report file');
  if (options.output && files.length > 1) throw new UsageError('-o names one output file; use --out-dir for several reports');
  let failed = 0;
  for (const [i, file] of files.entries()) {
    if (files.length > 1) err(`[${i + 1}/${files.length}] ${file}`);
    const target = options.output ?? join(options.outDir ?? dirname(file), `${basename(file, extname(file))}.pdf`);
    try {
      const pdf = await renderReport(readReportFile(file), options.render);
      await writeOutput(target, pdf);
      out(`${file} → ${target} (${pdf.length} bytes)`);
    } catch (e) {
      failed++;
      if (e instanceof ReportValidationError) err(`${file}: 报告有误，未生成 PDF\n${e.errors.map((x) => `  ${issueLine(x)}`).join('\n')}`);
      else if (e instanceof InputError) err(e.message);
      else err(`${file}: ${(e as Error).message}`);
      if (files.length === 1) return e instanceof InputError ? EXIT.input : e instanceof OutputError ? EXIT.output : EXIT.invalid;
    }
  }
  if (files.length > 1) err(`${files.length - failed} rendered, ${failed} failed`);
  return failed > 0 ? EXIT.invalid : EXIT.ok;
}

/** `schema`: the JSON Schema of the report. */
export function schemaCommand(out: (s: string) => void): number {
  out(reportJsonSchemaText().trimEnd());
  return EXIT.ok;
}

/** A problem writing an output file. */
export class OutputError extends Error {}

async function writeOutput(path: string, data: Uint8Array | string): Promise<void> {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    await writeFileAtomic(path, data);
  } catch (e) {
    throw new OutputError(`${path}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

