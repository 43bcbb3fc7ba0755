/**
 * Per-character checks: forbidden characters in any string of the report (codes in `characters.ts`), and
 * `undrawable_character` for printed characters the caller's fonts cannot draw.
 */
import { codePoints, describeForbidden, forbiddenCharacterCode, formatCodePoint, showCharacter } from './characters.js';
import type { FontRole } from './fontRole.js';
import { error } from './issues.js';
import { formatPath, type PathSegment } from './paths.js';
import type { ReportTextField, ValidationIssue } from './types.js';

const MAX_PER_FIELD = 10;

/** Errors for control characters, lone surrogates, line separators, bidi controls and invisible characters in any string. */
export function checkForbiddenCharacters(value: unknown, path: PathSegment[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  checkStrings(value, [...path], out);
  return out;
}

/** Characters checkString looks at: none in a string, nothing to report (the common case, without a path made). */
const FORBIDDEN_RANGES = /[\u0000-\u001f\u007f-\u009f\u00ad\ud800-\udfff\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ue000-\uf8ff\ufdd0-\ufdef\ufeff\ufffe\uffff]/;

/** checkString on every string inside `value`, whose path is `path` (one array, extended and restored on the way down). */
function checkStrings(value: unknown, path: PathSegment[], out: ValidationIssue[]): void {
  if (typeof value === 'string') {
    if (FORBIDDEN_RANGES.test(value)) out.push(...checkString(value, formatPath(path)));
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      checkStrings(value[i], path, out);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      checkStrings((value as Record<string, unknown>)[key], path, out);
      path.pop();
    }
  }
}

function checkString(text: string, path: string): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<number>();
  for (const { cp, index } of codePoints(text)) {
    const code = forbiddenCharacterCode(cp);
    if (!code || seen.has(cp)) continue;
    seen.add(cp);
    if (out.length >= MAX_PER_FIELD) break;
    out.push(
      error(code, path, `第${index + 1}个字符 ${formatCodePoint(cp)} 是${describeForbidden(code)}，不能出现在文字中（位置：${path}），请删除。`),
    );
  }
  return out;
}

/**
 * Errors for printed characters the font of their role cannot draw; a throwing `canDraw` counts as “cannot draw”.
 * `canDraw` is asked about every character (a font stack answers from its own cache).
 */
export function checkDrawable(
  fields: readonly (ReportTextField & { readonly generated?: boolean })[],
  canDraw: (codePoint: number, role: FontRole) => boolean,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const field of fields) {
    const { text, role } = field;
    let seen: Set<number> | undefined;
    let reported = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      const index = i;
      if (cp > 0xffff) i++;
      let ok: boolean;
      try {
        ok = canDraw(cp, role) === true;
      } catch {
        ok = false;
      }
      // Drawable characters, forbidden ones (reported by checkForbiddenCharacters) and repeats are not reported.
      if (ok || forbiddenCharacterCode(cp) !== undefined || seen?.has(cp)) continue;
      (seen ??= new Set()).add(cp);
      if (reported++ >= MAX_PER_FIELD) break;
      const where = field.generated ? `程序生成的文字“${field.text}”` : `第${index + 1}个字符`;
      out.push(
        error(
          'undrawable_character',
          field.path,
          `字体无法显示字符${showCharacter(cp)}（${formatCodePoint(cp)}），位置：${field.path} ${where}（字体角色 ${field.role}）；请换用其他写法，或提供包含此字的字体。`,
        ),
      );
    }
  }
  return out;
}
