/** Test helpers over composed pages: lines grouped by structure node, parents, and text of items. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ComposedDocument, StructNode, TextItem } from '../../src/compose/page.js';
import { composeReport, prepareReport, type RenderOptions } from '../../src/renderReport.js';
import type { Report } from '../../src/model/types.js';

/** A fixture by file name (a fresh copy). */
export function fixture(name: string): Report {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/${name}.json`, import.meta.url)), 'utf8')) as Report;
}

/** Validates and composes a report. */
export function compose(report: unknown, options: RenderOptions = {}): ComposedDocument {
  return composeReport(prepareReport(report, options));
}

/** Text items of a page that are part of the content (no page numbers or 续表). */
export function contentItems(doc: ComposedDocument, page: number): TextItem[] {
  return doc.pages[page]!.items.filter((i): i is TextItem => i.kind === 'text' && !i.artifact);
}

/** Every node of the structure tree with its parent and type. */
export function structureIndex(doc: ComposedDocument): { parent: Map<number, StructNode>; node: Map<number, StructNode> } {
  const parent = new Map<number, StructNode>();
  const node = new Map<number, StructNode>();
  const walk = (n: StructNode) => {
    node.set(n.id, n);
    for (const c of n.children) {
      parent.set(c.id, n);
      walk(c);
    }
  };
  walk(doc.structure);
  return { parent, node };
}

/** The content lines of the document in order, each with its page index and the node of its last run. */
export function allLines(doc: ComposedDocument): Array<{ page: number; item: TextItem; node: number }> {
  return doc.pages.flatMap((_, p) => contentItems(doc, p).map((item) => ({ page: p, item, node: item.structs[item.line.runs[item.line.runs.length - 1]!.run]! })));
}

/** The number of ideographs in a string. */
export function ideographCount(text: string): number {
  return [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
}
