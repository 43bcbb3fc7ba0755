/**
 * Test helpers that run independent conformance tools (Debian packages, not
 * npm) on a PDF file:
 *
 *  - Apache PDFBox Preflight (PDF/A-1b validator), from `libpdfbox2-java`
 *    run by `default-jre-headless`; it also needs `libactivation-java`
 *    (javax.activation) and `libjaxb-api-java` (javax.xml.bind) at run time.
 *    `libfontbox2-java` and `libcommons-logging-java` come in as
 *    dependencies of libpdfbox2-java.
 *  - poppler-utils: pdfinfo, pdffonts, pdftotext, pdftoppm.
 *  - fonts-arphic-ukai / fonts-arphic-uming: independent CJK TrueType
 *    collections (ukai.ttc / uming.ttc).
 *  - chromium: the browser the report editor's tests drive headless (through
 *    playwright-core, which downloads no browser of its own).
 *
 * Policy for tests that need one of these (see `toolPolicy`):
 *  - tool present                 → the tests run;
 *  - tool missing and CI is set   → a test FAILS, naming the missing package;
 *  - tool missing outside CI      → the tests are skipped and a warning naming
 *                                   the package is printed with console.warn.
 *
 * Environment variables:
 *  - CI: set (and not "", "0" or "false") → missing tools fail the run.
 *  - XXGK_FAKE_MISSING_TOOLS: pretend tools are missing, to exercise the
 *    policy. "1" or "all" → every tool; otherwise a comma-separated list of
 *    `preflight`, `poppler`, `fonts`, `chromium`.
 *  - XXGK_PREFLIGHT_CLASSPATH: use this Java classpath instead of the jars
 *    discovered in /usr/share/java.
 *  - XXGK_JAVA: the java executable (default: $JAVA_HOME/bin/java, else
 *    `java` on PATH).
 *  - XXGK_CHROMIUM: the Chromium executable (default: /usr/bin/chromium, else
 *    `chromium` on PATH).
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, delimiter, join, resolve } from 'node:path';
import { describe, it } from 'vitest';

// ---------------------------------------------------------------------------
// Debian packages, for messages and for .ci/run

/** Debian packages that provide PDFBox Preflight and a JRE to run it. */
export const PREFLIGHT_PACKAGES =
  'default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java';
/** Debian package that provides pdfinfo, pdffonts, pdftotext and pdftoppm. */
export const POPPLER_PACKAGES = 'poppler-utils';
/** Debian packages that provide the AR PL UKai / UMing CJK fonts. */
export const ARPHIC_PACKAGES = 'fonts-arphic-ukai fonts-arphic-uming';
/** Debian package that provides the headless browser of the editor's tests. */
export const CHROMIUM_PACKAGES = 'chromium';

// ---------------------------------------------------------------------------
// Environment

export type ToolId = 'preflight' | 'poppler' | 'fonts' | 'chromium';

/** True when running under CI (process.env.CI set to a truthy value). */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** Whether XXGK_FAKE_MISSING_TOOLS asks us to pretend `tool` is not installed. */
export function fakedMissing(tool: ToolId, env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.XXGK_FAKE_MISSING_TOOLS ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'all' || v === 'true') return true;
  return v.split(',').map((s) => s.trim()).includes(tool);
}

function findOnPath(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Tool policy (skip outside CI, fail inside CI)

export type ToolDecision =
  | { action: 'run' }
  | { action: 'skip'; message: string }
  | { action: 'fail'; message: string };

/** Pure decision: what a test needing `what` should do. */
export function toolPolicy(
  available: boolean,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): ToolDecision {
  if (available) return { action: 'run' };
  if (isCI(env)) {
    return {
      action: 'fail',
      message:
        `Missing Debian package(s): ${what}. CI must install them ` +
        `(apt-get install -y ${what}; see .ci/run).`,
    };
  }
  return {
    action: 'skip',
    message:
      `[conformance] SKIPPED: missing Debian package(s): ${what} ` +
      `(install with: apt-get install -y ${what}). Under CI this is a failure.`,
  };
}

/**
 * For use inside a single test. Returns true when the tool is available.
 * When it is missing: under CI throws (the test fails); outside CI prints a
 * warning and, when the vitest test context is passed, skips the test
 * (`ctx.skip` throws); without a context it returns false.
 *
 *   it('…', (ctx) => { requireTool(popplerAvailable(), POPPLER_PACKAGES, ctx); … });
 */
export function requireTool(
  available: boolean,
  what: string,
  ctx?: { skip: (note?: string) => void },
): boolean {
  const d = toolPolicy(available, what);
  if (d.action === 'run') return true;
  if (d.action === 'fail') throw new Error(d.message);
  console.warn(d.message);
  ctx?.skip(d.message);
  return false;
}

/**
 * `describe` for a block of tests that need a Debian tool.
 *  - available → a normal describe;
 *  - missing, CI → a describe whose first test fails with a message naming
 *    the package; the block's own tests are registered as skipped;
 *  - missing, not CI → describe.skipIf(true) plus a console.warn naming the
 *    package.
 */
export function describeWithTool(
  available: boolean,
  what: string,
  name: string,
  fn: () => void,
): void {
  const d = toolPolicy(available, what);
  if (d.action === 'run') {
    describe(name, fn);
  } else if (d.action === 'fail') {
    describe(name, () => {
      it(`requires Debian package(s): ${what}`, () => {
        throw new Error(d.message);
      });
      describe.skip('(not run: tool missing)', fn);
    });
  } else {
    console.warn(`${d.message} [${name}]`);
    describe.skipIf(true)(`${name} (skipped: needs ${what})`, fn);
  }
}

/** `it` for a single test that needs a Debian tool; same policy as describeWithTool. */
export function itWithTool(
  available: boolean,
  what: string,
  name: string,
  fn: () => unknown,
  timeout?: number,
): void {
  const d = toolPolicy(available, what);
  if (d.action === 'run') {
    it(name, fn, timeout);
  } else if (d.action === 'fail') {
    it(`${name} (requires Debian package(s): ${what})`, () => {
      throw new Error(d.message);
    });
  } else {
    console.warn(`${d.message} [${name}]`);
    it.skipIf(true)(`${name} (skipped: needs ${what})`, fn);
  }
}

// ---------------------------------------------------------------------------
// PDFBox Preflight

const JAVA_DIR = '/usr/share/java';

/**
 * Jars Validator_A1b needs at run time. Each entry is the jar's base name as
 * Debian installs it (an unversioned symlink), with the versioned form as a
 * fallback (`name-1.2.3.jar`, highest version wins).
 */
const PREFLIGHT_JARS = [
  'preflight', // libpdfbox2-java
  'pdfbox2', // libpdfbox2-java
  'xmpbox', // libpdfbox2-java
  'fontbox2', // libfontbox2-java (dependency of libpdfbox2-java)
  'commons-logging', // libcommons-logging-java (dependency of libpdfbox2-java)
  'javax.activation', // libactivation-java: javax.activation.DataSource
  'jaxb-api', // libjaxb-api-java: javax.xml.bind.DatatypeConverter
] as const;

const PREFLIGHT_MAIN = 'org.apache.pdfbox.preflight.Validator_A1b';

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function findJar(files: readonly string[], base: string): string | null {
  if (files.includes(`${base}.jar`)) return join(JAVA_DIR, `${base}.jar`);
  const esc = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${esc}-(\\d[\\w.-]*)\\.jar$`);
  let best: { file: string; version: string } | null = null;
  for (const f of files) {
    const m = re.exec(f);
    if (m?.[1] && (!best || compareVersions(m[1], best.version) > 0)) {
      best = { file: f, version: m[1] };
    }
  }
  return best ? join(JAVA_DIR, best.file) : null;
}

function javaExecutable(): string | null {
  if (process.env.XXGK_JAVA) return existsSync(process.env.XXGK_JAVA) ? process.env.XXGK_JAVA : null;
  if (process.env.JAVA_HOME) {
    const p = join(process.env.JAVA_HOME, 'bin', 'java');
    if (existsSync(p)) return p;
  }
  return findOnPath('java');
}

type PreflightSetup = { java: string; classpath: string } | { missing: string[] };
let preflightSetupCache: PreflightSetup | undefined;

function preflightSetup(): PreflightSetup {
  if (preflightSetupCache) return preflightSetupCache;
  const missing: string[] = [];
  const java = javaExecutable();
  if (!java) missing.push('java (default-jre-headless)');
  let classpath = process.env.XXGK_PREFLIGHT_CLASSPATH ?? '';
  if (!classpath) {
    let files: string[] = [];
    try {
      files = readdirSync(JAVA_DIR);
    } catch {
      // no /usr/share/java at all
    }
    const jars: string[] = [];
    for (const base of PREFLIGHT_JARS) {
      const jar = findJar(files, base);
      if (jar) jars.push(jar);
      else missing.push(`${JAVA_DIR}/${base}.jar`);
    }
    classpath = jars.join(delimiter);
  }
  preflightSetupCache = missing.length || !java ? { missing } : { java, classpath };
  return preflightSetupCache;
}

/** Why Preflight is unavailable (empty when it is available). */
export function preflightMissing(): string[] {
  if (fakedMissing('preflight')) return ['faked by XXGK_FAKE_MISSING_TOOLS'];
  const s = preflightSetup();
  return 'missing' in s ? s.missing : [];
}

export function preflightAvailable(): boolean {
  return preflightMissing().length === 0;
}

/** The java command line used for Preflight (for messages and reports). */
export function preflightCommand(pdfPath: string): string[] {
  const s = preflightSetup();
  if ('missing' in s) throw new Error(`PDFBox Preflight unavailable: ${s.missing.join(', ')}`);
  return [s.java, ...JVM_FLAGS, '-cp', s.classpath, PREFLIGHT_MAIN, 'xml', pdfPath];
}

const JVM_FLAGS = [
  '-Djava.awt.headless=true',
  // faster start-up for a short-lived process
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
];

export interface PreflightIssue {
  /** Preflight error code, e.g. "3.1.1" (font), "7.1" (metadata). */
  code: string;
  details: string;
  /** 0-based page index when Preflight reports one. */
  page?: number;
}

export interface PreflightResult {
  valid: boolean;
  /** One line per error: "CODE : details" (plus " (page N)" when given). */
  errors: string[];
  /** The same errors, structured. */
  issues: PreflightIssue[];
  /** Preflight's XML output, verbatim. */
  raw: string;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * Parse the XML that `Validator_A1b xml FILE` prints, e.g.
 *
 *   <preflight name="a.pdf">
 *     <executionTimeMS>277</executionTimeMS>
 *     <isValid type="PDF/A1-b">false</isValid>
 *     <errors count="1">
 *       <error count="1"><code>3.1.3</code><details>…</details><page>0</page></error>
 *     </errors>
 *   </preflight>
 *
 * or, when the file cannot be read, an <exceptionThrown><message>…</message>.
 */
export function parsePreflightXml(xml: string): PreflightResult {
  const validMatch = /<isValid\b[^>]*>\s*(true|false)\s*<\/isValid>/.exec(xml);
  if (!validMatch) throw new Error(`Unrecognised Preflight output:\n${xml.slice(0, 2000)}`);
  const issues: PreflightIssue[] = [];
  for (const m of xml.matchAll(/<error\b[^>]*>([\s\S]*?)<\/error>/g)) {
    const body = m[1] ?? '';
    const code = decodeXml(/<code>([\s\S]*?)<\/code>/.exec(body)?.[1]?.trim() ?? '?');
    const details = decodeXml(/<details>([\s\S]*?)<\/details>/.exec(body)?.[1]?.trim() ?? '');
    const page = /<page>\s*(\d+)\s*<\/page>/.exec(body)?.[1];
    issues.push(page === undefined ? { code, details } : { code, details, page: Number(page) });
  }
  const exception = /<exceptionThrown>[\s\S]*?<message>([\s\S]*?)<\/message>/.exec(xml);
  if (exception) {
    issues.push({ code: 'exception', details: decodeXml(exception[1]?.trim() ?? '') });
  }
  const valid = validMatch[1] === 'true' && issues.length === 0;
  const errors = issues.map(
    (i) => `${i.code} : ${i.details}${i.page === undefined ? '' : ` (page ${i.page})`}`,
  );
  return { valid, errors, issues, raw: xml };
}

/**
 * Validate `pdfPath` as PDF/A-1b with PDFBox Preflight (Validator_A1b, XML
 * mode). Rejects only when Preflight could not be run or printed nothing
 * recognisable; an unreadable or broken PDF resolves with valid: false.
 */
export function runPreflight(pdfPath: string): Promise<PreflightResult> {
  if (fakedMissing('preflight')) {
    return Promise.reject(new Error('PDFBox Preflight faked missing (XXGK_FAKE_MISSING_TOOLS)'));
  }
  let cmd: string[];
  try {
    cmd = preflightCommand(resolve(pdfPath));
  } catch (e) {
    return Promise.reject(e as Error);
  }
  const [java, ...args] = cmd as [string, ...string[]];
  return new Promise((resolvePromise, reject) => {
    execFile(
      java,
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        // Validator_A1b exits 0 in xml mode whatever the verdict; a non-zero
        // exit or missing XML means Java itself failed.
        const start = stdout.indexOf('<?xml');
        if (start < 0) {
          reject(
            new Error(
              `PDFBox Preflight produced no XML (${error ? error.message : 'exit 0'}).\n` +
                `command: ${cmd.join(' ')}\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(-4000)}`,
            ),
          );
          return;
        }
        try {
          resolvePromise(parsePreflightXml(stdout.slice(start)));
        } catch (e) {
          reject(e as Error);
        }
      },
    );
  });
}

// ---------------------------------------------------------------------------
// poppler-utils

const POPPLER_TOOLS = ['pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'] as const;

export function popplerAvailable(): boolean {
  if (fakedMissing('poppler')) return false;
  return POPPLER_TOOLS.every((t) => findOnPath(t) !== null);
}

function runPoppler(tool: (typeof POPPLER_TOOLS)[number], args: string[]): string {
  if (fakedMissing('poppler')) {
    throw new Error(`${tool} faked missing (XXGK_FAKE_MISSING_TOOLS)`);
  }
  try {
    return execFileSync(tool, args, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.message}\n${err.stderr ?? ''}`);
  }
}

/** `pdfinfo -enc UTF-8 FILE` as a key → value map ("Title", "Pages", "PDF version", …). */
export function pdfinfo(pdfPath: string): Record<string, string> {
  const out = runPoppler('pdfinfo', ['-enc', 'UTF-8', pdfPath]);
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s?(.*)$/.exec(line);
    if (m?.[1]) info[m[1].trim()] = (m[2] ?? '').trim();
  }
  return info;
}

export interface PdfFontInfo {
  /** e.g. "BZZZZZ+NotoSansSC-Regular" (subset tag + PostScript name). */
  name: string;
  /** e.g. "CID TrueType", "Type 1", "TrueType". */
  type: string;
  /** e.g. "Identity-H", "WinAnsi", "Custom". */
  encoding: string;
  /** embedded */
  emb: boolean;
  /** subset */
  sub: boolean;
  /** has a ToUnicode map */
  uni: boolean;
  /** "N G", e.g. "11 0" */
  objectId: string;
}

/**
 * `pdffonts FILE`, one entry per font. Columns are cut at the positions given
 * by the dashed separator line, since names and types may contain spaces.
 */
export function pdffonts(pdfPath: string): PdfFontInfo[] {
  const lines = runPoppler('pdffonts', [pdfPath]).split('\n');
  const sepIndex = lines.findIndex((l) => /^-+( -+)+\s*$/.test(l));
  if (sepIndex < 0) throw new Error(`Unrecognised pdffonts output:\n${lines.join('\n')}`);
  const sep = lines[sepIndex] ?? '';
  const cols: [number, number][] = [];
  for (const m of sep.matchAll(/-+/g)) cols.push([m.index, m.index + m[0].length]);
  const fonts: PdfFontInfo[] = [];
  for (const line of lines.slice(sepIndex + 1)) {
    if (!line.trim()) continue;
    const cell = (i: number) => {
      const c = cols[i];
      if (!c) return '';
      const end = i === cols.length - 1 ? line.length : c[1];
      return line.slice(c[0], end).trim();
    };
    fonts.push({
      name: cell(0),
      type: cell(1),
      encoding: cell(2),
      emb: cell(3) === 'yes',
      sub: cell(4) === 'yes',
      uni: cell(5) === 'yes',
      objectId: cell(6),
    });
  }
  return fonts;
}

/** `pdftotext -enc UTF-8 [-layout] FILE -`. */
export function pdftotext(pdfPath: string, opts: { layout?: boolean } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (opts.layout) args.push('-layout');
  args.push(pdfPath, '-');
  return runPoppler('pdftotext', args);
}

/**
 * Render every page to PNG with `pdftoppm -r DPI -png`. Returns the PNG
 * paths in page order (named `<pdf basename>-<n>.png` in outDir).
 */
export function pdfToPngs(pdfPath: string, outDir: string, dpi = 72): string[] {
  mkdirSync(outDir, { recursive: true });
  const prefix = basename(pdfPath).replace(/\.pdf$/i, '') || 'page';
  runPoppler('pdftoppm', ['-r', String(dpi), '-png', pdfPath, join(outDir, prefix)]);
  const esc = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${esc}-(\\d+)\\.png$`);
  return readdirSync(outDir)
    .map((f) => ({ f, m: re.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => join(outDir, x.f));
}

// ---------------------------------------------------------------------------
// Debian CJK fonts

const ARPHIC_DIRS = ['/usr/share/fonts/truetype/arphic', '/usr/share/fonts/truetype/arphic-gkai00mp'];

/**
 * Path of a fonts-arphic font collection: debianFont('ukai') →
 * /usr/share/fonts/truetype/arphic/ukai.ttc, debianFont('uming') → uming.ttc;
 * null when not installed. With pdfkit, select a face of the collection by
 * its PostScript name: doc.font(path, 'UMingCN') (also UMingHK, UMingTW,
 * UMingTWMBE; UKaiCN, UKaiHK, UKaiTW, UKaiTWMBE).
 */
export function debianFont(name: 'ukai' | 'uming' | (string & {})): string | null {
  if (fakedMissing('fonts')) return null;
  const file = /\.tt[cf]$/i.test(name) ? name : `${name}.ttc`;
  for (const dir of ARPHIC_DIRS) {
    const p = join(dir, file);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Both fonts-arphic collections are installed. */
export function arphicFontsAvailable(): boolean {
  return debianFont('ukai') !== null && debianFont('uming') !== null;
}

// ---------------------------------------------------------------------------
// Chromium

/** The Chromium executable (Debian's /usr/bin/chromium), or null when it is not installed. */
export function chromiumExecutable(): string | null {
  if (fakedMissing('chromium')) return null;
  if (process.env.XXGK_CHROMIUM) return existsSync(process.env.XXGK_CHROMIUM) ? process.env.XXGK_CHROMIUM : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return findOnPath('chromium');
}

export function chromiumAvailable(): boolean {
  return chromiumExecutable() !== null;
}
