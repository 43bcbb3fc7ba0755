/**
 * Damaged and hostile font files given as a role's font. Each is rendered in a child process with a small heap: it must
 * end with a PDF or with a FontError naming the file — never a crash inside fontkit, an out-of-memory exit, a stack
 * overflow or a hang. The fonts are made here from the embedded Noto Sans SC (bytes flipped, cut, and crafted
 * character maps and directories); the child's time limit is only a guard against hangs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../src/fonts/sfnt.js';
import { checkSfnt, FontError } from '../../src/fonts/sfntCheck.js';
import { runModuleChild } from '../helpers/child.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIBRARY = pathToFileURL(join(ROOT, 'src/index.ts')).href;
const WOFF = join(ROOT, 'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff');
const HANG_GUARD_MS = 600_000;

let dir: string;
let sfnt: Uint8Array;

/** Offset and length of a table of an SFNT. */
function table(bytes: Uint8Array, tag: string): { offset: number; length: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < v.getUint16(4); i++) {
    const rec = 12 + i * 16;
    if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) === tag) return { offset: v.getUint32(rec + 8), length: v.getUint32(rec + 12) };
  }
  throw new Error(`no ${tag}`);
}

/** The offsets of the cmap subtables of a format, from the start of the file. */
function cmapSubtables(bytes: Uint8Array, format: number): number[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = table(bytes, 'cmap').offset;
  const out = new Set<number>();
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    const at = cmap + v.getUint32(cmap + 4 + i * 8 + 4);
    if (v.getUint16(at) === format) out.add(at);
  }
  return [...out];
}

function flipped(seed: number, flips: number): Uint8Array {
  const out = new Uint8Array(sfnt);
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < flips; i++) out[Math.floor(rnd() * out.length)]! ^= 1 << Math.floor(rnd() * 8);
  return out;
}

/** Every segment of every format-4 subtable made to cover U+0000–U+FFFE: fontkit's character set then never ends. */
function overlappingSegments(): Uint8Array {
  const out = new Uint8Array(sfnt);
  const v = new DataView(out.buffer);
  for (const at of cmapSubtables(out, 4)) {
    const segX2 = v.getUint16(at + 6);
    for (let i = 0; i < segX2 / 2 - 1; i++) {
      v.setUint16(at + 14 + i * 2, 0xfffe);
      v.setUint16(at + 16 + segX2 + i * 2, 0);
    }
  }
  return out;
}

function withDirectoryEntry(tag: string, edit: (v: DataView, rec: number) => void): Uint8Array {
  const out = new Uint8Array(sfnt);
  const v = new DataView(out.buffer);
  for (let i = 0; i < v.getUint16(4); i++) {
    const rec = 12 + i * 16;
    if (String.fromCharCode(...out.subarray(rec, rec + 4)) === tag) edit(v, rec);
  }
  return out;
}

/** A WOFF whose first table claims to inflate to 2 GB. */
function woffBomb(): Uint8Array {
  const woff = new Uint8Array(readFileSync(WOFF));
  const v = new DataView(woff.buffer);
  v.setUint32(44 + 12, 0x7fffffff);
  return woff;
}

const CASES: Record<string, () => Uint8Array> = {
  'the font itself (control)': () => sfnt,
  'cut after the table directory': () => sfnt.slice(0, 400),
  'cut in the middle': () => sfnt.slice(0, sfnt.length >> 1),
  'cmap segments overlapping': overlappingSegments,
  'a table beyond the end of the file': () => withDirectoryEntry('hmtx', (v, rec) => v.setUint32(rec + 8, 0x7ffffff0)),
  'no hhea table': () => withDirectoryEntry('hhea', (v, rec) => v.setUint32(rec, 0x78787878)),
  'head of the wrong magic': () => {
    const out = new Uint8Array(sfnt);
    new DataView(out.buffer).setUint32(table(out, 'head').offset + 12, 0);
    return out;
  },
  'a WOFF table that claims 2 GB': woffBomb,
  'a text file': () => new TextEncoder().encode('这不是字体文件。'.repeat(10)),
  ...Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`${1 + (i % 6) * 40} bytes flipped (seed ${i})`, () => flipped(i + 1, 1 + (i % 6) * 40)])),
};

/** The child renders the seed with each font file as the body and title font; prints one answer per file. */
const CHILD = `
import { readFileSync } from 'node:fs';
const { renderReport } = await import(${JSON.stringify(LIBRARY)});
const report = JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'fixtures/latin-heavy-2018.json'))}, 'utf8'));
const answers = [];
for (const file of JSON.parse(process.argv[1])) {
  try {
    const pdf = await renderReport(report, { fonts: { body: file, title: file } });
    answers.push({ file, outcome: 'pdf', bytes: pdf.length });
  } catch (e) {
    answers.push({ file, outcome: 'error', name: e?.constructor?.name, message: String(e?.message ?? e).slice(0, 300) });
  }
}
process.stdout.write(JSON.stringify(answers));
`;

interface Answer {
  readonly file: string;
  readonly outcome: 'pdf' | 'error';
  readonly name?: string;
  readonly message?: string;
}
const answers = new Map<string, Answer>();
const files = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-fonts-'));
  sfnt = woffToSfnt(new Uint8Array(readFileSync(WOFF)));
  Object.entries(CASES).forEach(([name, make], i) => {
    const file = join(dir, `font-${i}.${name.includes('WOFF') ? 'woff' : 'ttf'}`);
    writeFileSync(file, make());
    files.set(name, file);
  });
  const run = await runModuleChild(CHILD, [JSON.stringify([...files.values()])], { heapMb: 384, hangGuardMs: HANG_GUARD_MS });
  expect(run.signal, `killed by ${run.signal} (a hang or a crash): ${run.stderr.slice(-2000)}`).toBeNull();
  expect(run.code, `exit ${run.code} (a crash, e.g. out of memory inside fontkit): ${run.stderr.slice(-2000)}`).toBe(0);
  for (const a of JSON.parse(run.stdout) as Answer[]) answers.set(a.file, a);
}, HANG_GUARD_MS + 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('damaged font files, rendered in a child with a 384 MB heap', () => {
  it.each(Object.keys(CASES))('%s: a PDF or a FontError naming the file', (name) => {
    const file = files.get(name)!;
    const a = answers.get(file)!;
    if (name.includes('control')) return void expect(a.outcome, a.message).toBe('pdf');
    if (a.outcome === 'pdf') {
      // Some flipped bytes fall where nothing reads them (a name string, an unused glyph): the font still works.
      expect(name).toMatch(/flipped/);
      return;
    }
    expect(a.name, a.message).toBe('FontError');
    expect(a.message!.startsWith(`字体文件 ${file}：`), a.message).toBe(true);
  });

  it('refuses the crafted fonts before fontkit reads them', () => {
    for (const name of ['cmap segments overlapping', 'a table beyond the end of the file', 'a WOFF table that claims 2 GB', 'a text file']) {
      expect(answers.get(files.get(name)!)!.name, name).toBe('FontError');
    }
    expect(answers.get(files.get('cmap segments overlapping')!)!.message).toMatch(/cmap 子表.*重叠/);
  });
});

describe('checkSfnt', () => {
  it('accepts the embedded font and refuses an overlapping character map with the file name', () => {
    expect(() => checkSfnt(sfnt, 'noto.ttf')).not.toThrow();
    expect(() => checkSfnt(overlappingSegments(), 'bad.ttf')).toThrow(FontError);
    expect(() => checkSfnt(overlappingSegments(), 'bad.ttf')).toThrow(/^字体文件 bad\.ttf：cmap 子表/);
  });

  it('refuses a WOFF2 file and a collection header that claims too many faces', () => {
    const woff2 = new Uint8Array(64);
    woff2.set([0x77, 0x4f, 0x46, 0x32]);
    expect(() => checkSfnt(woff2, 'x.woff2')).toThrow(/WOFF2/);
    const ttc = new Uint8Array(64);
    ttc.set([0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    expect(() => checkSfnt(ttc, 'x.ttc')).toThrow(/TTC/);
  });
});
