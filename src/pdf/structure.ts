/**
 * The logical structure of the PDF (tagged PDF, PDF 32000 §14.7): one structure element per node of the composed
 * document's tree, each page's marked-content sequences attached to their element, and the parent tree that maps
 * the marked content of each page back to its element. Elements are written when the document ends.
 *
 * Elements are numbered by their node's id (ids are small integers, from 0); what the writer keeps of each is in
 * arrays by id, and its marked content in arrays by mark, so that a document of many elements makes few objects.
 */
import type { StructNode } from '../compose/page.js';
import { ContentWriter } from './contentWriter.js';
import { pdfName, type PdfFile } from './pdfFile.js';

/** The table attributes of an element (PDF 32000 §14.8.5.7), or '' when it has none. */
function tableAttributes(attributes: StructNode['attributes']): string {
  if (!attributes) return '';
  let a = '';
  if (attributes.scope) a += `/Scope ${pdfName(attributes.scope)}`;
  if (attributes.colSpan && attributes.colSpan > 1) a += `/ColSpan ${attributes.colSpan}`;
  if (attributes.rowSpan && attributes.rowSpan > 1) a += `/RowSpan ${attributes.rowSpan}`;
  return a ? `<</O /Table${a}>>` : '';
}

/** A grown copy of an Int32Array, for lists that grow as pages are painted. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export class StructureWriter {
  /** The structure tree root's object number. */
  readonly treeRoot: number;
  private readonly root: number;
  /** Each element's node, by id. */
  private readonly nodes: StructNode[] = [];
  /** Each element's object number, by id: given to an element with children at once, to a leaf when it gets content (0: none yet). */
  private readonly objects: Int32Array;
  /** The object number of each element's parent (the tree root's for the root), by id. */
  private readonly parents: Int32Array;
  /** The object number of each element's attribute dictionary, by id (0: none). */
  private readonly attributeObjects: Int32Array;
  /** Attribute dictionaries shared by the elements that have the same ones (a row header's Scope, …): their text, by object number, until written. */
  private readonly attributeTexts = new Map<number, string>();
  /** Each element's marked content as a list of marks: its first and last mark (-1: none) and how many, by id. */
  private readonly firstMark: Int32Array;
  private readonly lastMark: Int32Array;
  private readonly markCount: Int32Array;
  /** Each mark's page object, its MCID there and the element's next mark (-1: none). */
  private markPage = new Int32Array(256);
  private markMcid = new Int32Array(256);
  private markNext = new Int32Array(256);
  private marks = 0;
  /** The parent tree: the element object of each marked-content sequence, page after page; where each page's list starts. */
  private readonly treeObjects: number[] = [];
  private readonly treeStarts: number[] = [];
  /** The current page's object number, and whether it has marked content yet. */
  private page = 0;
  private pageMarked = false;
  private readonly out = new ContentWriter(1024);

  constructor(
    private readonly file: PdfFile,
    tree: StructNode,
  ) {
    this.treeRoot = file.alloc();
    // Attribute dictionaries, then the elements with children, most referenced first (a parent is named by each
    // child's /P): the numbers that are written most often are the shortest. A leaf gets its number with its content.
    const order: number[] = [];
    const parentIds: number[] = [];
    const attributeNumbers = new Map<string, number>();
    const attributeOf: number[] = [];
    const walk = (node: StructNode, parent: number) => {
      const id = node.id;
      if (!(Number.isInteger(id) && id >= 0) || this.nodes[id] !== undefined) throw new Error(`structure element id ${id} is not a new whole number ≥ 0`);
      this.nodes[id] = node;
      order.push(id);
      parentIds[id] = parent;
      const a = tableAttributes(node.attributes);
      if (a) {
        let n = attributeNumbers.get(a);
        if (n === undefined) {
          attributeNumbers.set(a, (n = file.alloc()));
          this.attributeTexts.set(n, a);
        }
        attributeOf[id] = n;
      }
      for (const child of node.children) walk(child, id);
    };
    walk(tree, -1);
    const size = this.nodes.length;
    this.objects = new Int32Array(size);
    this.parents = new Int32Array(size);
    this.attributeObjects = new Int32Array(size);
    this.firstMark = new Int32Array(size).fill(-1);
    this.lastMark = new Int32Array(size).fill(-1);
    this.markCount = new Int32Array(size);
    this.root = tree.id;
    const numbered = order.filter((id) => id === tree.id || this.nodes[id]!.children.length > 0);
    numbered.sort((x, y) => this.nodes[y]!.children.length - this.nodes[x]!.children.length);
    for (const id of numbered) this.objects[id] = file.alloc();
    for (const id of order) {
      const parent = parentIds[id]!;
      this.parents[id] = parent < 0 ? this.treeRoot : this.objects[parent]!;
      this.attributeObjects[id] = attributeOf[id] ?? 0;
    }
  }

  /** The structure type of a node (the tag of its marked content). */
  type(id: number): string | undefined {
    return this.nodes[id]?.type;
  }

  /** Starts a page (its object number): its marked content gets MCIDs from 0. */
  startPage(page: number): void {
    this.page = page;
    this.pageMarked = false;
  }

  /**
   * The StructParents key of the current page, which has marked content (the page's list in the parent tree), or
   * undefined when it has none.
   */
  pageKey(): number | undefined {
    return this.pageMarked ? this.treeStarts.length - 1 : undefined;
  }

  /** Attaches the next marked-content sequence of the current page to the element of `id`; returns its MCID. */
  mark(id: number): number {
    if (this.nodes[id] === undefined) throw new Error(`no structure element ${id}`);
    if (this.objects[id] === 0) this.objects[id] = this.file.alloc();
    if (!this.pageMarked) {
      this.treeStarts.push(this.treeObjects.length);
      this.pageMarked = true;
    }
    const mcid = this.treeObjects.length - this.treeStarts[this.treeStarts.length - 1]!;
    this.treeObjects.push(this.objects[id]!);
    if (this.marks === this.markPage.length) {
      this.markPage = grown(this.markPage);
      this.markMcid = grown(this.markMcid);
      this.markNext = grown(this.markNext);
    }
    const m = this.marks++;
    this.markPage[m] = this.page;
    this.markMcid[m] = mcid;
    this.markNext[m] = -1;
    if (this.lastMark[id]! < 0) this.firstMark[id] = m;
    else this.markNext[this.lastMark[id]!] = m;
    this.lastMark[id] = m;
    this.markCount[id]!++;
    return mcid;
  }

  /** Writes the elements (children before their parent) and the structure tree root with the parent tree. */
  end(): void {
    this.writeElement(this.root);
    const out = this.out;
    out.reset();
    out.text('<</Type /StructTreeRoot/K ').ref(this.objects[this.root]!).text('/ParentTree <</Nums [');
    const starts = this.treeStarts;
    for (let key = 0; key < starts.length; key++) {
      if (key > 0) out.byte(32);
      out.int(key).text(' [');
      for (let i = starts[key]!, end = starts[key + 1] ?? this.treeObjects.length; i < end; i++) {
        if (i > starts[key]!) out.byte(32);
        out.ref(this.treeObjects[i]!);
      }
      out.byte(93);
    }
    out.text(']>>>>');
    this.file.objectBytes(this.treeRoot, out.view());
  }

  /**
   * An element: /K lists its children and its marked content in order (a single kid as it is, not in an array), the
   * MCIDs on its first page (/Pg) as numbers, those on other pages as marked-content references. An element with
   * neither children nor content (an empty table cell) is written inside its parent's /K, as a direct dictionary.
   */
  private writeElement(id: number): void {
    const children = this.nodes[id]!.children;
    for (let i = 0; i < children.length; i++) if (this.objects[children[i]!.id] !== 0) this.writeElement(children[i]!.id);
    this.out.reset();
    this.dictionary(id);
    this.file.objectBytes(this.objects[id]!, this.out.view());
  }

  /** Writes an element's dictionary into `out` (and an attribute dictionary it is the first to name into the file). */
  private dictionary(id: number): void {
    const out = this.out;
    const node = this.nodes[id]!;
    const children = node.children;
    const kids = children.length + this.markCount[id]!;
    out.text('<</S').text(pdfName(node.type)).text('/P ').ref(this.parents[id]!);
    if (kids > 0) out.text(kids === 1 ? '/K ' : '/K[');
    for (let i = 0; i < children.length; i++) {
      if (i > 0) out.byte(32);
      const child = children[i]!.id;
      if (this.objects[child] === 0) this.dictionary(child);
      else out.ref(this.objects[child]!);
    }
    const first = this.firstMark[id]!;
    const firstPage = first < 0 ? 0 : this.markPage[first]!;
    for (let m = first, i = children.length; m >= 0; m = this.markNext[m]!, i++) {
      if (i > 0) out.byte(32);
      if (this.markPage[m] === firstPage) out.int(this.markMcid[m]!);
      else out.text('<</Type /MCR/Pg ').ref(this.markPage[m]!).text('/MCID ').int(this.markMcid[m]!).text('>>');
    }
    if (kids > 1) out.byte(93);
    if (first >= 0) out.text('/Pg ').ref(firstPage);
    const a = this.attributeObjects[id]!;
    if (a !== 0) {
      const text = this.attributeTexts.get(a);
      if (text !== undefined) {
        this.file.object(a, text);
        this.attributeTexts.delete(a);
      }
      out.text('/A ').ref(a);
    }
    out.text('>>');
  }
}
