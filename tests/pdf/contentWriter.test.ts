/**
 * The content-stream writer writes numbers and glyph codes straight into bytes; they must be the same bytes as the
 * string formatting they replace (`num`), or every page would change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentWriter, num } from '../../src/pdf/contentWriter.js';

const written = (write: (w: ContentWriter) => void) => {
  const w = new ContentWriter(4);
  write(w);
  return Buffer.from(w.view()).toString('latin1');
};

describe('ContentWriter', () => {
  it('writes a number exactly as num() formats it', () => {
    const samples = [0, -0, 1, -1, 0.5, 1e-5, -1e-5, 0.00005, -0.00005, 0.00015, 12.34565, 841.889764, -12.9364, 100, 1234567.89, 1e12, -1e15, 1e21, 3.3333333];
    for (const n of samples) expect(written((w) => w.num(n))).toBe(num(n));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e7, max: 1e7 }), (n) => written((w) => w.num(n)) === num(n)),
      { numRuns: 20000 },
    );
    fc.assert(fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (k) => written((w) => w.num(k / 10000)) === num(k / 10000)));
  });

  it('writes glyph codes as two escaped string bytes, integers and text as they are, and grows as needed', () => {
    expect(written((w) => w.code2(0x4128).code2(0x295c).code2(0x0a0d))).toBe('A\\(\\)\\\\\\n\\r');
    expect(() => written((w) => w.code2(0x10000))).toThrow();
    expect(written((w) => w.int(0).text(' ').int(7).text(' ').int(1234567890))).toBe('0 7 1234567890');
    const long = 'BT\n/F1 16 Tf\n'.repeat(1000);
    expect(written((w) => w.text(long).bytes(new Uint8Array([0x45, 0x54])))).toBe(`${long}ET`);
  });
});
