/**
 * Reads an input file's bytes (never more than a cap, so /dev/zero or a runaway pipe cannot exhaust memory) and
 * decodes them as UTF-8, accepting a byte-order mark and naming the likely encoding of text that is not UTF-8.
 */
import { readAtMost } from '../readAtMost.js';
import { InputError } from './inputError.js';

/** Largest report file read (64 MiB): the library refuses a report of more than 2 000 000 characters of text anyway. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const errnoText: Record<string, string> = {
  ENOENT: '文件不存在',
  EISDIR: '是文件夹，不是文件',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  ENOTDIR: '路径中有一部分不是文件夹',
  ELOOP: '符号链接循环',
  ENAMETOOLONG: '文件名太长',
};

/** Chinese reason for a failed read, with the system code. */
export function readErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && errnoText[code]) return errnoText[code]!;
  return `无法读取（${code ?? (e as Error).message}）`;
}

/** Reads at most `cap` bytes of a file; a file (or device, or pipe) that goes on past the cap is an InputError. */
export function readCapped(file: string, cap = MAX_INPUT_BYTES): Buffer {
  let bytes: Buffer | null;
  try {
    bytes = readAtMost(file, cap);
  } catch (e) {
    throw new InputError(`${file}：${readErrorText(e)}`);
  }
  if (!bytes) throw new InputError(`${file}：文件超过 ${Math.round(cap / 1024 / 1024)} MB，不像是一份报告（已停止读取）`);
  return bytes;
}

/** Offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (n = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (n = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false; // not that encoding, or (without full ICU) an encoding this Node cannot decode
  }
}

/** Which UTF-16 the bytes look like: a byte-order mark, or many NUL bytes (ASCII text in UTF-16 is half NULs). */
function utf16Kind(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (even + odd < sample.length / 8) return undefined;
  return odd >= even ? 'UTF-16LE' : 'UTF-16BE';
}

/** A decoded text file: its text without a byte-order mark, and whether it had one (kept when the file is rewritten). */
export interface DecodedText {
  readonly text: string;
  readonly bom: boolean;
}

const SAVE_AS_UTF8 = '请在编辑器中“另存为”UTF-8 编码后再试';

/** Decodes a report file's bytes as UTF-8; anything else is one InputError naming the likely encoding. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const utf16 = utf16Kind(bytes);
  if (utf16) throw new InputError(`${file}：文件是 ${utf16} 编码，不是 UTF-8；${SAVE_AS_UTF8}`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom };
  } catch {
    if (body.includes(0)) throw new InputError(`${file}：文件含有空字节（NUL），不是文本文件`);
    if (decodes(body, 'gb18030')) throw new InputError(`${file}：文件不是 UTF-8 编码，看来是 GBK/GB18030 编码；${SAVE_AS_UTF8}`);
    const at = Math.max(0, firstInvalidUtf8(body));
    let line = 1;
    for (let k = 0; k < at; k++) if (body[k] === 0x0a) line++;
    throw new InputError(`${file}：文件不是有效的 UTF-8 文本（第 ${line} 行有无法识别的字节 0x${body[at]!.toString(16).toUpperCase().padStart(2, '0')}）；${SAVE_AS_UTF8}`);
  }
}
