/**
 * Fonts embedded in a PDF as CID-keyed fonts (PDF 32000 §9.7): a Type0 font with Identity-H encoding over a
 * CIDFontType2 (TrueType outlines, subset by copying glyph programs) or CIDFontType0 (CFF outlines, subset by
 * fontkit), with the widths of the glyphs used, a ToUnicode map so that text copies out as it went in, and for
 * PDF/A-1 the CIDSet of the glyphs in the subset. Subset ids are given in order of first use; the code of a glyph
 * in the content is its subset id.
 */
import { deflate } from 'node:zlib';
import type { FontProgram } from '../fonts/fontProgram.js';
import type { FontkitSubset } from '../fonts/fontkitTypes.js';
import { canSubsetTrueType, TrueTypeSubset } from '../fonts/trueTypeSubset.js';
import type { EarlyFontPrograms } from './earlyPrograms.js';
import { ContentWriter } from './contentWriter.js';
import { dictNum, pdfName, ref, type PdfFile } from './pdfFile.js';

/**
 * Compresses a font program on zlib's thread pool. The program is most of the file, so it gets zlib's best
 * compression, into one output buffer large enough for the whole result (zlib finishes in one pass on its thread).
 */
export function compressProgram(raw: Uint8Array): Promise<Buffer> {
  const chunkSize = Math.max(64 * 1024, raw.length + 1024);
  return new Promise((resolve, reject) => deflate(raw, { chunkSize, level: 9, memLevel: 9 }, (e, out) => (e ? reject(e) : resolve(out))));
}

/** A face embedded in one document. */
export class EmbeddedFont {
  readonly subset: TrueTypeSubset | FontkitSubset;
  /** Width (1/1000 em) of each subset id that is drawn. */
  readonly widths: number[] = [];
  /** Code points of each subset id, for ToUnicode. */
  readonly unicode: number[][] = [];
  /** The Type0 font dictionary's object number. */
  readonly object: number;
  private compressed: Promise<Buffer> | undefined;
  private program: Uint8Array | undefined;

  constructor(
    readonly font: FontProgram,
    /** Resource name on the pages (F1, F2 …). */
    readonly resource: string,
    file: PdfFile,
  ) {
    this.subset = canSubsetTrueType(font) ? new TrueTypeSubset(font) : font.createFontkitSubset();
    this.unicode[0] = [0];
    this.widths[0] = (font.advanceWidth(0) * 1000) / font.unitsPerEm;
    this.object = file.alloc();
  }

  /** Whether the subset holds CFF outlines (CIDFontType0) rather than TrueType ones. */
  private get cff(): boolean {
    return (this.subset as { cff?: unknown }).cff != null;
  }

  /**
   * Renumbers the subset in the face's glyph order (see TrueTypeSubset.sortByGlyph); returns the new id of each old
   * one, or undefined when the subset keeps its order (fontkit's subsets).
   */
  sortByGlyph(): Int32Array | undefined {
    if (!(this.subset instanceof TrueTypeSubset)) return undefined;
    const renumber = this.subset.sortByGlyph();
    const widths = this.widths.slice();
    const unicode = this.unicode.slice();
    this.widths.length = 0;
    this.unicode.length = 0;
    widths.forEach((w, id) => (this.widths[renumber[id]!] = w));
    unicode.forEach((u, id) => (this.unicode[renumber[id]!] = u));
    return renumber;
  }

  /**
   * Builds the subset's font program and starts compressing it on zlib's thread pool (or takes the one `early` made
   * for the same glyphs); call once every glyph of the document has been included.
   */
  startCompression(early?: EarlyFontPrograms): void {
    // A program made before the document was composed, for a subset of the same glyphs, is the same program.
    const ready = this.subset instanceof TrueTypeSubset ? early?.take(this.font, this.subset.glyphs) : undefined;
    this.program = ready ? ready.program : this.subset.encode();
    this.compressed = ready ? ready.compressed : compressProgram(this.program);
  }

  /** Writes the font's objects (the program, once compressed); `cidSet` for PDF/A-1. */
  async write(file: PdfFile, cidSet: boolean, compress: (data: Uint8Array) => Uint8Array): Promise<void> {
    if (!this.compressed) this.startCompression();
    const program = await this.compressed!;
    const font = this.font;
    const scale = 1000 / font.unitsPerEm;
    const fontFile = file.alloc();
    file.stream(fontFile, `/Filter /FlateDecode${this.cff ? '/Subtype /CIDFontType0C' : `/Length1 ${this.program!.length}`}`, program);

    // The descriptor's flags (PDF 32000 §9.8.2), as pdfkit derives them: fixed pitch, serif, symbolic, script, italic.
    const familyClass = font.familyClass;
    let flags = 0;
    if (font.fixedPitch) flags |= 1 << 0;
    if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
    flags |= 1 << 2;
    if (familyClass === 10) flags |= 1 << 3;
    if (font.italic) flags |= 1 << 6;
    const name = pdfName(`${subsetTag(this.resource)}+${(font.postscriptName ?? 'Font').replaceAll(' ', '_')}`);
    const bbox = font.bbox;

    let cidSetEntry = '';
    if (cidSet) {
      const set = new Uint8Array(Math.ceil(this.widths.length / 8));
      for (let cid = 0; cid < this.widths.length; cid++) if (this.widths[cid] !== undefined) set[cid >> 3]! |= 0x80 >> (cid & 7);
      const n = file.alloc();
      file.stream(n, '/Filter /FlateDecode', compress(set));
      cidSetEntry = `/CIDSet ${ref(n)}`;
    }
    const descriptor = file.alloc();
    file.object(
      descriptor,
      `<</Type /FontDescriptor/FontName ${name}/Flags ${flags}/FontBBox [${[bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => dictNum(v * scale)).join(' ')}]` +
        `/ItalicAngle ${dictNum(font.italicAngle)}/Ascent ${dictNum(font.ascent * scale)}/Descent ${dictNum(font.descent * scale)}` +
        `/CapHeight ${dictNum(font.capHeight * scale)}/StemV 0` +
        `/${this.cff ? 'FontFile3' : 'FontFile2'} ${ref(fontFile)}${cidSetEntry}>>`,
    );

    // The CIDFont, written inside the Type0 font's /DescendantFonts.
    const { dw, w } = compactWidths(this.widths);
    const descendant =
      `<</Type /Font/Subtype /${this.cff ? 'CIDFontType0' : 'CIDFontType2'}/BaseFont ${name}/CIDSystemInfo <</Registry (Adobe)/Ordering (Identity)/Supplement 0>>` +
      `/FontDescriptor ${ref(descriptor)}${dw === 1000 ? '' : `/DW ${dictNum(dw)}`}/W [${w}]${this.cff ? '' : '/CIDToGIDMap /Identity'}>>`;
    const toUnicode = file.alloc();
    file.stream(toUnicode, '/Filter /FlateDecode', compress(toUnicodeCMap(this.unicode)));
    file.object(this.object, `<</Type /Font/Subtype /Type0/BaseFont ${name}/Encoding /Identity-H/DescendantFonts [${descendant}]/ToUnicode ${ref(toUnicode)}>>`);
  }
}

/** The six-letter subset tag of a font, from its resource name (F1 → BZZZZZ, F2 → CZZZZZ …), as pdfkit makes it. */
function subsetTag(resource: string): string {
  let tag = '';
  for (let i = 1; i <= 6; i++) tag += String.fromCharCode((resource.charCodeAt(i) || 73) + 17);
  return tag;
}

/**
 * The /W array of CID widths (PDF 32000 §9.7.4.3) and the default width /DW: the most common width is the default
 * and left out; runs of three or more equal widths are written as ranges (`first last width`), the others as lists
 * (`first [w1 w2 …]`). CIDs without a width (glyphs only drawn as parts of others) take the default.
 */
export function compactWidths(widths: readonly (number | undefined)[]): { dw: number; w: string } {
  const written = widths.map((v) => (v === undefined ? undefined : dictNum(v)));
  const counts = new Map<string, number>();
  for (const v of written) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let dw = '1000';
  let best = counts.get('1000') ?? 0;
  for (const [v, c] of counts) if (c > best) [dw, best] = [v, c];
  const parts: string[] = [];
  let list: string[] = [];
  let listStart = -1;
  const flush = () => {
    if (list.length > 0) parts.push(`${listStart} [${list.join(' ')}]`);
    list = [];
  };
  for (let cid = 0; cid < written.length; ) {
    const v = written[cid];
    if (v === undefined || v === dw) {
      flush();
      cid++;
      continue;
    }
    let end = cid + 1;
    while (end < written.length && written[end] === v) end++;
    if (end - cid >= 3) {
      flush();
      parts.push(`${cid} ${end - 1} ${v}`);
    } else {
      if (list.length === 0) listStart = cid;
      for (let k = cid; k < end; k++) list.push(v);
    }
    cid = end;
  }
  flush();
  return { dw: Number(dw), w: parts.join(' ') };
}

/** The ToUnicode CMap of a font's subset ids (the same text as pdfkit writes: ranges of 256 codes with arrays), as Latin-1 bytes. */
export function toUnicodeCMap(unicode: readonly (readonly number[])[]): Uint8Array {
  const out = new ContentWriter(CMAP_HEAD.length + CMAP_TAIL.length + 32 * unicode.length);
  out.text(CMAP_HEAD).int(Math.ceil(unicode.length / 256)).text(' beginbfrange\n');
  for (let start = 0; start < unicode.length; start += 256) {
    const end = Math.min(start + 256, unicode.length);
    if (start > 0) out.byte(10);
    out.byte(60).hex4(start).text('> <').hex4(end - 1).text('> [');
    for (let id = start; id < end; id++) {
      if (id > start) out.byte(32);
      out.byte(60);
      const codePoints = unicode[id] ?? [];
      for (let k = 0; k < codePoints.length; k++) {
        let value = codePoints[k]!;
        if (k > 0) out.byte(32);
        // UTF-16: a code point beyond the BMP as its surrogate pair.
        if (value > 0xffff) {
          value -= 0x10000;
          out.hex4(((value >>> 10) & 0x3ff) | 0xd800).byte(32);
          value = 0xdc00 | (value & 0x3ff);
        }
        out.hex4(value);
      }
      out.byte(62);
    }
    out.byte(93);
  }
  out.text(CMAP_TAIL);
  return out.view();
}

const CMAP_HEAD = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
`;

const CMAP_TAIL = `
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`;

