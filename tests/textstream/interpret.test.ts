/** The reader on hand-made one-page PDFs: glyph positions under every text operator, artifacts, and refusals. */
import { describe, expect, it } from 'vitest';
import { extractTextStream, type TextLine } from '../../src/textstream/index.js';
import { SKIPPED_OPERATORS } from '../../src/textstream/interpret.js';
import { buildPdf, miniPdf, type MiniOptions } from './miniPdf.js';

/** Lines of the single page as [y, text, glyph xs]; the page is 200 × 100 pt, so y = 100 − user y. */
function lines(content: string | string[], options: Partial<MiniOptions> = {}): TextLine[] {
  const stream = extractTextStream(miniPdf({ content, ...options }));
  expect(stream.pages).toHaveLength(1);
  return [...stream.pages[0]!.lines];
}

const xs = (l: TextLine) => l.glyphs.map((g) => +g.x.toFixed(4));
const show = (ops: string) => `BT /F1 10 Tf 1 0 0 1 20 30 Tm ${ops} ET`;

describe('glyph positions', () => {
  it('advances by width × size + Tc, with y measured from the top of the page', () => {
    const [line] = lines(show('2 Tc <000100020006> Tj'));
    expect(line).toMatchObject({ page: 1, y: 70, x: 20, text: 'AB中', fonts: ['Test-Regular'], sizes: [10], tcs: [2], artifact: false });
    expect(xs(line!)).toEqual([20, 27, 35]); // A 500 → 5 + 2; B 600 → 6 + 2
  });

  it('applies TJ adjustments in thousandths of an em, against the direction of writing', () => {
    expect(xs(lines(show('[<0001> -100 <0002> 250 <0003>] TJ'))[0]!)).toEqual([20, 26, 29.5]);
  });

  it('scales advances by Tz but not the first glyph', () => {
    expect(xs(lines(show('50 Tz 2 Tc <00010002> Tj'))[0]!)).toEqual([20, 23.5]);
  });

  it('does not apply Tw to 2-byte codes, not even <0020>', () => {
    expect(xs(lines(show('5 Tw <000300200004> Tj'))[0]!)).toEqual([20, 22.5, 32.5]);
  });

  it('follows cm and restores the graphics state (CTM and Tc) on Q', () => {
    const got = lines(['q 2 0 0 2 10 10 cm', show('1 Tc <00010001> Tj'), 'Q', show('<00010001> Tj')]);
    expect(got.map((l) => [l.y, l.sizes[0], xs(l)])).toEqual([
      [30, 20, [50, 62]], // x = 10 + 2 × 20; advance (5 + 1) × 2
      [70, 10, [20, 25]],
    ]);
  });

  it('moves lines with Td, TD, T*, \' and "', () => {
    const got = lines(show('<0001> Tj 0 -10 Td <0002> Tj 5 -12 TD <0003> Tj T* <0004> Tj (\\000\\001) \' 3 1 (\\000\\002) "'));
    expect(got.map((l) => [l.y, l.x, l.text])).toEqual([
      [70, 20, 'A'],
      [80, 20, 'B'],
      [92, 25, 'x'],
      [104, 25, 'y'],
      [116, 25, 'A'],
      [128, 25, 'B'],
    ]);
  });

  it('raises glyphs by Ts onto a baseline of their own', () => {
    const got = lines(show('<0001> Tj 3 Ts <0002> Tj 0 Ts <0003> Tj'));
    expect(got.map((l) => [l.y, l.text])).toEqual([
      [70, 'A'],
      [67, 'B'],
      [70, 'x'],
    ]);
  });

  it('joins glyphs of several text objects on one baseline, within 0.01 pt', () => {
    const got = lines(['BT /F1 10 Tf 1 0 0 1 20 30 Tm <0001> Tj ET', 'BT /F1 12 Tf 1 0 0 1 40 30.008 Tm <0002> Tj ET', 'BT /F1 10 Tf 1 0 0 1 60 30.02 Tm <0003> Tj ET']);
    expect(got.map((l) => [l.text, l.sizes])).toEqual([
      ['AB', [10, 12]],
      ['x', [10]],
    ]);
  });

  it('marks text inside /Artifact marked content, nested or not, and splits lines there', () => {
    const got = lines(['/P <</MCID 0>> BDC', show('<0001> Tj'), 'EMC /Artifact BMC /Span BMC', show('<0002> Tj'), 'EMC EMC', show('<0003> Tj')]);
    expect(got.map((l) => [l.text, l.artifact])).toEqual([
      ['A', false],
      ['B', true],
      ['x', false],
    ]);
  });

  it('reads a content array and an unfiltered stream, and skips path and colour operators', () => {
    const got = lines(['q 0.5 w 0 G 1 1 m 5 5 l S Q 0 0 1 rg 0 0 10 10 re f', show('<0001> Tj')], { contentFilter: null });
    expect(got.map((l) => l.text)).toEqual(['A']);
    expect([...SKIPPED_OPERATORS]).toEqual(expect.arrayContaining(['m', 'l', 're', 'S', 'f', 'w', 'G', 'g', 'rg']));
    expect(SKIPPED_OPERATORS.has('Tj')).toBe(false);
  });

  it('skips image XObjects', () => {
    const image = { dict: '/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray', stream: '\u0000', filter: null };
    const got = lines(['q 10 0 0 10 0 0 cm /Im1 Do Q', show('<0001> Tj')], { extraObjects: [image], resources: '/XObject << /Im1 7 0 R >>' });
    expect(got.map((l) => l.text)).toEqual(['A']);
  });
});

describe('refusals', () => {
  const fails = (options: MiniOptions) => () => extractTextStream(miniPdf(options));

  it('names the page and the operator for content it does not understand', () => {
    expect(fails({ content: show('<0001> Tj 1 Xx') })).toThrow(/^page 1, operator Xx \(content offset \d+\): unknown or unsupported operator$/);
    expect(fails({ content: 'BI /W 1 ID x EI' })).toThrow('page 1, operator BI');
    expect(fails({ content: '/F1 10 Tf <0001> Tj' })).toThrow('operator Tj (content offset 19): text operator outside BT … ET');
    expect(fails({ content: 'BT <0001> Tj ET' })).toThrow('operator Tj (content offset 12): text shown before any Tf');
    expect(fails({ content: 'BT /F9 10 Tf ET' })).toThrow('page 1: font /F9 is not in the page\'s /Resources');
    expect(fails({ content: show('1 2 Tc') })).toThrow('operator Tc (content offset 36): expected 1 number, got 2 operand(s)');
    expect(fails({ content: show('<0001> 0 Tj') })).toThrow('operator Tj (content offset 41): expected one string');
    expect(fails({ content: show('<000100> Tj') })).toThrow('page 1, operator Tj: a string of 3 bytes');
    expect(fails({ content: show('<0007> Tj') })).toThrow('page 1, operator Tj: code <0007> of Test-Regular has no ToUnicode entry');
    expect(fails({ content: 'BT /F1 10 Tf 0 1 -1 0 20 30 Tm <0001> Tj ET' })).toThrow('rotated, skewed or mirrored text (matrix 0 1 -1 0 20 30) is not supported');
    expect(fails({ content: 'BT /F1 10 Tf 1 0 0 -1 20 30 Tm <0001> Tj ET' })).toThrow('rotated, skewed or mirrored');
  });

  it('checks that q/Q, BT/ET and marked content are balanced', () => {
    expect(fails({ content: 'Q' })).toThrow('operator Q (content offset 1): Q without a matching q');
    expect(fails({ content: 'EMC' })).toThrow('EMC without a matching BDC or BMC');
    expect(fails({ content: 'BT BT' })).toThrow('BT inside a text object');
    expect(fails({ content: 'BT' })).toThrow('operator (end of stream) (content offset 2): BT without ET');
    expect(fails({ content: '/Artifact BMC' })).toThrow('marked content left open: Artifact');
    expect(fails({ content: 'q' })).toThrow('1 q without Q');
    expect(fails({ content: '1 2' })).toThrow('2 operand(s) without an operator');
  });

  it('refuses form XObjects', () => {
    const form = { dict: '/Type /XObject /Subtype /Form /BBox [0 0 1 1]', stream: '' };
    expect(fails({ content: '/Fm1 Do', extraObjects: [form], resources: '/XObject << /Fm1 7 0 R >>' })).toThrow('XObject /Fm1 is not an image; text in form XObjects is not supported');
  });

  it('refuses fonts it cannot decode', () => {
    const type0 = (extra: string) => `<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test-Regular /DescendantFonts [5 0 R] ${extra} >>`;
    const content = show('<0001> Tj');
    expect(fails({ content, font: type0('/Encoding /Identity-H') })).toThrow('font /F1 on page 1 (ABCDEF+Test-Regular) has no /ToUnicode CMap stream; its text cannot be decoded');
    expect(fails({ content, font: type0('/Encoding /Identity-V /ToUnicode 6 0 R') })).toThrow('only /Encoding /Identity-H is supported, got /Identity-V');
    expect(fails({ content, font: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' })).toThrow('font /F1 on page 1 (Helvetica): only Type0 fonts are supported, got /Type1');
    expect(fails({ content, widths: '/W [1 [500] /X]' })).toThrow('/W of font /F1 on page 1 (ABCDEF+Test-Regular), entry 2: expected a number, got /X');
  });

  it('refuses encryption, xref streams, incremental updates and unsupported filters', () => {
    expect(fails({ content: '', trailer: '/Encrypt << /Filter /Standard >>' })).toThrow('the file is encrypted (/Encrypt in the trailer); encryption is not supported');
    expect(fails({ content: '', trailer: '/Prev 0' })).toThrow('incremental updates');
    expect(fails({ content: show('<0001> Tj'), contentFilter: '/LZWDecode' })).toThrow('page 1 content stream 0: unsupported filter /LZWDecode (only /FlateDecode)');
    expect(fails({ content: '41>', contentFilter: '[/ASCIIHexDecode]' })).toThrow('unsupported filter /ASCIIHexDecode');
    expect(fails({ content: 'not deflated', contentFilter: '[/FlateDecode]' })).toThrow('page 1 content stream 0: FlateDecode failed: ');
    expect(fails({ content: 'x', contentFilter: '/FlateDecode /DecodeParms << /Predictor 12 >>' })).toThrow('/DecodeParms (predictors) are not supported');
    const xrefStream = Buffer.from('%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 1 /W [1 1 1] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n', 'latin1');
    expect(() => extractTextStream(xrefStream)).toThrow('offset 9: the cross-reference is an xref stream (PDF 1.5); only classic xref tables are supported');
    expect(() => extractTextStream(Buffer.from('hello'))).toThrow('not a PDF file');
  });

  it('refuses broken structure, naming the object', () => {
    const broken = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] >>', '<< /Type /Page >>']);
    expect(() => extractTextStream(broken)).toThrow('page 1: no /MediaBox of four numbers');
    const missing = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [9 0 R] >>']);
    expect(() => extractTextStream(missing)).toThrow('object 9 0 R is not in the xref table');
    const looped = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] >>']);
    expect(() => extractTextStream(looped)).toThrow('page tree kid 0: object 2 appears twice in the page tree');
    const odd = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Outlines >>']);
    expect(() => extractTextStream(odd)).toThrow('page tree: unexpected /Type /Outlines in the page tree');
  });
});
