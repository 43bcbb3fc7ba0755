import type { StructNode, StructType } from './page.js';

/** Builds the logical structure tree as composition walks the report. */
export class StructBuilder {
  private next = 1;
  readonly root: StructNode = { id: 0, type: 'Document', children: [] };

  /** Adds a node under `parent` (the document root by default). */
  add(type: StructType, parent: StructNode = this.root): StructNode {
    const node: StructNode = { id: this.next++, type, children: [] };
    parent.children.push(node);
    return node;
  }
}
