/**
 * Builds the command line for a fast start (run by `npm run build` after tsc):
 *
 *  - dist/src/cli.bundle.cjs: src/cli.ts with every module of the library and zod in one CommonJS file, so that a new
 *    process reads one file instead of a few hundred and V8's code cache applies to all of it (fontkit and yaml stay
 *    outside, loaded with require when a report needs them);
 *  - dist/src/cli.js, the package's `bin`, in place of tsc's: src/cli/launch.ts, which runs the bundle with the code
 *    cache of its command.
 *
 * Both sit where tsc's dist/src/cli.js was, so that everything the CLI finds relative to its own file (the package
 * root, the editor page, the fonts) is found as before. The library itself (dist/src/index.js …) is left as tsc wrote it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'src');
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'eof', charset: 'utf8', logLevel: 'warning' };
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile: join(out, 'cli.bundle.cjs'),
  format: 'cjs',
  external: ['fontkit', 'yaml'],
  // import() of a node: module becomes require (the bundle runs as a script, without an ES module loader).
  supported: { 'dynamic-import': false },
  // The bundle's own file stands for import.meta.url of every module in it.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: '"use strict";\nvar __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// The launcher names its code cache by the bundle's contents (V8 itself checks only the source's length).
const hash = createHash('sha256').update(readFileSync(join(out, 'cli.bundle.cjs'))).digest('hex');
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'launch.ts')],
  outfile: join(out, 'cli.js'),
  format: 'esm',
  banner: { js: '#!/usr/bin/env node' },
  define: { __BUNDLE_HASH__: JSON.stringify(hash) },
});
const kb = (f) => `${Math.round(statSync(join(out, f)).size / 1024)} KB`;
console.log(`dist/src/cli.bundle.cjs ${kb('cli.bundle.cjs')}, dist/src/cli.js ${kb('cli.js')}`);
