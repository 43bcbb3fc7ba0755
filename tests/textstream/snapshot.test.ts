/**
 * File snapshots of every fixture's text stream (tests/__snapshots__/<name>.txt) and summary (<name>.summary.txt),
 * and a check that a changed character pitch shows in the snapshot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractTextStream, formatTextStream, summarizeTextStream } from '../../src/textstream/index.js';
import { FIXTURE_NAMES, renderFixture } from './fixtures.js';

const SEED = 'linyi-minzheng-2017';

describe('text stream snapshots', () => {
  it('finds the fixtures, the seed among them', () => {
    expect(FIXTURE_NAMES).toContain(SEED);
  });

  it.each(FIXTURE_NAMES)('%s: the text stream matches its snapshot', async (name) => {
    const stream = extractTextStream(await renderFixture(name));
    await expect(formatTextStream(stream)).toMatchFileSnapshot(`../__snapshots__/${name}.txt`);
  });

  it.each(FIXTURE_NAMES)('%s: the summary matches its snapshot', async (name) => {
    const stream = extractTextStream(await renderFixture(name));
    await expect(summarizeTextStream(stream)).toMatchFileSnapshot(`../__snapshots__/${name}.summary.txt`);
  });
});

describe('sensitivity', () => {
  it('a character pitch of 27 per line instead of 28 changes the seed’s snapshot', async () => {
    const file = fileURLToPath(new URL(`../__snapshots__/${SEED}.txt`, import.meta.url));
    expect(existsSync(file), `${file} should exist (run the snapshot test first)`).toBe(true);
    const changed = formatTextStream(extractTextStream(await renderFixture(SEED, { layout: { charsPerLine: 27 } })));
    // Compared as a boolean so that nothing is printed either way.
    expect(changed === readFileSync(file, 'utf8')).toBe(false);
  });
});
