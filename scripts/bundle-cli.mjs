/**
 * Bundles the command line into one file, in place of tsc's dist/src/cli.js: the CLI's modules and zod in a single
 * ES module, so that a new CLI process reads and compiles one file instead of a few hundred (about 70 ms of a cold
 * render). Same place, same paths: everything the CLI finds relative to its own file (the package root, the editor
 * page, fonts) is found as before. fontkit and yaml stay outside (loaded with require when a report needs them).
 * The library itself (dist/src/index.js and the rest) is left as tsc wrote it. Run by `npm run build` after tsc.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, 'dist', 'src', 'cli.js');
await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['fontkit', 'yaml'],
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});
console.log(`dist/src/cli.js: ${Math.round(statSync(outfile).size / 1024)} KB (bundled)`);
