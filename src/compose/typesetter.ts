/** Typesetting of the document's texts on its grid: roles to fonts and sizes, grid cells, natural widths. */
import type { FontSet } from '../fonts/fontSet.js';
import type { FontRole } from '../model/fontRole.js';
import { balanceLines, breakLines, naturalWidth, type BreakOptions, type Line } from '../typeset/breakLines.js';
import type { Geometry, LayoutOptions } from './layoutOptions.js';

/** A piece of text in a role; a paragraph may mix roles (a label, a run-in lead, the text). */
export interface RoleText {
  readonly role: FontRole;
  readonly text: string;
}

/** Paragraph settings in points. */
export interface SetOptions {
  readonly measure?: number;
  readonly align?: BreakOptions['align'];
  /** First-line and following-line indents in points. */
  readonly indent?: number;
  readonly restIndent?: number;
  /** UTF-16 ranges of the joined text inside which no line may break. */
  readonly keepTogether?: readonly (readonly [number, number])[];
  /** A size for every piece instead of its role's (a table set smaller to fit). */
  readonly size?: number;
}

/** Typesets text of the document's roles on the document grid. */
export class Typesetter {
  constructor(
    readonly fonts: FontSet,
    readonly geometry: Geometry,
    private readonly layout: LayoutOptions,
  ) {}

  /** Size of a role, or the override. */
  size(role: FontRole, size?: number): number {
    return size ?? this.fonts[role].size;
  }

  /** Width of one grid cell of a role's size (GB/T 9704 tracking applies to every size alike). */
  cell(role: FontRole, size?: number): number {
    return (this.geometry.cell / this.fonts.body.size) * this.size(role, size);
  }

  private options(options: SetOptions): BreakOptions {
    return {
      measure: options.measure ?? this.geometry.width,
      align: options.align ?? 'justify',
      indent: options.indent ?? 0,
      restIndent: options.restIndent ?? 0,
      cellEm: this.geometry.cell / this.fonts.body.size,
      strictness: this.layout.strictness,
      compressPunctuation: this.layout.compressPunctuation,
      lineBreaking: this.layout.lineBreaking,
      ...(options.keepTogether ? { keepTogether: options.keepTogether } : {}),
    };
  }

  private runs(pieces: readonly RoleText[], size?: number) {
    return pieces.map((p) => ({ text: p.text, font: this.fonts[p.role].stack, size: this.size(p.role, size) }));
  }

  /** Breaks text into lines; a piece may be empty (an item without a lead), and keeps its run index. */
  set(pieces: readonly RoleText[], options: SetOptions = {}): Line[] {
    return breakLines(this.runs(pieces, options.size), this.options(options));
  }

  /** Breaks a title into balanced lines where `allowed` permits (a UTF-16 offset); undefined when none fit. */
  balance(pieces: readonly RoleText[], allowed: (offset: number) => boolean, options: SetOptions = {}): Line[] | undefined {
    return balanceLines(this.runs(pieces, options.size), { ...this.options(options), align: options.align ?? 'center' }, allowed);
  }

  /** Natural width of a one-line text in a role. */
  width(role: FontRole, text: string, size?: number): number {
    const key = `${role}\u0000${size ?? ''}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = naturalWidth(this.runs([{ role, text }], size || undefined), this.options({ align: 'left', measure: 1e9 }));
      this.widths.set(key, width);
    }
    return width;
  }

  /** Natural widths already measured (units, values and labels repeat across a table). */
  private readonly widths = new Map<string, number>();
}
