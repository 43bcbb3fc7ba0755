/**
 * A disk cache of WOFF files converted to SFNT, so that a new process (a CLI run) reads the plain font instead of
 * inflating it again; it lives in the library's cache folder (cacheDirs.ts), else the fonts are converted in memory.
 * An entry is named by the file's name, size and time and the library's version; writing one removes the entries
 * of the same file name made for another copy or version.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cacheDirs, removeOtherEntries, writeCacheEntry } from '../cacheDirs.js';
import { PACKAGE_VERSION } from '../packageInfo.js';
import { sfntSizeOfWoff, woffToSfnt } from './sfnt.js';

/** The WOFF header and table directory of a file (all that the cache check needs), with the file's size and time. */
function readWoffHead(path: string): { head: Buffer; size: number; mtimeMs: number } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    const read = (length: number) => {
      const buf = Buffer.alloc(length);
      return buf.subarray(0, readSync(fd, buf, 0, length, 0));
    };
    let head = read(44);
    if (head.length === 44) head = read(44 + 20 * head.readUInt16BE(12));
    return { head, size: stat.size, mtimeMs: stat.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** The SFNT bytes of a WOFF file, from the disk cache when a valid entry exists (then only the WOFF's directory is read). */
export function readWoffAsSfnt(path: string): Uint8Array {
  const { head, size, mtimeMs } = readWoffHead(path);
  const name = `${basename(path)}.${size}.${Math.trunc(mtimeMs)}.${PACKAGE_VERSION}.sfnt`;
  const dirs = cacheDirs();
  if (head.length >= 44 && head.length === 44 + 20 * head.readUInt16BE(12)) {
    const expected = sfntSizeOfWoff(head);
    for (const dir of dirs) {
      try {
        const cached = readFileSync(join(dir, name));
        if (cached.length === expected && cached.readUInt32BE(0) === head.readUInt32BE(4)) return cached;
      } catch {
        // no usable entry here
      }
    }
  }
  const woff = readFileSync(path);
  const sfnt = woffToSfnt(woff);
  // An entry made from another copy or version of this file (another install, another version of the library) is
  // not read again once this one is written: it is removed, so that reinstalls do not pile up converted fonts.
  const dir = writeCacheEntry(dirs, name, sfnt);
  if (dir !== undefined) removeOtherEntries(dir, `${basename(path)}.`, '.sfnt', name);
  return sfnt;
}
