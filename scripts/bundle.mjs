/**
 * Builds the command line and the render worker for a fast start (run by `npm run build` after tsc):
 *
 *  - dist/src/cli.bundle.cjs: src/cli.ts with every module of the library and zod in one CommonJS file, so that a new
 *    process reads one file instead of a few hundred and V8's code cache applies to all of it (fontkit and yaml stay
 *    outside, loaded with require when a report needs them);
 *  - dist/src/cli.cjs, the package's `bin`: src/cli/launch.ts, which runs the bundle with the code cache of its
 *    command, as a CommonJS script (a new process starts it sooner than an ES module);
 *  - dist/src/cli.js, in place of tsc's: an ES module that runs dist/src/cli.cjs, for `node dist/src/cli.js`;
 *  - dist/src/batch/renderWorker.bundle.cjs and dist/src/batch/renderWorker.cjs: the same for the worker thread of
 *    renderMany and RenderPool (src/batch/renderWorker.ts, started by src/batch/workerLaunch.ts).
 *
 * Each sits where tsc's file of the same module was, so that everything it finds relative to its own file (the package
 * root, the editor page, the fonts) is found as before. The library itself (dist/src/index.js …) is left as tsc wrote it.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'src');
const common = { bundle: true, platform: 'node', target: 'node20', legalComments: 'eof', logLevel: 'warning', format: 'cjs' };

/** Bundles `entry` (a path under src/) into `outfile`, ASCII only; returns the SHA-256 of its contents. */
async function bundle(entry, outfile) {
  await build({
    ...common,
    entryPoints: [join(root, 'src', entry)],
    outfile,
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
  const escaped = readFileSync(outfile, 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(outfile, escaped);
  const bytes = readFileSync(outfile);
  if (bytes.some((b) => b > 0x7f)) throw new Error(`${outfile} is not ASCII`);
  // The launcher names its code cache by the bundle's contents (V8 itself checks only the source's length).
  return createHash('sha256').update(bytes).digest('hex');
}

/** Builds the launcher `entry` (a path under src/) of a bundle whose contents hash to `hash` into `outfile`. */
async function launcher(entry, outfile, hash, shebang) {
  await build({
    ...common,
    entryPoints: [join(root, 'src', entry)],
    outfile,
    charset: 'utf8',
    banner: { js: `${shebang ? '#!/usr/bin/env node\n' : ''}"use strict";\nvar __launcherUrl = require("node:url").pathToFileURL(__filename).href;` },
    define: { __BUNDLE_HASH__: JSON.stringify(hash), 'import.meta.url': '__launcherUrl' },
  });
}

const cliHash = await bundle('cli.ts', join(out, 'cli.bundle.cjs'));
await launcher(join('cli', 'launch.ts'), join(out, 'cli.cjs'), cliHash, true);
chmodSync(join(out, 'cli.cjs'), 0o755);
writeFileSync(
  join(out, 'cli.js'),
  "#!/usr/bin/env node\n// The command line (see cli.cjs, the package's bin).\nimport { createRequire } from 'node:module';\n\ncreateRequire(import.meta.url)('./cli.cjs');\n",
  { mode: 0o755 },
);
const workerHash = await bundle(join('batch', 'renderWorker.ts'), join(out, 'batch', 'renderWorker.bundle.cjs'));
await launcher(join('batch', 'workerLaunch.ts'), join(out, 'batch', 'renderWorker.cjs'), workerHash, false);

const kb = (f) => `${Math.round(statSync(join(out, f)).size / 1024)} KB`;
console.log(['cli.bundle.cjs', 'cli.cjs', 'batch/renderWorker.bundle.cjs', 'batch/renderWorker.cjs'].map((f) => `dist/src/${f} ${kb(f)}`).join(', '));
