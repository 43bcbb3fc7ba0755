/**
 * No loose line in any fixture, measured from the PDF alone: on every justified line (a line that ends at the right
 * edge of the type area), the extra space after each glyph (the distance to the next glyph minus the glyph's own
 * advance) stays under 0.1 em, where PDF text extractors start to read a space.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, geometryOf } from '../../src/compose/layoutOptions.js';
import { extractTextStream, type TextLine } from '../../src/textstream/index.js';
import { FIXTURE_NAMES, renderFixture } from './fixtures.js';

/** The largest extra space per gap of a line, in em of the glyph before it; undefined for a line of one glyph. */
export function largestGap(line: TextLine): number | undefined {
  let largest: number | undefined;
  for (let i = 1; i < line.glyphs.length; i++) {
    const a = line.glyphs[i - 1]!;
    const b = line.glyphs[i]!;
    const extra = (b.x - a.x - a.advance) / a.size;
    if (extra > 1) continue; // a jump to the next cell
    largest = largest === undefined ? extra : Math.max(largest, extra);
  }
  return largest;
}

const BUCKETS = [-0.5, -0.05, -0.02, 0, 0.02, 0.04, 0.06, 0.08, 0.1, 1];

const g = geometryOf(DEFAULT_LAYOUT);
/** Whether a line ends at the right edge of the type area (a justified line that is not a paragraph's last). */
function isJustified(line: TextLine): boolean {
  const ink = line.glyphs.filter((glyph) => glyph.text.trim() !== '');
  const last = ink[ink.length - 1];
  if (!last) return false;
  const right = g.left + g.width;
  // A full-width mark at the line end may be set at half width, its blank half past the edge.
  return Math.abs(last.x + last.advance - right) < 1 || (/[，。、；：？！）》」』】”’]/.test(last.text) && Math.abs(last.x + last.advance / 2 - right) < 1);
}

describe('justified lines are never loose', () => {
  const rows: string[] = [];

  it.each(FIXTURE_NAMES)('%s: every gap under 0.1 em', async (name) => {
    const stream = extractTextStream(await renderFixture(name));
    const counts = new Array<number>(BUCKETS.length).fill(0);
    const loose: string[] = [];
    for (const page of stream.pages) {
      for (const line of page.lines) {
        if (line.artifact || !isJustified(line)) continue;
        const gap = largestGap(line);
        if (gap === undefined) continue;
        const k = BUCKETS.findIndex((b) => gap < b);
        counts[k < 0 ? BUCKETS.length - 1 : k]!++;
        if (gap >= 0.1) loose.push(`p${page.number} +${gap.toFixed(3)} em: ${line.text}`);
      }
    }
    rows.push(`${name.padEnd(32)} ${counts.map((c) => String(c).padStart(5)).join('')}`);
    expect(loose).toEqual([]);
  });

  it('prints the distribution of the largest gap per line', () => {
    const header = `${'fixture'.padEnd(32)} ${BUCKETS.map((b) => `<${b}`.padStart(5)).join('')}`;
    console.log(`largest extra space per gap, lines by bucket (em):\n${header}\n${rows.join('\n')}`);
    expect(rows.length).toBe(FIXTURE_NAMES.length);
  });
});
