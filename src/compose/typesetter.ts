import type { FontSet } from '../fonts/fontSet.js';
import type { FontRole } from '../model/fontRole.js';
import { breakLines, type BreakOptions, type Line } from '../typeset/breakLines.js';
import type { Geometry, LayoutOptions } from './layoutOptions.js';

/** A piece of text in a role; a paragraph may mix roles (a label, a run-in lead, the text). */
export interface RoleText {
  readonly role: FontRole;
  readonly text: string;
}

/** Paragraph settings in grid cells rather than points. */
export interface SetOptions {
  readonly measure?: number;
  readonly align?: BreakOptions['align'];
  /** First-line and following-line indents in points. */
  readonly indent?: number;
  readonly restIndent?: number;
  /** UTF-16 ranges of the joined text inside which no line may break. */
  readonly keepTogether?: readonly (readonly [number, number])[];
}

/** Typesets text of the report's roles on the document grid. */
export class Typesetter {
  constructor(
    readonly fonts: FontSet,
    readonly geometry: Geometry,
    private readonly layout: LayoutOptions,
  ) {}

  /** Width of one grid cell of a role's size (GB/T 9704 tracking applies to every size alike). */
  cell(role: FontRole): number {
    return (this.geometry.cell / this.fonts.body.size) * this.fonts[role].size;
  }

  /** Breaks text into lines; a piece may be empty (an item without a lead), and keeps its run index. */
  set(pieces: readonly RoleText[], options: SetOptions = {}): Line[] {
    const runs = pieces.map((p) => ({ text: p.text, font: this.fonts[p.role].stack, size: this.fonts[p.role].size }));
    return breakLines(runs, {
      measure: options.measure ?? this.geometry.width,
      align: options.align ?? 'justify',
      indent: options.indent ?? 0,
      restIndent: options.restIndent ?? 0,
      cellEm: this.geometry.cell / this.fonts.body.size,
      strictness: this.layout.strictness,
      compressPunctuation: this.layout.compressPunctuation,
      ...(options.keepTogether ? { keepTogether: options.keepTogether } : {}),
    });
  }

  /** Natural width of a one-line text in a role. */
  width(role: FontRole, text: string): number {
    const key = `${role}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      const [line] = this.set([{ role, text }], { align: 'left', measure: 1e9 });
      width = line ? line.width : 0;
      this.widths.set(key, width);
    }
    return width;
  }

  /** Natural widths already measured (units, values and labels repeat across the table). */
  private readonly widths = new Map<string, number>();
}
