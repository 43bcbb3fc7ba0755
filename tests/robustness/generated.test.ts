/** Generated input, valid and invalid: a clear error or a valid PDF whose text is the report's text, never anything else. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport, ReportValidationError, validateReport, type Report } from '../../src/index.js';
import { collectTexts } from '../../src/model/index.js';
import { describeWithTool, preflightAvailable, PREFLIGHT_PACKAGES, runPreflight } from '../helpers/conformance.js';
import { generateReport } from '../helpers/generateReport.js';
import { findInOrder, pdfjsPages } from '../helpers/pdfjs.js';

const COUNT = 40;
const dir = mkdtempSync(join(tmpdir(), 'xxgk-generated-'));
const rendered: string[] = [];

describe('generated reports (fixed seeds)', () => {
  it.each(Array.from({ length: COUNT }, (_, i) => i + 1))('seed %i: validation never throws; rendering gives a clear error or a readable PDF', async (seed) => {
    const input = generateReport(seed);
    expect(() => validateReport(input)).not.toThrow();
    let pdf: Uint8Array;
    try {
      pdf = await renderReport(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ReportValidationError);
      expect((e as ReportValidationError).errors.length).toBeGreaterThan(0);
      for (const issue of (e as ReportValidationError).errors) expect(issue.message.length).toBeGreaterThan(0);
      return;
    }
    // The body's own fields, in reading order (metadata such as the agency is printed inside generated titles).
    const fields = collectTexts(input as Report).filter((f) => /^(preamble|sections|signature)/.test(f.path));
    const { missing } = findInOrder((await pdfjsPages(pdf)).join(''), fields.map((f) => f.text));
    expect(missing, `“${missing?.slice(0, 30)}” not found in order`).toBeUndefined();
    if (rendered.length < 3) {
      const file = join(dir, `generated-${seed}.pdf`);
      writeFileSync(file, pdf);
      rendered.push(file);
    }
  });

  it('renders some and refuses some (the generator covers both outcomes)', async () => {
    const outcomes = await Promise.all(Array.from({ length: COUNT }, (_, i) => renderReport(generateReport(i + 1)).then(() => true, () => false)));
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(3);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(3);
  });
});

describeWithTool(preflightAvailable(), PREFLIGHT_PACKAGES, 'a sample of generated PDFs under Preflight', () => {
  it('is valid PDF/A-1b', async () => {
    expect(rendered.length).toBeGreaterThan(0);
    for (const file of rendered) expect((await runPreflight(file)).errors, file).toEqual([]);
  });
});
