/** Typesetting of the document's texts on its grid: roles to fonts and sizes, grid cells, natural widths. */
import type { FontSet } from '../fonts/fontSet.js';
import { FONT_ROLES, type FontRole } from '../model/fontRole.js';
import { balanceLines, breakLines, minContentWidth, naturalWidth, type BreakOptions, type Line, type TextRun } from '../typeset/breakLines.js';
import type { Geometry, LayoutOptions } from './layoutOptions.js';
import { HASH_START, hashValue, mix, sameValue } from './valueHash.js';

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
  /**
   * A text of this report alone (a table's value, which differs from report to report): its lines are kept for
   * this composition only, not from render to render with the texts that repeat (linesSet).
   */
  readonly ownText?: boolean;
}

/**
 * The map that `maps` keeps for `owner`, made (anew, when it holds `limit` entries) as needed: what is kept from render
 * to render is bounded, for a long-running server.
 */
export function keptMap<O, K, V>(maps: { get(owner: O): Map<K, V> | undefined; set(owner: O, map: Map<K, V>): unknown }, owner: O, limit: number): Map<K, V> {
  let map = maps.get(owner);
  if (!map || map.size >= limit) maps.set(owner, (map = new Map()));
  return map;
}

/** Min-content widths of texts in one font, per font stack, by the typesetter's key, then sizes and texts (Typesetter.minContent). */
const minContents = new WeakMap<object, Map<string, Map<string, number>>>();
/** Entries of a font's min-content widths kept before they are dropped and measured anew (a long-running server). */
const MIN_CONTENT_ENTRIES = 20_000;

/**
 * Natural widths of one-line texts, per font stack, by size and setting, then text (Typesetter.width), from render
 * to render: the values, units and labels of tables repeat from report to report.
 */
const naturalWidths = new WeakMap<object, Map<string, Map<string, number>>>();
/** Widths kept per font and setting before they are dropped and measured anew (a long-running server). */
const WIDTH_ENTRIES = 20_000;
/** Settings (sizes and layouts) kept per font before all are dropped (a server rendering in ever other layouts). */
export const KEPT_SETTINGS = 64;

/** Texts up to this many UTF-16 units are set once per setting (see Typesetter.set). */
const MEMO_LENGTH = 48;

/**
 * A short text's lines, kept with everything they were set from: each run's font, size and text, and every option
 * breakLines was given. A text is served from memory only when all of these are the same (the hash below only finds
 * the candidates), so no option can be left out of what decides. Texts whose hashes collide are chained.
 */
interface Memo {
  readonly runs: readonly TextRun[];
  readonly options: BreakOptions;
  readonly lines: readonly Line[];
  readonly next: Memo | undefined;
}

/**
 * Lines of short texts already set, per font stack of the text's first piece, by the hash of the text and its
 * setting (memoHash), from render to render: the labels, units and headings of a report's tables and the furniture of
 * its pages are the same in every report of a format. Never changed: the same array serves every repeat.
 */
const linesSet = new WeakMap<object, Map<number, Memo>>();
/** Hashes of a font's short texts kept before they are dropped and set anew (a long-running server). */
const LINES_ENTRIES = 10_000;

/** A number for each font stack, for the keys of texts that mix stacks. */
const stackIds = new WeakMap<object, number>();
let stackCount = 0;
function stackId(stack: object): number {
  let id = stackIds.get(stack);
  if (id === undefined) stackIds.set(stack, (id = stackCount++));
  return id;
}

/** Whether two sets of options give every option the same value (each one, so that none can be left out). */
function sameOptions(a: BreakOptions, b: BreakOptions): boolean {
  let count = 0;
  for (const name in a) {
    if (!sameValue(a[name as keyof BreakOptions], b[name as keyof BreakOptions])) return false;
    count++;
  }
  for (const name in b) if (count-- === 0 || !(name in a)) return false;
  return count === 0;
}

/** Whether two texts are the same runs: each one's font, size and text. */
function sameRuns(a: readonly TextRun[], b: readonly TextRun[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.font !== b[i]!.font || !sameValue(a[i]!.size, b[i]!.size) || a[i]!.text !== b[i]!.text) return false;
  return true;
}

/**
 * The hash of a short text and all that its lines depend on: every option breakLines is given, then each run's
 * font, size and text. Undefined for a long text (set each time: it rarely repeats).
 */
function memoHash(runs: readonly TextRun[], o: BreakOptions): number | undefined {
  let length = 0;
  for (let i = 0; i < runs.length; i++) if ((length += runs[i]!.text.length) > MEMO_LENGTH) return undefined;
  let h = HASH_START;
  // The options' values in their order (not their names: texts set with other options are told apart by sameOptions).
  for (const name in o) h = hashValue(h, o[name as keyof BreakOptions]);
  for (let i = 0; i < runs.length; i++) h = hashValue(hashValue(mix(h, stackId(runs[i]!.font)), runs[i]!.size), runs[i]!.text);
  return h >>> 0;
}

/** The lines of a short text kept in `known`, set and kept there when they are not. */
function memoLines(known: Map<number, Memo>, hash: number, runs: readonly TextRun[], options: BreakOptions): readonly Line[] {
  const chain = known.get(hash);
  for (let m = chain; m !== undefined; m = m.next) if (sameRuns(m.runs, runs) && sameOptions(m.options, options)) return m.lines;
  const lines = breakLines(runs, options);
  known.set(hash, { runs, options, lines, next: chain });
  return lines;
}

/** Typesets text of the document's roles on the document grid. */
export class Typesetter {
  /**
   * All that a text set by this typesetter depends on besides the text and its setting: each role's font and size,
   * the grid and the rules of breaking (for the keys of what is kept from render to render).
   */
  readonly key: string;

  constructor(
    readonly fonts: FontSet,
    readonly geometry: Geometry,
    private readonly layout: LayoutOptions,
  ) {
    // Every layout option and the geometry made of them (each one, so that none can be left out), then the fonts.
    this.key = JSON.stringify([layout, geometry, FONT_ROLES.map((role) => [stackId(fonts[role].stack), fonts[role].size])]);
  }

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
   * set once for each font and setting, from render to render (linesSet); lines are immutable, so the same lines
   * serve every repeat.
   */
  set(pieces: readonly RoleText[], options: SetOptions = {}): readonly Line[] {
    const runs = this.runs(pieces, options.size);
    const breakOptions = this.options(options);
    const hash = runs.length > 0 ? memoHash(runs, breakOptions) : undefined;
    if (hash === undefined) return breakLines(runs, breakOptions);
    return memoLines(options.ownText ? this.ownLines : keptMap(linesSet, runs[0]!.font, LINES_ENTRIES), hash, runs, breakOptions);
  }

  /** Lines of this composition's own short texts (SetOptions.ownText), by hash. */
  private readonly ownLines = new Map<number, Memo>();

  /** Breaks a title into balanced lines where `allowed` permits (a UTF-16 offset); undefined when none fit. */
  balance(pieces: readonly RoleText[], allowed: (offset: number) => boolean, options: SetOptions = {}): Line[] | undefined {
    return balanceLines(this.runs(pieces, options.size), { ...this.options(options), align: options.align ?? 'center' }, allowed);
  }

  /** Natural width of a one-line text in a role. */
  width(role: FontRole, text: string, size?: number): number {
    const style = `${role}\u0000${size ?? ''}`;
    let widths = this.widths.get(style);
    if (!widths) this.widths.set(style, (widths = this.sharedWidths(role, size)));
    let width = widths.get(text);
    if (width === undefined) {
      width = naturalWidth(this.runs([{ role, text }], size || undefined), this.options({ align: 'left', measure: 1e9 }));
      widths.set(text, width);
    }
    return width;
  }

  /** The natural widths measured before in a role's font and size on this grid, from render to render (naturalWidths). */
  private sharedWidths(role: FontRole, size?: number): Map<string, number> {
    const bySetting = keptMap(naturalWidths, this.fonts[role].stack, KEPT_SETTINGS);
    return keptMap(bySetting, `${this.size(role, size)}\u0001${this.key}`, WIDTH_ENTRIES);
  }

  /**
   * Width of the widest piece of a text between two places where a line may break (breakLines' minContentWidth). A
   * text in one font is measured once per setting, from render to render (table labels repeat).
   */
  minContent(pieces: readonly RoleText[], size?: number): number {
    const font = this.fonts[pieces[0]!.role].stack;
    let key = '';
    for (const p of pieces) {
      if (this.fonts[p.role].stack !== font) return minContentWidth(this.runs(pieces, size), this.options({ align: 'left', measure: 1e9 }));
      key += `\u0002${this.size(p.role, size)}\u0001${p.text}`;
    }
    const known = keptMap(keptMap(minContents, font, KEPT_SETTINGS), this.key, MIN_CONTENT_ENTRIES);
    let width = known.get(key);
    if (width === undefined) known.set(key, (width = minContentWidth(this.runs(pieces, size), this.options({ align: 'left', measure: 1e9 }))));
    return width;
  }

  /** Natural widths by role and size, then text (units, values and labels repeat across a table): naturalWidths' maps. */
  private readonly widths = new Map<string, Map<string, number>>();
}
