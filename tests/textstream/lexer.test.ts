/** The tokenizer and the object parser on small hand-made inputs, including their error messages. */
import { describe, expect, it } from 'vitest';
import { latin1, Lexer, type Token } from '../../src/textstream/lexer.js';
import { parseValue, PdfName, PdfRef } from '../../src/textstream/objects.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

function tokens(s: string): Token[] {
  const lx = new Lexer(bytes(s), 0, 'test');
  const out: Token[] = [];
  for (let t = lx.next(); t; t = lx.next()) out.push(t);
  return out;
}

/** Tokens in a compact form: numbers as numbers, names as /x, strings as their latin1 text in «», the rest as words. */
function compact(s: string): unknown[] {
  return tokens(s).map((t) => (t.kind === 'number' ? t.value : t.kind === 'name' ? `/${t.value}` : t.kind === 'string' ? `«${latin1(t.value)}»${t.hex ? 'hex' : ''}` : t.value));
}

describe('tokenizer', () => {
  it('reads numbers, names, delimiters and operators (including T*, \' and ")', () => {
    expect(compact('1 -2.5 .5 +3 4. /Name /A#20B [ ] << >> T* \' " BDC')).toEqual([1, -2.5, 0.5, 3, 4, '/Name', '/A B', '[', ']', '<<', '>>', 'T*', "'", '"', 'BDC']);
  });

  it('tells integers from reals', () => {
    expect(tokens('7 7.0').map((t) => t.kind === 'number' && t.integer)).toEqual([true, false]);
  });

  it('splits tokens at delimiters without whitespace', () => {
    expect(compact('/F1 12 Tf[(a)-3(b)]TJ<0001>Tj')).toEqual(['/F1', 12, 'Tf', '[', '«a»', -3, '«b»', ']', 'TJ', '«\u0000\u0001»hex', 'Tj']);
  });

  it('decodes literal-string escapes, octal codes, nested parentheses and line continuations', () => {
    expect(compact('(a\\(b\\)c) (x(y)z) (\\101\\60\\0612) (\\n\\r\\t\\\\) (one\\\ntwo) (p\r\nq) (\\q)')).toEqual([
      '«a(b)c»',
      '«x(y)z»',
      '«A012»',
      '«\n\r\t\\»',
      '«onetwo»',
      '«p\nq»',
      '«q»',
    ]);
  });

  it('reads hex strings with whitespace and an odd digit count', () => {
    expect(compact('<48 65 6C 6c 6> <>')).toEqual(['«Hell`»hex', '«»hex']);
  });

  it('skips comments', () => {
    expect(compact('1 % a comment ) (\n2')).toEqual([1, 2]);
  });

  it('names the input and the offset when it fails', () => {
    expect(() => tokens('(never closed')).toThrow('test, offset 0: unterminated literal string');
    expect(() => tokens('  <4G>')).toThrow('test, offset 4: bad character "G" in a hex string');
    expect(() => tokens('1 ) 2')).toThrow('test, offset 2: unexpected ")"');
    expect(() => tokens('{ 1 }')).toThrow('unexpected "{"');
    expect(() => tokens('/A#2')).toThrow('bad #xx escape in a name');
  });
});

describe('object parser', () => {
  const parse = (s: string, refs = true) => {
    const lx = new Lexer(bytes(s), 0, 'obj');
    return parseValue(lx, lx.next(), refs);
  };

  it('reads dictionaries, arrays, references, booleans and null', () => {
    const v = parse('<< /Type /Page /Kids [1 0 R 2 0 R] /N 3 /On true /Off false /Nothing null /S (x) >>');
    expect(v).toBeInstanceOf(Map);
    const d = v as Map<string, unknown>;
    expect(d.get('Type')).toEqual(new PdfName('Page'));
    expect(d.get('Kids')).toEqual([new PdfRef(1, 0), new PdfRef(2, 0)]);
    expect([d.get('N'), d.get('On'), d.get('Off'), d.get('Nothing')]).toEqual([3, true, false, null]);
    expect(latin1(d.get('S') as Uint8Array)).toBe('x');
  });

  it('does not take "n g" for a reference without R, nor in content streams', () => {
    expect(parse('[1 0 2]')).toEqual([1, 0, 2]);
    expect(() => parse('[1 0 R]', false)).toThrow('unexpected keyword "R"');
  });

  it('fails on a non-name dictionary key and on stray keywords', () => {
    expect(() => parse('<< 1 2 >>')).toThrow('expected a name as dictionary key');
    expect(() => parse('<< /A obj >>')).toThrow('unexpected keyword "obj"');
    expect(() => parse('')).toThrow('unexpected end of input');
  });
});
