/** Composed pages: positioned boxes ready to paint, with the logical structure they belong to. */
import type { StructElement } from '../model/document.js';
import type { FontRole } from '../model/fontRole.js';
import type { Line } from '../typeset/breakLines.js';

export type { StructType } from '../model/document.js';

/** A node of the logical structure (the resolved document's); text items point at nodes by id. */
export type StructNode = StructElement;

/** A typeset line placed on a page. Coordinates are in points from the page's top-left corner, y downwards. */
export interface TextItem {
  readonly kind: 'text';
  readonly role: FontRole;
  /** Left edge of the line's measure; glyph x values of `line` are relative to it. */
  readonly x: number;
  readonly baseline: number;
  readonly line: Line;
  /** Structure node of each input run of the line's paragraph (index = GlyphRun.run); empty for artifacts. */
  readonly structs: readonly number[];
  /** Page furniture (page numbers, 续表, repeated table headers) is marked as an artifact, outside the structure. */
  readonly artifact?: boolean;
}

/** A straight rule (table borders). */
export interface RuleItem {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
}

export type PageItem = TextItem | RuleItem;

/** One composed page. */
export interface Page {
  /** 1-based page number as printed. */
  readonly number: number;
  readonly items: PageItem[];
}

/** A bookmark. */
export interface OutlineEntry {
  readonly title: string;
  /** 0-based page index and the y of the entry's top. */
  readonly page: number;
  readonly y: number;
  /** Nesting level (0 at the top). */
  readonly level: number;
}

/** The result of composition: pages of positioned boxes, ready to paint. */
export interface ComposedDocument {
  readonly width: number;
  readonly height: number;
  readonly pages: Page[];
  readonly structure: StructNode;
  readonly outline: OutlineEntry[];
}
