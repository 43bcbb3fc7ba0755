/**
 * Font programs made before composition (src/pdf/earlyPrograms.ts): taken by the writer when a face's subset comes
 * out with the same glyphs, and then the PDF is the same to the byte as one written without them; when the texts
 * do not match what is drawn, the writer makes its own programs, again to the same bytes.
 */
import { describe, expect, it, vi } from 'vitest';
import { furnitureTexts } from '../../src/compose/composePages.js';
import { composeReport, prepareReport, type PreparedReport } from '../../src/index.js';
import { documentTexts } from '../../src/model/document.js';
import type { FontRole } from '../../src/model/fontRole.js';
import { EarlyFontPrograms } from '../../src/pdf/earlyPrograms.js';
import { writePdf } from '../../src/pdf/writePdf.js';
import { fixture } from '../helpers/composed.js';

const OPTIONS = {
  pdfa: '1b' as const,
  fileId: Buffer.alloc(16, 1),
  info: { title: 't', author: 'a', subject: 's', keywords: 'k', creator: 'c', producer: 'p', creationDate: new Date(0), modDate: new Date(0) },
  archive: { year: 2017, period: 'p', signatureDate: '2018-01-21', classification: '公开', disclosureMode: '主动公开' },
};

async function write(prepared: PreparedReport, early?: EarlyFontPrograms): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  await writePdf(composeReport(prepared), { ...OPTIONS, early }, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}

const start = (prepared: PreparedReport, texts: readonly { role: FontRole; text: string }[]) =>
  EarlyFontPrograms.start(texts, (role) => prepared.fonts[role].stack, 2)!;

/** The embedded faces of a written PDF (its FontFile2 streams). */
const faces = (pdf: Buffer) => pdf.toString('latin1').match(/\/FontFile2 /g)?.length ?? 0;

describe('font programs made before composition', () => {
  // A 2014 report, a 2021 one with three statistics tables, and one that draws from many fallback faces.
  it.each(['linyi-minzheng-2017', 'hongze-qu-2024', 'rare-characters-2016'])('%s: every program is taken, and the PDF is the same', async (name) => {
    const prepared = prepareReport(fixture(name));
    const early = start(prepared, [...documentTexts(prepared.document), ...furnitureTexts(prepared.document)]);
    const pdf = await write(prepared, early);
    expect(early.taken).toBeGreaterThan(0);
    expect(early.taken).toBe(faces(pdf));
    expect(pdf.equals(await write(prepared))).toBe(true);
  });

  it('a subset that comes out otherwise is made anew, to the same bytes', async () => {
    const prepared = prepareReport(fixture('linyi-minzheng-2017'));
    const texts = documentTexts(prepared.document);
    // Half the texts: the subsets lack glyphs the pages draw. Texts of another report: they have glyphs not drawn.
    const short = start(prepared, texts.slice(0, texts.length >> 1));
    const other = prepareReport(fixture('hongze-qu-2024'));
    const foreign = start(prepared, [...documentTexts(other.document), ...furnitureTexts(other.document)]);
    const plain = await write(prepared);
    expect((await write(prepared, short)).equals(plain)).toBe(true);
    expect((await write(prepared, foreign)).equals(plain)).toBe(true);
    expect([short.taken, foreign.taken]).toEqual([0, 0]);
  });

  it("a thread's first render makes none (its code is still cold); the next ones do, to the same bytes", async () => {
    vi.resetModules();
    const fresh = await import('../../src/pdf/earlyPrograms.js');
    const started = vi.spyOn(fresh.EarlyFontPrograms, 'start');
    const { renderReport } = await import('../../src/renderReport.js');
    const first = Buffer.from(await renderReport(fixture('short-sections-2015')));
    expect(started).not.toHaveBeenCalled();
    const second = Buffer.from(await renderReport(fixture('short-sections-2015')));
    expect(started).toHaveBeenCalledTimes(1);
    expect(second.equals(first)).toBe(true);
  });

  it('makes none with one core', () => {
    const prepared = prepareReport(fixture('linyi-minzheng-2017'));
    expect(EarlyFontPrograms.start(documentTexts(prepared.document), (role) => prepared.fonts[role].stack, 1)).toBeUndefined();
  });
});
