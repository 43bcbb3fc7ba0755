/** Batches: a failing report does not stop the others, results keep input order and names, threads give the same bytes. */
import { describe, expect, it } from 'vitest';
import { renderMany, renderReport, ReportValidationError } from '../../src/index.js';
import { fixture } from '../helpers/composed.js';

describe('renderMany', () => {
  const inputs = [
    { name: 'seed.json', report: fixture('linyi-minzheng-2017') },
    { name: 'broken.json', report: { metadata: { agency: '某局' } } },
    { name: 'short.json', report: fixture('short-sections-2015') },
  ];

  it.each([1, 2])('with %i thread(s): renders the good reports, reports the bad one by name, same bytes as renderReport', async (concurrency) => {
    const seen: string[] = [];
    const results = await renderMany(inputs, { concurrency, onResult: (r, done, total) => seen.push(`${r.name} ${done}/${total}`) });
    expect(results.map((r) => [r.name, r.ok])).toEqual([['seed.json', true], ['broken.json', false], ['short.json', true]]);
    const broken = results[1]!;
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.error).toBeInstanceOf(ReportValidationError);
      expect((broken.error as ReportValidationError).errors.some((e) => e.path === 'preamble')).toBe(true);
    }
    const seed = results[0]!;
    if (seed.ok) expect(Buffer.from(seed.pdf).equals(Buffer.from(await renderReport(fixture('linyi-minzheng-2017'))))).toBe(true);
    expect(seen).toHaveLength(3);
  });
});
