/**
 * The logical structure of the PDF (tagged PDF, PDF 32000 §14.7): one structure element per node of the composed
 * document's tree, the marked-content sequences of each page attached to their element, and the parent tree that
 * maps each page's marked content back to its element. Elements are written when the document ends, children
 * before their parent.
 */
import type { StructNode } from '../compose/page.js';
import { onStructureEnd, pageStructParents, structTreeRoot, tableAttributes, type PdfDoc, type PdfRef } from './pdfkitInternals.js';

interface Element {
  readonly node: StructNode;
  readonly ref: PdfRef;
  readonly children: Element[];
  /** Marked content of the element: the page of each sequence and its MCID there. */
  pages?: PdfRef[];
  mcids?: number[];
}

export class StructureWriter {
  private readonly byId = new Map<number, Element>();
  private readonly root: Element;
  /** The current page, its MCID → element list in the parent tree. */
  private page: PdfRef | undefined;
  private parents: PdfRef[] | undefined;

  constructor(private readonly doc: PdfDoc, tree: StructNode) {
    const rootRef = structTreeRoot(doc);
    const make = (node: StructNode, parent: PdfRef): Element => {
      const data: Record<string, unknown> = { S: node.type };
      const attributes = node.attributes ? tableAttributes(node.attributes) : undefined;
      if (attributes) data.A = attributes;
      data.P = parent;
      const element: Element = { node, ref: doc.ref(data) as unknown as PdfRef, children: [] };
      this.byId.set(node.id, element);
      for (const child of node.children) element.children.push(make(child, element.ref));
      return element;
    };
    this.root = make(tree, rootRef);
    const kids = (rootRef.data.K as unknown[] | undefined) ?? (rootRef.data.K = []);
    kids.push(this.root.ref);
    onStructureEnd(doc, () => this.end(this.root));
  }

  /** The structure type of a node (the tag of its marked content). */
  type(id: number): string | undefined {
    return this.byId.get(id)?.node.type;
  }

  /** Starts a new page: its marked content gets MCIDs from 0. */
  startPage(page: PdfRef): void {
    this.page = page;
    this.parents = undefined;
  }

  /** Attaches the next marked-content sequence of the current page to the element of `id`; returns its MCID. */
  mark(id: number): number {
    const element = this.byId.get(id);
    if (!element) throw new Error(`no structure element ${id}`);
    this.parents ??= pageStructParents(this.doc);
    const mcid = this.parents.length;
    this.parents.push(element.ref);
    (element.pages ??= []).push(this.page!);
    (element.mcids ??= []).push(mcid);
    return mcid;
  }

  /** Writes an element after its children: K lists the children, then the MCIDs (marked-content references off its first page). */
  private end(element: Element): void {
    for (const child of element.children) this.end(child);
    const data = element.ref.data;
    const kids: unknown[] = element.children.map((c) => c.ref);
    data.K = kids;
    if (element.pages) {
      const first = element.pages[0]!;
      data.Pg = first;
      element.pages.forEach((page, i) => kids.push(page === first ? element.mcids![i] : { Type: 'MCR', Pg: page, MCID: element.mcids![i] }));
    }
    element.ref.end();
  }
}
