/** Typesetting of the document's texts on its grid: roles to fonts and sizes, grid cells, natural widths. */
import type { FontSet } from '../fonts/fontSet.js';
import type { FontRole } from '../model/fontRole.js';
import { balanceLines, breakLines, minContentWidth, naturalWidth, type BreakOptions, type Line } from '../typeset/breakLines.js';
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
  /** UTF-16 ranges of the joined text inside which a break is avoided at a cost (words kept whole where they can be). */
  readonly avoidBreaks?: readonly (readonly [number, number])[];
  /** A size for every piece instead of its role's (a table set smaller to fit). */
  readonly size?: number;
}

/** Min-content widths of texts in one font, per font stack, by setting, sizes and texts (Typesetter.minContent). */
const minContents = new WeakMap<object, Map<string, number>>();
/** Entries of a font's min-content widths kept before they are dropped and measured anew (a long-running server). */
const MIN_CONTENT_ENTRIES = 20_000;

/** Texts up to this many UTF-16 units are set once per setting (see Typesetter.set). */
const MEMO_LENGTH = 48;

/** The key of a short text and its setting, or undefined for a long text (set each time: it rarely repeats). */
function memoKey(pieces: readonly RoleText[], o: SetOptions): string | undefined {
  let length = 0;
  for (let i = 0; i < pieces.length; i++) if ((length += pieces[i]!.text.length) > MEMO_LENGTH) return undefined;
  let key = `${o.measure}\u0001${o.align}\u0001${o.indent}\u0001${o.restIndent}\u0001${o.size}\u0001${o.keepTogether ? o.keepTogether.join(';') : ''}\u0001${o.avoidBreaks ? o.avoidBreaks.join(';') : ''}`;
  for (const p of pieces) key += `\u0002${p.role}\u0001${p.text}`;
  return key;
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
      ...(options.avoidBreaks ? { avoidBreaks: options.avoidBreaks } : {}),
    };
  }

  private runs(pieces: readonly RoleText[], size?: number) {
    return pieces.map((p) => ({ text: p.text, font: this.fonts[p.role].stack, size: this.size(p.role, size) }));
  }

  /**
   * Breaks text into lines; a piece may be empty (an item without a lead), and keeps its run index. Short texts are
   * set once per document for each setting (units, values and labels repeat across tables); lines are immutable,
   * so the same lines serve every repeat.
   */
  set(pieces: readonly RoleText[], options: SetOptions = {}): readonly Line[] {
    const key = memoKey(pieces, options);
    if (key !== undefined) {
      const hit = this.lines.get(key);
      if (hit) return hit;
    }
    const lines = breakLines(this.runs(pieces, options.size), this.options(options));
    if (key !== undefined) this.lines.set(key, lines);
    return lines;
  }

  /** Lines of short texts already set, by text and setting (never changed: the same array serves every repeat). */
  private readonly lines = new Map<string, readonly Line[]>();

  /** Breaks a title into balanced lines where `allowed` permits (a UTF-16 offset); undefined when none fit. */
  balance(pieces: readonly RoleText[], allowed: (offset: number) => boolean, options: SetOptions = {}): Line[] | undefined {
    return balanceLines(this.runs(pieces, options.size), { ...this.options(options), align: options.align ?? 'center' }, allowed);
  }

  /** Natural width of a one-line text in a role. */
  width(role: FontRole, text: string, size?: number): number {
    const style = `${role}\u0000${size ?? ''}`;
    let widths = this.widths.get(style);
    if (!widths) this.widths.set(style, (widths = new Map()));
    let width = widths.get(text);
    if (width === undefined) {
      width = naturalWidth(this.runs([{ role, text }], size || undefined), this.options({ align: 'left', measure: 1e9 }));
      widths.set(text, width);
    }
    return width;
  }

  /**
   * Width of the widest piece of a text between two places where a line may break (breakLines' minContentWidth). A
   * text in one font is measured once per setting, from render to render (table labels repeat).
   */
  minContent(pieces: readonly RoleText[], size?: number): number {
    const font = this.fonts[pieces[0]!.role].stack;
    let key = `${this.geometry.cell / this.fonts.body.size}\u0001${this.layout.strictness}\u0001${this.layout.compressPunctuation}`;
    for (const p of pieces) {
      if (this.fonts[p.role].stack !== font) return minContentWidth(this.runs(pieces, size), this.options({ align: 'left', measure: 1e9 }));
      key += `\u0002${this.size(p.role, size)}\u0001${p.text}`;
    }
    let known = minContents.get(font);
    if (!known || known.size >= MIN_CONTENT_ENTRIES) minContents.set(font, (known = new Map()));
    let width = known.get(key);
    if (width === undefined) known.set(key, (width = minContentWidth(this.runs(pieces, size), this.options({ align: 'left', measure: 1e9 }))));
    return width;
  }

  /** Natural widths already measured, by role and size, then text (units, values and labels repeat across a table). */
  private readonly widths = new Map<string, Map<string, number>>();
}
