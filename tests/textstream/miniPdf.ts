/** Test helper: hand-made PDFs (classic xref, Flate streams) with one Type0 test font, for the text-stream reader. */
import { deflateSync } from 'node:zlib';

/** An indirect object: a plain value, or a stream (deflated unless `filter` says otherwise). */
export type MiniObject = string | { readonly dict: string; readonly stream: string; readonly filter?: string | null };

/** Writes objects 1..n with a correct xref table; `trailer` is extra trailer entries. */
export function buildPdf(objects: readonly MiniObject[], trailer = ''): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    let body: Buffer;
    if (typeof o === 'string') body = Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1');
    else {
      const filter = o.filter === undefined ? '/FlateDecode' : o.filter;
      const data = filter === '/FlateDecode' ? deflateSync(Buffer.from(o.stream, 'latin1')) : Buffer.from(o.stream, 'latin1');
      const dict = `<< ${o.dict} /Length ${data.length}${filter ? ` /Filter ${filter}` : ''} >>`;
      body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${dict}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    }
    chunks.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/**
 * The test font's ToUnicode: <0001> A, <0002> B (bfrange array), <0003>-<0004> x y (bfrange offset),
 * <0005> U+1F600 (surrogate pair), <0006> 中, <0020> space (bfchar).
 */
export const TEST_CMAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000><ffff> endcodespacerange
2 beginbfrange
<0001> <0002> [<0041> <0042>]
<0003> <0004> <0078>
endbfrange
3 beginbfchar
<0005> <d83d de00>
<0006> <4e2d>
<0020> <0020>
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`;

/** Widths: A 500, B 600, x y 250, everything else the default 1000. */
export const TEST_WIDTHS = '/W [1 [500 600] 3 4 250] /DW 1000';

/** What `miniPdf` varies: content, font pieces, resources, extra objects, trailer entries, the content filter. */
export interface MiniOptions {
  /** Page content; several strings make a /Contents array. */
  readonly content: string | readonly string[];
  /** Replaces the Type0 font dictionary (object 4). */
  readonly font?: string;
  readonly cmap?: string;
  readonly widths?: string;
  /** Extra page resources, e.g. `/XObject << /Im1 8 0 R >>`. */
  readonly resources?: string;
  readonly extraObjects?: readonly MiniObject[];
  readonly trailer?: string;
  readonly contentFilter?: string | null;
}

/** One page of 200 × 100 pt (MediaBox inherited from /Pages) with font /F1; objects 1–6 are fixed, contents from 7. */
export function miniPdf(o: MiniOptions): Uint8Array {
  const contents = typeof o.content === 'string' ? [o.content] : o.content;
  const extra = o.extraObjects ?? [];
  const first = 7 + extra.length;
  const refs = contents.map((_, i) => `${first + i} 0 R`);
  const objects: MiniObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>',
    `<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> ${o.resources ?? ''} >> /Contents ${refs.length === 1 ? refs[0] : `[${refs.join(' ')}]`} >>`,
    o.font ?? '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test-Regular /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>',
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Test-Regular ${o.widths ?? TEST_WIDTHS} >>`,
    { dict: '', stream: o.cmap ?? TEST_CMAP },
    ...extra,
    ...contents.map((c) => ({ dict: '', stream: c, ...(o.contentFilter !== undefined ? { filter: o.contentFilter } : {}) })),
  ];
  return buildPdf(objects, o.trailer);
}
