/**
 * Benchmark: breakLines versus pdfkit's own LineWrapper on every paragraph of the seed report.
 *
 *   npx tsx bench/breakLines.ts [runs]
 *
 * Both sides wrap the same paragraphs in the same process with the same face (Noto Sans SC, the default body
 * font, 16 pt) on a 156 mm line with a 2-cell first-line indent, justified. Only wrapping is timed:
 * breakLines returns positioned lines; LineWrapper emits 'line' events that are collected, never rendered
 * (the PDFDocument's own listener, which writes text, is not attached). Each side gets warm-up runs first
 * (pdfkit caches glyph layouts per word, breakLines per code point), then the median of `runs` runs is reported.
 *
 * It also reports how many justified (non-final) lines reach the right margin: pdfkit justifies by word
 * spacing only, so a line of Chinese text without spaces is left ragged.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { resolveFonts } from '../src/fonts/fontSet.js';
import { breakLines, type BreakOptions, type Line } from '../src/typeset/breakLines.js';

/** The published text of the seed report (fixtures/README.md). */
const SEED = fileURLToPath(new URL('../fixtures/seed/linyi-minzheng-2017.txt', import.meta.url));
const RUNS = Math.max(50, Number(process.argv[2]) || 50);
const WARMUP = 10;

const paragraphs = readFileSync(SEED, 'utf8')
  .split('\n')
  .map((p) => p.replace(/\r$/, ''))
  .filter((p) => p.trim() !== '');

const body = resolveFonts().body;
const size = body.size;
const measure = (156 * 72) / 25.4;
const cell = measure / 28;
const options: BreakOptions = { measure, cellEm: measure / 28 / size, indent: 2 * cell };

/** The prohibited line starts of the spec, to count them in both outputs. */
const NO_START = new Set([...'，。、；：？！）》」』】〉〕”’%‰℃,.;:?!)]']);
const EPS = 0.01;

// ------------------------------------------------------------------------------------------------ breakLines

function runOurs(): Line[][] {
  return paragraphs.map((p) => breakLines([{ text: p, font: body.stack, size }], options));
}

// ------------------------------------------------------------------------------------------------ pdfkit

interface WrappedLine {
  text: string;
  /** Line width available at emit time (first line: measure minus indent). */
  lineWidth: number;
  justified: boolean;
}

/** The part of pdfkit's LineWrapper used here (not in @types/pdfkit). */
interface LineWrapperLike {
  on(event: 'line', listener: (text: string, options: { lineWidth: number; align?: string }) => void): void;
  wrap(text: string, options: Record<string, unknown>): void;
}
type LineWrapperCtor = new (doc: PDFKit.PDFDocument, options: Record<string, unknown>) => LineWrapperLike;

// pdfkit's ES module exports LineWrapper next to PDFDocument; @types/pdfkit declares neither as a named export.
const { PDFDocument, LineWrapper } = (await import('pdfkit')) as unknown as {
  PDFDocument: new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;
  LineWrapper: LineWrapperCtor;
};
const doc = new PDFDocument({ size: 'A4', margin: 72, autoFirstPage: true });
// The same face as a fontkit object (pdfkit's font reader).
const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Buffer): unknown };
doc.font(fontkit.create(Buffer.from(body.stack.primaryFace.font.data)) as unknown as string).fontSize(size);

function runPdfkit(): WrappedLine[][] {
  return paragraphs.map((p) => {
    const lines: WrappedLine[] = [];
    const wrapOptions: Record<string, unknown> = { width: measure, align: 'justify', indent: 2 * cell };
    const wrapper = new LineWrapper(doc, wrapOptions);
    // pdfkit switches align to 'left' on the paragraph's last line just before emitting it.
    wrapper.on('line', (text, o) => lines.push({ text, lineWidth: o.lineWidth, justified: o.align === 'justify' }));
    doc.y = doc.page.margins.top;
    wrapper.wrap(p, wrapOptions);
    return lines;
  });
}

/** Right edge of a line as pdfkit's _fragment renders a justified line: only the spaces between words stretch. */
function pdfkitRightEdge(line: WrappedLine): number {
  const text = line.text.replace(/\n/g, '');
  const words = text.trim().split(/\s+/);
  const textWidth = doc.widthOfString(text.replace(/\s+/g, ''));
  if (!line.justified || words.length < 2) return textWidth;
  const spaceWidth = doc.widthOfString(' ');
  const wordSpacing = Math.max(0, (line.lineWidth - textWidth) / (words.length - 1) - spaceWidth);
  return textWidth + (words.length - 1) * (wordSpacing + spaceWidth);
}

// ------------------------------------------------------------------------------------------------ timing

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => unknown): { median: number; min: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return { median: median(ts), min: Math.min(...ts) };
}

const ours = runOurs();
const theirs = runPdfkit();

// Sanity: both keep the text (pdfkit drops the spaces it breaks at).
ours.forEach((lines, i) => {
  if (lines.map((l) => l.text).join('') !== paragraphs[i]) throw new Error(`breakLines lost text in paragraph ${i}`);
});

const tOurs = time(runOurs);
const tTheirs = time(runPdfkit);

const chars = paragraphs.reduce((n, p) => n + [...p].length, 0);

const ourLines = ours.flat();
const ourJustified = ours.flatMap((ls) => ls.filter((l) => !l.last));
const ourFlush = ourJustified.filter((l) => Math.abs(l.x + l.width - measure) <= EPS).length;
const ourBadStarts = ours.flatMap((ls) => ls.slice(1)).filter((l) => NO_START.has([...l.text][0]!)).length;

const theirLines = theirs.flat();
const theirJustified = theirLines.filter((l) => l.justified);
const theirFlush = theirJustified.filter((l) => pdfkitRightEdge(l) >= l.lineWidth - EPS).length;
const theirWithSpaces = theirJustified.filter((l) => l.text.trim().split(/\s+/).length > 1).length;
const theirBadStarts = theirs.flatMap((ls) => ls.slice(1)).filter((l) => NO_START.has([...l.text][0]!)).length;
const theirOver = theirLines.filter((l) => doc.widthOfString(l.text.replace(/\s+$/, '')) > l.lineWidth + EPS).length;
const ourOver = ourLines.filter((l) => l.x + l.width > measure + EPS).length;

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;

console.log(`seed: ${paragraphs.length} paragraphs, ${chars} characters; Noto Sans SC ${size} pt, measure ${measure.toFixed(2)} pt (156 mm), indent 2 cells`);
console.log(`timing: median (min) of ${RUNS} runs after ${WARMUP} warm-up runs, all paragraphs per run\n`);
console.log(row(['', 'breakLines', 'pdfkit LineWrapper']));
console.log(row(['---', '---:', '---:']));
console.log(row(['time per run (ms)', `${tOurs.median.toFixed(2)} (${tOurs.min.toFixed(2)})`, `${tTheirs.median.toFixed(2)} (${tTheirs.min.toFixed(2)})`]));
console.log(row(['throughput (chars/ms)', (chars / tOurs.median).toFixed(0), (chars / tTheirs.median).toFixed(0)]));
console.log(row(['lines', ourLines.length, theirLines.length]));
console.log(row(['justified (non-final) lines', ourJustified.length, theirJustified.length]));
console.log(row(['… reaching the right margin (±0.01 pt)', `${ourFlush} (${pct(ourFlush, ourJustified.length)})`, `${theirFlush} (${pct(theirFlush, theirJustified.length)})`]));
console.log(row(['… with a space to stretch', '–', theirWithSpaces]));
console.log(row(['lines starting with a prohibited mark', ourBadStarts, theirBadStarts]));
console.log(row(['lines wider than the measure', ourOver, theirOver]));
console.log(`\nbreakLines / pdfkit time: ${(tOurs.median / tTheirs.median).toFixed(3)}`);
