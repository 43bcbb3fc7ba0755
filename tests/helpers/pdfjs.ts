/** Independent text extraction with pdf.js, shared by the tests (and the long fuzz run). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page's text as pdf.js extracts it, and the titles of the outline. */
export async function pdfjsRead(pdf: Uint8Array): Promise<{ pages: string[]; outline: string[] }> {
  const doc = await getDocument({ data: Uint8Array.from(pdf), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
    return { pages, outline };
  } finally {
    await doc.destroy();
  }
}

/** Each page's text as pdf.js extracts it. */
export async function pdfjsPages(pdf: Uint8Array): Promise<string[]> {
  return (await pdfjsRead(pdf)).pages;
}

/**
 * Text for comparisons: whitespace removed (extractors infer spaces from the gaps of justified lines) and
 * page numbers — n — removed (artifacts that extractors print between the lines of a paragraph).
 */
export function squash(text: string): string {
  return text.replace(/\s+/g, '').replace(/—\d+—/g, '');
}

/** The index just past each expected text found in order in the extracted text, or the first one missing. */
export function findInOrder(extracted: string, expected: readonly string[]): { missing?: string } {
  const hay = squash(extracted);
  let at = 0;
  for (const text of expected) {
    const want = squash(text);
    const found = hay.indexOf(want, at);
    if (found < 0) return { missing: text };
    at = found + want.length;
  }
  return {};
}
