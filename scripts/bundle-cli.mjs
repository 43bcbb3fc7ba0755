/**
 * Builds the command line for a fast start (run by `npm run build` after tsc):
 *
 *  - dist/src/cli.bundle.cjs: src/cli.ts with every module of the library and zod in one CommonJS file, so that a new
 *    process reads one file instead of a few hundred and V8's code cache applies to all of it (fontkit and yaml stay
 *    outside, loaded with require when a report needs them);
 *  - dist/src/cli.cjs, the package's `bin`: src/cli/launch.ts, which runs the bundle with the code cache of its
 *    command, as a CommonJS script (a new process starts it sooner than an ES module);
 *  - dist/src/cli.js, in place of tsc's: an ES module that runs dist/src/cli.cjs, for `node dist/src/cli.js`.
 *
 * All sit where tsc's dist/src/cli.js was, so that everything the CLI finds relative to its own file (the package
 * root, the editor page, the fonts) is found as before. The library itself (dist/src/index.js …) is left as tsc wrote it.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'src');
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'eof', logLevel: 'warning' };
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile: join(out, 'cli.bundle.cjs'),
  format: 'cjs',
  // ASCII only (other characters written as escapes), so that the launcher reads it as Latin-1, byte for character,
  // into a one-byte string, without decoding UTF-8.
  charset: 'ascii',
  external: ['fontkit', 'yaml'],
  // import() of a node: module becomes require (the bundle runs as a script, without an ES module loader).
  supported: { 'dynamic-import': false },
  // The bundle's own file stands for import.meta.url of every module in it.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: '"use strict";\nvar __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// esbuild escapes the other characters of strings, templates and names; those left in regular expressions and
// comments are escaped here (\uXXXX means the same character there).
const escaped = readFileSync(join(out, 'cli.bundle.cjs'), 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(join(out, 'cli.bundle.cjs'), escaped);
const bundleBytes = readFileSync(join(out, 'cli.bundle.cjs'));
if (bundleBytes.some((b) => b > 0x7f)) throw new Error('dist/src/cli.bundle.cjs is not ASCII');
// The launcher names its code cache by the bundle's contents (V8 itself checks only the source's length).
const hash = createHash('sha256').update(bundleBytes).digest('hex');
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'launch.ts')],
  outfile: join(out, 'cli.cjs'),
  format: 'cjs',
  charset: 'utf8',
  banner: { js: '#!/usr/bin/env node\n"use strict";\nvar __launcherUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { __BUNDLE_HASH__: JSON.stringify(hash), 'import.meta.url': '__launcherUrl' },
});
chmodSync(join(out, 'cli.cjs'), 0o755);
writeFileSync(
  join(out, 'cli.js'),
  "#!/usr/bin/env node\n// The command line (see cli.cjs, the package's bin).\nimport { createRequire } from 'node:module';\n\ncreateRequire(import.meta.url)('./cli.cjs');\n",
  { mode: 0o755 },
);
const kb = (f) => `${Math.round(statSync(join(out, f)).size / 1024)} KB`;
console.log(`dist/src/cli.bundle.cjs ${kb('cli.bundle.cjs')}, dist/src/cli.cjs ${kb('cli.cjs')}`);
