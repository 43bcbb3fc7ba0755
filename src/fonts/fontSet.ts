import { resolve } from 'node:path';
import { FONT_ROLES, type FontRole } from '../model/fontRole.js';
import { defaultFallbackFaces, defaultPrimaryFace, defaultWeightOf, type DefaultWeight } from './defaultFonts.js';
import { FontFace, parseFont, type FontSource } from './fontFace.js';
import { FontError, MAX_FONT_BYTES } from './sfntCheck.js';
import { readAtMost } from '../readAtMost.js';
import { FontStack } from './fontStack.js';

/** Font sizes of the roles in points (GB/T 9704: title 2号 22 pt, text 3号 16 pt, page number 4号 14 pt). */
export const DEFAULT_FONT_SIZES: Readonly<Record<FontRole, number>> = {
  title: 22,
  heading1: 16,
  heading2: 16,
  heading3: 16,
  body: 16,
  table: 14,
  tableHeader: 14,
  pageNumber: 14,
  signature: 16,
};

/** Caller's choice of fonts and sizes by role; roles left out use the embedded default. */
export interface FontOptions {
  /** A font per role: a path, bytes, or `{ path | data, face }` for a face of a TTC collection. */
  readonly fonts?: Partial<Record<FontRole, FontSource>>;
  /** A size in points per role. */
  readonly sizes?: Partial<Record<FontRole, number>>;
}

/** A role's resolved font and size. */
export interface RoleFont {
  readonly stack: FontStack;
  readonly size: number;
}

/** Every role's font and size. */
export type FontSet = Readonly<Record<FontRole, RoleFont>>;

const defaultStacks = new Map<DefaultWeight, FontStack>();
const userFaces = new Map<string, FontFace>();
const userFacesByBytes = new WeakMap<Uint8Array, Map<string, FontFace>>();
const userStacks = new Map<FontFace, Map<DefaultWeight, FontStack>>();

/** The default stack of a weight, shared by every document of the process. */
function defaultStack(weight: DefaultWeight): FontStack {
  let stack = defaultStacks.get(weight);
  if (!stack) {
    stack = new FontStack([defaultPrimaryFace(weight)], () => defaultFallbackFaces(weight));
    defaultStacks.set(weight, stack);
  }
  return stack;
}

/** Reads a font file, never more than MAX_FONT_BYTES (a device or a pipe named as a font is not read to its end). */
function readFontFile(path: string): Uint8Array {
  let bytes: Buffer | null;
  try {
    bytes = readAtMost(path, MAX_FONT_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FontError(path, code === 'EISDIR' ? '是文件夹，不是字体文件。' : `无法读取（${code ?? (e as Error).message}）。`);
  }
  if (!bytes) throw new FontError(path, `超过上限${MAX_FONT_BYTES}字节，不是字体文件。`);
  return bytes;
}

/** Parses a caller's font once per process (by path and face name, or by the identity of the bytes). */
export function loadFontFace(source: FontSource): FontFace {
  if (typeof source === 'string' || 'path' in source) {
    const path = resolve(typeof source === 'string' ? source : source.path);
    const faceName = typeof source === 'string' ? undefined : source.face;
    const key = `${path}\u0000${faceName ?? ''}`;
    let face = userFaces.get(key);
    if (!face) {
      face = new FontFace(parseFont(readFontFile(path), path, faceName), path);
      userFaces.set(key, face);
    }
    return face;
  }
  const bytes = source instanceof Uint8Array ? source : source.data;
  const faceName = source instanceof Uint8Array ? '' : (source.face ?? '');
  let byName = userFacesByBytes.get(bytes);
  if (!byName) userFacesByBytes.set(bytes, (byName = new Map()));
  let face = byName.get(faceName);
  if (!face) {
    face = new FontFace(parseFont(bytes, '（内存中的字体数据）', faceName || undefined), 'font data');
    byName.set(faceName, face);
  }
  return face;
}

function userStack(face: FontFace, weight: DefaultWeight): FontStack {
  let byWeight = userStacks.get(face);
  if (!byWeight) userStacks.set(face, (byWeight = new Map()));
  let stack = byWeight.get(weight);
  if (!stack) {
    // A caller's font falls back to the default family of the role's weight: primary file first, then its chain.
    stack = new FontStack([face, defaultPrimaryFace(weight)], () => defaultFallbackFaces(weight));
    byWeight.set(weight, stack);
  }
  return stack;
}

/** Resolves every role's font and size; fonts are parsed once per process and shared. */
export function resolveFonts(options: FontOptions = {}): FontSet {
  const entries = FONT_ROLES.map((role): [FontRole, RoleFont] => {
    const weight = defaultWeightOf(role);
    const source = options.fonts?.[role];
    const stack = source === undefined ? defaultStack(weight) : userStack(loadFontFace(source), weight);
    const size = options.sizes?.[role] ?? DEFAULT_FONT_SIZES[role];
    if (!(size > 0 && size < 200)) throw new Error(`font size of role ${role} must be between 0 and 200 pt, got ${size}`);
    return [role, { stack, size }];
  });
  return Object.fromEntries(entries) as Record<FontRole, RoleFont>;
}
