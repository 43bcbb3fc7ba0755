/**
 * The logical structure of the PDF (tagged PDF, PDF 32000 §14.7): one structure element per node of the composed
 * document's tree, each page's marked-content sequences attached to their element, and the parent tree that maps
 * the marked content of each page back to its element. Elements are written when the document ends.
 */
import type { StructNode } from '../compose/page.js';
import { pdfName, ref, type PdfFile } from './pdfFile.js';

interface Element {
  readonly node: StructNode;
  /** Object number: given to an element with children at once, to a leaf when it gets content (0: none yet). */
  object: number;
  readonly parent: number;
  readonly children: Element[];
  /** Marked content of the element: the page object of each sequence and its MCID there. */
  pages?: number[];
  mcids?: number[];
}

/** The table attributes of an element (PDF 32000 §14.8.5.7), or '' when it has none. */
function tableAttributes(attributes: StructNode['attributes']): string {
  if (!attributes) return '';
  let a = '';
  if (attributes.scope) a += `/Scope ${pdfName(attributes.scope)}`;
  if (attributes.colSpan && attributes.colSpan > 1) a += `/ColSpan ${attributes.colSpan}`;
  if (attributes.rowSpan && attributes.rowSpan > 1) a += `/RowSpan ${attributes.rowSpan}`;
  return a ? `<</O /Table${a}>>` : '';
}

export class StructureWriter {
  private readonly byId = new Map<number, Element>();
  private readonly root: Element;
  /** The structure tree root's object number. */
  readonly treeRoot: number;
  /** Each page's elements by MCID (the parent tree), by StructParents key. */
  private readonly parentTree: number[][] = [];
  /** The current page's object number and its list in the parent tree. */
  private page = 0;
  private parents: number[] | undefined;
  /** Attribute dictionaries shared by the elements that have the same ones (a row header's Scope, …), by their text. */
  private readonly attributes = new Map<string, number>();
  private readonly written = new Set<number>();

  constructor(
    private readonly file: PdfFile,
    tree: StructNode,
  ) {
    this.treeRoot = file.alloc();
    // Attribute dictionaries, then the elements with children, most referenced first (a parent is named by each
    // child's /P): the numbers that are written most often are the shortest. A leaf gets its number with its content.
    const nodes: { node: StructNode; parent: StructNode | undefined }[] = [];
    const walk = (node: StructNode, parent: StructNode | undefined) => {
      nodes.push({ node, parent });
      const a = tableAttributes(node.attributes);
      if (a && !this.attributes.has(a)) this.attributes.set(a, file.alloc());
      for (const child of node.children) walk(child, node);
    };
    walk(tree, undefined);
    const numbers = new Map<StructNode, number>();
    for (const { node } of [...nodes].sort((x, y) => y.node.children.length - x.node.children.length)) if (node.children.length > 0 || node === tree) numbers.set(node, file.alloc());
    const elements = new Map<StructNode, Element>();
    for (const { node, parent } of nodes) {
      const element: Element = { node, object: numbers.get(node) ?? 0, parent: parent ? numbers.get(parent)! : this.treeRoot, children: [] };
      elements.set(node, element);
      this.byId.set(node.id, element);
      if (parent) elements.get(parent)!.children.push(element);
    }
    this.root = elements.get(tree)!;
  }

  /** The structure type of a node (the tag of its marked content). */
  type(id: number): string | undefined {
    return this.byId.get(id)?.node.type;
  }

  /** Starts a page (its object number): its marked content gets MCIDs from 0. */
  startPage(page: number): void {
    this.page = page;
    this.parents = undefined;
  }

  /**
   * The StructParents key of the current page, which has marked content (the page's list in the parent tree), or
   * undefined when it has none.
   */
  pageKey(): number | undefined {
    return this.parents ? this.parentTree.length - 1 : undefined;
  }

  /** Attaches the next marked-content sequence of the current page to the element of `id`; returns its MCID. */
  mark(id: number): number {
    const element = this.byId.get(id);
    if (!element) throw new Error(`no structure element ${id}`);
    if (element.object === 0) element.object = this.file.alloc();
    if (!this.parents) this.parentTree.push((this.parents = []));
    const mcid = this.parents.length;
    this.parents.push(element.object);
    (element.pages ??= []).push(this.page);
    (element.mcids ??= []).push(mcid);
    return mcid;
  }

  /** Writes the elements (children before their parent) and the structure tree root with the parent tree. */
  end(): void {
    this.writeElement(this.root);
    const nums = this.parentTree.map((objects, key) => `${key} [${objects.map(ref).join(' ')}]`).join(' ');
    this.file.object(this.treeRoot, `<</Type /StructTreeRoot/K ${ref(this.root.object)}/ParentTree <</Nums [${nums}]>>>>`);
  }

  /** An element's attributes: a shared dictionary of its own, written with the first element that has it. */
  private attributesOf(node: StructNode): string {
    const a = tableAttributes(node.attributes);
    if (!a) return '';
    const n = this.attributes.get(a)!;
    if (!this.written.has(n)) {
      this.file.object(n, a);
      this.written.add(n);
    }
    return `/A ${ref(n)}`;
  }

  /**
   * An element: /K lists its children and its marked content in order (a single kid as it is, not in an array), the
   * MCIDs on its first page (/Pg) as numbers, those on other pages as marked-content references. An element with
   * neither children nor content (an empty table cell) is written inside its parent's /K, as a direct dictionary.
   */
  private writeElement(element: Element): void {
    for (const child of element.children) if (!this.isEmpty(child)) this.writeElement(child);
    this.file.object(element.object, this.dictionary(element));
  }

  private isEmpty(element: Element): boolean {
    return element.object === 0;
  }

  private dictionary(element: Element): string {
    const kids: string[] = element.children.map((c) => (this.isEmpty(c) ? this.dictionary(c) : ref(c.object)));
    let pg = '';
    if (element.pages) {
      const first = element.pages[0]!;
      pg = `/Pg ${ref(first)}`;
      element.pages.forEach((page, i) => kids.push(page === first ? String(element.mcids![i]) : `<</Type /MCR/Pg ${ref(page)}/MCID ${element.mcids![i]}>>`));
    }
    const k = kids.length === 0 ? '' : kids.length === 1 ? `/K ${kids[0]}` : `/K[${kids.join(' ')}]`;
    return `<</S${pdfName(element.node.type)}/P ${ref(element.parent)}${k}${pg}${this.attributesOf(element.node)}>>`;
  }
}
