/**
 * Writes a regular file so that the path holds either the old complete file or the new complete file, never a
 * partial one. The temporary file is named `.<name>.xxgk-<pid>-<random>.tmp` next to the target, so that one
 * orphaned by a hard kill (kill -9, out of memory, power loss) is recognised and removed by a later write.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';

const HELD_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** A temporary file of this module: the pid of the process that wrote it is part of the name. */
const TEMP_NAME = /^\..+\.xxgk-(\d+)-[0-9a-f]{8}\.tmp$/;

/** A temporary file is stale when its process is gone and it is older than this (no write takes a minute). */
export const STALE_TEMP_MS = 60_000;

/** The temporary file's path for a target. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.xxgk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it runs, under another user
  }
}

const cleaned = new Set<string>();

/**
 * Removes the temporary files of this module in `dir` whose process no longer runs and that are older than a
 * minute; returns their names. Errors (a folder that cannot be listed, a file removed meanwhile) are ignored.
 */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || Number(m[1]) === process.pid || processRuns(Number(m[1]))) continue;
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (!st.isFile() || now - st.mtimeMs < STALE_TEMP_MS) continue;
      rmSync(path);
      removed.push(name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** One turn of the event loop, including its poll phase (where a caught signal reaches its listeners). */
const loopTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Writes to a temporary file in the same folder, then renames it over `path` (which must be a regular file or
 * nothing: see writeOutput for devices, pipes and links); the temporary file is removed on failure. A file that
 * is replaced keeps its permission bits. Stale temporary files in the folder are removed first (once per folder
 * and process).
 * SIGINT and SIGTERM are held only while the file is written: one that arrives then ends the process
 * (exit 128 + signal number) once the temporary file is gone. At any other time they keep their default effect,
 * so a long render or batch stays interruptible.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  if (!cleaned.has(dir)) {
    cleaned.add(dir);
    removeStaleTemps(dir);
  }
  let mode: number | undefined;
  try {
    const st = statSync(path);
    if (st.isFile()) mode = st.mode & 0o7777;
  } catch {
    // nothing there yet
  }
  const temp = tempPath(path);
  let caught: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => void (caught ??= signal);
  for (const signal of HELD_SIGNALS) process.on(signal, hold);
  try {
    try {
      writeFileSync(temp, data, { flag: 'wx' });
      if (mode !== undefined) chmodSync(temp, mode);
      renameSync(temp, path);
    } finally {
      rmSync(temp, { force: true });
    }
    // A signal caught during the synchronous write is only delivered when the event loop next polls.
    await loopTurn();
  } finally {
    for (const signal of HELD_SIGNALS) process.off(signal, hold);
  }
  if (caught) process.exit(128 + constants.signals[caught]);
}
