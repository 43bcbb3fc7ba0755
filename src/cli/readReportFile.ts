/** Reads a report from a JSON or YAML file, with the file, line and column of a syntax error. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import { jsonErrorOffset, lineColumn } from './jsonErrorOffset.js';

/** A problem with an input file (missing, unreadable, not JSON or YAML). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The yaml package, loaded only when a YAML file is read (it costs a CLI start about 30 ms). */
export function yamlModule(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

/** Largest YAML alias expansion accepted (protects against "billion laughs" files). */
const MAX_YAML_ALIASES = 100;

/** Parses report text; `file` names the source in errors. YAML takes no custom tags and a bounded number of aliases. */
export function parseReportText(text: string, file: string): unknown {
  const yaml = /\.ya?ml$/i.test(extname(file));
  if (!yaml) {
    try {
      return JSON.parse(text);
    } catch {
      const offset = Math.max(0, jsonErrorOffset(text));
      const { line, column } = lineColumn(text, offset);
      const found = offset >= text.length ? 'the end of the file' : JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!));
      throw new InputError(`${file}:${line}:${column}: JSON syntax error: unexpected ${found}`);
    }
  }
  const doc = yamlModule().parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: true, prettyErrors: true, strict: true });
  // Tags are not resolved to anything but plain data: an unknown tag (e.g. !!js/function) is refused, not ignored.
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const pos = problem.linePos?.[0];
    const kind = problem.code === 'TAG_RESOLVE_FAILED' ? 'YAML tag not allowed' : 'YAML syntax error';
    throw new InputError(`${file}:${pos?.line ?? 1}:${pos?.col ?? 1}: ${kind} (${problem.message.split('\n')[0]})`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw new InputError(`${file}: YAML refused (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Reads and parses a report file. */
export function readReportFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? (e as Error).message})`}`);
  }
  return parseReportText(text, file);
}
