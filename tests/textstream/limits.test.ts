/** Every budget of the reader on small inputs, with the limit set low: the error names the limit, what was reached and how to raise it. */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCidWidths, parseToUnicode } from '../../src/textstream/cmap.js';
import { DEFAULT_TEXT_STREAM_LIMITS, extractTextStream, TextStreamLimitError, type TextStreamLimitName, type TextStreamLimits } from '../../src/textstream/index.js';
import { Budget } from '../../src/textstream/limits.js';
import { Lexer } from '../../src/textstream/lexer.js';
import { parseValue } from '../../src/textstream/objects.js';
import { buildPdf, miniPdf, TEST_CMAP, type MiniOptions } from './miniPdf.js';

const show = (ops: string) => `BT /F1 10 Tf 1 0 0 1 20 30 Tm ${ops} ET`;
const bytes = (s: string) => Buffer.from(s, 'latin1');

/** The error of reading `pdf` with `limits`, which must be a TextStreamLimitError. */
function limitError(pdf: Uint8Array, limits: Partial<TextStreamLimits>): TextStreamLimitError {
  try {
    extractTextStream(pdf, { limits });
  } catch (e) {
    expect(e).toBeInstanceOf(TextStreamLimitError);
    return e as TextStreamLimitError;
  }
  throw new Error('expected a TextStreamLimitError, but the PDF was read');
}

/** Reads with the limit at `max` (must fail naming it) and with the default (must read). */
function bounded(options: MiniOptions, name: TextStreamLimitName, max: number): TextStreamLimitError {
  const pdf = miniPdf(options);
  expect(() => extractTextStream(pdf)).not.toThrow();
  const e = limitError(pdf, { [name]: max });
  expect(e.limit).toBe(name);
  expect(e.max).toBe(max);
  expect(e.reached).toBeGreaterThan(max);
  expect(e.message).toContain(`（limits.${name}）；如确需读取，请调大该上限。`);
  return e;
}

/** Two pages whose /Contents are both [7 0 R 7 0 R]: one stream read four times. */
function sharedStream(content: string): Uint8Array {
  const page = '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents [7 0 R 7 0 R] >>';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 8 0 R] /Count 2 /MediaBox [0 0 200 100] >>',
    page,
    '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test-Regular /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Test-Regular >>',
    { dict: '', stream: TEST_CMAP },
    { dict: '', stream: content },
    page,
  ]);
}

describe('limits', () => {
  it('has documented defaults, all positive integers', () => {
    expect(Object.keys(DEFAULT_TEXT_STREAM_LIMITS).sort()).toEqual(
      [
        'maxCidRange',
        'maxContentBytes',
        'maxDecodedBytes',
        'maxGlyphs',
        'maxGlyphsPerPage',
        'maxGlyphsPerString',
        'maxNesting',
        'maxObjectBytes',
        'maxObjects',
        'maxOperands',
        'maxOperatorsPerPage',
        'maxPages',
        'maxStreamBytes',
        'maxUnicodeEntries',
        'maxWidthEntries',
      ].sort(),
    );
    for (const v of Object.values(DEFAULT_TEXT_STREAM_LIMITS)) expect(Number.isSafeInteger(v) && v > 0).toBe(true);
    expect(Object.isFrozen(DEFAULT_TEXT_STREAM_LIMITS)).toBe(true);
  });

  it('refuses unknown limits and values that are not positive integers', () => {
    const pdf = miniPdf({ content: '' });
    expect(() => extractTextStream(pdf, { limits: { maxStreamByte: 1 } as Partial<TextStreamLimits> })).toThrow('unknown limit limits.maxStreamByte');
    expect(() => extractTextStream(pdf, { limits: { maxPages: 0 } })).toThrow('limits.maxPages must be a positive integer or Infinity, got 0');
    expect(() => extractTextStream(pdf, { limits: { maxPages: 1.5 } })).toThrow('got 1.5');
    expect(() => extractTextStream(pdf, { limits: { maxPages: Number.NaN } })).toThrow('got NaN');
    expect(extractTextStream(pdf, { limits: { maxPages: Infinity, maxNesting: undefined } }).pages).toHaveLength(1);
  });

  it('writes the message in Chinese with the limit, the value reached and the remedy', () => {
    const e = bounded({ content: show('<0001> Tj <0002> Tj <0003> Tj') }, 'maxOperatorsPerPage', 5);
    expect(e.message).toBe('PDF（第 1 页）一页内容流的操作符数达到 6 个，超过 5 个的上限（limits.maxOperatorsPerPage）；如确需读取，请调大该上限。');
    expect(e.name).toBe('TextStreamLimitError');
    expect(e.where).toBe('第 1 页');
  });
});

describe('bytes', () => {
  it('maxStreamBytes: inflation stops at the limit', () => {
    const e = bounded({ content: show('<0001> Tj') + ' '.repeat(5000) }, 'maxStreamBytes', 1000);
    expect(e.message).toBe('PDF（对象 7）一个流解压后的大小超过 1,000 字节的上限（limits.maxStreamBytes）；如确需读取，请调大该上限。');
    expect(e.reached).toBe(1001);
  });

  it('maxStreamBytes: also for an unfiltered stream, and in MiB from 1 MiB up', () => {
    bounded({ content: ' '.repeat(3000), contentFilter: null }, 'maxStreamBytes', 2000);
    const e = bounded({ content: ' '.repeat(3 * 1024 * 1024) }, 'maxStreamBytes', 2 * 1024 * 1024);
    expect(e.message).toContain('超过 2 MiB 的上限');
  });

  it('maxStreamBytes: every stage of a /FlateDecode chain is capped', () => {
    const inner = deflateSync(Buffer.alloc(100_000, 0x20));
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>',
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
      { dict: '', stream: deflateSync(inner).toString('latin1'), filter: '[/FlateDecode /FlateDecode]' },
    ]);
    expect(extractTextStream(pdf).pages[0]!.lines).toEqual([]);
    expect(limitError(pdf, { maxStreamBytes: 50_000 }).limit).toBe('maxStreamBytes');
  });

  it('maxDecodedBytes: all streams together, each decoded once however many pages share it', () => {
    const pad = ' '.repeat(4000);
    const twoStreams = { content: [show('<0001> Tj') + pad, show('<0002> Tj') + pad] };
    bounded(twoStreams, 'maxDecodedBytes', 6000);
    // One stream used by two pages, twice by each, is decoded once: 4 KB decoded is within 6,000 bytes.
    const text = extractTextStream(sharedStream(show('<0001> Tj') + pad), { limits: { maxDecodedBytes: 6000 } }).pages.map((p) => p.lines.map((l) => l.text));
    expect(text).toEqual([['AA'], ['AA']]);
  });

  it('maxContentBytes: content read by all pages, a shared stream counting each time', () => {
    const e = limitError(sharedStream(show('<0001> Tj') + ' '.repeat(4000)), { maxContentBytes: 12_000 });
    expect(e.limit).toBe('maxContentBytes');
    expect([e.reached > 12_000, e.where]).toEqual([true, '第 2 页']);
  });

  it('maxObjectBytes: object syntax parsed', () => {
    const e = bounded({ content: show('<0001> Tj'), resources: `/Padding (${'x'.repeat(3000)})` }, 'maxObjectBytes', 2000);
    expect(e.where).toBe('对象 3');
  });
});

describe('structure', () => {
  it('maxObjects: entries of the xref table, refused from the subsection header', () => {
    const e = bounded({ content: '' }, 'maxObjects', 5);
    expect(e.reached).toBe(8);
  });

  it('maxPages', () => {
    const page = (n: number) => `<< /Type /Page /Parent 2 0 R /Contents ${n} 0 R >>`;
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 /MediaBox [0 0 200 100] >>',
      page(6),
      page(6),
      page(6),
      { dict: '', stream: '' },
    ]);
    expect(extractTextStream(pdf).pages).toHaveLength(3);
    const e = limitError(pdf, { maxPages: 2 });
    expect([e.limit, e.reached]).toEqual(['maxPages', 3]);
  });

  it('maxNesting: q/Q, marked content, arrays and dictionaries, the page tree', () => {
    // The page object itself nests three deep (page, /Resources, /Font).
    expect(bounded({ content: 'q q q q Q Q Q Q' }, 'maxNesting', 3).message).toContain('（第 1 页）q/Q 嵌套层数达到 4 层，超过 3 层的上限');
    expect(bounded({ content: '/P BMC /Span BMC /Span BMC /Span BMC EMC EMC EMC EMC' }, 'maxNesting', 3).message).toContain('标记内容（BDC/BMC）嵌套层数');
    expect(bounded({ content: '[[[[1]]]] 0 d' }, 'maxNesting', 3).message).toContain('（第 1 页）数组和字典嵌套层数');
    expect(bounded({ content: '', resources: '/A << /B << /C 1 >> >>' }, 'maxNesting', 3).where).toBe('对象 3');
    // Three /Pages nodes deep; each object nests two deep (a dictionary and its /Kids).
    const tree = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      '<< /Type /Pages /Kids [5 0 R] /Count 1 >>',
      '<< /Type /Page /Contents 6 0 R >>',
      { dict: '', stream: '' },
    ]);
    expect(extractTextStream(tree).pages).toHaveLength(1);
    expect(limitError(tree, { maxNesting: 2 }).message).toBe('PDF 页面树的嵌套层数达到 3 层，超过 2 层的上限（limits.maxNesting）；如确需读取，请调大该上限。');
  });

  it('reads a page tree deeper than the call stack would allow when the limit is lifted', () => {
    const depth = 20_000;
    const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
    for (let i = 0; i < depth; i++) objects.push(`<< /Type /Pages /Kids [${i + 3} 0 R] /Count 1 /MediaBox [0 0 200 100] >>`);
    objects.push(`<< /Type /Page /Contents ${depth + 3} 0 R >>`);
    const pdf = buildPdf([...objects, { dict: '', stream: '' }]);
    expect(extractTextStream(pdf, { limits: { maxNesting: Infinity } }).pages).toHaveLength(1);
  });
});

describe('content', () => {
  it('maxOperatorsPerPage counts operators, not operands', () => {
    bounded({ content: 'q Q q Q' }, 'maxOperatorsPerPage', 3);
    expect(extractTextStream(miniPdf({ content: '1 2 3 4 5 6 cm' }), { limits: { maxOperatorsPerPage: 1 } }).pages).toHaveLength(1);
  });

  it('maxOperands counts the operands before one operator, with the elements of arrays and dictionaries', () => {
    bounded({ content: '1 2 3 4 5 6 7 8 9 10 scn' }, 'maxOperands', 8);
    expect(bounded({ content: show('[<0001> 1 <0002> 2 <0003>] TJ') }, 'maxOperands', 5).reached).toBe(6);
    bounded({ content: '/P << /MCID 0 /Lang (zh) /Alt (x) >> BDC EMC' }, 'maxOperands', 3);
    // The count starts again at each operator.
    expect(extractTextStream(miniPdf({ content: '1 0 0 1 0 0 cm 1 0 0 1 0 0 cm' }), { limits: { maxOperands: 6 } }).pages).toHaveLength(1);
  });

  it('maxGlyphsPerString: one Tj, one TJ array or one quote operator', () => {
    bounded({ content: show('<0001000200030004> Tj') }, 'maxGlyphsPerString', 3);
    const e = bounded({ content: show('[<00010002> -50 <00030004>] TJ') }, 'maxGlyphsPerString', 3);
    expect(e.reached).toBe(4);
    bounded({ content: show("12 TL <0001000200030004> '") }, 'maxGlyphsPerString', 3);
  });

  it('maxGlyphsPerPage and maxGlyphs', () => {
    bounded({ content: show('<00010002> Tj <00010002> Tj') }, 'maxGlyphsPerPage', 3);
    const twoPages = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 200 100] >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 8 0 R >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 8 0 R >>',
      '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test-Regular /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Test-Regular >>',
      { dict: '', stream: TEST_CMAP },
      { dict: '', stream: show('<000100020003> Tj') },
    ]);
    expect(extractTextStream(twoPages, { limits: { maxGlyphsPerPage: 3 } }).pages.map((p) => p.lines[0]!.text)).toEqual(['ABx', 'ABx']);
    const e = limitError(twoPages, { maxGlyphs: 5 });
    expect([e.limit, e.reached, e.where]).toEqual(['maxGlyphs', 6, '第 2 页']);
  });
});

describe('fonts', () => {
  it('maxWidthEntries: CIDs given a width, over ranges and arrays', () => {
    expect(bounded({ content: show('<0001> Tj'), widths: '/W [1 [500 600] 3 10 250]' }, 'maxWidthEntries', 9).where).toBe('第 1 页的字体 /F1');
    expect(() => parseCidWidths([0, 65535, 500, 0, 65535, 500], 1000, 'f', new Budget({ ...DEFAULT_TEXT_STREAM_LIMITS, maxWidthEntries: 100_000 }))).toThrow(TextStreamLimitError);
  });

  it('maxCidRange: one `first last width` range', () => {
    const e = bounded({ content: show('<0001> Tj'), widths: '/W [0 99 500]' }, 'maxCidRange', 50);
    expect(e.reached).toBe(100);
    expect(() => parseCidWidths([0, 4_000_000_000, 500], 1000, 'f')).toThrow('宽度表（/W）中一个 CID 范围的大小达到 4,000,000,001 个，超过 65,536 个的上限');
  });

  it('rejects CIDs that are not non-negative safe integers (a counter stuck at 2^53 never ends)', () => {
    expect(() => parseCidWidths([2 ** 53, 2 ** 53 + 2, 500], 1000, 'f')).toThrow('/W of f, entry 0: expected a CID (a non-negative integer below 2^53), got 9007199254740992');
    expect(() => parseCidWidths([-1, 3, 500], 1000, 'f')).toThrow('got -1');
    expect(() => parseCidWidths([1.5, [500]], 1000, 'f')).toThrow('got 1.5');
  });

  it('maxUnicodeEntries: codes mapped by bfchar and bfrange', () => {
    bounded({ content: show('<0001> Tj') }, 'maxUnicodeEntries', 5);
    const cmap = bytes('begincmap 1 begincodespacerange <0000> <ffff> endcodespacerange 1 beginbfrange <0000> <00ff> <4e00> endbfrange endcmap');
    expect(() => parseToUnicode(cmap, 'f', new Budget({ ...DEFAULT_TEXT_STREAM_LIMITS, maxUnicodeEntries: 255 }))).toThrow('ToUnicode 映射的条目合计达到 256 个');
  });

  it('parses a ToUnicode stream and a width table once for all fonts that share them', () => {
    const font = (n: number) => `<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test-Regular /Encoding /Identity-H /DescendantFonts [${n} 0 R] /ToUnicode 8 0 R >>`;
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R >> >> /Contents 9 0 R >>',
      font(7),
      font(7),
      font(7),
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Test-Regular /W [1 [500 600]] >>',
      { dict: '', stream: TEST_CMAP },
      { dict: '', stream: 'BT /F1 10 Tf <0001> Tj /F2 10 Tf <0002> Tj /F3 10 Tf <0006> Tj ET' },
    ]);
    // The test CMap maps 7 codes and /W gives 2 widths: counted once, not once per font.
    expect(extractTextStream(pdf, { limits: { maxUnicodeEntries: 7, maxWidthEntries: 2 } }).pages[0]!.lines[0]!.text).toBe('AB中');
  });
});

describe('parsing without recursion', () => {
  const parse = (s: string, maxNesting: number) => {
    const lx = new Lexer(bytes(s), 0, 'obj');
    return parseValue(lx, lx.next(), true, { budget: new Budget({ ...DEFAULT_TEXT_STREAM_LIMITS, maxNesting }) });
  };

  it('reads 100,000 nested arrays when allowed, and stops at the limit otherwise', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    let v = parse(deep, Infinity);
    for (let i = 1; i < 100_000; i++) v = (v as unknown[])[0] as never;
    expect(v).toEqual([]);
    expect(() => parse(deep, 256)).toThrow('数组和字典嵌套层数达到 257 层，超过 256 层的上限（limits.maxNesting）');
  });

  it('keeps the messages of malformed nesting', () => {
    expect(() => parse('[1 2', Infinity)).toThrow('obj, offset 4: unexpected end of input');
    expect(() => parse('<< /A ]', Infinity)).toThrow('unexpected "]"');
    expect(() => parse('<< /A 1 ] >>', Infinity)).toThrow('expected a name as dictionary key');
    expect(() => parse('[ >> ]', Infinity)).toThrow('unexpected ">>"');
    expect(parse('<< /A [1 << /B [2 3 0 R] >>] /C << >> >>', Infinity)).toBeInstanceOf(Map);
  });
});

describe('reference cycles and hostile syntax', () => {
  /** A file of objects 1..n written as given (bodies between "n 0 obj" and "endobj"), with a correct xref table. */
  function raw(bodies: readonly string[]): Uint8Array {
    let text = '%PDF-1.4\n';
    const offsets = bodies.map((body, i) => {
      const at = text.length;
      text += `${i + 1} 0 obj\n${body}\nendobj\n`;
      return at;
    });
    const xref = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    return bytes(`${text}${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${text.length}\n%%EOF\n`);
  }
  const tree = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 1 1] >>', '<< /Type /Page /Contents [4 0 R] >>'];

  it('a /Length that refers to its own stream, or to another stream, is an error (not a stack overflow)', () => {
    expect(extractTextStream(raw([...tree, '<< /Length 5 0 R >>\nstream\nq Q\nendstream', '3'])).pages).toHaveLength(1);
    expect(() => extractTextStream(raw([...tree, '<< /Length 4 0 R >>\nstream\nq Q\nendstream']))).toThrow('object 4 0 R refers to itself through its /Length (a reference cycle)');
    expect(() => extractTextStream(raw([...tree, '<< /Length 5 0 R >>\nstream\nq Q\nendstream', '<< /Length 4 0 R >>\nstream\nq Q\nendstream']))).toThrow(
      'object 5: a stream given as the /Length of another stream',
    );
    expect(() => extractTextStream(raw([...tree, '<< /Length -3 >>\nstream\nq Q\nendstream']))).toThrow('object 4 /Length: expected a non-negative integer, got -3');
  });

  it('a startxref pointing at an ordinary object is not taken for an xref stream', () => {
    const pdf = raw(tree);
    const text = Buffer.from(pdf).toString('latin1');
    const moved = text.replace(/startxref\n\d+/, `startxref\n${text.indexOf('2 0 obj')}`);
    expect(() => extractTextStream(bytes(moved))).toThrow(/^xref table, offset \d+: expected "xref"$/);
  });

  it('messages stay short however deep the input nests', () => {
    const open = (n: number) => extractTextStream(miniPdf({ content: '/Artifact BMC '.repeat(n) }), { limits: { maxNesting: Infinity } });
    expect(() => open(2)).toThrow(/: marked content left open: Artifact, Artifact$/);
    expect(() => open(10_000)).toThrow(/: marked content left open: 10000 sequences, the outermost Artifact, Artifact, Artifact, Artifact, Artifact, …$/);
    const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
    for (let i = 0; i < 1000; i++) objects.push(`<< /Type /Pages /Kids [${i + 3} 0 R] /Count 1 /MediaBox [0 0 200 100] >>`);
    objects.push('<< /Type /Outlines >>');
    expect(() => extractTextStream(buildPdf(objects), { limits: { maxNesting: Infinity } })).toThrow(/^page tree node 1000 levels deep, kid 0: unexpected \/Type \/Outlines in the page tree$/);
  });

  it('names and keywords in messages are cut and escaped', () => {
    expect(() => extractTextStream(miniPdf({ content: `${'\u00e9'.repeat(50)} q` }))).toThrow(/^page 1, operator (\\xe9){40}… \(content offset 50\): unknown or unsupported operator$/);
    expect(() => extractTextStream(miniPdf({ content: `/${'A'.repeat(40_000)} BMC` }))).toThrow('a name, number or keyword longer than 32767 bytes');
    expect(() => extractTextStream(miniPdf({ content: `${'9'.repeat(400)} Tc` }))).toThrow('number out of range');
  });
});
