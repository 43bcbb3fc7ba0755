/**
 * The long generated-input run (the test suite runs a short one with fixed seeds):
 *   npx tsx scripts/fuzz.ts [count] [firstSeed]
 * Each report is validated and rendered; a rendered PDF is opened with pdf.js and its text compared with the
 * report's. Prints how many were rendered, how many refused (by error code), and any crash (anything else).
 *
 *   npx tsx scripts/fuzz.ts pdf [countPerKind] [firstSeed] [kind,kind…]
 *   npx tsx scripts/fuzz.ts pdf-mutant <kind> <seed> <file.pdf>      writes one mutant, to look into a finding
 * PDF mode: the library's own output (the seed report, rendered once) is mutated — bytes flipped, the file cut,
 * objects duplicated, values and content nested, content streams repeated, content tokens and numbers changed — and
 * every mutant is read by the text-stream reader, which must end in text or a clear error (a plain Error with a
 * message, or a TextStreamLimitError) within its budgets. Anything else (a TypeError, a RangeError, a stack
 * overflow, a non-Error) is a finding. Prints the outcomes by kind, the commonest messages and the slowest reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { renderReport, ReportValidationError, validateReport, type Report } from '../src/index.js';
import { collectTexts } from '../src/model/index.js';
import { extractTextStream, TextStreamLimitError } from '../src/textstream/index.js';
import { generateReport, seeded } from '../tests/helpers/generateReport.js';
import { findInOrder, pdfjsPages } from '../tests/helpers/pdfjs.js';

async function fuzzReports(): Promise<number> {
  const count = Number(process.argv[2] ?? 1000);
  const first = Number(process.argv[3] ?? 100_000);
  const refusedBy = new Map<string, number>();
  const crashes: string[] = [];
  let rendered = 0;
  let refused = 0;
  const started = performance.now();

  for (let seed = first; seed < first + count; seed++) {
    const input = generateReport(seed);
    try {
      validateReport(input);
    } catch (e) {
      crashes.push(`seed ${seed}: validateReport threw ${(e as Error).message}`);
      continue;
    }
    try {
      const pdf = await renderReport(input);
      const fields = collectTexts(input as Report).filter((f) => /^(preamble|sections|signature)/.test(f.path));
      const { missing } = findInOrder((await pdfjsPages(pdf)).join(''), fields.map((f) => f.text));
      if (missing !== undefined) throw new Error(`text “${missing.slice(0, 30)}” missing from the PDF`);
      rendered++;
    } catch (e) {
      if (e instanceof ReportValidationError) {
        refused++;
        for (const code of new Set(e.errors.map((x) => x.code))) refusedBy.set(code, (refusedBy.get(code) ?? 0) + 1);
      } else crashes.push(`seed ${seed}: ${(e as Error).stack ?? e}`);
    }
  }

  console.log(`${count} generated reports (seeds ${first}–${first + count - 1}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`rendered and read back: ${rendered}; refused with ReportValidationError: ${refused}; crashed: ${crashes.length}`);
  console.log('refused reports by error code (a report may count under several):');
  for (const [code, n] of [...refusedBy].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${n}`);
  for (const c of crashes.slice(0, 20)) console.log(`CRASH ${c}`);
  return crashes.length > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// PDF mode

type Random = () => number;

/** One object of a PDF written by this library: its number, its text up to the stream (or endobj), its stream data. */
interface PdfObject {
  readonly num: number;
  dict: string;
  data?: Buffer;
}

/** A PDF split into objects (as pdfkit writes them: direct /Length, one classic xref table) and its trailer. */
interface SplitPdf {
  readonly objects: PdfObject[];
  readonly trailer: string;
}

const latin = (b: Uint8Array) => Buffer.from(b).toString('latin1');

function splitPdf(pdf: Uint8Array): SplitPdf {
  const text = latin(pdf);
  const xrefAt = Number(/startxref\s+(\d+)/.exec(text.slice(-64))![1]);
  const trailer = /trailer\s*(<<[\s\S]*>>)\s*startxref/.exec(text.slice(xrefAt))![1]!;
  const objects: PdfObject[] = [];
  for (const m of text.slice(xrefAt).matchAll(/(\d{10}) (\d{5}) n/g)) {
    const at = Number(m[1]);
    const head = /^(\d+) 0 obj\n/.exec(text.slice(at, at + 40))!;
    const start = at + head[0].length;
    const end = text.indexOf('\nendobj', start);
    const streamAt = text.indexOf('\nstream\n', start);
    if (streamAt >= 0 && streamAt < end) {
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)![1]);
      const dataAt = streamAt + '\nstream\n'.length;
      objects.push({ num: Number(head[1]), dict, data: Buffer.from(pdf.subarray(dataAt, dataAt + length)) });
    } else objects.push({ num: Number(head[1]), dict: text.slice(start, end) });
  }
  return { objects, trailer };
}

/** Writes objects with a fresh xref table; a stream's /Length is its data's length unless `keepLength`. */
function joinPdf({ objects, trailer }: SplitPdf, keepLength = false): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xff\xff\xff\xff\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets = new Map<number, number>();
  for (const o of objects) {
    offsets.set(o.num, length);
    const dict = o.data && !keepLength ? o.dict.replace(/\/Length \d+/, `/Length ${o.data.length}`) : o.dict;
    const chunk = o.data
      ? Buffer.concat([Buffer.from(`${o.num} 0 obj\n${dict}\nstream\n`, 'latin1'), o.data, Buffer.from('\nendstream\nendobj\n', 'latin1')])
      : Buffer.from(`${o.num} 0 obj\n${dict}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    length += chunk.length;
  }
  const size = Math.max(0, ...offsets.keys()) + 1;
  const rows = ['0000000000 65535 f \n'];
  for (let n = 1; n < size; n++) rows.push(offsets.has(n) ? `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n');
  const tail = `xref\n0 ${size}\n${rows.join('')}trailer\n${trailer.replace(/\/Size \d+/, `/Size ${size}`)}\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...chunks, Buffer.from(tail, 'latin1')]);
}

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** An integer from 1 to `max`, as likely below 10 as between 10 and 100 and so on. */
const logInt = (r: Random, max: number) => Math.max(1, Math.min(max, Math.floor(Math.exp(r() * Math.log(max + 1)))));
const clone = (split: SplitPdf): SplitPdf => ({ objects: split.objects.map((o) => ({ ...o })), trailer: split.trailer });
/** Objects the reader reads (catalog, page tree, pages, resources, fonts, content and ToUnicode streams). */
const READ = /\/Type \/(Catalog|Pages|Page|Font)\b|\/ProcSet|\/Filter \/FlateDecode\n>>$/;
/** An object of `objects`, three times in four one that the reader reads. */
const target = (r: Random, objects: PdfObject[]) => {
  const read = objects.filter((o) => READ.test(o.dict));
  return pick(r, read.length > 0 && r() < 0.75 ? read : objects);
};

/** The byte ranges of stream data in `pdf` (flips outside them hit the syntax). */
function syntaxOffsets(pdf: Uint8Array): number[] {
  const text = latin(pdf);
  const out: number[] = [];
  let at = 0;
  for (const m of text.matchAll(/\nstream\n/g)) {
    for (let i = at; i < m.index!; i += 1) out.push(i);
    at = text.indexOf('\nendstream', m.index! + 8);
  }
  for (let i = at; i < text.length; i++) out.push(i);
  return out;
}

const EXTREMES = ['-1', '0', '-0', '3.5', '1e5', '4000000000', '9007199254740992', '99999999999999999999999', `${'9'.repeat(400)}`, '.', '-', '+.5'];
const OPERATORS = ['q', 'Q', 'BT', 'ET', 'cm', 'Tm', 'Td', 'TD', 'T*', 'Tj', 'TJ', "'", '"', 'Tf', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'BDC', 'BMC', 'EMC', 'Do', 'BI', 'ID', 'EI', 're', 'f', 'xyz'];
const TOKENS = ['[', ']', '<<', '>>', '(', ')', '<', '>', '{', '}', '/Artifact', '/P', '<0001>', '<>', '()', '%', '\n', ' 0 R ', 'null', 'true', 'obj', 'endobj', 'stream'];

/** A content stream (deflated) of `split`, chosen at random among the pages' content and the ToUnicode maps. */
function streamObjects(split: SplitPdf): PdfObject[] {
  return split.objects.filter((o) => o.data && /FlateDecode/.test(o.dict) && !/Length1|Subtype/.test(o.dict));
}

/** Applies `edit` to the decoded text of a random content or ToUnicode stream. */
function editStream(r: Random, split: SplitPdf, edit: (text: string) => string): Buffer {
  const target = pick(r, streamObjects(split));
  target.data = deflateSync(Buffer.from(edit(latin(inflateSync(target.data!))), 'latin1'));
  return joinPdf(split);
}

/** Token boundaries of `text` (positions after whitespace). */
const boundaries = (text: string) => [0, ...[...text.matchAll(/\s+/g)].map((m) => m.index! + m[0].length)];

type Mutator = (r: Random, pdf: Buffer, split: SplitPdf) => Buffer;

/** Largest stream text a content mutation builds (repetitions stop there). */
const MAX_EDITED = 16 * 1024 * 1024;

/** The mutation kinds: each gets its own run of seeds. */
const MUTATORS: Record<string, Mutator> = {
  /** 1–32 bytes changed, half of the time only outside stream data. */
  flip: (r, pdf, split) => {
    const out = Buffer.from(pdf);
    const syntax = r() < 0.5 ? syntaxOffsetsOf(pdf) : undefined;
    for (let i = logInt(r, 32); i > 0; i--) {
      const at = syntax ? pick(r, syntax) : int(r, 0, out.length - 1);
      const how = r();
      out[at] = how < 0.4 ? int(r, 0, 255) : how < 0.7 ? (out[at]! + pick(r, [1, 255])) & 0xff : pick(r, [...'()<>[]{}/% \n0123456789.-R'].map((c) => c.charCodeAt(0)));
    }
    void split;
    return out;
  },
  /** Truncation, a truncation keeping the trailer, a slice deleted or a slice inserted twice. */
  cut: (r, pdf) => {
    const a = int(r, 0, pdf.length - 1);
    const how = r();
    if (how < 0.3) return pdf.subarray(0, a);
    if (how < 0.55) return Buffer.concat([pdf.subarray(0, a), pdf.subarray(Math.max(a, pdf.length - int(r, 30, 2000)))]);
    const b = Math.min(pdf.length, a + logInt(r, 5000));
    if (how < 0.8) return Buffer.concat([pdf.subarray(0, a), pdf.subarray(b)]);
    return Buffer.concat([pdf.subarray(0, b), pdf.subarray(a, b), pdf.subarray(b)]);
  },
  /** Objects copied under new numbers and referred to, references repeated in arrays, references to the wrong object. */
  duplicate: (r, _pdf, split) => {
    const s = clone(split);
    const withRefs = s.objects.filter((o) => / 0 R/.test(o.dict));
    const how = r();
    if (how < 0.35) {
      // A copy of a random object, referred to instead of the original (or as well, in an array).
      const source = target(r, s.objects);
      const num = Math.max(...s.objects.map((o) => o.num)) + 1;
      s.objects.push({ num, dict: source.dict, data: source.data });
      const holder = pick(r, withRefs.filter((o) => o.dict.includes(` ${source.num} 0 R`)).concat(withRefs));
      holder.dict = holder.dict.replace(new RegExp(`\\b${source.num} 0 R`), r() < 0.5 ? `${num} 0 R` : `${source.num} 0 R ${num} 0 R`);
    } else if (how < 0.7) {
      // One reference of an array repeated (Kids, Contents, DescendantFonts, W …).
      const holder = target(r, withRefs);
      const refs = [...holder.dict.matchAll(/\d+ 0 R/g)];
      const ref = pick(r, refs);
      const times = logInt(r, 2000);
      holder.dict = holder.dict.slice(0, ref.index!) + `[${Array(times).fill(ref[0]).join(' ')}]` + holder.dict.slice(ref.index! + ref[0].length);
      if (r() < 0.5) holder.dict = holder.dict.replace(`[${Array(times).fill(ref[0]).join(' ')}]`, Array(times).fill(ref[0]).join(' '));
    } else {
      // A reference pointed at another object (of another type, or the holder itself).
      const holder = target(r, withRefs);
      const refs = [...holder.dict.matchAll(/\d+ 0 R/g)];
      const ref = pick(r, refs);
      const other = r() < 0.2 ? holder.num : pick(r, s.objects).num;
      holder.dict = holder.dict.slice(0, ref.index!) + `${other} 0 R` + holder.dict.slice(ref.index! + ref[0].length);
    }
    return joinPdf(s);
  },
  /** Values of objects wrapped in arrays or dictionaries, content wrapped in q/Q, marked content or arrays, page trees deepened. */
  nest: (r, _pdf, split) => {
    const s = clone(split);
    const depth = logInt(r, 100_000);
    const how = r();
    if (how < 0.4) {
      const o = target(r, s.objects.filter((x) => x.dict.length > 2));
      const at = pick(r, boundaries(o.dict));
      const [open, close] = r() < 0.5 ? ['[ ', ' ]'] : ['<< /K ', ' >>'];
      const end = Math.min(o.dict.length, at + logInt(r, 40));
      o.dict = o.dict.slice(0, at) + open.repeat(depth) + o.dict.slice(at, end) + close.repeat(r() < 0.8 ? depth : int(r, 0, depth)) + o.dict.slice(end);
      return joinPdf(s);
    }
    if (how < 0.85) {
      return editStream(r, s, (text) => {
        const at = pick(r, boundaries(text));
        const [open, close] = pick(r, [['q\n', 'Q\n'], ['/P BMC\n', 'EMC\n'], ['/Artifact BMC\n', 'EMC\n'], ['[', ']'], ['<< /A ', ' >>'], ['BT\n', 'ET\n']]);
        const closes = r() < 0.8 ? depth : int(r, 0, depth);
        return text.slice(0, at) + open.repeat(depth) + text.slice(at) + close.repeat(closes);
      });
    }
    // The page tree deepened: /Pages nodes between the root node and its kids.
    const root = s.objects.find((o) => /\/Type \/Pages/.test(o.dict) && !/\/Parent/.test(o.dict))!;
    let kids = /\/Kids \[([^\]]*)\]/.exec(root.dict)![1]!;
    let num = Math.max(...s.objects.map((o) => o.num));
    for (let i = 0; i < Math.min(depth, 20_000); i++) {
      s.objects.push({ num: ++num, dict: `<< /Type /Pages /Kids [${kids}] /Count 1 >>` });
      kids = `${num} 0 R`;
    }
    root.dict = root.dict.replace(/\/Kids \[[^\]]*\]/, `/Kids [${kids}]`);
    return joinPdf(s);
  },
  /**
   * A page's /Contents repeated up to 100,000 times (as it is, or each time inside q … Q, which keeps the text
   * readable), or every page drawing one page's content.
   */
  repeat: (r, _pdf, split) => {
    const s = clone(split);
    const pages = s.objects.filter((o) => /\/Type \/Page\b/.test(o.dict));
    const how = r();
    if (how < 0.8) {
      const page = pick(r, pages);
      const ref = /\/Contents (\d+ 0 R)/.exec(page.dict)![1]!;
      const times = logInt(r, 100_000);
      let unit = ref;
      if (how < 0.5) {
        let num = Math.max(...s.objects.map((o) => o.num));
        const q = ++num;
        const Q = ++num;
        s.objects.push({ num: q, dict: '<< /Length 0 /Filter /FlateDecode >>', data: deflateSync('q\n') }, { num: Q, dict: '<< /Length 0 /Filter /FlateDecode >>', data: deflateSync('Q\n') });
        unit = `${q} 0 R ${ref} ${Q} 0 R`;
      }
      page.dict = page.dict.replace(/\/Contents \d+ 0 R/, `/Contents [${Array(times).fill(unit).join(' ')}]`);
    } else {
      const ref = /\/Contents (\d+ 0 R)/.exec(pick(r, pages).dict)![1]!;
      for (const p of pages) p.dict = p.dict.replace(/\/Contents \d+ 0 R/, `/Contents ${ref}`);
    }
    return joinPdf(s);
  },
  /** Tokens of a content or ToUnicode stream deleted, repeated, replaced by operators, delimiters or extreme numbers. */
  content: (r, _pdf, split) =>
    editStream(r, clone(split), (text) => {
      let out = text;
      for (let i = logInt(r, 16); i > 0 && out.length < MAX_EDITED; i--) {
        const cuts = boundaries(out);
        const at = pick(r, cuts);
        const next = cuts.find((c) => c > at) ?? out.length;
        const how = r();
        if (how < 0.25) out = out.slice(0, at) + out.slice(next);
        else if (how < 0.45) out = out.slice(0, at) + out.slice(at, next).repeat(Math.min(logInt(r, 5000), Math.floor(MAX_EDITED / Math.max(1, next - at)))) + out.slice(next);
        else if (how < 0.65) out = `${out.slice(0, at)}${pick(r, OPERATORS)} ${out.slice(at)}`;
        else if (how < 0.85) out = `${out.slice(0, at)}${pick(r, TOKENS)}${out.slice(at)}`;
        else out = `${out.slice(0, at)}${pick(r, EXTREMES)} ${out.slice(next)}`;
      }
      return out;
    }),
  /** A number of an object replaced by an extreme value (widths, lengths, counts, offsets, MediaBox, references). */
  number: (r, _pdf, split) => {
    const s = clone(split);
    const o = target(r, s.objects.filter((x) => /\d/.test(x.dict)));
    const numbers = [...o.dict.matchAll(/-?\d+(\.\d+)?/g)];
    const m = pick(r, numbers);
    o.dict = o.dict.slice(0, m.index!) + pick(r, EXTREMES) + o.dict.slice(m.index! + m[0].length);
    return joinPdf(s, r() < 0.5);
  },
};

let syntaxCache: { pdf: Buffer; offsets: number[] } | undefined;
function syntaxOffsetsOf(pdf: Buffer): number[] {
  if (syntaxCache?.pdf !== pdf) syntaxCache = { pdf, offsets: syntaxOffsets(pdf) };
  return syntaxCache.offsets;
}

/** Reads `pdf`; the outcome is `text`, `limit <name>`, `error`, or a finding (anything that is not a clear error). */
function readMutant(pdf: Uint8Array): { outcome: string; message?: string; finding?: string } {
  try {
    extractTextStream(pdf);
    return { outcome: 'text' };
  } catch (e) {
    if (e instanceof TextStreamLimitError) return { outcome: `limit ${e.limit}`, message: e.message };
    if (e instanceof Error && e.constructor === Error && e.message.length > 0 && e.message.length < 2000) return { outcome: 'error', message: e.message };
    const what = e instanceof Error ? `${e.constructor.name}: ${e.message.slice(0, 300)}\n${e.stack?.split('\n').slice(1, 6).join('\n')}` : `a thrown ${typeof e}: ${String(e).slice(0, 200)}`;
    return { outcome: 'finding', finding: what };
  }
}

/** A message with its numbers, offsets and names blurred, to count messages of one kind together. */
const messageKind = (m: string) => m.replace(/\d+(\.\d+)?/g, '#').replace(/\/[^\s/()<>[\]{}%]+/g, '/N').replace(/"[^"]*"/g, '"…"').slice(0, 120);

/** The PDF every mutant starts from: the seed report as the library renders it. */
async function basePdf(): Promise<Buffer> {
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/linyi-minzheng-2017.json', import.meta.url), 'utf8'));
  return Buffer.from(await renderReport(fixture));
}

async function fuzzPdfs(perKind: number, firstSeed: number, kinds = Object.keys(MUTATORS)): Promise<number> {
  const unknown = kinds.filter((k) => !(k in MUTATORS));
  if (unknown.length > 0) throw new Error(`unknown mutation kind(s): ${unknown.join(', ')} (known: ${Object.keys(MUTATORS).join(', ')})`);
  const base = await basePdf();
  const split = splitPdf(base);
  if (!joinPdf(split).equals(Buffer.from(joinPdf(splitPdf(joinPdf(split)))))) throw new Error('splitPdf/joinPdf do not round-trip');
  const baseline = extractTextStream(base);
  if (extractTextStream(joinPdf(split)).pages.length !== baseline.pages.length) throw new Error('the rewritten base PDF does not read as the original');
  console.log(`base: the seed report, ${base.length} bytes, ${baseline.pages.length} pages, ${split.objects.length} objects`);

  const findings: string[] = [];
  const slowest: Array<{ ms: number; what: string }> = [];
  const started = performance.now();
  for (const kind of kinds) {
    const outcomes = new Map<string, number>();
    const messages = new Map<string, number>();
    const times = { under10: 0, under100: 0, under1000: 0, over1000: 0 };
    let max = 0;
    const kindStarted = performance.now();
    for (let seed = firstSeed; seed < firstSeed + perKind; seed++) {
      const r = seeded(seed * 7919 + kind.length);
      let mutant: Buffer;
      try {
        mutant = MUTATORS[kind]!(r, base, split);
      } catch (e) {
        throw new Error(`mutation ${kind} seed ${seed} failed (a fault of this script): ${(e as Error).stack}`);
      }
      const t = performance.now();
      const result = readMutant(mutant);
      const ms = performance.now() - t;
      max = Math.max(max, ms);
      if (ms < 10) times.under10++;
      else if (ms < 100) times.under100++;
      else if (ms < 1000) times.under1000++;
      else times.over1000++;
      slowest.push({ ms, what: `${kind} seed ${seed} (${mutant.length} bytes): ${result.outcome}` });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 5);
      outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
      if (result.message) messages.set(messageKind(result.message), (messages.get(messageKind(result.message)) ?? 0) + 1);
      if (result.finding) findings.push(`${kind} seed ${seed}: ${result.finding}`);
    }
    const secs = ((performance.now() - kindStarted) / 1000).toFixed(1);
    console.log(`\n${kind}: ${perKind} mutants (seeds ${firstSeed}–${firstSeed + perKind - 1}) in ${secs} s; slowest read ${max.toFixed(0)} ms`);
    console.log(`  reads: ${times.under10} under 10 ms, ${times.under100} under 100 ms, ${times.under1000} under 1 s, ${times.over1000} over 1 s`);
    for (const [outcome, n] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${outcome}: ${n}`);
    console.log('  commonest messages:');
    for (const [m, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${n} × ${m}`);
  }
  console.log(`\n${kinds.length} kinds × ${perKind} mutants in ${((performance.now() - started) / 1000).toFixed(1)} s; findings: ${findings.length}`);
  console.log('slowest reads:');
  for (const s of slowest) console.log(`  ${s.ms.toFixed(0)} ms: ${s.what}`);
  for (const f of findings.slice(0, 20)) console.log(`FINDING ${f}`);
  return findings.length > 0 ? 1 : 0;
}

/** Writes the mutant of one kind and seed to a file, to look into a finding. */
async function writeMutant(kind: string, seed: number, file: string): Promise<number> {
  const mutator = MUTATORS[kind];
  if (!mutator) throw new Error(`unknown mutation kind ${kind} (known: ${Object.keys(MUTATORS).join(', ')})`);
  const base = await basePdf();
  writeFileSync(file, mutator(seeded(seed * 7919 + kind.length), base, splitPdf(base)));
  console.log(`${file}: ${kind} seed ${seed}: ${JSON.stringify(readMutant(readFileSync(file)))}`);
  return 0;
}

if (process.argv[2] === 'pdf') process.exitCode = await fuzzPdfs(Number(process.argv[3] ?? 10_000), Number(process.argv[4] ?? 1), process.argv[5]?.split(','));
else if (process.argv[2] === 'pdf-mutant') process.exitCode = await writeMutant(process.argv[3]!, Number(process.argv[4]), process.argv[5]!);
else process.exitCode = await fuzzReports();
