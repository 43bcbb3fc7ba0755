/** Writes a file so that the path holds either the old complete file or the new complete file, never a partial one. */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let hooked = false;

function removePending(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

/** Writes to a temporary file in the same folder, then renames it over `path`; the temporary file is removed on failure or interruption. */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', removePending);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        removePending();
        process.exit(130);
      });
    }
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
    pending.delete(temp);
  }
}
