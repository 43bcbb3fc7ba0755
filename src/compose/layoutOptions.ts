/** Page geometry and grid of the document (GB/T 9704-2012 §5.2 by default); every number is an option. */
export interface LayoutOptions {
  /** Page size in mm (A4). */
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Margins in mm: top 37 (天头), left 28 (订口); the right and bottom margins follow from the type area. */
  readonly marginTop: number;
  readonly marginLeft: number;
  /** Type area (版心) in mm: 156 × 225. */
  readonly typeWidth: number;
  readonly typeHeight: number;
  /** Lines per page and characters per line of body text: 22 × 28. */
  readonly linesPerPage: number;
  readonly charsPerLine: number;
  /** Page numbers at the outer side (odd right, even left) or centred. */
  readonly pageNumberPosition: 'outside' | 'center';
  /** Distance in mm from the bottom of the type area to the top of the page number. */
  readonly pageNumberOffset: number;
  /** Level-3 item numbering: `1.` (period) or `1、` (comma); the report's style applies when not given. */
  readonly itemNumbering?: 'period' | 'comma';
  /** Set a mark with a blank right half at half width before another mark. */
  readonly compressPunctuation: boolean;
  /** Line-edge prohibition level. */
  readonly strictness: 'basic' | 'gb' | 'strict';
  /** Total-fit paragraph breaking (`optimal`, the default) or first fit (`greedy`). */
  readonly lineBreaking: 'optimal' | 'greedy';
}

/** The GB/T 9704 defaults. */
export const DEFAULT_LAYOUT: LayoutOptions = {
  pageWidth: 210,
  pageHeight: 297,
  marginTop: 37,
  marginLeft: 28,
  typeWidth: 156,
  typeHeight: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  pageNumberPosition: 'outside',
  pageNumberOffset: 7,
  compressPunctuation: false,
  strictness: 'gb',
  lineBreaking: 'optimal',
};

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** Geometry in points derived from the options. */
export interface Geometry {
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Left and top edges and size of the type area. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Distance between grid lines. */
  readonly linePitch: number;
  /** Width of one character cell of body text (measure / charsPerLine). */
  readonly cell: number;
}

/** Computes the geometry in points. */
export function geometryOf(o: LayoutOptions): Geometry {
  const width = o.typeWidth * PT_PER_MM;
  const height = o.typeHeight * PT_PER_MM;
  return {
    pageWidth: o.pageWidth * PT_PER_MM,
    pageHeight: o.pageHeight * PT_PER_MM,
    left: o.marginLeft * PT_PER_MM,
    top: o.marginTop * PT_PER_MM,
    width,
    height,
    linePitch: height / o.linesPerPage,
    cell: width / o.charsPerLine,
  };
}

