/**
 * The syntax of JSON paths of report fields, with no dependency (the editor page bundles it too): object keys joined
 * with `.`, array indexes as `[n]`, keys of `statistics.values`, `notes` and `previous` (row ids, which contain dots)
 * and any key that is not a plain identifier bracket-quoted: `statistics.values["applications.received"]`.
 */
/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isRowKey(segments: readonly PathSegment[], index: number): boolean {
  return index === 2 && segments[0] === 'statistics' && (segments[1] === 'values' || segments[1] === 'notes' || segments[1] === 'previous');
}

/** Formats path segments as a path string, e.g. `["sections","overview","blocks",0]` → `sections.overview.blocks[0]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg) && !isRowKey(segments, i)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Parses a path string written by `formatPath` back into segments (lenient: unparsable rest is one key). */
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
