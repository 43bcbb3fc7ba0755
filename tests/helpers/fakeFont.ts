/**
 * A fake TextFont for unit tests of the typesetter, so they never load a real font.
 *
 * Advances (em): wide characters (CJK ideographs, full-width forms, and the Chinese marks a CJK font
 * sets full width: “ ” ‘ ’ — … ⋯ · ℃ ‰) 1; Latin letters, digits and other narrow characters 0.5;
 * U+0020 and the other spaces 0.25; control characters, zero-width characters (U+200B…) and combining marks 0,
 * as in a real font.
 * Every character is drawn by face 0, except those given in `secondFace`, drawn by face 1.
 */
import { isWideCodePoint } from '../../src/text/charClass.js';
import type { TextFont } from '../../src/typeset/textFont.js';

/** Marks of ambiguous East Asian width that a Chinese font draws one em wide. */
const FULL_WIDTH_AMBIGUOUS = new Set([...'“”‘’—…⋯·℃‰⸺'].map((c) => c.codePointAt(0)!));

const isSpace = (cp: number) => cp === 0x20 || (cp >= 0x2000 && cp <= 0x200a);
const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
/** Zero-width characters and combining marks, which a real font draws with no advance. */
const isZeroWidth = (cp: number) => (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff || (cp >= 0x300 && cp <= 0x36f);

export interface FakeFontOptions {
  /** Characters drawn by a second face (index 1), e.g. to test that glyph runs split by face. */
  readonly secondFace?: string;
  /** Advances (em) that override the defaults for single characters. */
  readonly advances?: Readonly<Record<string, number>>;
}

/** Advance of a code point in the fake font, in em. */
export function fakeAdvance(cp: number): number {
  if (isControl(cp) || isZeroWidth(cp)) return 0;
  if (isSpace(cp)) return 0.25;
  if (isWideCodePoint(cp) || FULL_WIDTH_AMBIGUOUS.has(cp)) return 1;
  return 0.5;
}

/** A fake font: wide 1 em, narrow 0.5 em, space 0.25 em, face 0 (or 1 for `secondFace`). */
export function fakeFont(options: FakeFontOptions = {}): TextFont {
  const second = new Set([...(options.secondFace ?? '')].map((c) => c.codePointAt(0)!));
  const overrides = new Map(Object.entries(options.advances ?? {}).map(([c, a]) => [c.codePointAt(0)!, a]));
  return {
    advance: (cp) => overrides.get(cp) ?? fakeAdvance(cp),
    face: (cp) => (second.has(cp) ? 1 : 0),
    glyphId: (cp) => cp,
  };
}

/** The shared default fake font. */
export const FAKE = fakeFont();
