/** ToUnicode CMaps, CID width arrays and string decoding on small hand-made inputs. */
import { describe, expect, it } from 'vitest';
import { parseCidWidths, parseToUnicode } from '../../src/textstream/cmap.js';
import { decodeString, stripSubsetTag, type TextFont } from '../../src/textstream/fonts.js';
import { PdfName } from '../../src/textstream/objects.js';
import { TEST_CMAP } from './miniPdf.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const cmap = (body: string) => bytes(`begincmap 1 begincodespacerange <0000> <ffff> endcodespacerange ${body} endcmap`);

describe('ToUnicode CMaps', () => {
  it('reads bfrange arrays, bfrange offsets and bfchar, with surrogate pairs', () => {
    const { codeBytes, map } = parseToUnicode(bytes(TEST_CMAP), 'test font');
    expect(codeBytes).toBe(2);
    expect(Object.fromEntries(map)).toEqual({ 1: 'A', 2: 'B', 3: 'x', 4: 'y', 5: '😀', 6: '中', 32: ' ' });
  });

  it('reads pdfkit’s form: one bfrange array per 256 codes, entries of several code points', () => {
    const { map } = parseToUnicode(cmap('2 beginbfrange\n<0000> <0001> [<0000> <0066 0069>]\n<0100> <0100> [<d835 dc00>] endbfrange'), 'f');
    expect(map.get(1)).toBe('fi');
    expect(map.get(0x100)).toBe('\u{1d400}');
  });

  it('refuses what it does not understand, naming the font', () => {
    expect(() => parseToUnicode(bytes('1 begincodespacerange <00> <ff> endcodespacerange'), 'font /F1')).toThrow(
      'ToUnicode of font /F1, offset 31: codespace range of 1 bytes; only 2-byte codes (Identity-H) are supported',
    );
    expect(() => parseToUnicode(cmap('/Other usecmap'), 'f')).toThrow('"usecmap" is not supported in a ToUnicode CMap');
    expect(() => parseToUnicode(cmap('1 begincidrange <0000> <00ff> 0 endcidrange'), 'f')).toThrow('"begincidrange" is not supported');
    expect(() => parseToUnicode(cmap('1 beginbfchar <01> <0041> endbfchar'), 'f')).toThrow('source code of 1 bytes');
    expect(() => parseToUnicode(cmap('1 beginbfchar <0001> /A endbfchar'), 'f')).toThrow('expected a hex string (destination of bfchar)');
    expect(() => parseToUnicode(cmap('1 beginbfrange <0001> <0003> [<0041>] endbfrange'), 'f')).toThrow('expected a hex string (bfrange array entry)');
    expect(() => parseToUnicode(cmap('1 beginbfrange <0001> <0002> [<0041> <0042> <0043>] endbfrange'), 'f')).toThrow('bfrange array longer than its range');
    expect(() => parseToUnicode(cmap('1 beginbfrange <0000> <0010> <00f8> endbfrange'), 'f')).toThrow("the destination's last byte would overflow");
    expect(() => parseToUnicode(cmap('1 beginbfrange <0002> <0001> <0041> endbfrange'), 'f')).toThrow('ends before it starts');
    expect(() => parseToUnicode(bytes('1 begincodespacerange <0000> <ffff> endcodespacerange 1 beginbfchar <0001> <0041>'), 'f')).toThrow('missing "endbfchar"');
    expect(() => parseToUnicode(bytes('begincmap endcmap'), 'f')).toThrow('no codespace range');
  });
});

describe('CID widths', () => {
  it('reads `first [w …]` and `first last w` entries, with the default for the rest', () => {
    const { widths, defaultWidth } = parseCidWidths([0, [1000, 590], 5, 7, 250, 10, [333]], 1000, 'f');
    expect(Object.fromEntries(widths)).toEqual({ 0: 1000, 1: 590, 5: 250, 6: 250, 7: 250, 10: 333 });
    expect(defaultWidth).toBe(1000);
  });

  it('names the font and the entry when the array is malformed', () => {
    expect(() => parseCidWidths([0, new PdfName('X')], 1000, 'font /F2')).toThrow('/W of font /F2, entry 1: expected a number, got /X');
    expect(() => parseCidWidths([3, 5], 1000, 'f')).toThrow('/W of f, entry 2: expected a number, got the end of the array');
    expect(() => parseCidWidths([5, 3, 100], 1000, 'f')).toThrow('range 5..3 ends before it starts');
    expect(() => parseCidWidths([1, [500, [600]]], 1000, 'f')).toThrow('expected a number, got an array');
  });
});

describe('decoding shown strings', () => {
  const font: TextFont = {
    baseName: 'Test-Regular',
    unicode: parseToUnicode(bytes(TEST_CMAP), 'f'),
    widths: parseCidWidths([1, [500, 600]], 1000, 'f'),
  };

  it('splits 2-byte codes and attaches text and widths', () => {
    expect(decodeString(font, Uint8Array.from([0, 1, 0, 2, 0, 6]), 'x')).toEqual([
      { code: 1, text: 'A', width: 500 },
      { code: 2, text: 'B', width: 600 },
      { code: 6, text: '中', width: 1000 },
    ]);
  });

  it('fails on odd lengths, unmapped codes and .notdef', () => {
    expect(() => decodeString(font, Uint8Array.from([0, 1, 0]), 'page 1, operator Tj')).toThrow('page 1, operator Tj: a string of 3 bytes for a font with 2-byte codes (Test-Regular)');
    expect(() => decodeString(font, Uint8Array.from([0, 9]), 'p')).toThrow('p: code <0009> of Test-Regular has no ToUnicode entry');
    const withNotdef: TextFont = { ...font, unicode: { codeBytes: 2, map: new Map([[0, '\u0000']]) } };
    expect(() => decodeString(withNotdef, Uint8Array.from([0, 0]), 'p')).toThrow('is the .notdef glyph');
  });

  it('strips the subset tag only', () => {
    expect(stripSubsetTag('BZZZZZ+NotoSansSCThin-Bold')).toBe('NotoSansSCThin-Bold');
    expect(stripSubsetTag('NotoSansSC-Regular')).toBe('NotoSansSC-Regular');
    expect(stripSubsetTag('Abcdef+X')).toBe('Abcdef+X');
  });
});
