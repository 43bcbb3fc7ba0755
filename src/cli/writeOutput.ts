/**
 * Writes an output file of the CLI, whatever the path names:
 * - `-`: standard output;
 * - a device (/dev/null, /dev/full), a named pipe or a socket, or any path under /dev or /proc (/dev/stdout):
 *   written directly, never replaced, and a failed write (/dev/full: no space) is an error;
 * - a symbolic link: followed, and its target replaced (the link stays a link);
 * - a regular file or nothing: written atomically (writeFileAtomic), creating missing folders one by one.
 */
import { fstatSync, lstatSync, mkdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from './writeAtomic.js';

/** A problem writing an output file: exit code 4. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

const reasons: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  ENOSPC: '磁盘已满',
  EDQUOT: '超出磁盘配额',
  EISDIR: '这是一个文件夹',
  ENOTDIR: '路径中有一部分不是文件夹',
  ENOENT: '无法创建所在的文件夹',
  EROFS: '只读文件系统',
  ELOOP: '符号链接循环',
  ENXIO: '没有读取方',
  EPIPE: '读取方已关闭',
  ENAMETOOLONG: '文件名太长',
  EEXIST: '已有同名文件或文件夹',
};

/** The OutputError for a failed write of `path`. */
export function outputError(path: string, e: unknown): OutputError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code && reasons[code] ? `${reasons[code]}，${code}` : (code ?? (e as Error).message);
  return new OutputError(`${path === '-' ? '标准输出' : path}：无法写入（${reason}）`);
}

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

/**
 * Creates a folder and its missing parents one at a time, after finding the nearest existing ancestor (a
 * recursive mkdir can loop forever where a folder cannot be created, e.g. under /proc).
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  let st: Stats;
  for (;;) {
    try {
      st = statSync(d);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(d);
      const parent = dirname(d);
      if (parent === d) throw e;
      d = parent;
    }
  }
  if (!st.isDirectory()) throw errno('ENOTDIR');
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(m).isDirectory()) throw e;
    }
  }
}

/** The end of a chain of symbolic links that leads nowhere yet (a dangling link): where the file is to be created. */
function danglingTarget(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return p;
      throw e;
    }
    if (!st.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw errno('ELOOP');
}

/** Whether `st` is the file open as descriptor `fd`. */
function sameFile(st: Stats, fd: number): boolean {
  try {
    const f = fstatSync(fd);
    return f.dev === st.dev && f.ino === st.ino;
  } catch {
    return false;
  }
}

/** Whether writing `path` writes this process's standard output (`-`, /dev/stdout, /proc/self/fd/1, the same pipe). */
export function isStdout(path: string): boolean {
  if (path === '-') return true;
  try {
    return sameFile(statSync(path), 1);
  } catch {
    return false;
  }
}

async function writeDirect(path: string, data: Uint8Array | string): Promise<void> {
  // Loaded here: only a device or a pipe is written directly, and a new process loads node:fs/promises in about 1.5 ms.
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close().catch(() => {});
  }
}

function writeStdout(data: Uint8Array | string): Promise<void> {
  return new Promise((resolveWrite, reject) => process.stdout.write(data, (e) => (e ? reject(e) : resolveWrite())));
}

/** Writes `data` to `path` as described above; any failure is an OutputError. */
export async function writeOutput(path: string, data: Uint8Array | string): Promise<void> {
  try {
    if (path === '-') return await writeStdout(data);
    const absolute = resolve(path);
    let st: Stats | undefined;
    try {
      st = statSync(absolute);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (st?.isDirectory()) throw errno('EISDIR');
    // Standard output by another name (/dev/stdout, /proc/self/fd/1, the file stdout is redirected to): written
    // through the descriptor, which also works where the name cannot be opened (a socket, as under a process manager).
    if (st && sameFile(st, 1)) return await writeStdout(data);
    // /dev/stdout, /proc/self/fd/N…: the kernel's own links; the file they stand for is written, never replaced.
    if (st && (!st.isFile() || absolute.startsWith('/dev/') || absolute.startsWith('/proc/'))) return await writeDirect(absolute, data);
    const target = st ? realpathSync(absolute) : danglingTarget(absolute);
    ensureDir(dirname(target));
    await writeFileAtomic(target, data);
  } catch (e) {
    throw e instanceof OutputError ? e : outputError(path, e);
  }
}
