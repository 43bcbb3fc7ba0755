/** Paints typeset lines as PDF text: one text object per glyph run, glyphs placed exactly with Tc and TJ. */
import { FontStack } from '../fonts/fontStack.js';
import { TrueTypeSubset } from '../fonts/trueTypeSubset.js';
import type { GlyphRun } from '../typeset/breakLines.js';
import { embedFont, useFontOnPage, type EmbeddedFontHandle, type PdfDoc } from './pdfkitInternals.js';

/** Formats a number for a content stream: at most 4 decimals, no trailing zeros, no -0. */
export function num(n: number): string {
  const r = Math.round(n * 10000) / 10000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** A glyph run encoded for one document: its font there, subset glyph ids and advances (1/1000 em). */
export interface EncodedRun {
  readonly font: EmbeddedFontHandle;
  readonly ids: readonly number[];
  readonly advances: readonly number[];
}

/** Embeds the run's face in the document and includes its glyphs in the subset, registering widths and Unicode. */
export function encodeGlyphRun(doc: PdfDoc, run: GlyphRun): EncodedRun {
  if (!(run.font instanceof FontStack)) throw new Error('glyph run was not typeset with a FontStack');
  const face = run.font.faceAt(run.face);
  const font = embedFont(doc, face.font, `xxgk-face-${face.id}`);
  return { font, ...encodeRun(font, run, run.font) };
}

/** Encodes the run's code points as subset glyph ids, registering widths and Unicode for ToUnicode. */
function encodeRun(font: EmbeddedFontHandle, run: GlyphRun, stack: FontStack): { ids: number[]; advances: number[] } {
  const face = stack.faceAt(run.face);
  const ids: number[] = [];
  const advances: number[] = [];
  for (const ch of run.text) {
    const cp = ch.codePointAt(0)!;
    const glyph = face.glyph(cp);
    if (!glyph) throw new Error(`no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')} in ${face.postscriptName}; validation should have refused it`);
    let id = font.subset.includeGlyph(glyph.id);
    const mapped = font.unicode[id];
    // Two code points drawn by one glyph (· and • in Noto Sans SC) get separate codes, so each copies out as itself.
    if (mapped && (mapped.length !== 1 || mapped[0] !== cp) && font.subset instanceof TrueTypeSubset) id = font.subset.includeCopy(glyph.id, cp);
    const width = glyph.advance * 1000;
    font.widths[id] ??= width;
    font.unicode[id] ??= [cp];
    ids.push(id);
    advances.push(width);
  }
  return { ids, advances };
}

/** Writes the text object of one encoded glyph run with its baseline at `baseline` and glyph x values offset by `left`. */
export function paintGlyphRun(doc: PdfDoc, run: GlyphRun, encoded: EncodedRun, left: number, baseline: number): void {
  if (run.text.length === 0) return;
  const { font, ids, advances } = encoded;
  const resource = useFontOnPage(doc, font);
  const size = run.size;
  // The gap after each glyph beyond its natural advance; the most common one becomes Tc, the rest TJ offsets.
  const gaps = ids.map((_, i) => (i + 1 < ids.length ? run.x[i + 1]! - run.x[i]! - (advances[i]! * size) / 1000 : 0));
  const tc = mostCommon(gaps.slice(0, -1));
  const parts: string[] = [];
  let hex = '';
  ids.forEach((id, i) => {
    hex += hex4(id);
    const excess = i + 1 < ids.length ? gaps[i]! - tc : 0;
    if (Math.abs(excess) >= 0.0005) {
      parts.push(`<${hex}>`, num((-excess * 1000) / size));
      hex = '';
    }
  });
  if (hex) parts.push(`<${hex}>`);
  doc.addContent(`BT\n/${resource} ${num(size)} Tf\n${num(tc)} Tc\n1 0 0 -1 ${num(left + run.x[0]!)} ${num(baseline)} Tm\n[${parts.join(' ')}] TJ\nET`);
}

function mostCommon(values: number[]): number {
  if (values.length === 0) return 0;
  const counts = new Map<number, number>();
  let best = Math.round(values[0]! * 10000) / 10000;
  for (const v of values) {
    const k = Math.round(v * 10000) / 10000;
    const c = (counts.get(k) ?? 0) + 1;
    counts.set(k, c);
    if (c > counts.get(best)! || (c === counts.get(best)! && k < best)) best = k;
  }
  return best;
}
