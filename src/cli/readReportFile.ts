/**
 * Reads a report from a JSON or YAML file. Every problem is one InputError naming the file (and line and column
 * where there is one); nothing that would silently change the data is accepted: a duplicate key, a number a double
 * cannot hold exactly, a YAML tag. A source read for editing can give back its text with some string values
 * replaced and every other byte — comments, layout, quoting, a byte-order mark — as it was.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { Document } from 'yaml';
import { InputError } from './inputError.js';
import { JsonSourceError, lineColumn, parseJson, spanKey, type PathSegment, type StringSpan } from './parseJson.js';
import { decodeText, readCapped } from './readInput.js';

export { InputError } from './inputError.js';
export type { PathSegment } from './parseJson.js';

/** The yaml package, loaded only when a YAML file is read or written (it costs a CLI start about 30 ms). */
export function yamlModule(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

/** Largest YAML alias expansion accepted (protects against "billion laughs" files). */
const MAX_YAML_ALIASES = 100;

/** Whether a file name is YAML (.yaml or .yml); anything else is read as JSON. */
export const isYamlFile = (file: string): boolean => /^\.ya?ml$/i.test(extname(file));

/** A new string value for the field at `path`. */
export interface StringEdit {
  readonly path: readonly PathSegment[];
  readonly value: string;
}

/** A parsed report file. */
export interface ReportSource {
  readonly file: string;
  readonly format: 'json' | 'yaml';
  /** The parsed data (not yet validated). */
  readonly value: unknown;
  /** The file as read, byte for byte (for a backup). */
  readonly bytes: Uint8Array;
  /** The file's text with these string values replaced and nothing else changed (only for a source read with `editable`). */
  withStrings(edits: readonly StringEdit[]): string;
}

const at = (file: string, text: string, offset: number) => {
  const { line, column } = lineColumn(text, offset);
  return `${file}:${line}:${column}`;
};

function jsonProblem(e: JsonSourceError, text: string, file: string): InputError {
  const where = at(file, text, e.offset);
  switch (e.kind) {
    case 'duplicate_key': {
      const first = lineColumn(text, e.first ?? 0);
      return new InputError(`${where}：键 ${JSON.stringify(e.detail)} 重复出现（第一次在第 ${first.line} 行第 ${first.column} 列）；同一对象中的键只能出现一次，请删去多余的一个`);
    }
    case 'unsafe_number':
      return new InputError(`${where}：数值 ${e.detail} 超出能精确保存的范围（绝对值应小于 9007199254740992），读入后会变成另一个数；请检查此数值`);
    case 'too_deep':
      return new InputError(`${where}：嵌套超过 ${e.detail} 层，不像是一份报告`);
    default:
      return new InputError(`${where}：JSON 语法错误：${e.detail === 'end' ? '文件在此处意外结束' : `此处不应有 ${JSON.stringify(e.detail)}`}`);
  }
}

function yamlProblemMessage(code: string, message: string, text: string, offset: number): string {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(offset))![0].trim();
      return `键 ${key} 重复出现；同一对象中的键只能出现一次，请删去多余的一个`;
    }
    case 'TAG_RESOLVE_FAILED':
      return `不允许使用 YAML 标签（${message.replace(/^Unresolved tag: /, '')}）`;
    case 'MULTIPLE_DOCS':
      return '文件含有多个 YAML 文档（---），一个文件只能有一份报告';
    default:
      return `YAML 语法错误（${message.split('\n')[0]}）`;
  }
}

function parseYamlSource(text: string, file: string, editable: boolean): { value: unknown; doc: Document.Parsed; tokens: unknown[] } {
  const yaml = yamlModule();
  const tokens = [...new yaml.Parser().parse(text)];
  const docs = [...new yaml.Composer({ schema: 'core', customTags: [], uniqueKeys: true, strict: true, keepSourceTokens: editable }).compose(tokens, true, text.length)];
  const fail = (code: string, message: string, offset: number): never => {
    throw new InputError(`${at(file, text, offset)}：${yamlProblemMessage(code, message, text, offset)}`);
  };
  if (docs.length === 0) fail('EMPTY', 'empty', 0);
  const doc = docs[0]!;
  // Tags are not resolved to anything but plain data: an unknown tag (e.g. !!js/function) is refused, not ignored.
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) fail(problem.code, problem.message, problem.pos[0]);
  if (docs.length > 1) fail('MULTIPLE_DOCS', '', docs[1]!.range[0]);
  yaml.visit(doc, {
    Scalar(_key, node) {
      const v = node.value;
      if (typeof v === 'number' && (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v)))) {
        const offset = node.range?.[0] ?? 0;
        throw new InputError(`${at(file, text, offset)}：数值 ${node.source ?? String(v)} 超出能精确保存的范围（绝对值应小于 9007199254740992），读入后会变成另一个数；请检查此数值`);
      }
    },
  });
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), doc, tokens };
  } catch (e) {
    const alias = /alias/i.test((e as Error).message);
    throw new InputError(`${file}：${alias ? 'YAML 别名（alias）展开过多，疑为恶意文件，已拒绝' : `YAML 无法读取（${(e as Error).message.split('\n')[0]}）`}`);
  }
}

/** Parses report text (already decoded, without a byte-order mark); `file` names the source in errors and decides the format. */
export function parseReportText(text: string, file: string): unknown {
  if (isYamlFile(file)) return parseYamlSource(text, file, false).value;
  try {
    return parseJson(text).value;
  } catch (e) {
    if (e instanceof JsonSourceError) throw jsonProblem(e, text, file);
    throw e;
  }
}

/** JSON string literal for a replacement, escaping non-ASCII when the literal it replaces did. */
function jsonLiteral(value: string, replaced: string): string {
  const literal = JSON.stringify(value);
  if (!/\\u[0-9a-fA-F]{4}/.test(replaced) || /[^\x00-\x7f]/.test(replaced)) return literal;
  return literal.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads and parses a report file; with `editable`, the source can give back its text with string values replaced. */
export function readReportSource(file: string, options: { editable?: boolean } = {}): ReportSource {
  const bytes = readCapped(file);
  const { text, bom } = decodeText(bytes, file);
  const prefix = bom ? '\ufeff' : '';
  const noEdits = (): never => {
    throw new Error('source not read for editing');
  };
  if (isYamlFile(file)) {
    const { value, doc, tokens } = parseYamlSource(text, file, options.editable ?? false);
    return {
      file,
      format: 'yaml',
      value,
      bytes,
      withStrings: options.editable
        ? (edits) => {
            const yaml = yamlModule();
            for (const edit of edits) {
              const node = doc.getIn(edit.path, true);
              if (!yaml.isScalar(node) || !node.srcToken) continue;
              const token = node.srcToken as { type: string; indent: number; source: string };
              if (token.type === 'block-scalar') {
                // A block scalar's body keeps the indentation it had (the token's own indent is its parent's).
                const lines = token.source.split('\n').filter((l) => l.trim() !== '');
                const saved = token.indent;
                token.indent = Math.min(...lines.map((l) => l.length - l.trimStart().length));
                yaml.CST.setScalarValue(node.srcToken, edit.value);
                token.indent = saved;
              } else yaml.CST.setScalarValue(node.srcToken, edit.value);
            }
            return prefix + (tokens as Parameters<typeof yaml.CST.stringify>[0][]).map((t) => yaml.CST.stringify(t)).join('');
          }
        : noEdits,
    };
  }
  let parsed: { value: unknown; spans?: Map<string, StringSpan> };
  try {
    parsed = parseJson(text, { spans: options.editable ?? false });
  } catch (e) {
    if (e instanceof JsonSourceError) throw jsonProblem(e, text, file);
    throw e;
  }
  return {
    file,
    format: 'json',
    value: parsed.value,
    bytes,
    withStrings: parsed.spans
      ? (edits) => {
          const spans = parsed.spans!;
          const located = edits.flatMap((e) => {
            const span = spans.get(spanKey(e.path));
            return span ? [{ span, value: e.value }] : [];
          });
          located.sort((a, b) => a.span.start - b.span.start);
          let out = '';
          let pos = 0;
          for (const { span, value } of located) {
            out += text.slice(pos, span.start) + jsonLiteral(value, text.slice(span.start, span.end));
            pos = span.end;
          }
          return prefix + out + text.slice(pos);
        }
      : noEdits,
  };
}

/** Reads and parses a report file. */
export function readReportFile(file: string): unknown {
  return readReportSource(file).value;
}
