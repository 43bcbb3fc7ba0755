/**
 * Writes an edited report back to the file it was read from, changing as little of the file as it can:
 * - when only string values changed, the file's text is kept byte for byte around them (the reader's `withStrings`,
 *   as `validate --fix` does): YAML comments, quoting and layout, JSON escapes and a byte-order mark;
 * - otherwise a YAML file is updated node by node (comments and the order of keys kept; a changed list keeps the
 *   comments of the items that are still there) and a JSON file is written anew in its own indentation;
 * - whatever the route, the new text must read back as exactly the edited report, or nothing is written.
 * The previous file is kept as `<file>.bak`; both are written atomically (writeOutput).
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Document, Node as YamlNode } from 'yaml';
import { decodeText } from '../cli/readInput.js';
import { parseReportText, readReportSource, yamlModule, type PathSegment, type ReportSource, type StringEdit } from '../cli/readReportFile.js';
import { writeOutput } from '../cli/writeOutput.js';

/** A short fingerprint of a file's bytes: saving refuses to overwrite a file that changed on disk since it was read. */
export const fileVersion = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The string edits that turn `before` into `after`, or undefined when anything else differs (keys, lengths, numbers). */
export function stringEditsOnly(before: unknown, after: unknown, path: PathSegment[] = [], edits: StringEdit[] = []): StringEdit[] | undefined {
  if (typeof before === 'string' && typeof after === 'string') {
    if (before !== after) edits.push({ path: [...path], value: after });
    return edits;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return undefined;
    for (let i = 0; i < after.length; i++) if (!stringEditsOnly(before[i], after[i], [...path, i], edits)) return undefined;
    return edits;
  }
  if (isObject(before) && isObject(after)) {
    const keys = Object.keys(after);
    if (keys.length !== Object.keys(before).length || keys.some((k) => !Object.hasOwn(before, k))) return undefined;
    for (const k of keys) if (!stringEditsOnly(before[k], after[k], [...path, k], edits)) return undefined;
    return edits;
  }
  return Object.is(before, after) ? edits : undefined;
}

/** Updates a YAML document node by node from `before` to `after`; a node that cannot be updated in place is replaced. */
function updateYaml(doc: Document, node: YamlNode | null | undefined, before: unknown, after: unknown): YamlNode {
  const yaml = yamlModule();
  if (isDeepStrictEqual(before, after) && node) return node;
  if (node && yaml.isMap(node) && isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) node.delete(key);
    for (const key of Object.keys(after)) {
      const child = node.get(key, true) as YamlNode | undefined;
      const updated = Object.hasOwn(before, key) ? updateYaml(doc, child, before[key], after[key]) : doc.createNode(after[key]);
      if (updated !== child) node.set(key, updated);
    }
    return node;
  }
  if (node && yaml.isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    after.forEach((value, i) => {
      const child = node.items[i] as YamlNode | undefined;
      const updated = i < before.length ? updateYaml(doc, child, before[i], value) : doc.createNode(value);
      if (i < node.items.length) node.items[i] = updated;
      else node.items.push(updated);
    });
    node.items.length = after.length;
    return node;
  }
  if (node && yaml.isScalar(node) && (typeof after === 'string' || typeof after === 'number' || typeof after === 'boolean')) {
    // The scalar keeps its comment; a string keeps its style where it can (the writer quotes one that would read as
    // a number), a number or boolean is written plain.
    node.value = after;
    if (typeof after !== 'string') node.type = 'PLAIN';
    return node;
  }
  return doc.createNode(after);
}

function yamlText(source: ReportSource, text: string, report: unknown): string {
  const yaml = yamlModule();
  const doc = yaml.parseDocument(text, { uniqueKeys: true, schema: 'core' });
  doc.contents = updateYaml(doc, doc.contents as YamlNode, source.value, report) as typeof doc.contents;
  return doc.toString({ lineWidth: 0 });
}

/** The indentation of a JSON text (its first indented line), two spaces when it has none. */
function jsonIndent(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? m[1]! : 2;
}

/** The text a save writes, and the route it took. */
export interface SaveText {
  readonly text: string;
  readonly route: 'unchanged' | 'strings' | 'yaml' | 'json';
}

/** The new text of a report file for an edited report (nothing is written). */
export function reportFileText(source: ReportSource, report: unknown): SaveText {
  const { text: original, bom } = decodeText(source.bytes, source.file);
  const prefix = bom ? '\ufeff' : '';
  const edits = stringEditsOnly(source.value, report);
  let candidates: SaveText[];
  if (edits && edits.length === 0) return { text: prefix + original, route: 'unchanged' };
  if (source.format === 'yaml') {
    candidates = [...(edits ? [{ text: source.withStrings(edits), route: 'strings' as const }] : []), { text: prefix + yamlText(source, original, report), route: 'yaml' }, { text: prefix + yamlModule().stringify(report, { lineWidth: 0 }), route: 'yaml' }];
  } else {
    const newline = original.endsWith('\n') ? '\n' : '';
    candidates = [...(edits ? [{ text: source.withStrings(edits), route: 'strings' as const }] : []), { text: prefix + JSON.stringify(report, null, jsonIndent(original)) + newline, route: 'json' }];
  }
  // Each route is checked by reading its text back; the first whose reading is the edited report is taken.
  for (const candidate of candidates) {
    try {
      if (isDeepStrictEqual(parseReportText(candidate.text.replace(/^\ufeff/, ''), source.file), report)) return candidate;
    } catch {
      // this route could not write the report faithfully: try the next
    }
  }
  throw new Error('编辑后的报告无法写成可读回的文件');
}

/** What a save did. */
export interface SaveResult {
  readonly route: SaveText['route'];
  /** The backup of the previous file (absent when the file did not change). */
  readonly backup?: string;
  /** The fingerprint of the file as now on disk. */
  readonly version: string;
  readonly bytes: number;
}

/** A save refused because the file changed on disk since the editor read it. */
export class SaveConflictError extends Error {
  constructor(readonly file: string) {
    super(`${file}：文件在编辑期间被其他程序修改过`);
    this.name = 'SaveConflictError';
  }
}

/**
 * Saves `report` into `file`: the previous file becomes `<file>.bak`, the new one is written atomically. With
 * `expectedVersion`, a file whose bytes no longer have that fingerprint is not overwritten (SaveConflictError).
 */
export async function saveReportFile(file: string, report: unknown, expectedVersion?: string): Promise<SaveResult> {
  const source = readReportSource(file, { editable: true });
  if (expectedVersion !== undefined && fileVersion(source.bytes) !== expectedVersion) throw new SaveConflictError(file);
  const { text, route } = reportFileText(source, report);
  if (route === 'unchanged') return { route, version: fileVersion(source.bytes), bytes: source.bytes.length };
  const backup = `${file}.bak`;
  await writeOutput(backup, source.bytes);
  const bytes = Buffer.from(text, 'utf8');
  await writeOutput(file, bytes);
  return { route, backup, version: fileVersion(bytes), bytes: bytes.length };
}
