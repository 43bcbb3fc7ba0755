/**
 * Cross-checks of the text stream for every fixture: against pdf.js page by page (whitespace removed), and its
 * non-artifact text against the report's own text in reading order.
 */
import { describe, expect, it } from 'vitest';
import { checkReport as validateReport, TEMPLATES } from '../../src/model/index.js';
import { extractTextStream, type TextStream } from '../../src/textstream/index.js';
import { expectedReadingOrder, firstDeparture, firstDifference, withoutWhitespace } from './expectedText.js';
import { FIXTURE_NAMES, fixtureInput, renderFixture } from './fixtures.js';
import { pdfjsPages } from '../helpers/pdfjs.js';

/** Every character page furniture may hold: page numbers, 续表, the templates' table headings and row labels. */
const FURNITURE = new Set([
  ...'—0123456789续表⇥',
  ...Object.values(TEMPLATES).flatMap((t) => t.tables.flatMap((table) => [...table.header.flat().map((h) => h.text), ...table.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'label' ? [c.text] : [])))])).join(''),
]);

const pageText = (stream: TextStream, index: number, artifacts: boolean) =>
  stream.pages[index]!.lines.filter((l) => artifacts || !l.artifact).map((l) => l.text).join('');

describe.each(FIXTURE_NAMES)('%s', (name) => {
  it('has the same text as pdf.js extracts, page by page (whitespace removed)', async () => {
    const pdf = await renderFixture(name);
    const stream = extractTextStream(pdf);
    const reference = await pdfjsPages(pdf);
    expect(stream.pages.length).toBe(reference.length);
    // The same characters on every page; in the same order where nothing spans rows (a cell beside several rows is
    // read where it is drawn by pdf.js, and by its baseline in the text stream).
    const sorted = (t: string) => [...withoutWhitespace(t)].sort().join('');
    reference.forEach((text, i) => {
      const ours = pageText(stream, i, true);
      if (firstDifference(withoutWhitespace(ours), withoutWhitespace(text)) === undefined) return;
      expect(sorted(ours), `page ${i + 1}`).toBe(sorted(text));
    });
  });

  it('reads, without artifacts, as the report in reading order', async () => {
    const validation = validateReport(fixtureInput(name));
    expect(validation.errors, 'the fixture should validate').toEqual([]);
    const stream = extractTextStream(await renderFixture(name));
    const actual = stream.pages.map((_, i) => pageText(stream, i, false)).join('');
    expect(firstDeparture(actual, expectedReadingOrder(validation.report!))).toBeUndefined();
  });

  it('marks the page numbers (and only furniture) as artifacts', async () => {
    const stream = extractTextStream(await renderFixture(name));
    stream.pages.forEach((page) => {
      const artifacts = page.lines.filter((l) => l.artifact).map((l) => withoutWhitespace(l.text));
      expect(artifacts, `page ${page.number}`).toContain(`—${page.number}—`);
      // Page numbers, 续表, and what a continued table repeats: its header rows and the labels of cells spanning rows.
      for (const a of artifacts) {
        const stray = [...a].filter((c) => !FURNITURE.has(c));
        expect(stray.join(''), `page ${page.number}: ${a}`).toBe('');
      }
    });
  });
});
