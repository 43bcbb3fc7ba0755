import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name === 'xxgk-report') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('xxgk-report: cannot find the package root (package.json)');
    dir = up;
  }
}

/** The folder holding the package's package.json (works from src/ and from dist/). */
export const PACKAGE_ROOT = findPackageRoot();

/** The package's version, written into every PDF's Creator. */
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
