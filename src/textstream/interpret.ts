/**
 * Content stream interpreter: follows the graphics state (q Q cm), the text state and text matrices, and the
 * marked-content stack, and reports every shown glyph with its exact origin in user space.
 */
import { decodeString, loadFont, type TextFont } from './fonts.js';
import { Lexer, printable } from './lexer.js';
import { asDict, asName, parseValue, PdfFile, PdfName, PdfRef, type ParseBounds, type PdfDict, type PdfValue } from './objects.js';

/** One glyph as drawn; coordinates are PDF user space (y up from the bottom). */
export interface ShownGlyph {
  readonly text: string;
  /** Origin of the glyph (on the baseline, after Ts rise). */
  readonly x: number;
  readonly y: number;
  /** Natural advance in user space (glyph width × size × Tz), without Tc, Tw or TJ adjustments. */
  readonly advance: number;
  /** Font base name without the subset tag. */
  readonly font: string;
  /** Size in user space: Tf size × the vertical scale of the text and graphics matrices. */
  readonly size: number;
  /** Character spacing Tc in effect (unscaled text space units, as written). */
  readonly tc: number;
  /** Inside /Artifact marked content. */
  readonly artifact: boolean;
}

/** A 2D affine matrix [a b c d e f]. */
export type Matrix = readonly [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The product m × n (m applied first), as in PDF's row-vector convention. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

const translate = (tx: number, ty: number): Matrix => [1, 0, 0, 1, tx, ty];

/** Operators that do not affect text and are skipped on purpose (paths, painting, clipping, colour, line style). */
export const SKIPPED_OPERATORS: ReadonlySet<string> = new Set(
  ['m', 'l', 'c', 'v', 'y', 'h', 're', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n', 'W', 'W*'].concat(
    ['w', 'J', 'j', 'M', 'd', 'ri', 'i', 'gs', 'CS', 'cs', 'SC', 'SCN', 'sc', 'scn', 'G', 'g', 'RG', 'rg', 'K', 'k', 'sh', 'MP', 'DP'],
  ),
);

interface GraphicsState {
  ctm: Matrix;
  tc: number;
  tw: number;
  th: number;
  tl: number;
  rise: number;
  font?: TextFont;
  fontSize: number;
}

/** Fonts already loaded, by object number (shared between pages). */
export type FontCache = Map<number | PdfDict, TextFont>;

/**
 * Interprets one page's content; `page` (1-based) names it in errors. Work and memory are linear in the content and
 * bounded by the file's limits (operators, operands, nesting, glyphs).
 */
export function interpretContent(file: PdfFile, content: Uint8Array, resources: PdfDict, page: number, fonts: FontCache = new Map()): ShownGlyph[] {
  const lx = new Lexer(content, 0, `page ${page} content stream`);
  const { budget } = file;
  const where = `第 ${page} 页`;
  const glyphs: ShownGlyph[] = [];
  const stack: GraphicsState[] = [];
  const marked: string[] = [];
  let artifacts = 0; // open /Artifact sequences among `marked`
  let gs: GraphicsState = { ctm: IDENTITY, tc: 0, tw: 0, th: 1, tl: 0, rise: 0, fontSize: 0 };
  let tm: Matrix | undefined; // text matrix, only inside BT … ET
  let tlm: Matrix = IDENTITY;
  let operands: PdfValue[] = [];
  let op = '';
  let operators = 0;
  const bounds: ParseBounds = { budget, where, operands: 0 };

  const fail = (message: string): never => {
    throw new Error(`page ${page}, operator ${printable(op)} (content offset ${lx.pos}): ${message}`);
  };
  const numbers = (count: number): number[] => {
    if (operands.length !== count || operands.some((v) => typeof v !== 'number')) fail(`expected ${count} number${count === 1 ? '' : 's'}, got ${operands.length} operand(s)`);
    return operands as number[];
  };
  const inText = (): Matrix => tm ?? fail('text operator outside BT … ET');
  const moveLine = (tx: number, ty: number) => {
    inText();
    tlm = multiply(translate(tx, ty), tlm);
    tm = tlm;
  };
  /** Checks the glyph budgets before a string or a TJ array of `n` glyphs is decoded. */
  const count = (n: number) => {
    budget.check('maxGlyphsPerString', n, where);
    budget.check('maxGlyphsPerPage', glyphs.length + n, where);
    budget.charge('maxGlyphs', n, where);
  };
  const font = (): TextFont => gs.font ?? fail('text shown before any Tf');
  /** Shows a string: the same arithmetic as multiply() on the text and current matrices, without a matrix per glyph. */
  const show = (bytes: PdfValue | undefined) => {
    if (!(bytes instanceof Uint8Array)) return fail('expected a string operand');
    const f = font();
    const decoded = decodeString(f, bytes, () => `page ${page}, operator ${printable(op)}`);
    if (decoded.length === 0) return;
    let [a, b, c, d, e, y] = inText();
    const [C0, C1, C2, C3, C4, C5] = gs.ctm;
    const { fontSize, th, tc, rise } = gs;
    const artifact = artifacts > 0;
    for (const g of decoded) {
      const m0 = a * C0 + b * C2;
      const m1 = a * C1 + b * C3;
      const m2 = c * C0 + d * C2;
      const m3 = c * C1 + d * C3;
      const m4 = e * C0 + y * C2 + C4;
      const m5 = e * C1 + y * C3 + C5;
      if (Math.abs(m1) > 1e-9 || Math.abs(m2) > 1e-9 || m0 <= 0 || m3 <= 0) {
        fail(`rotated, skewed or mirrored text (matrix ${[m0, m1, m2, m3, m4, m5].map((v) => +v.toFixed(4)).join(' ')}) is not supported`);
      }
      const natural = (g.width / 1000) * fontSize * th;
      glyphs.push({ text: g.text, x: rise * m2 + m4, y: rise * m3 + m5, advance: natural * m0, font: f.baseName, size: fontSize * m3, tc, artifact });
      // Tw applies to the single-byte code 32 only, so never with the 2-byte codes of Identity-H.
      const wordSpace = f.unicode.codeBytes === 1 && g.code === 32 ? gs.tw : 0;
      const tx = natural + (tc + wordSpace) * th;
      // translate(tx, 0) × tm, term by term as multiply() computes it.
      [a, b, c, d, e, y] = [1 * a + 0 * c, 1 * b + 0 * d, 0 * a + 1 * c, 0 * b + 1 * d, tx * a + 0 * c + e, tx * b + 0 * d + y];
    }
    tm = [a, b, c, d, e, y];
  };
  const showOne = (bytes: PdfValue | undefined) => {
    if (bytes instanceof Uint8Array) count(Math.floor(bytes.length / font().unicode.codeBytes));
    show(bytes);
  };

  for (let t = lx.next(); t; t = lx.next()) {
    if (t.kind !== 'keyword' || t.value === 'true' || t.value === 'false' || t.value === 'null') {
      operands.push(parseValue(lx, t, false, bounds));
      continue;
    }
    op = t.value;
    budget.check('maxOperatorsPerPage', ++operators, where);
    switch (op) {
      case 'q':
        budget.check('maxNesting', stack.length + 1, where, 'q/Q ');
        stack.push({ ...gs });
        break;
      case 'Q':
        gs = stack.pop() ?? fail('Q without a matching q');
        break;
      case 'cm':
        gs.ctm = multiply(numbers(6) as unknown as Matrix, gs.ctm);
        break;
      case 'BT':
        if (tm) fail('BT inside a text object');
        tm = tlm = IDENTITY;
        break;
      case 'ET':
        inText();
        tm = undefined;
        break;
      case 'Tf': {
        const [name, size] = operands;
        if (operands.length !== 2 || !(name instanceof PdfName) || typeof size !== 'number') fail('expected a font name and a size');
        gs.font = fontResource(file, resources, (name as PdfName).name, page, fonts);
        gs.fontSize = size as number;
        break;
      }
      case 'Tc':
        [gs.tc] = numbers(1) as [number];
        break;
      case 'Tw':
        [gs.tw] = numbers(1) as [number];
        break;
      case 'Tz':
        gs.th = numbers(1)[0]! / 100;
        break;
      case 'TL':
        [gs.tl] = numbers(1) as [number];
        break;
      case 'Ts':
        [gs.rise] = numbers(1) as [number];
        break;
      case 'Tr':
        numbers(1); // the rendering mode does not change what the text says or where it is
        break;
      case 'Tm':
        inText();
        tm = tlm = numbers(6) as unknown as Matrix;
        break;
      case 'Td': {
        const [tx, ty] = numbers(2) as [number, number];
        moveLine(tx, ty);
        break;
      }
      case 'TD': {
        const [tx, ty] = numbers(2) as [number, number];
        gs.tl = -ty;
        moveLine(tx, ty);
        break;
      }
      case 'T*':
        numbers(0);
        moveLine(0, -gs.tl);
        break;
      case 'Tj':
        if (operands.length !== 1) fail('expected one string');
        showOne(operands[0]);
        break;
      case "'":
        if (operands.length !== 1) fail('expected one string');
        moveLine(0, -gs.tl);
        showOne(operands[0]);
        break;
      case '"': {
        const [aw, ac, s] = operands;
        if (operands.length !== 3 || typeof aw !== 'number' || typeof ac !== 'number') fail('expected two numbers and a string');
        gs.tw = aw as number;
        gs.tc = ac as number;
        moveLine(0, -gs.tl);
        showOne(s);
        break;
      }
      case 'TJ': {
        const parts = operands[0];
        if (operands.length !== 1 || !Array.isArray(parts)) fail('expected one array');
        let n = 0;
        for (const part of parts as PdfValue[]) if (part instanceof Uint8Array) n += Math.floor(part.length / font().unicode.codeBytes);
        count(n);
        for (const part of parts as PdfValue[]) {
          if (typeof part === 'number') tm = multiply(translate((-part / 1000) * gs.fontSize * gs.th, 0), inText());
          else show(part);
        }
        break;
      }
      case 'BDC':
      case 'BMC': {
        const tag = asName(operands[0], `page ${page}, operator ${printable(op)} tag`);
        budget.check('maxNesting', marked.length + 1, where, '标记内容（BDC/BMC）');
        marked.push(tag);
        if (tag === 'Artifact') artifacts++;
        break;
      }
      case 'EMC': {
        const tag = marked.pop();
        if (tag === undefined) fail('EMC without a matching BDC or BMC');
        if (tag === 'Artifact') artifacts--;
        break;
      }
      case 'Do':
        skipImage(file, resources, operands[0], fail);
        break;
      default:
        if (!SKIPPED_OPERATORS.has(op)) fail('unknown or unsupported operator');
    }
    operands = [];
    bounds.operands = 0;
  }
  op = '(end of stream)';
  if (operands.length > 0) fail(`${operands.length} operand(s) without an operator`);
  if (tm) fail('BT without ET');
  if (marked.length > 0) {
    const shown = marked.slice(0, 5).map(printable).join(', ');
    fail(`marked content left open: ${marked.length > 5 ? `${marked.length} sequences, the outermost ${shown}, …` : shown}`);
  }
  if (stack.length > 0) fail(`${stack.length} q without Q`);
  return glyphs;
}

function fontResource(file: PdfFile, resources: PdfDict, name: string, page: number, cache: FontCache): TextFont {
  const fonts = asDict(file.lookup(resources, 'Font') ?? new Map(), `page ${page} /Resources /Font`);
  const entry = fonts.get(name);
  const shown = printable(name);
  if (entry === undefined) throw new Error(`page ${page}: font /${shown} is not in the page's /Resources`);
  const key = entry instanceof PdfRef ? entry.num : asDict(entry, `page ${page} font /${shown}`);
  const cached = cache.get(key);
  if (cached) return cached;
  const font = loadFont(file, asDict(file.resolve(entry), `page ${page} font /${shown}`), `font /${shown} on page ${page}`, `第 ${page} 页的字体 /${name}`);
  cache.set(key, font);
  return font;
}

/** Images carry no text and are skipped; form XObjects could, and are refused. */
function skipImage(file: PdfFile, resources: PdfDict, operand: PdfValue | undefined, fail: (m: string) => never): void {
  if (!(operand instanceof PdfName)) fail('expected an XObject name');
  const name = (operand as PdfName).name;
  const shown = printable(name);
  const xobjects = file.lookup(resources, 'XObject');
  const xobject = xobjects instanceof Map ? file.lookup(xobjects, name) : undefined;
  if (xobject === undefined) fail(`XObject /${shown} is not in the page's /Resources`);
  const subtype = asDict(xobject, `XObject /${shown}`).get('Subtype');
  if (!(subtype instanceof PdfName) || subtype.name !== 'Image') fail(`XObject /${shown} is not an image; text in form XObjects is not supported`);
}
