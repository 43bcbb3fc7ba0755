/** The typographic roles of an official document; each role has its own font and size. */
export const FONT_ROLES = [
  'title',
  'heading1',
  'heading2',
  'heading3',
  'body',
  'table',
  'tableHeader',
  'pageNumber',
  'signature',
] as const;

/** A typographic role: title 小标宋, heading1 黑体, heading2 楷体, body 仿宋, page number 宋体 (in an office's own fonts). */
export type FontRole = (typeof FONT_ROLES)[number];
