import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontkitProgram, readTrueType, type FontProgram } from '../../src/fonts/fontProgram.js';
import type { FontkitFont, FontkitModule } from '../../src/fonts/fontkitTypes.js';
import { woffToSfnt } from '../../src/fonts/sfnt.js';

const fontkit = createRequire(import.meta.url)('fontkit') as FontkitModule;
const files = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json')), 'files');
// Every weight of the chinese-simplified file, and a spread of the numbered and script files (every 25th WOFF file).
const woffs = readdirSync(files).filter((f) => f.endsWith('.woff'));
const sample = woffs.filter((f, i) => f.includes('chinese-simplified') || i % 25 === 0);

const PROPERTIES = ['postscriptName', 'fullName', 'familyName', 'unitsPerEm', 'ascent', 'descent', 'bbox', 'italicAngle', 'capHeight', 'familyClass', 'fixedPitch', 'italic', 'trueType'] as const;

describe('the built-in TrueType reader', () => {
  it.each(sample)('reads %s exactly as fontkit does: names, metrics, every character and advance', (file) => {
    const data = woffToSfnt(readFileSync(join(files, file)));
    const own = readTrueType(data);
    expect(own).not.toBeNull();
    const font = fontkit.create(Buffer.from(data)) as FontkitFont;
    const theirs = fontkitProgram(font);
    const pick = (p: FontProgram) => Object.fromEntries(PROPERTIES.map((k) => [k, p[k]]));
    expect(pick(own!)).toEqual(pick(theirs));
    expect(own!.postscriptName).toMatch(/^NotoSansSC/);
    // Every code point the face maps, and some it does not (0 for those).
    const codePoints = [...font.characterSet, 0, 0x1f600, 0x10ffff, 0xfffe];
    const mismatched = codePoints.filter((cp) => own!.glyphIndex(cp) !== (font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).id : 0));
    expect(mismatched).toEqual([]);
    expect(codePoints.filter((cp) => own!.glyphIndex(cp) > 0).length).toBeGreaterThan(font.characterSet.length - 2); // all but the 0xFFFF end mark
    const advances = Array.from({ length: font.numGlyphs }, (_, g) => own!.advanceWidth(g));
    expect(advances).toEqual(Array.from({ length: font.numGlyphs }, (_, g) => font.getGlyph(g).advanceWidth));
  });

  it('leaves to fontkit a face it does not cover: variations, CFF outlines, no usable character map', () => {
    const data = woffToSfnt(readFileSync(join(files, sample[0]!)));
    expect(readTrueType(data)).not.toBeNull();
    const retag = (from: string, to: string): Uint8Array => {
      const copy = new Uint8Array(data);
      const v = new DataView(copy.buffer);
      for (let i = 0; i < v.getUint16(4); i++) {
        const rec = 12 + i * 16;
        if (String.fromCharCode(...copy.subarray(rec, rec + 4)) === from) copy.set([...to].map((c) => c.charCodeAt(0)), rec);
      }
      return copy;
    };
    expect(readTrueType(retag('GPOS', 'fvar'))).toBeNull();
    expect(readTrueType(retag('GPOS', 'CFF '))).toBeNull();
    expect(readTrueType(retag('name', 'nam_'))).toBeNull();
    // A character map with only a Macintosh Roman subtable (platform 1): fontkit's re-encoding is needed.
    const macOnly = new Uint8Array(data);
    const dir = new DataView(macOnly.buffer);
    for (let i = 0; i < dir.getUint16(4); i++) {
      const rec = 12 + i * 16;
      if (String.fromCharCode(...macOnly.subarray(rec, rec + 4)) !== 'cmap') continue;
      const cmap = dir.getUint32(rec + 8);
      for (let s = 0; s < dir.getUint16(cmap + 2); s++) dir.setUint16(cmap + 4 + s * 8, 1);
    }
    expect(readTrueType(macOnly)).toBeNull();
  });
});
