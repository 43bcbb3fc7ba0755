/** Stable, readable serializations of a text stream: one line per text line, and a coarse per-document summary. */
import type { TextLine, TextStream } from './textStream.js';

/** Marks a gap of more than one em between two glyphs of a line (table cells, distributed text); never part of the text. */
export const GAP_MARK = '⇥';

/** A number rounded to 0.01, without trailing zeros or -0. */
export function round2(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? '0' : String(r);
}

/** Font names of a line: `Family-Bold+Regular` when they share a family prefix, else joined with `+`. */
export function fontLabel(fonts: readonly string[]): string {
  if (fonts.length <= 1) return fonts[0] ?? '';
  const family = (f: string) => (f.includes('-') ? f.slice(0, f.lastIndexOf('-') + 1) : undefined);
  const prefix = family(fonts[0]!);
  if (prefix && fonts.every((f) => family(f) === prefix)) return prefix + fonts.map((f) => f.slice(prefix.length)).join('+');
  return fonts.join('+');
}

/** The line's text with GAP_MARK where the pen jumps by more than one em. */
export function textWithGaps(line: TextLine): string {
  let out = '';
  line.glyphs.forEach((g, i) => {
    const prev = line.glyphs[i - 1];
    if (prev && g.x - (prev.x + prev.advance) > g.size) out += GAP_MARK;
    out += g.text;
  });
  return out;
}

/** One line: `p3 y=612.35 x=79.37 NotoSansSCThin-Regular 16 tc=0.42 | text`; artifacts as `p3 [artifact] …`; y from the page top. */
export function formatTextLine(line: TextLine): string {
  const tcs = [...new Set(line.tcs.map(round2))].join(',');
  const sizes = [...new Set(line.sizes.map(round2))].join('+');
  const head = `p${line.page}${line.artifact ? ' [artifact]' : ''} y=${round2(line.y)} x=${round2(line.x)} ${fontLabel(line.fonts)} ${sizes} tc=${tcs}`;
  return `${head} | ${textWithGaps(line)}`;
}

/** The whole stream, one line per text line, pages in order, ending with a newline. */
export function formatTextStream(stream: TextStream): string {
  return stream.pages.flatMap((p) => p.lines.map(formatTextLine)).join('\n') + '\n';
}

/** Page count, lines per page (and how many are artifacts), and the fonts used with their sizes. */
export function summarizeTextStream(stream: TextStream): string {
  const out = [`pages: ${stream.pages.length}`];
  const fonts = new Map<string, Set<number>>();
  for (const page of stream.pages) {
    const artifacts = page.lines.filter((l) => l.artifact).length;
    out.push(`p${page.number} ${round2(page.width)}x${round2(page.height)}: ${page.lines.length} lines, ${artifacts} artifact${artifacts === 1 ? '' : 's'}`);
    for (const line of page.lines) for (const g of line.glyphs) (fonts.get(g.font) ?? fonts.set(g.font, new Set()).get(g.font)!).add(g.size);
  }
  for (const [font, sizes] of [...fonts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`font ${font}: ${[...sizes].sort((a, b) => b - a).map(round2).join(', ')} pt`);
  }
  return out.join('\n') + '\n';
}
