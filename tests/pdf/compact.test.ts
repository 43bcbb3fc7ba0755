/**
 * The compact structures of the PDF writer, each read back by an independent reader: /W ranges decode to the same
 * widths, the ToUnicode map to the same code points, the subset font program parses (fontkit) with the original
 * glyphs and advances, the sRGB profile is a valid ICC v2 display profile whose tone curve is sRGB's, glyph codes
 * in literal strings read back as their ids, and the cross-reference table points at every object.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { FontkitFont, FontkitModule } from '../../src/fonts/fontkitTypes.js';
import { resolveFonts } from '../../src/index.js';
import { srgbProfile, srgbToLinear, TONE_CURVE_POINTS } from '../../src/pdf/colorProfile.js';
import { ContentWriter } from '../../src/pdf/contentWriter.js';
import { compactWidths, toUnicodeCMap } from '../../src/pdf/fonts.js';
import { pdfString } from '../../src/pdf/pdfFile.js';
import { TrueTypeSubset } from '../../src/fonts/trueTypeSubset.js';
import { parseCidWidths, parseToUnicode } from '../../src/textstream/cmap.js';
import { Lexer } from '../../src/textstream/lexer.js';
import { PdfFile, PdfRef, parseValue, type PdfValue } from '../../src/textstream/objects.js';
import { renderReport } from '../../src/index.js';
import { fixture } from '../helpers/composed.js';

const fontkit = createRequire(import.meta.url)('fontkit') as FontkitModule;

/** Parses PDF object syntax (an array) with the text-stream reader's lexer. */
function parseArray(text: string): PdfValue[] {
  const lx = new Lexer(Buffer.from(`[${text}]`, 'latin1'), 0, 'test');
  return parseValue(lx, lx.next(), false) as PdfValue[];
}

describe('/W as ranges and lists, /DW the most common width', () => {
  it('decodes to the same width for every CID that has one', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(1000, 500, 555, 278.5, 224, 1000.0000001), { nil: undefined, freq: 6 }), { maxLength: 300 }), (widths) => {
        const { dw, w } = compactWidths(widths);
        const decoded = parseCidWidths(parseArray(w), dw, 'test');
        widths.forEach((v, cid) => {
          if (v !== undefined) expect(decoded.widths.get(cid) ?? decoded.defaultWidth).toBeCloseTo(v, 5);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('writes runs of one width as a range and leaves the default out', () => {
    const widths = [1000, 590, 590, 590, 590, 1000, 1000, 278, 555, 1000];
    const { dw, w } = compactWidths(widths);
    expect(dw).toBe(1000);
    expect(w).toBe('1 4 590 7 [278 555]');
    expect(compactWidths([500, 500, 500, 1000]).dw).toBe(500);
  });
});

describe('the ToUnicode map', () => {
  it('maps every code to its code points, surrogate pairs included', () => {
    const unicode = [[0], [0x4e00], [0x41], [0x1f600], [0x20000], ...Array.from({ length: 600 }, (_, i) => [0x4e01 + i])];
    const map = parseToUnicode(Buffer.from(toUnicodeCMap(unicode)), 'test');
    expect(map.codeBytes).toBe(2);
    unicode.forEach((cps, code) => expect(map.map.get(code)).toBe(String.fromCodePoint(...cps)));
  });
});

describe('the subset font program', () => {
  const faces = resolveFonts();
  const primary = faces.body.stack.primaryFace.font;
  // The face as fontkit reads it, to compare the subset's glyphs with.
  const face = fontkit.create(Buffer.from(primary.data)) as FontkitFont;
  const gidOf = (ch: string) => face.glyphForCodePoint(ch.codePointAt(0)!).id;

  it('parses, with each glyph drawn and advanced as in the face, a short loca and an empty .notdef', () => {
    const subset = new TrueTypeSubset(primary);
    const chars = [...'政府信息公开工作年度报告，。（）2017abcABC—…'];
    for (const ch of chars) subset.includeGlyph(gidOf(ch));
    subset.sortByGlyph();
    const program = subset.encode();
    type Drawn = { getGlyph(id: number): { path: { toSVG(): string }; advanceWidth: number } };
    const parsed = fontkit.create(Buffer.from(program)) as FontkitFont;
    expect(parsed.numGlyphs).toBe(subset.glyphs.length);
    subset.glyphs.forEach((gid, id) => {
      const original = (face as unknown as Drawn).getGlyph(gid);
      const copy = (parsed as unknown as Drawn).getGlyph(id);
      expect(copy.advanceWidth).toBe(original.advanceWidth);
      if (id > 0) expect(copy.path.toSVG()).toBe(original.path.toSVG());
    });
    expect((parsed as unknown as Drawn).getGlyph(0).path.toSVG()).toBe('');
    const head = parsed.head as { indexToLocFormat: number };
    expect(head.indexToLocFormat).toBe(0);
    // Glyphs are in the face's order after sorting: ids follow the original glyph ids.
    expect([...subset.glyphs].sort((a, b) => a - b)).toEqual(subset.glyphs);
  });

  it('keeps ids and copies consistent when renumbered', () => {
    const subset = new TrueTypeSubset(primary);
    const a = subset.includeGlyph(gidOf('政'));
    const b = subset.includeGlyph(gidOf('一'));
    const copy = subset.includeCopy(gidOf('一'), 0x2014);
    const renumber = subset.sortByGlyph();
    expect(subset.includeGlyph(gidOf('政'))).toBe(renumber[a]);
    expect(subset.includeGlyph(gidOf('一'))).toBe(renumber[b]);
    expect(subset.includeCopy(gidOf('一'), 0x2014)).toBe(renumber[copy]);
    expect(subset.glyphs[renumber[copy]!]).toBe(gidOf('一'));
  });

  it("gives a glyph id beyond the face (a damaged composite glyph's component) an empty program", () => {
    const numGlyphs = primary.tables!.numGlyphs;
    const plain = new TrueTypeSubset(primary);
    const damaged = new TrueTypeSubset(primary);
    for (const subset of [plain, damaged]) subset.includeGlyph(gidOf('政'));
    const beyond = damaged.includeGlyph(numGlyphs + 5);
    const program = damaged.encode();
    // One more entry, and no more bytes than its place in loca, hmtx and alignment (not the face's whole glyf table).
    expect(program.length - plain.encode().length).toBeLessThan(16);
    type Drawn = { numGlyphs: number; getGlyph(id: number): { path: { toSVG(): string } } };
    const parsed = fontkit.create(Buffer.from(program)) as unknown as Drawn;
    expect(parsed.numGlyphs).toBe(3);
    expect(parsed.getGlyph(beyond).path.toSVG()).toBe('');
    expect(parsed.getGlyph(1).path.toSVG()).toBe((face as unknown as Drawn).getGlyph(gidOf('政')).path.toSVG());
  });

  it('renumbers any subset into glyph order, copies after their glyph by code point, every id still found', () => {
    const numGlyphs = primary.tables!.numGlyphs;
    // Glyph ids of the face, a few beyond it (a damaged composite glyph's components), and code points, some shared.
    const gid = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: numGlyphs - 1 }), fc.integer({ min: numGlyphs, max: 0xffff }));
    const step = fc.record({ gid, cp: fc.integer({ min: 0x20, max: 0x2ffff }), kind: fc.constantFrom('glyph', 'codePoint', 'copy') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const subset = new TrueTypeSubset(primary);
        const ask = (s: (typeof steps)[number]) =>
          s.kind === 'glyph' ? subset.includeGlyph(s.gid) : s.kind === 'copy' ? subset.includeCopy(s.gid, s.cp) : subset.includeCodePoint(s.gid, s.cp);
        const before = steps.map(ask);
        // Which entries are copies, and of which code point: includeCopy's, and includeCodePoint's other than the
        // glyph's own entry (which includeCodePoint always includes, so asking for it adds nothing).
        const copyCode = new Map<number, number>();
        steps.forEach((s, k) => {
          if (s.kind === 'copy' || (s.kind === 'codePoint' && subset.includeGlyph(s.gid) !== before[k])) copyCode.set(before[k]!, s.cp);
        });
        const glyphsBefore = subset.glyphs.slice();
        const renumber = subset.sortByGlyph();
        expect([...renumber].sort((a, b) => a - b)).toEqual(glyphsBefore.map((_, i) => i));
        glyphsBefore.forEach((g, old) => expect(subset.glyphs[renumber[old]!]).toBe(g));
        // In glyph order, each glyph's own entry first, then its copies by code point.
        const order = glyphsBefore.map((g, old) => [g, copyCode.get(old) ?? -1, renumber[old]!] as const).sort((x, y) => x[2] - y[2]);
        for (let k = 1; k < order.length; k++) expect(order[k - 1]![0] < order[k]![0] || (order[k - 1]![0] === order[k]![0] && order[k - 1]![1] < order[k]![1])).toBe(true);
        // The same questions give the renumbered ids.
        steps.forEach((s, k) => expect(ask(s)).toBe(renumber[before[k]!]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the sRGB output-intent profile', () => {
  const icc = srgbProfile();
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const tag = (sig: string) => {
    for (let i = 0; i < view.getUint32(128); i++) {
      const at = 132 + 12 * i;
      if (String.fromCharCode(...icc.subarray(at, at + 4)) === sig) return { offset: view.getUint32(at + 4), size: view.getUint32(at + 8) };
    }
    return undefined;
  };

  it('is an ICC version 2 RGB display profile with the tags such a profile needs, inside the file', () => {
    expect(view.getUint32(0)).toBe(icc.length);
    expect(String.fromCharCode(...icc.subarray(36, 40))).toBe('acsp');
    expect(icc[8]).toBe(2); // major version 2, as PDF/A-1 requires
    expect(String.fromCharCode(...icc.subarray(12, 24))).toBe('mntrRGB XYZ ');
    for (const sig of ['desc', 'cprt', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC']) {
      const t = tag(sig);
      expect(t, sig).toBeDefined();
      expect(t!.offset % 4).toBe(0);
      expect(t!.offset + t!.size).toBeLessThanOrEqual(icc.length);
    }
    // The colorants add up to the D50 white of the connection space.
    const xyz = (sig: string) => [0, 1, 2].map((k) => view.getInt32(tag(sig)!.offset + 8 + 4 * k) / 65536);
    const [r, g, b] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
    [0.9642, 1, 0.8249].forEach((white, k) => expect(r[k]! + g[k]! + b[k]!).toBeCloseTo(white, 3));
  });

  it('has one tone curve, sRGB’s, through which every 8-bit value comes back to itself', () => {
    const { offset } = tag('rTRC')!;
    expect(tag('gTRC')!.offset).toBe(offset);
    expect(String.fromCharCode(...icc.subarray(offset, offset + 4))).toBe('curv');
    const n = view.getUint32(offset + 8);
    expect(n).toBe(TONE_CURVE_POINTS);
    const points = Array.from({ length: n }, (_, i) => view.getUint16(offset + 12 + 2 * i) / 65535);
    for (let i = 1; i < n; i++) expect(points[i]!).toBeGreaterThan(points[i - 1]!);
    const linearToSrgb = (y: number) => (y <= 0.0031308 ? y * 12.92 : 1.055 * y ** (1 / 2.4) - 0.055);
    for (let v = 0; v < 256; v++) {
      const t = (v / 255) * (n - 1);
      const i = Math.min(Math.floor(t), n - 2);
      const y = points[i]! + (points[i + 1]! - points[i]!) * (t - i);
      expect(Math.round(linearToSrgb(y) * 255)).toBe(v);
      expect(Math.abs(y - srgbToLinear(v / 255))).toBeLessThan(0.001);
    }
  });
});

describe('strings and codes', () => {
  it('writes a glyph code as two string bytes that read back as the code, whatever the bytes are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 40 }), (codes) => {
        const w = new ContentWriter(8);
        w.text('(');
        for (const c of codes) w.code2(c);
        w.text(')');
        const t = new Lexer(w.view(), 0, 'test').next();
        expect(t?.kind).toBe('string');
        const bytes = (t as { value: Uint8Array }).value;
        expect(Array.from({ length: bytes.length / 2 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!)).toEqual(codes);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes text strings that read back as the text (ASCII as it is, anything else as UTF-16BE)', () => {
    for (const text of ['plain', 'a (b) c\\d', '临沂市（民政局）\n第二行', '\u4e0a\u0a0d']) {
      const t = new Lexer(Buffer.from(pdfString(text), 'latin1'), 0, 'test').next() as { value: Uint8Array };
      const bytes = Buffer.from(t.value);
      const back = bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
      expect(back).toBe(text);
    }
  });
});

describe('the file', () => {
  it('has a cross-reference entry pointing at each object, and every reference resolves', async () => {
    const pdf = await renderReport(fixture('linyi-minzheng-2017'));
    const text = Buffer.from(pdf).toString('latin1');
    const xref = text.slice(text.lastIndexOf('\nxref\n') + 1);
    const [, header, ...lines] = xref.split('\n');
    const count = Number(header!.split(' ')[1]);
    for (let n = 1; n < count; n++) {
      const offset = Number(lines[n]!.slice(0, 10));
      expect(text.startsWith(`${n} 0 obj\n`, offset), `object ${n}`).toBe(true);
    }
    const file = new PdfFile(pdf);
    for (const m of text.matchAll(/(\d+) 0 R\b/g)) expect(file.resolve(new PdfRef(Number(m[1]), 0)), m[0]).not.toBeUndefined();
  });
});
