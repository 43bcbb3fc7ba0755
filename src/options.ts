/**
 * Checks of the options of `renderReport` and `validateReport`: an unknown option, a value of the wrong type or out of
 * range is refused with a message in Chinese naming the option, rather than ignored (`pdfa: '4b'` must not give a file
 * that is not PDF/A) or thrown from deep inside as a bare TypeError.
 */
import { DEFAULT_LAYOUT, geometryOf, type LayoutOptions } from './compose/layoutOptions.js';
import { FONT_ROLES } from './model/fontRole.js';

/** Thrown when options are not valid; carries every problem. */
export class RenderOptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`选项有误：\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'RenderOptionsError';
  }
}

const RENDER_KEYS = ['fonts', 'sizes', 'pdfa', 'layout', 'strict', 'limits', 'creationDate', 'modDate'] as const;
const VALIDATE_KEYS = ['fonts', 'sizes', 'strict', 'limits', 'layout'] as const;
const LIMIT_KEYS = ['maxTextLength', 'maxBlocks', 'maxTotalCharacters'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `“${v.slice(0, 40)}”` : v === null ? 'null' : Array.isArray(v) ? '数组' : typeof v === 'object' ? '对象' : String(v));

/** Numeric layout options with their allowed range (inclusive) and whether they are integers. */
const LAYOUT_NUMBERS: Record<string, [number, number, boolean]> = {
  pageWidth: [50, 2000, false],
  pageHeight: [50, 2000, false],
  marginTop: [0, 1000, false],
  marginLeft: [0, 1000, false],
  typeWidth: [20, 2000, false],
  typeHeight: [20, 2000, false],
  linesPerPage: [3, 200, true],
  charsPerLine: [5, 200, true],
  pageNumberOffset: [0, 100, false],
};
const LAYOUT_ENUMS: Record<string, readonly (string | boolean)[]> = {
  pageNumberPosition: ['outside', 'center'],
  itemNumbering: ['period', 'comma'],
  compressPunctuation: [true, false],
  strictness: ['basic', 'gb', 'strict'],
  lineBreaking: ['optimal', 'greedy'],
};

function checkUnknown(obj: Obj, known: readonly string[], where: string, out: string[]): void {
  for (const key of Object.keys(obj)) if (!known.includes(key)) out.push(`不认识的选项 ${where}${key}（可用的有：${known.join('、')}）`);
}

function checkLayout(layout: unknown, sizes: Obj | undefined, out: string[]): void {
  if (layout === undefined) return;
  if (!isObj(layout)) return void out.push(`layout 应为对象，实际为${show(layout)}`);
  checkUnknown(layout, [...Object.keys(LAYOUT_NUMBERS), ...Object.keys(LAYOUT_ENUMS)], 'layout.', out);
  for (const [key, [min, max, integer]] of Object.entries(LAYOUT_NUMBERS)) {
    const v = layout[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      out.push(`layout.${key} 应为 ${min} 到 ${max} 之间的${integer ? '整数' : '数'}（毫米${integer ? '或个数' : ''}），实际为${show(v)}`);
    }
  }
  for (const [key, allowed] of Object.entries(LAYOUT_ENUMS)) {
    const v = layout[key];
    if (v !== undefined && !allowed.includes(v as string)) out.push(`layout.${key} 应为 ${allowed.map(String).join('、')} 之一，实际为${show(v)}`);
  }
  if (out.length > 0) return;
  const full: LayoutOptions = { ...DEFAULT_LAYOUT, ...(layout as Partial<LayoutOptions>) };
  if (full.marginLeft + full.typeWidth > full.pageWidth) out.push('layout：左边距加版心宽度超过了页面宽度');
  if (full.marginTop + full.typeHeight > full.pageHeight) out.push('layout：上边距加版心高度超过了页面高度');
  checkGrid(full, sizes, out);
}

/** The body size must fit the grid cell (GB/T 9704: 28 characters on the measure): larger glyphs would overlap. */
function checkGrid(layout: LayoutOptions, sizes: Obj | undefined, out: string[]): void {
  const g = geometryOf(layout);
  const body = typeof sizes?.['body'] === 'number' ? (sizes['body'] as number) : 16;
  const largest = g.cell / 0.95;
  if (body > largest) out.push(`正文字号 ${body} 磅放不进每行 ${layout.charsPerLine} 字的网格（每字 ${g.cell.toFixed(2)} 磅），最大为 ${largest.toFixed(1)} 磅；请调小字号或 layout.charsPerLine`);
  if (g.linePitch < body) out.push(`每页 ${layout.linesPerPage} 行的行距（${g.linePitch.toFixed(2)} 磅）小于正文字号 ${body} 磅；请调小 layout.linesPerPage`);
}

function checkFontOptions(options: Obj, out: string[]): void {
  const fonts = options['fonts'];
  if (fonts !== undefined) {
    if (!isObj(fonts)) out.push(`fonts 应为对象（字体角色 → 字体文件），实际为${show(fonts)}`);
    else checkUnknown(fonts, FONT_ROLES, 'fonts.', out);
  }
  const sizes = options['sizes'];
  if (sizes !== undefined) {
    if (!isObj(sizes)) out.push(`sizes 应为对象（字体角色 → 字号），实际为${show(sizes)}`);
    else {
      checkUnknown(sizes, FONT_ROLES, 'sizes.', out);
      for (const [role, v] of Object.entries(sizes)) {
        if (!(FONT_ROLES as readonly string[]).includes(role)) continue;
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 5 || v > 72) out.push(`sizes.${role} 应为 5 到 72 之间的字号（磅），实际为${show(v)}`);
      }
    }
  }
}

function checkLimits(limits: unknown, out: string[]): void {
  if (limits === undefined) return;
  if (!isObj(limits)) return void out.push(`limits 应为对象，实际为${show(limits)}`);
  checkUnknown(limits, LIMIT_KEYS, 'limits.', out);
  for (const key of LIMIT_KEYS) {
    const v = limits[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) out.push(`limits.${key} 应为非负整数，实际为${show(v)}`);
  }
}

/** Problems of the options of `renderReport` (empty when they are valid). */
export function renderOptionProblems(options: unknown): string[] {
  const out: string[] = [];
  if (options === undefined) return out;
  if (!isObj(options)) return [`选项应为对象，实际为${show(options)}`];
  checkUnknown(options, RENDER_KEYS, '', out);
  const pdfa = options['pdfa'];
  if (pdfa !== undefined && pdfa !== '1b' && pdfa !== '2b' && pdfa !== '3b') out.push(`pdfa 应为 1b、2b 或 3b，实际为${show(pdfa)}`);
  if (options['strict'] !== undefined && typeof options['strict'] !== 'boolean') out.push(`strict 应为 true 或 false，实际为${show(options['strict'])}`);
  for (const key of ['creationDate', 'modDate']) {
    const v = options[key];
    if (v !== undefined && (!(v instanceof Date) || Number.isNaN(v.getTime()))) out.push(`${key} 应为有效的 Date 对象，实际为${show(v)}`);
  }
  checkFontOptions(options, out);
  checkLayout(options['layout'], isObj(options['sizes']) ? options['sizes'] : undefined, out);
  if (options['layout'] === undefined) checkGrid(DEFAULT_LAYOUT, isObj(options['sizes']) ? options['sizes'] : undefined, out);
  checkLimits(options['limits'], out);
  return out;
}

/** Problems of the options of `validateReport`. */
export function validateOptionProblems(options: unknown): string[] {
  if (options === undefined) return [];
  if (!isObj(options)) return [`选项应为对象，实际为${show(options)}`];
  const out: string[] = [];
  checkUnknown(options, VALIDATE_KEYS, '', out);
  if (options['strict'] !== undefined && typeof options['strict'] !== 'boolean') out.push(`strict 应为 true 或 false，实际为${show(options['strict'])}`);
  checkFontOptions(options, out);
  checkLayout(options['layout'], isObj(options['sizes']) ? options['sizes'] : undefined, out);
  checkLimits(options['limits'], out);
  return out;
}
