/**
 * Reading a file that may be anything (a device, a pipe, a huge file) without reading more than a cap: the one reader
 * behind the CLI's report input and the fonts a caller names by path.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The bytes of `file`, or null when it holds more than `cap` bytes (a regular file is refused by its size, unread;
 * a device or pipe is read to one byte past the cap). Errors of opening and reading (ENOENT, EISDIR …) are thrown
 * as they are, for the caller to word.
 */
export function readAtMost(file: string, cap: number): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > cap) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte more than the cap tells "exactly the cap" from "more than the cap".
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, cap + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
      if (n === 0) break;
      total += n;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      if (total > cap) return null;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
