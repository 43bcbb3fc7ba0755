/**
 * What the typesetter needs to know of a font: advances, which face draws a character, and its glyph there.
 * A font may be a stack of faces (a primary face and its fallbacks); the typesetter never sees files or PDF objects.
 */
export interface TextFont {
  /** Advance of the code point in em (1 = the font size), taken from the face that draws it. */
  advance(codePoint: number): number;
  /** Index of the face that draws the code point (0 = primary), or -1 when no face can. */
  face(codePoint: number): number;
  /** Glyph id of the code point in the face that draws it (0 when no face can). */
  glyphId(codePoint: number): number;
}
