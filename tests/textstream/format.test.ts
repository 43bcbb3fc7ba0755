/** Serialization of hand-made text streams: rounding, mixed fonts and Tc values, artifacts, gap marks and the summary. */
import { describe, expect, it } from 'vitest';
import { fontLabel, round2 } from '../../src/textstream/format.js';
import { formatTextStream, GAP_MARK, summarizeTextStream, type TextGlyph, type TextLine, type TextStream } from '../../src/textstream/index.js';

const glyph = (text: string, x: number, font = 'Noto-Regular', tc = 0.4199, size = 16): TextGlyph => ({ text, x, advance: size, font, size, tc });

function line(glyphs: TextGlyph[], extra: Partial<TextLine> = {}): TextLine {
  return {
    page: 3,
    y: 612.3449,
    x: glyphs[0]!.x,
    fonts: [...new Set(glyphs.map((g) => g.font))],
    sizes: [...new Set(glyphs.map((g) => g.size))],
    tcs: [...new Set(glyphs.map((g) => g.tc))],
    text: glyphs.map((g) => g.text).join(''),
    glyphs,
    artifact: false,
    ...extra,
  };
}

const stream = (lines: TextLine[]): TextStream => ({ pages: [{ number: 3, width: 595.2756, height: 841.8898, lines }] });

describe('formatTextStream', () => {
  it('prints one line per text line, coordinates rounded to 0.01', () => {
    const text = formatTextStream(stream([line([glyph('政', 79.3701), glyph('府', 95.79)])]));
    expect(text).toBe('p3 y=612.34 x=79.37 Noto-Regular 16 tc=0.42 | 政府\n');
  });

  it('lists mixed fonts as Family-A+B, several Tc values and sizes, and marks artifacts', () => {
    const mixed = line([glyph('1', 10, 'Noto-Regular', -0.21), glyph('、', 26, 'Noto-Regular', -0.21), glyph('部', 42, 'Noto-Bold', 0.6, 14)], { artifact: true });
    expect(formatTextStream(stream([mixed]))).toBe('p3 [artifact] y=612.34 x=10 Noto-Regular+Bold 16+14 tc=-0.21,0.6 | 1、部\n');
  });

  it('marks gaps wider than one em between glyphs, but not real spaces', () => {
    const cells = line([glyph('条', 100), glyph(' ', 116), glyph('3', 132), glyph('9', 149), glyph('3', 182)]);
    expect(formatTextStream(stream([cells]))).toContain(`| 条 39${GAP_MARK}3\n`);
  });
});

describe('helpers', () => {
  it('rounds without trailing zeros or -0', () => {
    expect([round2(1.005), round2(-0.001), round2(16), round2(612.345)]).toEqual(['1', '0', '16', '612.35']);
  });

  it('shortens font lists only when they share a family', () => {
    expect(fontLabel(['A-Bold'])).toBe('A-Bold');
    expect(fontLabel(['A-Bold', 'A-Regular'])).toBe('A-Bold+Regular');
    expect(fontLabel(['A-Bold', 'B-Regular'])).toBe('A-Bold+B-Regular');
    expect(fontLabel([])).toBe('');
  });

  it('summarizes pages, line counts and fonts with their sizes', () => {
    const s = stream([line([glyph('政', 79, 'Noto-Regular', 0, 16)]), line([glyph('1', 400, 'Noto-Regular', 0, 14)], { artifact: true }), line([glyph('附', 79, 'Noto-Bold', 0, 22)])]);
    expect(summarizeTextStream(s)).toBe('pages: 1\np3 595.28x841.89: 3 lines, 1 artifact\nfont Noto-Bold: 22 pt\nfont Noto-Regular: 16, 14 pt\n');
  });
});
