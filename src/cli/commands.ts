/** The CLI's commands, each over the public API; each returns the process exit code. Every message is in Chinese. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { FontRole, PunctuationChange, Report, TemplateId, ValidationIssue } from '../model/index.js';
import type { FontSource } from '../fonts/fontFace.js';
import type { RenderOptions } from '../renderReport.js';
import { InputError, isYamlFile, readReportFile, readReportSource, type PathSegment, type StringEdit } from './readReportFile.js';
import { isStdout, OutputError, writeOutput } from './writeOutput.js';
import { EXIT, UsageError, WARNINGS_SHOWN } from './exit.js';

export { OutputError } from './writeOutput.js';
export { EXIT, UsageError, WARNINGS_SHOWN } from './exit.js';

type Print = (s: string) => void;

/**
 * The library, loaded once a command has read its input and checked its arguments: loading it (its modules, zod,
 * the fonts) is most of a short run's time, and an unreadable file or a usage mistake does not need it.
 */
async function library() {
  const [model, render, init, { z }] = await Promise.all([import('../model/index.js'), import('../renderReport.js'), import('./initReport.js'), import('zod')]);
  // A command runs once: zod checking without the code it would generate and compile for its schemas (the same checks).
  z.config({ jitless: true });
  return { ...model, ...render, ...init };
}
type Library = Awaited<ReturnType<typeof library>>;

/** One issue on one line: severity, JSON path, Chinese label, message. */
export const issueLine = (i: ValidationIssue): string => `${i.severity === 'error' ? '错误' : '警告'} ${i.path || '(根)'}${i.label ? `（${i.label}）` : ''}: ${i.message}`;

const TEMPLATE_NAMES: Record<TemplateId, string> = { '2021': '全国统一格式，六个部分、三个统计表', '2019': '2019年试行的全国统一格式，六个部分、三个统计表', '2014': '十二部分格式，附统计表', '2008': '七部分格式' };

/** `init [file] --agency A --year N [--template 2021|2019|2014|2008] [--force]` */
export async function initCommand(file: string | undefined, agency: string | undefined, year: string | undefined, force: boolean, out: Print, template?: string): Promise<number> {
  if (!agency || !year || !/^\d{4}$/.test(year)) throw new UsageError('init 需要 --agency（发布机关）和四位数字的 --year（报告年度），例如：xxgk-report init report.json --agency 临沂市民政局 --year 2025');
  if (template !== undefined && !Object.hasOwn(TEMPLATE_NAMES, template)) throw new UsageError(`--template 只能是 2021（全国统一格式）、2019（2019年试行的全国统一格式）、2014（十二部分）或 2008（七部分），实际为“${template}”`);
  const { schemaReference, defaultSignatureDate, defaultTemplate, initReport, reportYaml, reportJson, PUBLISHED_SCHEMA_URL } = await library();
  const templateId = (template as TemplateId | undefined) ?? defaultTemplate(Number(year));
  if (file === '-') file = undefined; // `init -`: standard output, as without a file
  const schema = schemaReference(file);
  const date = defaultSignatureDate(Number(year));
  const report = initReport(agency, Number(year), date, schema, templateId);
  const text = file && isYamlFile(file) ? reportYaml(report) : reportJson(report);
  if (!file) return out(text.trimEnd()), EXIT.ok;
  if (existsSync(file) && !force) throw new InputError(`${file}：文件已存在（加 --force 覆盖）`);
  await writeOutput(file, text);
  out(`已写入 ${file}`);
  out(`  $schema：${schema}${schema === PUBLISHED_SCHEMA_URL ? '（已发布的网址；在装有 xxgk-report 的项目中写入时改用 node_modules 里的文件）' : '（本项目 node_modules 里的文件）'}`);
  out(`  模板：${templateId}（${TEMPLATE_NAMES[templateId]}）`);
  out(`  落款日期：${date}（次年 1 月 31 日，请按实际成文日期修改）`);
  return EXIT.ok;
}

/** The fields whose string value differs between a parsed input and its normalised copy. */
function stringEdits(before: unknown, after: unknown, path: PathSegment[] = [], edits: StringEdit[] = []): StringEdit[] {
  if (typeof after === 'string') {
    if (typeof before === 'string' && before !== after) edits.push({ path: [...path], value: after });
  } else if (Array.isArray(after)) {
    if (Array.isArray(before)) after.forEach((x, i) => stringEdits(before[i], x, [...path, i], edits));
  } else if (after !== null && typeof after === 'object' && before !== null && typeof before === 'object') {
    for (const key of Object.keys(after)) stringEdits((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], [...path, key], edits);
  }
  return edits;
}

interface Check {
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}

/** Validation against the default fonts (so that undrawable characters are found), warnings kept apart from errors. */
function check(lib: Library, input: unknown, render: RenderOptions = {}): Check {
  try {
    return { errors: [], warnings: lib.prepareReport(input, { ...render, strict: false }).warnings };
  } catch (e) {
    if (e instanceof lib.ReportValidationError) return { errors: e.errors, warnings: e.warnings };
    throw e;
  }
}

/** `validate <file> [--strict] [--format json] [--fix]` */
export async function validateCommand(file: string, options: { strict: boolean; json: boolean; fix: boolean }, out: Print): Promise<number> {
  const source = readReportSource(file, { editable: options.fix });
  const lib = await library();
  let input = source.value;
  let changes: readonly PunctuationChange[] = [];
  let backup: string | undefined;
  let fixProblem: string | undefined;
  if (options.fix) {
    // Fixes what can be fixed even when the report has errors; the errors that remain are listed below.
    let normalized: { report: Report; changes: PunctuationChange[] } | undefined;
    try {
      normalized = lib.normalizePunctuation(input as Report);
    } catch {
      fixProblem = '报告结构有误，无法自动修改标点；请先修正下列错误';
    }
    if (normalized && normalized.changes.length > 0) {
      changes = normalized.changes;
      const text = source.withStrings(stringEdits(input, normalized.report));
      backup = `${file}.bak`;
      await writeOutput(backup, source.bytes);
      await writeOutput(file, text);
      input = normalized.report;
    }
  }
  const result = check(lib, input);
  const refusedForWarnings = options.strict && result.errors.length === 0 && result.warnings.length > 0;
  if (options.json) {
    const ok = result.errors.length === 0 && !refusedForWarnings;
    out(JSON.stringify({ ok, errors: result.errors, warnings: result.warnings, ...(options.fix ? { changes, ...(backup ? { backup } : {}), ...(fixProblem ? { fixProblem } : {}) } : {}) }, null, 2));
  } else {
    // With --format json the changes are a field of the one JSON document; here they come first, one a line.
    for (const c of changes) out(`修改 ${c.path}: ${c.before} → ${c.after}`);
    if (backup) out(`已修改 ${changes.length} 处，原文件备份为 ${backup}`);
    if (fixProblem) out(fixProblem);
    for (const issue of [...result.errors, ...result.warnings]) out(issueLine(issue));
    const warned = result.warnings.length > 0 ? `${result.warnings.length} 条警告` : '';
    if (result.errors.length > 0) out(`${file}：未通过，${result.errors.length} 个错误${warned ? `，${warned}` : ''}${backup ? '（标点已自动修改，其余错误需要手工修改）' : ''}`);
    else if (refusedForWarnings) out(`${file}：未通过（--strict：${warned}视为错误）`);
    else out(`${file}：${warned ? `通过，${warned}` : '通过'}`);
  }
  if (result.errors.length > 0) return EXIT.invalid;
  return refusedForWarnings ? EXIT.warnings : EXIT.ok;
}

/** Expands inputs: files, folders (their .json/.yaml/.yml files) and simple * patterns in the last path segment; a file named twice counts once. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input.includes('*')) {
      const dir = dirname(input);
      const pattern = new RegExp(`^${basename(input).split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      if (!existsSync(dir)) throw new InputError(`${input}：文件夹 ${dir} 不存在`);
      files.push(...readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => join(dir, f)));
    } else if (existsSync(input) && statSync(input).isDirectory()) {
      files.push(...readdirSync(input).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort().map((f) => join(input, f)));
    } else files.push(input);
  }
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(resolve(f)) && (seen.add(resolve(f)), true));
}

/** Parses `role=path` or `role=path#Face` font options. */
export async function parseFontOptions(specs: readonly string[]): Promise<Partial<Record<FontRole, FontSource>>> {
  const fonts: Partial<Record<FontRole, FontSource>> = {};
  if (specs.length === 0) return fonts;
  const { FONT_ROLES } = await import('../model/index.js');
  for (const spec of specs) {
    const m = /^([A-Za-z0-9]+)=(.+?)(?:#(.+))?$/.exec(spec);
    if (!m || !(FONT_ROLES as readonly string[]).includes(m[1]!)) throw new UsageError(`--font ${spec}：应写成 角色=字体文件[#字体名]，角色为 ${FONT_ROLES.join('、')} 之一`);
    fonts[m[1] as FontRole] = m[3] ? { path: m[2]!, face: m[3] } : m[2]!;
  }
  return fonts;
}

/** Deepest folder that contains every one of `dirs` (absolute). */
function commonFolder(dirs: readonly string[]): string {
  let common = dirs[0]!.split(sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(sep);
    let k = 0;
    while (k < common.length && k < parts.length && common[k] === parts[k]) k++;
    common = common.slice(0, k);
  }
  return common.join(sep) || sep;
}

/** Output path of each input; two inputs that would write the same PDF are a usage error, found before anything is rendered. */
export function outputPaths(files: readonly string[], options: { output?: string; outDir?: string; keepFolders?: boolean }): string[] {
  if (options.output) {
    if (options.output !== '-' && resolve(options.output) === resolve(files[0]!)) throw new UsageError(`${options.output}：这是要排版的报告本身，不能作为输出文件`);
    return [options.output];
  }
  const common = options.keepFolders ? commonFolder(files.map((f) => dirname(resolve(f)))) : '';
  const targets = files.map((f) => {
    const name = `${basename(f, extname(f))}.pdf`;
    if (!options.outDir) return join(dirname(f), name);
    return options.keepFolders ? join(options.outDir, relative(common, dirname(resolve(f))), name) : join(options.outDir, name);
  });
  // Windows and macOS file systems ignore case by default: Report.json and report.yaml would meet there too.
  const key = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? resolve(p).toLowerCase() : resolve(p));
  const byTarget = new Map<string, number[]>();
  targets.forEach((t, i) => byTarget.set(key(t), [...(byTarget.get(key(t)) ?? []), i]));
  // A PDF written over a report would destroy it (`render r.json -o r.json`).
  const inputs = new Set(files.map(key));
  const overInput = targets.findIndex((t) => inputs.has(key(t)));
  if (overInput !== -1) throw new UsageError(`${targets[overInput]}：这是要排版的报告本身，不能作为输出文件`);
  const clashes = [...byTarget.values()].filter((group) => group.length > 1);
  if (clashes.length > 0) {
    const lines = clashes.map((group) => `  ${group.map((i) => files[i]).join(' 和 ')} → ${targets[group[0]!]}`);
    const sameFolder = clashes.some((group) => new Set(group.map((i) => dirname(resolve(files[i]!)))).size < group.length);
    const hint = options.outDir && !sameFolder ? '请给报告改名，或加 --keep-folders 在输出文件夹中按输入的文件夹分开存放' : '请给其中的报告改名（同一文件夹中的同名报告只能生成一个 PDF）';
    throw new UsageError(`以下报告会写到同一个 PDF，后一个会覆盖前一个，因此一个也没有生成：\n${lines.join('\n')}\n${hint}。`);
  }
  return targets;
}

/** Prints a report's warnings: the count and the first few, or all of them with --verbose. */
function printWarnings(file: string, warnings: readonly ValidationIssue[], verbose: boolean, err: Print): void {
  if (warnings.length === 0) return;
  const shown = verbose ? warnings : warnings.slice(0, WARNINGS_SHOWN);
  err(`${file}：${warnings.length} 条警告${shown.length < warnings.length ? '（加 --verbose 显示全部）' : ''}`);
  for (const w of shown) err(`  ${issueLine(w)}`);
  if (shown.length < warnings.length) err(`  …另有 ${warnings.length - shown.length} 条`);
}

/** Outcome of one report of `render`: the exit code it would give alone. */
type Outcome = (typeof EXIT)[keyof typeof EXIT];

async function renderOne(file: string, target: string, options: { render: RenderOptions; strict: boolean; verbose: boolean }, out: Print, err: Print): Promise<Outcome> {
  let lib: Library | undefined;
  try {
    const input = readReportFile(file);
    lib = await library();
    const render = { ...options.render, strict: false };
    const prepared = lib.prepareReport(input, render);
    const { warnings } = prepared;
    if (options.strict && warnings.length > 0) {
      err(`${file}：有 ${warnings.length} 条警告，按 --strict 未生成 PDF`);
      for (const w of warnings) err(`  ${issueLine(w)}`);
      return EXIT.warnings;
    }
    const pdf = await lib.renderPrepared(prepared, render);
    await writeOutput(target, pdf);
    // With -o - (or /dev/stdout) the PDF is on stdout: the note goes to stderr.
    const toStdout = isStdout(target);
    (toStdout ? err : out)(`${file} → ${target === '-' ? '标准输出' : target}（${pdf.length} 字节）`);
    printWarnings(file, warnings, options.verbose, err);
    return EXIT.ok;
  } catch (e) {
    if (lib && e instanceof lib.ReportValidationError) {
      err(`${file}：报告有误，未生成 PDF（${e.errors.length} 个错误）\n${e.errors.map((x) => `  ${issueLine(x)}`).join('\n')}`);
      printWarnings(file, e.warnings, options.verbose, err);
      return EXIT.invalid;
    }
    if (e instanceof InputError || e instanceof OutputError) {
      err(e.message);
      return e instanceof InputError ? EXIT.input : EXIT.output;
    }
    err(`${file}：生成失败（${(e as Error).message}）`);
    return EXIT.invalid;
  }
}

/** Options of `render`. */
export interface RenderCommandOptions {
  readonly output?: string;
  readonly outDir?: string;
  readonly keepFolders?: boolean;
  readonly strict?: boolean;
  readonly verbose?: boolean;
  readonly render: RenderOptions;
}

/** `render <inputs…> [-o out.pdf | -o - | --out-dir dir [--keep-folders]] [--pdfa L] [--font role=path] [--strict] [--verbose]` */
export async function renderCommand(inputs: string[], options: RenderCommandOptions, out: Print, err: Print): Promise<number> {
  const files = expandInputs(inputs);
  if (files.length === 0) throw new UsageError(inputs.length === 0 ? 'render 至少需要一个报告文件' : `${inputs.join(' ')}：没有找到报告文件（.json、.yaml 或 .yml）`);
  if (options.output && files.length > 1) throw new UsageError('-o 只能指定一个输出文件；多份报告请用 --out-dir 指定输出文件夹');
  if (options.output && options.outDir) throw new UsageError('-o 和 --out-dir 只能用一个');
  if (options.keepFolders && !options.outDir) throw new UsageError('--keep-folders 需要与 --out-dir 一起使用');
  if (options.output === '-' && process.stdout.isTTY) throw new UsageError('不向终端输出 PDF；请重定向到文件（-o - > 报告.pdf）或用 -o 指定文件名');
  const targets = outputPaths(files, options);
  const one = { render: options.render, strict: options.strict ?? false, verbose: options.verbose ?? false };
  if (files.length === 1) return renderOne(files[0]!, targets[0]!, one, out, err);
  let failed = 0;
  let refused = 0;
  for (const [i, file] of files.entries()) {
    err(`[${i + 1}/${files.length}] ${file}`);
    const outcome = await renderOne(file, targets[i]!, one, out, err);
    if (outcome === EXIT.warnings) refused++;
    else if (outcome !== EXIT.ok) failed++;
  }
  err(`已生成 ${files.length - failed - refused} 份，失败 ${failed + refused} 份${refused > 0 ? `（其中 ${refused} 份因 --strict 下有警告未生成）` : ''}`);
  return failed > 0 ? EXIT.invalid : refused > 0 ? EXIT.warnings : EXIT.ok;
}

/** `schema`: the JSON Schema of the report. */
export async function schemaCommand(out: Print): Promise<number> {
  const { reportJsonSchemaText } = await import('../model/index.js');
  out(reportJsonSchemaText().trimEnd());
  return EXIT.ok;
}

/** Options of `serve`. */
export interface ServeCommandOptions {
  /** The port; without it the default port, or the next free one. */
  readonly port?: number;
  /** Open the editor in the default browser. */
  readonly open: boolean;
  readonly render: RenderOptions;
}

/** Opens a URL in the system's browser; a failure is only reported. */
function openInBrowser(url: string, err: Print): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  import('node:child_process').then(({ spawn }) => {
    const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => err(`无法自动打开浏览器，请手动打开 ${url}`));
    child.unref();
  }, () => {});
}

/** `serve [file] [--port N] [--open]`: the local editor, until Ctrl+C. */
export async function serveCommand(file: string | undefined, options: ServeCommandOptions, out: Print, err: Print): Promise<number> {
  if (file !== undefined) {
    // Read now, so that an unreadable file stops here with the CLI's message and exit code.
    readReportSource(file);
  }
  const { startEditorServer } = await import('../serve/server.js');
  const { DEFAULT_EDITOR_PORT, EDITOR_PORT_TRIES } = await import('../serve/port.js');
  let initial: Report | undefined;
  if (file === undefined) {
    const { initReport, defaultSignatureDate, defaultTemplate } = await library();
    const year = new Date().getFullYear() - 1;
    initial = initReport('', year, defaultSignatureDate(year), undefined, defaultTemplate(year));
  }
  const serverOptions = { ...(file !== undefined ? { file } : {}), ...(initial ? { initial } : {}), render: options.render, log: err };
  const ports = options.port !== undefined ? [options.port] : [...Array.from({ length: EDITOR_PORT_TRIES }, (_, i) => DEFAULT_EDITOR_PORT + i), 0];
  let editor: Awaited<ReturnType<typeof startEditorServer>> | undefined;
  for (const port of ports) {
    try {
      editor = await startEditorServer(port, serverOptions);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || options.port !== undefined) throw new Error(code === 'EADDRINUSE' ? `端口 ${port} 已被占用；请换一个端口（--port）` : (e as Error).message);
    }
  }
  out(`报告编辑器已启动：${editor!.url}`);
  out(file !== undefined ? `  编辑 ${file}（保存时写回此文件，原文件备份为 ${file}.bak）` : '  空白报告（未指定文件，只能下载，不能保存）');
  out('  按 Ctrl+C 停止');
  if (options.open) openInBrowser(editor!.url, err);
  return new Promise<number>((resolveExit) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void editor!.close().then(() => resolveExit(EXIT.ok));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
