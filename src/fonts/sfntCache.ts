/**
 * A disk cache of WOFF files converted to SFNT, so that a new process (a CLI run) reads the plain font
 * instead of inflating it again. It lives in node_modules/.cache/xxgk-report next to the package (or in
 * XXGK_REPORT_CACHE_DIR); when that folder cannot be written, fonts are simply converted in memory.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT, PACKAGE_VERSION } from '../packageInfo.js';
import { sfntSizeOfWoff, woffToSfnt } from './sfnt.js';

function cacheDir(): string {
  return process.env.XXGK_REPORT_CACHE_DIR || join(PACKAGE_ROOT, 'node_modules', '.cache', 'xxgk-report');
}

/** The SFNT bytes of a WOFF file, from the disk cache when a valid entry exists. */
export function readWoffAsSfnt(path: string): Uint8Array {
  const woff = readFileSync(path);
  const stat = statSync(path);
  const expected = sfntSizeOfWoff(woff);
  const entry = join(cacheDir(), `${basename(path)}.${stat.size}.${Math.trunc(stat.mtimeMs)}.${PACKAGE_VERSION}.sfnt`);
  try {
    const cached = readFileSync(entry);
    if (cached.length === expected && cached.readUInt32BE(0) === woff.readUInt32BE(4)) return cached;
  } catch {
    // no usable entry
  }
  const sfnt = woffToSfnt(woff);
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const temp = `${entry}.${process.pid}.tmp`;
    writeFileSync(temp, sfnt);
    renameSync(temp, entry);
  } catch {
    // a read-only installation: keep the converted font in memory only
  }
  return sfnt;
}
