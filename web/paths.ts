/**
 * Paths of report fields in the page: the library's own path syntax (src/model/pathSyntax.ts), so that an issue's
 * path names the field the page drew, and reading and writing the value at a path.
 */
import type { PathSegment } from '../src/model/pathSyntax.js';

export { formatPath, parsePath, type PathSegment } from '../src/model/pathSyntax.js';

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

/** Sets the value at a path, creating objects on the way; `undefined` deletes the key (an empty optional field). */
export function setAt(root: Record<string, unknown>, path: readonly PathSegment[], value: unknown): void {
  let v: Record<PathSegment, unknown> = root;
  for (const [i, seg] of path.slice(0, -1).entries()) {
    let next = v[seg];
    if (next === null || typeof next !== 'object') {
      if (value === undefined) return;
      next = typeof path[i + 1] === 'number' ? [] : {};
      v[seg] = next;
    }
    v = next as Record<PathSegment, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(v) && typeof last === 'number') v.splice(last, 1);
    else delete v[last];
  } else v[last] = value;
}
