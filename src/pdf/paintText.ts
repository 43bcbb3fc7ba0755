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
  return { font, ...encodeRun(font, run) };
}

/**
 * Encodes the run's glyphs (found when the paragraph was prepared) as subset glyph ids, registering widths and
 * Unicode for ToUnicode; no glyph is looked up again.
 */
function encodeRun(font: EmbeddedFontHandle, run: GlyphRun): { ids: number[]; advances: number[] } {
  const ids: number[] = [];
  const advances: number[] = [];
  let k = 0;
  for (const ch of run.text) {
    const cp = ch.codePointAt(0)!;
    const gid = run.glyphs[k]!;
    if (gid <= 0) throw new Error(`no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')}; validation should have refused it`);
    let id = font.subset.includeGlyph(gid);
    const mapped = font.unicode[id];
    // Two code points drawn by one glyph (· and • in Noto Sans SC) get separate codes, so each copies out as itself.
    if (mapped && (mapped.length !== 1 || mapped[0] !== cp) && font.subset instanceof TrueTypeSubset) id = font.subset.includeCopy(gid, cp);
    const width = run.advances[k]! * 1000;
    font.widths[id] ??= width;
    font.unicode[id] ??= [cp];
    ids.push(id);
    advances.push(width);
    k++;
  }
  return { ids, advances };
}

/**
 * Horizontal scale (Tz, in %) of each glyph: 100, or more for a glyph narrower than the grid cell it is set in (the
 * em dash of some fonts is 0.89 em), so that it fills its cell and no extractor reads the rest of the cell as a space.
 */
function scales(run: GlyphRun, advances: readonly number[]): number[] {
  return advances.map((adv, i) => {
    const natural = (adv * run.size) / 1000;
    const cell = run.widths[i]!;
    return natural > 0 && cell > natural * 1.02 ? Math.round((cell / natural) * 10000) / 100 : 100;
  });
}

/** Writes the text object of one encoded glyph run with its baseline at `baseline` and glyph x values offset by `left`. */
export function paintGlyphRun(doc: PdfDoc, run: GlyphRun, encoded: EncodedRun, left: number, baseline: number): void {
  if (run.text.length === 0) return;
  const { font, ids, advances } = encoded;
  const resource = useFontOnPage(doc, font);
  const size = run.size;
  const tz = scales(run, advances);
  const ops: string[] = [`BT\n/${resource} ${num(size)} Tf`];
  let scale = 100;
  // Glyphs of one horizontal scale are written together; each group starts at its own x.
  for (let start = 0; start < ids.length; ) {
    let end = start + 1;
    while (end < ids.length && tz[end] === tz[start]) end++;
    const h = tz[start]! / 100;
    // The gap after each glyph beyond its natural (scaled) advance; the most common one becomes Tc, the rest TJ offsets.
    const gaps: number[] = [];
    for (let i = start; i < end - 1; i++) gaps.push((run.x[i + 1]! - run.x[i]!) / h - (advances[i]! * size) / 1000);
    const tc = mostCommon(gaps);
    const parts: string[] = [];
    let hex = '';
    for (let i = start; i < end; i++) {
      hex += hex4(ids[i]!);
      const excess = i + 1 < end ? gaps[i - start]! - tc : 0;
      if (Math.abs(excess) >= 0.0005) {
        parts.push(`<${hex}>`, num((-excess * 1000) / size));
        hex = '';
      }
    }
    if (hex) parts.push(`<${hex}>`);
    if (tz[start] !== scale) ops.push(`${num(tz[start]!)} Tz`);
    scale = tz[start]!;
    ops.push(`${num(tc)} Tc\n1 0 0 -1 ${num(left + run.x[start]!)} ${num(baseline)} Tm\n[${parts.join(' ')}] TJ`);
    start = end;
  }
  if (scale !== 100) ops.push('100 Tz');
  ops.push('ET');
  doc.addContent(ops.join('\n'));
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
