/**
 * The PDF preview: pdf.js (bundled into the page; its worker is served from the package) draws every page on a
 * canvas with a text layer over it. A new PDF is drawn off screen and then swapped in, and the page that was at the top
 * of the view stays there, at the same place.
 */
import { GlobalWorkerOptions, getDocument, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import { h } from './dom.js';

GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';

/** The page at the top of a scrolled view, and how far into it (0..1) the view starts. */
function position(view: HTMLElement): { page: number; offset: number } {
  const pages = [...view.querySelectorAll<HTMLElement>('.page')];
  const top = view.scrollTop;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    if (p.offsetTop + p.offsetHeight > top) return { page: i, offset: Math.max(0, (top - p.offsetTop) / p.offsetHeight) };
  }
  return { page: Math.max(0, pages.length - 1), offset: 0 };
}

export class Preview {
  private doc: PDFDocumentProxy | undefined;
  private drawing = 0;

  constructor(
    private readonly view: HTMLElement,
    private readonly pagesBox: HTMLElement,
    private readonly indicator: HTMLElement,
  ) {
    view.addEventListener('scroll', () => this.updateIndicator(), { passive: true });
  }

  /**
   * Draws a PDF; resolves with its page count once every page is on screen (or undefined when a newer PDF came
   * meanwhile). The page in view is drawn first and replaced at once; the others follow, nearest first. Pages are all
   * of one size, so replacing one never moves the view.
   */
  async show(pdf: Uint8Array, onFirst?: () => void): Promise<number | undefined> {
    const ticket = ++this.drawing;
    const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, useSystemFonts: false, disableAutoFetch: true, disableFontFace: true }).promise;
    if (ticket !== this.drawing) {
      await doc.destroy();
      return undefined;
    }
    const width = Math.max(200, this.view.clientWidth - 32);
    const at = position(this.view);
    const current = Math.min(at.page, doc.numPages - 1);
    const order = Array.from({ length: doc.numPages }, (_, i) => i).sort((x, y) => Math.abs(x - current) - Math.abs(y - current) || y - x);
    const old = this.doc;
    this.doc = doc;
    await old?.destroy();
    for (const [k, index] of order.entries()) {
      if (ticket !== this.drawing) return undefined;
      let box: HTMLElement;
      try {
        box = await this.drawPage(doc, index + 1, width);
      } catch (e) {
        if (ticket !== this.drawing) return undefined; // a newer PDF took this one's place
        throw e;
      }
      if (ticket !== this.drawing) return undefined;
      const boxes = this.pagesBox.querySelectorAll<HTMLElement>('.page');
      if (boxes[index]) boxes[index]!.replaceWith(box);
      else {
        // A page the previous PDF did not have: placeholders keep the pages in order until each is drawn.
        while (this.pagesBox.querySelectorAll('.page').length < index) this.pagesBox.append(h('div', { class: 'page placeholder' }));
        this.pagesBox.append(box);
      }
      if (k === 0) {
        const target = this.pagesBox.querySelectorAll<HTMLElement>('.page')[current];
        if (target && boxes.length === 0) this.view.scrollTop = target.offsetTop + at.offset * target.offsetHeight;
        onFirst?.();
      }
    }
    // Pages the new PDF no longer has.
    const boxes = this.pagesBox.querySelectorAll<HTMLElement>('.page');
    for (let i = boxes.length - 1; i >= doc.numPages; i--) boxes[i]!.remove();
    this.updateIndicator();
    return doc.numPages;
  }

  private async drawPage(doc: PDFDocumentProxy, i: number, width: number): Promise<HTMLElement> {
    const ratio = window.devicePixelRatio || 1;
    const page = await doc.getPage(i);
    const base = page.getViewport({ scale: 1 });
    const scale = width / base.width;
    const viewport = page.getViewport({ scale });
    const canvas = h('canvas', { width: Math.floor(viewport.width * ratio), height: Math.floor(viewport.height * ratio), 'aria-hidden': 'true' });
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
    const text = h('div', { class: 'textLayer' });
    const box = h('div', { class: 'page', role: 'region', 'aria-label': `第 ${i} 页` }, canvas, text);
    box.style.setProperty('--scale-factor', String(scale));
    box.style.setProperty('--total-scale-factor', String(scale));
    box.style.width = `${Math.floor(viewport.width)}px`;
    box.style.height = `${Math.floor(viewport.height)}px`;
    box.dataset['page'] = String(i);
    await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    page.cleanup();
    return box;
  }

  /** The page shown at the top of the view (1-based), and the count. */
  current(): { page: number; pages: number } {
    return { page: position(this.view).page + 1, pages: this.pagesBox.querySelectorAll('.page').length };
  }

  private updateIndicator(): void {
    const { page, pages } = this.current();
    this.indicator.textContent = pages > 0 ? `第 ${page} 页 / 共 ${pages} 页` : '';
  }
}
