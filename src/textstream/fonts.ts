/** Fonts as the text stream needs them: Type0 / Identity-H with a CID descendant, ToUnicode and /W widths. */
import { parseCidWidths, parseToUnicode, type CidWidths, type UnicodeMap } from './cmap.js';
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

/** Reads a font dictionary; `label` (e.g. `font /F1 on page 2`) names it in errors. */
export function loadFont(file: PdfFile, dict: PdfDict, label: string): TextFont {
  const baseFont = asName(file.lookup(dict, 'BaseFont'), `${label} /BaseFont`);
  const where = `${label} (${baseFont})`;
  const subtype = asName(file.lookup(dict, 'Subtype'), `${where} /Subtype`);
  if (subtype !== 'Type0') throw new Error(`${where}: only Type0 fonts are supported, got /${subtype}`);
  const encoding = file.lookup(dict, 'Encoding');
  if (!(encoding instanceof PdfName) || encoding.name !== 'Identity-H') {
    throw new Error(`${where}: only /Encoding /Identity-H is supported, got ${encoding instanceof PdfName ? `/${encoding.name}` : 'an embedded CMap'}`);
  }
  const descendants = asArray(file.lookup(dict, 'DescendantFonts'), `${where} /DescendantFonts`);
  if (descendants.length !== 1) throw new Error(`${where}: expected one descendant font, got ${descendants.length}`);
  const cid = asDict(file.resolve(descendants[0]), `${where} descendant font`);
  const cidType = asName(file.lookup(cid, 'Subtype'), `${where} descendant /Subtype`);
  if (cidType !== 'CIDFontType2' && cidType !== 'CIDFontType0') throw new Error(`${where}: descendant font of /Subtype /${cidType} is not a CID font`);
  const toUnicode = file.lookup(dict, 'ToUnicode');
  if (!(toUnicode instanceof PdfStream)) throw new Error(`${where} has no /ToUnicode CMap stream; its text cannot be decoded`);
  const unicode = parseToUnicode(file.decode(toUnicode, `${where} /ToUnicode`), where);
  const dw = file.lookup(cid, 'DW');
  const w = file.lookup(cid, 'W') ?? [];
  const wArray = asArray(w, `${where} /W`).map((v: PdfValue) => file.resolve(v) ?? null);
  return { baseName: stripSubsetTag(baseFont), unicode, widths: parseCidWidths(wArray, typeof dw === 'number' ? dw : 1000, where) };
}

/** Splits a shown string into codes and looks up their text and width; unmapped codes and .notdef are errors. */
export function decodeString(font: TextFont, bytes: Uint8Array, label: string): DecodedGlyph[] {
  const n = font.unicode.codeBytes;
  if (bytes.length % n !== 0) throw new Error(`${label}: a string of ${bytes.length} bytes for a font with ${n}-byte codes (${font.baseName})`);
  const glyphs: DecodedGlyph[] = [];
  for (let i = 0; i < bytes.length; i += n) {
    let code = 0;
    for (let k = 0; k < n; k++) code = code * 256 + bytes[i + k]!;
    const text = font.unicode.map.get(code);
    const hex = code.toString(16).padStart(2 * n, '0');
    if (text === undefined) throw new Error(`${label}: code <${hex}> of ${font.baseName} has no ToUnicode entry`);
    if (code === 0 || text === '\u0000') throw new Error(`${label}: code <${hex}> of ${font.baseName} is the .notdef glyph`);
    glyphs.push({ code, text, width: font.widths.widths.get(code) ?? font.widths.defaultWidth });
  }
  return glyphs;
}
