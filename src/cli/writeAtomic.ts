/** Writes a file so that the path holds either the old complete file or the new complete file, never a partial one. */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';

const HELD_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** One turn of the event loop, including its poll phase (where a caught signal reaches its listeners). */
const loopTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Writes to a temporary file in the same folder, then renames it over `path`; the temporary file is removed on failure.
 * SIGINT and SIGTERM are held only while the file is written: one that arrives then ends the process
 * (exit 128 + signal number) once the temporary file is gone. At any other time they keep their default effect,
 * so a long render or batch stays interruptible.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let caught: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => void (caught ??= signal);
  for (const signal of HELD_SIGNALS) process.on(signal, hold);
  try {
    try {
      writeFileSync(temp, data);
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
