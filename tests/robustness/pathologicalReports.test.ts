/**
 * Pathological reports, each rendered in a child process with a small heap (--max-old-space-size): every one must end
 * with a PDF or with a validation error naming its fault — never a crash, an out-of-memory exit or a hang. Layout is
 * near-linear in its input (no break before a combining mark, a bounded balanced-title search, one pass per
 * paragraph), so each finishes in seconds; the child's time limit is only a guard against hangs, far above any normal
 * run, and nothing here measures time.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { pool, runModuleChild } from '../helpers/child.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIBRARY = pathToFileURL(join(ROOT, 'src/index.ts')).href;
const SEED = join(ROOT, 'fixtures/linyi-minzheng-2017.json');
/** Kills a child that has not finished by then: a guard against hangs only (the slowest case takes seconds). */
const HANG_GUARD_MS = 240_000;
const HEAP_MB = 256;

/** Each case is the body of a function that turns the parsed seed `r` into the pathological report. */
const CASES = {
  // 72 characters, each carrying 40 combining marks (an 18 KB title that passes validation).
  titleOfCombiningMarks: `const base = Array.from('临沂市民政局二〇一七年度政府信息公开工作年度报告'.repeat(3)).slice(0, 72);
    r.metadata.title = base.map((c) => c + '\\u0301\\u0300'.repeat(20)).join('');`,
  // 20,000 letters with no break opportunity in one paragraph.
  unbreakableWord: `r.preamble = [{ type: 'paragraph', text: 'a'.repeat(20000) }];`,
  // A paragraph at the length limit (100,000 characters of Chinese text).
  longestParagraph: `r.preamble = [{ type: 'paragraph', text: '本机关依法公开政府信息，接受社会监督。'.repeat(5264).slice(0, 100000) }];`,
  // 5,000 blocks (the block limit), all short paragraphs.
  mostBlocks: `r.sections.overview.blocks = Array.from({ length: 4900 }, (_, i) => ({ type: 'paragraph', text: '第' + i + '段。' }));`,
  // A 15-digit count and an amount computed in floating point.
  hugeNumbers: `r.statistics.values['proactive.total'] = 123456789012345; r.statistics.values['capacity.funding'] = 0.1 + 0.2;`,
  // Subsections 20,000 deep.
  deepNesting: `let b = { type: 'paragraph', text: '底。' };
    for (let i = 0; i < 20000; i++) b = { type: 'subsection', title: '层', blocks: [b] };
    r.sections.overview.blocks = [b];`,
  // One character over the paragraph limit.
  overLimit: `r.preamble = [{ type: 'paragraph', text: '字'.repeat(100001) }];`,
} as const;
type CaseName = keyof typeof CASES;

/** The child: builds the case from the seed, renders it, and prints what happened as JSON. */
function childSource(body: string): string {
  return `
import { readFileSync } from 'node:fs';
const { renderReport, extractTextStream, ReportValidationError } = await import(${JSON.stringify(LIBRARY)});
const r = JSON.parse(readFileSync(${JSON.stringify(SEED)}, 'utf8'));
${body}
let result;
try {
  const pdf = await renderReport(r);
  const stream = extractTextStream(pdf);
  result = { outcome: 'pdf', bytes: pdf.length, pages: stream.pages.length, text: stream.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\\n') };
} catch (e) {
  result = { outcome: 'error', validation: e instanceof ReportValidationError, codes: (e.errors ?? []).map((x) => x.code), message: String(e?.message ?? e).slice(0, 300) };
}
process.stdout.write(JSON.stringify(result));
`;
}

interface Answer {
  readonly outcome: 'pdf' | 'error';
  readonly bytes?: number;
  readonly pages?: number;
  readonly text?: string;
  readonly validation?: boolean;
  readonly codes?: string[];
  readonly message?: string;
}

const answers = new Map<CaseName, Answer>();

beforeAll(async () => {
  const names = Object.keys(CASES) as CaseName[];
  const runs = await pool(
    names.map((name) => () => runModuleChild(childSource(CASES[name]), [], { heapMb: HEAP_MB, hangGuardMs: HANG_GUARD_MS })),
    2,
  );
  runs.forEach((run, i) => {
    const name = names[i]!;
    expect(run.signal, `${name}: killed by ${run.signal} (a hang or a crash); stderr: ${run.stderr}`).toBeNull();
    expect(run.code, `${name}: exit ${run.code} (a crash, e.g. out of memory); stderr: ${run.stderr}`).toBe(0);
    answers.set(name, JSON.parse(run.stdout) as Answer);
  });
}, 20 * 60_000);

/** The printed text without line breaks and page numbers (— 12 —), to find what a line or page break may cut. */
const joined = (a: Answer) => a.text!.split('\n').filter((l) => !/^— \d+ —$/.test(l)).join('');

const pdfOf = (name: CaseName) => {
  const a = answers.get(name)!;
  expect(a.outcome, a.message).toBe('pdf');
  return a;
};

describe(`pathological reports, each in a child with a ${HEAP_MB} MB heap`, () => {
  it('a title of 72 characters each with 40 combining marks renders, every mark kept on its base', () => {
    const a = pdfOf('titleOfCombiningMarks');
    const title = a.text!.split('\n').slice(0, 8).join('');
    expect(title.startsWith(`临${'\u0301\u0300'.repeat(20)}沂`)).toBe(true);
    // No line of the title starts with a combining mark.
    for (const line of a.text!.split('\n')) expect(line).not.toMatch(/^\p{M}/u);
  });

  it('20,000 letters without a break opportunity render, broken at the measure', () => {
    const a = pdfOf('unbreakableWord');
    expect(joined(a)).toContain('a'.repeat(20000));
  });

  it('a paragraph at the 100,000-character limit renders in full', () => {
    const a = pdfOf('longestParagraph');
    expect(a.pages!).toBeGreaterThan(150);
    expect(joined(a).match(/接受社会监督/g)!.length).toBe(5263);
  });

  it('4,900 paragraphs in one part render', () => {
    const a = pdfOf('mostBlocks');
    expect(a.text).toContain('第4899段。');
  });

  it('a 15-digit count stays whole in its cell and 0.1 + 0.2 万元 prints as 0.3', () => {
    const a = pdfOf('hugeNumbers');
    const lines = a.text!.split('\n');
    expect(lines.some((l) => l.endsWith('123456789012345'))).toBe(true);
    expect(lines.some((l) => l.endsWith('万元0.3'))).toBe(true);
    expect(a.text).not.toContain('0.30000000000000004');
  });

  it('subsections 20,000 deep are a too_deep error, not a stack overflow', () => {
    const a = answers.get('deepNesting')!;
    expect(a.outcome).toBe('error');
    expect(a.validation).toBe(true);
    expect(a.codes).toContain('too_deep');
  });

  it('a paragraph one character over the limit is a limit_exceeded error', () => {
    const a = answers.get('overLimit')!;
    expect(a.outcome).toBe('error');
    expect(a.codes).toEqual(['limit_exceeded']);
  });
});
