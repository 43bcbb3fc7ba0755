/** Fonts as the text stream needs them: Type0 / Identity-H with a CID descendant, ToUnicode and /W widths. */
import { parseCidWidths, parseToUnicode, type CidWidths, type UnicodeMap } from './cmap.js';
import { printable } from './lexer.js';
import { asArray, asDict, asName, PdfFile, PdfName, PdfStream, type PdfDict, type PdfValue } from './objects.js';

/** A font ready to decode shown strings. */
export interface TextFont {
  /** BaseFont without the subset tag (ABCDEF+). */
  readonly baseName: string;
  readonly unicode: UnicodeMap;
  readonly widths: CidWidths;
}

/** One decoded code of a shown string. */
export interface DecodedGlyph {
  readonly code: number;
  readonly text: string;
  /** Advance in 1/1000 em. */
  readonly width: number;
}

/** BaseFont without its six-letter subset tag. */
export function stripSubsetTag(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '');
}

/**
 * Reads a font dictionary; `label` (e.g. `font /F1 on page 2`) names it in errors, `where` (e.g. 第 2 页) in limit
 * messages. A ToUnicode stream and a descendant's /W are parsed once however many fonts share them.
 */
export function loadFont(file: PdfFile, dict: PdfDict, label: string, where?: string): TextFont {
  const baseFont = asName(file.lookup(dict, 'BaseFont'), `${label} /BaseFont`);
  const at = `${label} (${printable(baseFont)})`;
  const subtype = asName(file.lookup(dict, 'Subtype'), `${at} /Subtype`);
  if (subtype !== 'Type0') throw new Error(`${at}: only Type0 fonts are supported, got /${printable(subtype)}`);
  const encoding = file.lookup(dict, 'Encoding');
  if (!(encoding instanceof PdfName) || encoding.name !== 'Identity-H') {
    throw new Error(`${at}: only /Encoding /Identity-H is supported, got ${encoding instanceof PdfName ? `/${printable(encoding.name)}` : 'an embedded CMap'}`);
  }
  const descendants = asArray(file.lookup(dict, 'DescendantFonts'), `${at} /DescendantFonts`);
  if (descendants.length !== 1) throw new Error(`${at}: expected one descendant font, got ${descendants.length}`);
  const cid = asDict(file.resolve(descendants[0]), `${at} descendant font`);
  const cidType = asName(file.lookup(cid, 'Subtype'), `${at} descendant /Subtype`);
  if (cidType !== 'CIDFontType2' && cidType !== 'CIDFontType0') throw new Error(`${at}: descendant font of /Subtype /${printable(cidType)} is not a CID font`);
  const toUnicode = file.lookup(dict, 'ToUnicode');
  if (!(toUnicode instanceof PdfStream)) throw new Error(`${at} has no /ToUnicode CMap stream; its text cannot be decoded`);
  let unicode = file.derived.get(toUnicode) as UnicodeMap | undefined;
  if (!unicode) {
    unicode = parseToUnicode(file.decode(toUnicode, `${at} /ToUnicode`), at, file.budget, where);
    file.derived.set(toUnicode, unicode);
  }
  let widths = file.derived.get(cid) as CidWidths | undefined;
  if (!widths) {
    const dw = file.lookup(cid, 'DW');
    const w = file.lookup(cid, 'W') ?? [];
    const wArray = asArray(w, `${at} /W`).map((v: PdfValue) => file.resolve(v) ?? null);
    widths = parseCidWidths(wArray, typeof dw === 'number' ? dw : 1000, at, file.budget, where);
    file.derived.set(cid, widths);
  }
  return { baseName: stripSubsetTag(baseFont), unicode, widths };
}

/**
 * Splits a shown string into codes and looks up their text and width; unmapped codes and .notdef are errors.
 * `label` names the place in errors (a function is called only for an error).
 */
export function decodeString(font: TextFont, bytes: Uint8Array, label: string | (() => string)): DecodedGlyph[] {
  const n = font.unicode.codeBytes;
  const where = () => (typeof label === 'string' ? label : label());
  if (bytes.length % n !== 0) throw new Error(`${where()}: a string of ${bytes.length} bytes for a font with ${n}-byte codes (${font.baseName})`);
  const glyphs: DecodedGlyph[] = [];
  for (let i = 0; i < bytes.length; i += n) {
    let code = 0;
    for (let k = 0; k < n; k++) code = code * 256 + bytes[i + k]!;
    const text = font.unicode.map.get(code);
    if (text === undefined || code === 0 || text === '\u0000') {
      const hex = code.toString(16).padStart(2 * n, '0');
      if (text === undefined) throw new Error(`${where()}: code <${hex}> of ${font.baseName} has no ToUnicode entry`);
      throw new Error(`${where()}: code <${hex}> of ${font.baseName} is the .notdef glyph`);
    }
    glyphs.push({ code, text, width: font.widths.widths.get(code) ?? font.widths.defaultWidth });
  }
  return glyphs;
}
