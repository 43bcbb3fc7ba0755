/**
 * Hostile PDFs for the text-stream reader: decompression bombs, streams read many times, floods of operators,
 * operands and glyphs, deep nesting, width and ToUnicode tables that expand, reference cycles, broken cross-references
 * and truncated files. Each is generated (never committed) and says what the reader must answer: a TextStreamLimitError
 * naming one limit, another clear Error, or text.
 *
 *   npx tsx scripts/hostile-pdfs.ts <folder> [name …]     writes <name>.pdf for each case (all by default)
 *
 * The tests (tests/robustness/hostilePdf.test.ts) write them to a temporary folder and read each in a child process
 * with a small heap.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import type { TextStreamLimitName } from '../src/textstream/index.js';

/** What the reader must answer: an error naming a limit, an error containing a text, or text. */
export type HostileExpectation = { readonly limit: TextStreamLimitName } | { readonly error: string } | { readonly text: true };

/** One hostile PDF. */
export interface HostileCase {
  readonly name: string;
  /** What it attacks. */
  readonly about: string;
  readonly expect: HostileExpectation;
  /** Heap (MB) the reader is given in the tests: 128, or more where the limits themselves allow more (the glyphs kept). */
  readonly heapMb: number;
  build(): Buffer;
}

const MiB = 1024 * 1024;
const latin1 = (s: string) => Buffer.from(s, 'latin1');

// ---------------------------------------------------------------------------------------------------------------
// Deflate of very long repetitive data without holding it: one chunk is compressed once (flushed to a byte
// boundary, with no reference to earlier data) and its blocks are repeated; the zlib checksum is combined.

const ADLER_BASE = 65521;

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib's adler32_combine: the checksum of A followed by B from those of A and B and the length of B. */
function adlerCombine(adler1: number, adler2: number, len2: number): number {
  const rem = len2 % ADLER_BASE;
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (adler2 & 0xffff) + ADLER_BASE - 1;
  sum2 += ((adler1 >>> 16) & 0xffff) + ((adler2 >>> 16) & 0xffff) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= 2 * ADLER_BASE) sum2 -= 2 * ADLER_BASE;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/** A valid zlib stream of `chunk` repeated `times` times (inflates to chunk.length × times bytes). */
export function repeatDeflate(chunk: Buffer, times: number): Buffer {
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const one = adler32(chunk);
  let check = 1; // adler32 of the empty string
  let power = one; // checksum of chunk repeated 2^k times
  let powerLength = chunk.length;
  for (let n = times; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) check = adlerCombine(check, power, powerLength);
    power = adlerCombine(power, power, powerLength);
    powerLength = (powerLength * 2) % ADLER_BASE; // only its remainder modulo 65521 matters
  }
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(check);
  const blocks = Buffer.alloc(block.length * times);
  for (let i = 0; i < times; i++) block.copy(blocks, i * block.length);
  return Buffer.concat([Buffer.from([0x78, 0xda]), blocks, Buffer.from([0x03, 0x00]), tail]);
}

/** `unit` repeated to about `bytes` bytes (whole units). */
const fill = (unit: string, bytes: number) => latin1(unit.repeat(Math.max(1, Math.floor(bytes / unit.length))));

/** A comment line of 1 MiB: content that costs nothing to interpret but its bytes. */
const COMMENT = `%${'x'.repeat(MiB - 2)}\n`;

/** Content of about `totalBytes` bytes made of `unit` repeated, deflated (chunks of 1 MiB). */
function bomb(unit: string, totalBytes: number): Buffer {
  const chunk = fill(unit, MiB);
  return repeatDeflate(chunk, Math.max(1, Math.round(totalBytes / chunk.length)));
}

// ---------------------------------------------------------------------------------------------------------------
// A small PDF writer: objects 1..n, a classic xref table, a trailer.

type Body = string | { readonly dict: string; readonly data: Buffer; readonly length?: string };

class Doc {
  private readonly bodies: (Body | undefined)[] = [];

  /** Adds an object and returns its number. */
  add(body: Body): number {
    this.bodies.push(body);
    return this.bodies.length;
  }

  /** Reserves a number for an object given later with `set`. */
  reserve(): number {
    this.bodies.push(undefined);
    return this.bodies.length;
  }

  set(num: number, body: Body): void {
    this.bodies[num - 1] = body;
  }

  /** A deflated stream (already-deflated data with `deflated`). */
  flate(data: Buffer | string, extra = '', deflated = false): number {
    const raw = typeof data === 'string' ? latin1(data) : data;
    return this.add({ dict: `${extra} /Filter /FlateDecode`, data: deflated ? raw : deflateSync(raw) });
  }

  /** The file; `trailer` is extra trailer entries, `xref` may rewrite the table's lines. */
  bytes(root: number, options: { trailer?: string; startxref?: string; xref?: (offsets: number[]) => string } = {}): Buffer {
    const chunks: Buffer[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
    let length = chunks[0]!.length;
    const offsets: number[] = [];
    this.bodies.forEach((body, i) => {
      offsets.push(length);
      const n = i + 1;
      let bytes: Buffer;
      if (body === undefined) throw new Error(`object ${n} was reserved and never set`);
      if (typeof body === 'string') bytes = latin1(`${n} 0 obj\n${body}\nendobj\n`);
      else {
        const head = latin1(`${n} 0 obj\n<< ${body.dict} /Length ${body.length ?? body.data.length} >>\nstream\n`);
        bytes = Buffer.concat([head, body.data, latin1('\nendstream\nendobj\n')]);
      }
      chunks.push(bytes);
      length += bytes.length;
    });
    const table =
      options.xref?.(offsets) ??
      [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
    const size = offsets.length + 1;
    chunks.push(latin1(`${table}trailer\n<< /Size ${size} /Root ${root} 0 R ${options.trailer ?? ''} >>\nstartxref\n${options.startxref ?? length}\n%%EOF\n`));
    return Buffer.concat(chunks);
  }
}

/** The test font's ToUnicode: <0001> A, <0002> B, <0003> 中. */
const CMAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000><ffff> endcodespacerange
1 beginbfrange <0001> <0002> [<0041> <0042>] endbfrange
1 beginbfchar <0003> <4e2d> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`;

interface FontParts {
  /** The descendant's width entries, e.g. `/W [1 [500 600]]` (may refer to objects). */
  readonly widths?: string;
  /** The ToUnicode stream: CMap text, or an object number already added. */
  readonly cmap?: string | number;
}

/** Adds a Type0 / Identity-H font and returns its object number. */
function font(doc: Doc, parts: FontParts = {}): number {
  const cmap = typeof parts.cmap === 'number' ? parts.cmap : doc.flate(parts.cmap ?? CMAP);
  const cid = doc.add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Hostile-Regular ${parts.widths ?? '/W [1 [500 600 1000]]'} >>`);
  return doc.add(`<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Hostile-Regular /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${cmap} 0 R >>`);
}

interface PagesOptions extends FontParts {
  /** Extra entries of the /Pages node. */
  readonly pagesExtra?: string;
  /** Resources instead of the font: a dictionary or a reference. */
  readonly resources?: string;
}

/**
 * A document whose pages have the given /Contents (an object number, or an array of them); all pages share one font
 * /F1 and a 200 × 100 pt MediaBox inherited from /Pages.
 */
function pagesDoc(doc: Doc, contents: readonly (number | readonly number[])[], options: PagesOptions = {}): Buffer {
  const f1 = options.resources === undefined ? font(doc, options) : 0;
  const resources = options.resources ?? `<< /Font << /F1 ${f1} 0 R >> >>`;
  const pages = doc.reserve();
  const kids = contents.map((c) => doc.add(`<< /Type /Page /Parent ${pages} 0 R /Resources ${resources} /Contents ${typeof c === 'number' ? `${c} 0 R` : `[${c.map((n) => `${n} 0 R`).join(' ')}]`} >>`));
  doc.set(pages, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} /MediaBox [0 0 200 100] ${options.pagesExtra ?? ''} >>`);
  const root = doc.add(`<< /Type /Catalog /Pages ${pages} 0 R >>`);
  return doc.bytes(root);
}

/** A one-page document with this content (deflated here unless `deflated`). */
function onePage(content: string | Buffer, options: PagesOptions = {}, deflated = false): Buffer {
  const doc = new Doc();
  const c = doc.flate(content, '', deflated);
  return pagesDoc(doc, [c], options);
}

const SHOW = 'BT /F1 10 Tf 1 0 0 1 20 30 Tm';

/** The readable baseline: one page that reads as "AB中". */
export function validPdf(): Buffer {
  return onePage(`${SHOW} <000100020003> Tj ET`);
}

// ---------------------------------------------------------------------------------------------------------------

/** Every hostile case, in the order of the issue's list, then the others. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'flate-chain',
    about: '/Filter [/FlateDecode /FlateDecode]: about 100 KB of file inflating to 1 GiB of path operators',
    expect: { limit: 'maxStreamBytes' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const inner = bomb('0 0 m\n', 1024 * MiB);
      const c = doc.add({ dict: '/Filter [/FlateDecode /FlateDecode]', data: deflateSync(inner, { level: 9 }) });
      return pagesDoc(doc, [c]);
    },
  },
  {
    name: 'shared-stream',
    about: 'a 1 MiB content stream listed 3,000 times in one page’s /Contents',
    expect: { limit: 'maxContentBytes' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.flate(fill('0 0 m\n', MiB));
      return pagesDoc(doc, [Array.from({ length: 3000 }, () => c)]);
    },
  },
  {
    name: 'many-streams',
    about: '70 pages, each with its own stream inflating to 60 MiB (about 4 MB of file, 4.1 GiB inflated)',
    expect: { limit: 'maxDecodedBytes' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const data = bomb(COMMENT, 60 * MiB);
      const pages = Array.from({ length: 70 }, () => doc.flate(data, '', true));
      return pagesDoc(doc, pages);
    },
  },
  {
    name: 'shared-stream-2000-pages',
    about: '2,000 pages sharing one stream inflating to 60 MiB',
    expect: { limit: 'maxContentBytes' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.flate(bomb(COMMENT, 60 * MiB), '', true);
      return pagesDoc(doc, Array.from({ length: 2000 }, () => c));
    },
  },
  {
    name: 'q-flood',
    about: '150 million q operators (300 MB inflated)',
    expect: { limit: 'maxStreamBytes' },
    heapMb: 128,
    build: () => onePage(bomb('q\n', 300 * MiB), {}, true),
  },
  {
    name: 'q-nesting',
    about: '10,000 nested q',
    expect: { limit: 'maxNesting' },
    heapMb: 128,
    build: () => onePage('q\n'.repeat(10_000)),
  },
  {
    name: 'operator-flood',
    about: '2 million operators on one page (q Q)',
    expect: { limit: 'maxOperatorsPerPage' },
    heapMb: 128,
    build: () => onePage(fill('q Q\n', 4 * MiB)),
  },
  {
    name: 'operand-flood',
    about: '30 million numbers with no operator',
    expect: { limit: 'maxOperands' },
    heapMb: 128,
    build: () => onePage(fill('0 ', 60 * MiB)),
  },
  {
    name: 'tj-array-flood',
    about: 'one TJ array of 10 million strings',
    expect: { limit: 'maxOperands' },
    heapMb: 128,
    build: () => onePage(Buffer.concat([latin1(`${SHOW} [`), fill('<0001>', 60 * MiB), latin1('] TJ ET')])),
  },
  {
    name: 'long-string',
    about: 'one hex string of 15 million glyphs',
    expect: { limit: 'maxGlyphsPerString' },
    heapMb: 128,
    build: () => onePage(Buffer.concat([latin1(`${SHOW} <`), fill('0001', 60 * MiB), latin1('> Tj ET')])),
  },
  {
    name: 'glyphs-per-page',
    about: 'three strings of 90,000 glyphs on one page',
    expect: { limit: 'maxGlyphsPerPage' },
    heapMb: 128,
    build: () => onePage(`${SHOW} ${`<${'0001'.repeat(90_000)}> Tj `.repeat(3)}ET`),
  },
  {
    name: 'glyph-flood',
    about: '16 pages sharing a stream of 190,000 glyphs (3.04 million glyphs; the result keeps each)',
    expect: { limit: 'maxGlyphs' },
    heapMb: 1024,
    build: () => {
      const doc = new Doc();
      const c = doc.flate(`${SHOW} ${`<${'0001'.repeat(95_000)}> Tj `.repeat(2)}ET`);
      return pagesDoc(doc, Array.from({ length: 16 }, () => c));
    },
  },
  {
    name: 'w-beyond-2^53',
    about: '/W [9007199254740992 9007199254740994 500]: a counter that stops changing at 2^53',
    expect: { error: 'expected a CID (a non-negative integer below 2^53)' },
    heapMb: 128,
    build: () => onePage(`${SHOW} <0001> Tj ET`, { widths: '/W [9007199254740992 9007199254740994 500]' }),
  },
  {
    name: 'w-huge-range',
    about: '/W [0 4000000000 500]',
    expect: { limit: 'maxCidRange' },
    heapMb: 128,
    build: () => onePage(`${SHOW} <0001> Tj ET`, { widths: '/W [0 4000000000 500]' }),
  },
  {
    name: 'w-repeated-ranges',
    about: '/W with the range 0..65535 repeated 100 times',
    expect: { limit: 'maxWidthEntries' },
    heapMb: 128,
    build: () => onePage(`${SHOW} <0001> Tj ET`, { widths: `/W [${'0 65535 500 '.repeat(100)}]` }),
  },
  {
    name: 'tounicode-ranges',
    about: 'a ToUnicode CMap of 2,500 bfranges of 256 codes each',
    expect: { limit: 'maxUnicodeEntries' },
    heapMb: 128,
    build: () =>
      onePage(`${SHOW} <0001> Tj ET`, {
        cmap: `begincmap 1 begincodespacerange <0000> <ffff> endcodespacerange 2500 beginbfrange\n${'<0000> <00ff> <4e00>\n'.repeat(2500)}endbfrange endcmap`,
      }),
  },
  {
    name: 'tounicode-bomb',
    about: 'a ToUnicode stream inflating to 200 MiB',
    expect: { limit: 'maxStreamBytes' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const cmap = doc.flate(bomb(COMMENT, 200 * MiB), '', true);
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      return pagesDoc(doc, [c], { cmap });
    },
  },
  {
    name: 'marked-content-nesting',
    about: '300,000 nested marked-content sequences, a glyph shown in each',
    expect: { limit: 'maxNesting' },
    heapMb: 128,
    build: () => onePage(`${SHOW}\n${'/P BMC <0001> Tj\n'.repeat(300_000)}ET`),
  },
  {
    name: 'array-nesting',
    about: 'one million [ in a content stream',
    expect: { limit: 'maxNesting' },
    heapMb: 128,
    build: () => onePage('['.repeat(1_000_000)),
  },
  {
    name: 'dictionary-nesting',
    about: '100,000 nested dictionaries in a page object',
    expect: { limit: 'maxNesting' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const f1 = font(doc);
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      const pages = doc.reserve();
      const page = doc.add(`<< /Type /Page /Parent ${pages} 0 R /Resources << /Font << /F1 ${f1} 0 R >> >> /Contents ${c} 0 R /Deep ${'<< /A '.repeat(100_000)}1${' >>'.repeat(100_000)} >>`);
      doc.set(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 /MediaBox [0 0 200 100] >>`);
      return doc.bytes(doc.add(`<< /Type /Catalog /Pages ${pages} 0 R >>`));
    },
  },
  {
    name: 'page-tree-nesting',
    about: '20,000 nested /Pages nodes',
    expect: { limit: 'maxNesting' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const f1 = font(doc);
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      let kid = doc.add(`<< /Type /Page /Resources << /Font << /F1 ${f1} 0 R >> >> /Contents ${c} 0 R /MediaBox [0 0 200 100] >>`);
      for (let i = 0; i < 20_000; i++) kid = doc.add(`<< /Type /Pages /Kids [${kid} 0 R] /Count 1 >>`);
      return doc.bytes(doc.add(`<< /Type /Catalog /Pages ${kid} 0 R >>`));
    },
  },
  {
    name: 'many-pages',
    about: '12,000 pages',
    expect: { limit: 'maxPages' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      return pagesDoc(doc, Array.from({ length: 12_000 }, () => c));
    },
  },
  {
    name: 'huge-count',
    about: '/Count 2147483647 on a one-page tree (the count is not trusted)',
    expect: { text: true },
    heapMb: 128,
    build: () => onePage(`${SHOW} <000100020003> Tj ET`, { pagesExtra: '/Count 2147483647' }),
  },
  {
    name: 'many-objects',
    about: 'an xref subsection header announcing 2 million objects',
    expect: { limit: 'maxObjects' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      const pages = pagesDoc(doc, [c]);
      return Buffer.from(pages.toString('latin1').replace(/\nxref\n0 \d+\n/, '\nxref\n0 2000000\n'), 'latin1');
    },
  },
  {
    name: 'length-self',
    about: 'a stream whose /Length is a reference to itself',
    expect: { error: 'refers to itself through its /Length' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.reserve();
      doc.set(c, { dict: '/Filter /FlateDecode', data: deflateSync(latin1(`${SHOW} <0001> Tj ET`)), length: `${c} 0 R` });
      return pagesDoc(doc, [c]);
    },
  },
  {
    name: 'length-cycle',
    about: 'two streams whose /Length refer to each other',
    expect: { error: 'a stream given as the /Length of another stream' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const a = doc.reserve();
      const b = doc.reserve();
      const data = deflateSync(latin1(`${SHOW} <0001> Tj ET`));
      doc.set(a, { dict: '/Filter /FlateDecode', data, length: `${b} 0 R` });
      doc.set(b, { dict: '/Filter /FlateDecode', data, length: `${a} 0 R` });
      return pagesDoc(doc, [a, b]);
    },
  },
  {
    name: 'length-chain',
    about: '50,000 streams, each taking its /Length from the next',
    expect: { error: 'a stream given as the /Length of another stream' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const first = doc.reserve();
      let previous = first;
      for (let i = 0; i < 50_000; i++) {
        const next = doc.reserve();
        doc.set(previous, { dict: '', data: latin1('q Q'), length: `${next} 0 R` });
        previous = next;
      }
      doc.set(previous, { dict: '', data: latin1('q Q') });
      return pagesDoc(doc, [first]);
    },
  },
  {
    name: 'self-reference',
    about: 'page /Resources given as an object that is a reference to itself',
    expect: { error: 'expected a dictionary' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const self = doc.reserve();
      doc.set(self, `${self} 0 R`);
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      return pagesDoc(doc, [c], { resources: `${self} 0 R` });
    },
  },
  {
    name: 'prev-loop',
    about: 'a trailer whose /Prev points at its own xref table',
    expect: { error: '/Prev or /XRefStm in the trailer' },
    heapMb: 128,
    build: () => {
      const pdf = validPdf().toString('latin1');
      const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
      return Buffer.from(pdf.replace('/Root', `/Prev ${xref} /Root`), 'latin1');
    },
  },
  {
    name: 'overlapping-objects',
    about: '600 objects nested inside one another’s strings around 1 MB of text, all listed in a /W array',
    expect: { limit: 'maxObjectBytes' },
    heapMb: 128,
    build: () => {
      // Objects 1..600 start inside each other: "1 0 obj (2 0 obj (3 0 obj ( … blob … ) endobj) endobj) endobj".
      const count = 600;
      const head = '%PDF-1.4\n';
      let text = '';
      const offsets: number[] = [];
      for (let n = 1; n <= count; n++) {
        offsets.push(head.length + text.length);
        text += `${n} 0 obj (`;
      }
      text += 'x'.repeat(MiB);
      for (let n = count; n >= 1; n--) text += ') endobj\n';
      const rest: string[] = [];
      const add = (body: string) => {
        offsets.push(head.length + text.length + rest.join('').length);
        rest.push(`${offsets.length} 0 obj\n${body}\nendobj\n`);
      };
      const content = deflateSync(latin1(`${SHOW} <0001> Tj ET`)).toString('latin1');
      const cmap = deflateSync(latin1(CMAP)).toString('latin1');
      const n = count;
      add(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n${content}\nendstream`); // n+1
      add(`<< /Length ${cmap.length} /Filter /FlateDecode >>\nstream\n${cmap}\nendstream`); // n+2
      add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Hostile-Regular /W [${Array.from({ length: count }, (_, i) => `${i + 1} 0 R`).join(' ')}] >>`); // n+3
      add(`<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Hostile-Regular /Encoding /Identity-H /DescendantFonts [${n + 3} 0 R] /ToUnicode ${n + 2} 0 R >>`); // n+4
      add(`<< /Type /Page /Parent ${n + 6} 0 R /Resources << /Font << /F1 ${n + 4} 0 R >> >> /Contents ${n + 1} 0 R >>`); // n+5
      add(`<< /Type /Pages /Kids [${n + 5} 0 R] /Count 1 /MediaBox [0 0 200 100] >>`); // n+6
      add(`<< /Type /Catalog /Pages ${n + 6} 0 R >>`); // n+7
      const body = head + text + rest.join('');
      const xref = [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
      return latin1(`${body}${xref}trailer\n<< /Size ${offsets.length + 1} /Root ${n + 7} 0 R >>\nstartxref\n${body.length}\n%%EOF\n`);
    },
  },
  {
    name: 'offsets-past-end',
    about: 'xref entries pointing past the end of the file',
    expect: { error: 'is past the end of the file' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      doc.add('<< >>');
      const pdf = pagesDoc(doc, [c]);
      return Buffer.from(pdf.toString('latin1').replace(/\n0000000\d{3} 00000 n \n/, '\n9999999999 00000 n \n'), 'latin1');
    },
  },
  {
    name: 'offsets-wrong-object',
    about: 'every xref entry pointing at the first object',
    expect: { error: 'at the offset given by the xref table' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.flate(`${SHOW} <0001> Tj ET`);
      return doc.bytes(pagesDocRoot(doc, c), { xref: (offsets) => [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map(() => `${String(offsets[0]).padStart(10, '0')} 00000 n \n`)].join('') });
    },
  },
  {
    name: 'xref-numbers-overflow',
    about: 'an xref subsection starting at object 9007199254740990',
    expect: { error: 'out of range' },
    heapMb: 128,
    build: () => Buffer.from(validPdf().toString('latin1').replace(/\nxref\n0 (\d+)\n/, '\nxref\n9007199254740990 $1\n'), 'latin1'),
  },
  {
    name: 'startxref-outside',
    about: 'startxref pointing outside the file',
    expect: { error: 'expected the byte offset of the xref table' },
    heapMb: 128,
    build: () => Buffer.from(validPdf().toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999999'), 'latin1'),
  },
  {
    name: 'truncated',
    about: 'a valid file cut in the middle',
    expect: { error: 'no startxref' },
    heapMb: 128,
    build: () => {
      const pdf = validPdf();
      return pdf.subarray(0, Math.floor(pdf.length / 2));
    },
  },
  {
    name: 'length-too-long',
    about: 'a stream whose /Length runs past its data',
    expect: { error: 'no "endstream" after /Length' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const data = deflateSync(latin1(`${SHOW} <0001> Tj ET`));
      const c = doc.add({ dict: '/Filter /FlateDecode', data, length: String(data.length + 40) });
      doc.add('<< /Padding (' + 'x'.repeat(200) + ') >>');
      return pagesDoc(doc, [c]);
    },
  },
  {
    name: 'length-past-end',
    about: 'a stream whose /Length runs past the end of the file',
    expect: { error: 'runs past the end of the file' },
    heapMb: 128,
    build: () => {
      const doc = new Doc();
      const c = doc.add({ dict: '/Filter /FlateDecode', data: deflateSync(latin1(`${SHOW} <0001> Tj ET`)), length: '999999999' });
      return pagesDoc(doc, [c]);
    },
  },
  {
    name: 'huge-number',
    about: 'an operand of 400 digits',
    expect: { error: 'number out of range' },
    heapMb: 128,
    build: () => onePage(`${'9'.repeat(400)} Tc`),
  },
  {
    name: 'huge-name',
    about: 'a name of one million bytes',
    expect: { error: 'longer than 32767 bytes' },
    heapMb: 128,
    build: () => onePage(`/${'A'.repeat(1_000_000)} BMC EMC`),
  },
  {
    name: 'huge-keyword',
    about: 'an unknown operator of 50 MB',
    expect: { error: 'longer than 32767 bytes' },
    heapMb: 128,
    build: () => onePage(fill('x', 50 * MiB)),
  },
];

/** The root of a one-page document over content `c` (the catalog's number). */
function pagesDocRoot(doc: Doc, c: number): number {
  const f1 = font(doc);
  const pages = doc.reserve();
  const page = doc.add(`<< /Type /Page /Parent ${pages} 0 R /Resources << /Font << /F1 ${f1} 0 R >> >> /Contents ${c} 0 R >>`);
  doc.set(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 /MediaBox [0 0 200 100] >>`);
  return doc.add(`<< /Type /Catalog /Pages ${pages} 0 R >>`);
}

/** Writes `<name>.pdf` for each case (or those named) into `folder`; returns the cases with their paths. */
export function writeHostilePdfs(folder: string, names?: readonly string[]): Array<HostileCase & { readonly path: string }> {
  mkdirSync(folder, { recursive: true });
  const chosen = names && names.length > 0 ? HOSTILE_CASES.filter((c) => names.includes(c.name)) : HOSTILE_CASES;
  const unknown = (names ?? []).filter((n) => !HOSTILE_CASES.some((c) => c.name === n));
  if (unknown.length > 0) throw new Error(`unknown case(s): ${unknown.join(', ')}`);
  return chosen.map((c) => {
    const path = join(folder, `${c.name}.pdf`);
    writeFileSync(path, c.build());
    return { ...c, path };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [folder, ...names] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: npx tsx scripts/hostile-pdfs.ts <folder> [name …]');
    process.exit(64);
  }
  for (const c of writeHostilePdfs(folder, names)) {
    const expected = 'limit' in c.expect ? `limits.${c.expect.limit}` : 'error' in c.expect ? `error “${c.expect.error}”` : 'text';
    console.log(`${c.path}  (${c.about}; expect ${expected})`);
  }
}
