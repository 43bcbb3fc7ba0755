/**
 * Characters that must never appear in a report's text, whatever the font.
 *
 * Issue codes (all errors):
 * - `control_character`: C0 controls U+0000–U+001F (tab and line feeds included: a paragraph is one
 *   paragraph), DEL U+007F and C1 controls U+0080–U+009F.
 * - `lone_surrogate`: an unpaired UTF-16 surrogate (invalid Unicode; cannot be encoded or copied out).
 * - `line_separator`: U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (use separate paragraphs).
 * - `bidi_control`: bidi embedding/override/isolate controls U+202A–U+202E, U+2066–U+2069 and the
 *   marks U+200E/U+200F (they reorder text invisibly).
 * - `invisible_character`: zero-width space/non-joiner/joiner U+200B–U+200D, word joiner U+2060,
 *   U+FEFF (BOM / zero-width no-break space) and the soft hyphen U+00AD: invisible in print (or printed
 *   as a hyphen by some fonts) but copied out into archives.
 * - `noncharacter`: U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF (not characters; XMP metadata that holds
 *   one fails PDF/A validation).
 * - `private_use`: the private use areas (a glyph there means something else in every font, and copies out
 *   as nothing anyone can read).
 */

/** The code of a forbidden character, or undefined when the character is allowed. */
export type ForbiddenCharacterCode =
  | 'control_character'
  | 'lone_surrogate'
  | 'line_separator'
  | 'bidi_control'
  | 'invisible_character'
  | 'noncharacter'
  | 'private_use';

const DESCRIPTIONS: Readonly<Record<ForbiddenCharacterCode, string>> = {
  control_character: '控制字符',
  lone_surrogate: '不成对的代理项（无效的 UTF-16 编码）',
  line_separator: '行分隔符或段分隔符（请改为分段）',
  bidi_control: '文字方向控制字符',
  invisible_character: '零宽或不可见字符（含软连字符 U+00AD）',
  noncharacter: 'Unicode 非字符（不能写入 PDF/A 元数据）',
  private_use: '私用区字符（各字体含义不同，复制出来也无法识别）',
};

/** Chinese description of a forbidden character class, for messages. */
export function describeForbidden(code: ForbiddenCharacterCode): string {
  return DESCRIPTIONS[code];
}

/** Classifies one code point (a lone surrogate arrives as its own code unit value). */
export function forbiddenCharacterCode(cp: number): ForbiddenCharacterCode | undefined {
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 'control_character';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'lone_surrogate';
  if (cp === 0x2028 || cp === 0x2029) return 'line_separator';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f) return 'bidi_control';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || cp === 0xad) return 'invisible_character';
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'noncharacter';
  if ((cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0x10ffff)) return 'private_use';
  return undefined;
}

/** `U+XXXX` notation of a code point (at least four hex digits). */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A code point of a text with its UTF-16 offset; iterating a string this way yields lone surrogates as themselves. */
export interface CodePointAt {
  readonly cp: number;
  readonly index: number;
}

/** Iterates the code points of a text with their offsets. */
export function* codePoints(text: string): Generator<CodePointAt> {
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    yield { cp, index: i };
    i += cp > 0xffff ? 2 : 1;
  }
}

/** How a character is shown in a message: the character itself when visible, otherwise nothing. */
export function showCharacter(cp: number): string {
  if (forbiddenCharacterCode(cp) !== undefined || cp === 0x20) return '';
  return `“${String.fromCodePoint(cp)}”`;
}
