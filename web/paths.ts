/**
 * Paths of report fields, written exactly as the library writes them in its issues (src/model/paths.ts: keys joined
 * with `.`, indexes as `[n]`, row ids of statistics.values / notes / previous and non-identifier keys bracket-quoted),
 * so that an issue's path names the field the page drew. tests/serve/paths.test.ts holds the two to the same output.
 */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const isRowKey = (segments: readonly PathSegment[], index: number): boolean =>
  index === 2 && segments[0] === 'statistics' && (segments[1] === 'values' || segments[1] === 'notes' || segments[1] === 'previous');

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  segments.forEach((seg, i) => {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg) && !isRowKey(segments, i)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  });
  return out;
}

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const re = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let pos = 0;
  while (pos < path.length) {
    re.lastIndex = pos;
    const m = re.exec(path);
    if (!m) {
      segments.push(path.slice(pos));
      break;
    }
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3]!) as string);
    pos = re.lastIndex;
  }
  return segments;
}

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
