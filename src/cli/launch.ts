/**
 * The command's entry point, the package's `bin` (built into dist/src/cli.cjs, a CommonJS script, which a new process
 * starts sooner than an ES module): runs the command line, bundled into one CommonJS file (dist/src/cli.bundle.cjs, from
 * src/cli.ts), with V8's code cache. dist/src/cli.js runs it for those who start the CLI by that name.
 *
 * A new process spends much of a short run compiling the code it is about to run. So the first run of each command
 * (render, validate …) keeps, when it ends, the code V8 compiled for it in the library's cache folder (cacheDirs.ts),
 * and later runs of that command start from it. The cache is named by the Node.js version and architecture and by a
 * hash of the bundle's contents (written into this file when it is built); V8 checks it again (its own version and
 * flags) and rejects one that does not fit, which is then written anew. A damaged or foreign cache entry costs only the
 * compilation it would have saved: what the command does, prints and writes is the same with or without it.
 * `XXGK_REPORT_CODE_CACHE=0` turns it off. Writing a command's entry removes that command's entries of other
 * bundles or Node.js versions from the same folder, so that upgrades do not pile up entries nothing will read again.
 */
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { cacheDirs, writeCacheEntry } from '../cacheDirs.js';

/** SHA-256 of the bundle's contents, set by scripts/bundle-cli.mjs when it builds this file. */
declare const __BUNDLE_HASH__: string;

const COMMANDS = new Set(['init', 'validate', 'render', 'text', 'schema', 'serve']);

/** Commands that run for long (a server): V8's optimizing compiler is on from their start. */
const LONG_RUNNING = new Set(['serve']);

/**
 * How long another command runs before V8's optimizing compiler (TurboFan) is turned on, in milliseconds. One report
 * is validated or rendered in about this time from a cold start, too soon for that compiler's work to pay back: with
 * it off, such a run is about a fifth shorter on a 2-core machine (measured: 289 → 229 ms, median of 21, for the
 * seed), and a command of many reports has it from then on (40 reports: the same time either way). What a command
 * does, prints and writes is the same: V8's tiers compute the same values.
 */
const BASELINE_MS = 300;

/** Runs the bundled command line `bundle` (a CommonJS file) in this process, with a code cache per command. */
export function runBundle(bundle: string): void {
  // The bundle is ASCII (scripts/bundle-cli.mjs checks), so Latin-1 reads it exactly, and faster than UTF-8.
  const source = readFileSync(bundle, 'latin1').replace(/^#!.*/, '');
  const command = COMMANDS.has(process.argv[2] ?? '') ? process.argv[2]! : 'other';
  const prefix = `cli-${command}-`;
  const name = `${prefix}${process.version}-${process.arch}-${__BUNDLE_HASH__.slice(0, 16)}.v8cache`;
  const baseline = !LONG_RUNNING.has(command);
  if (baseline) {
    setFlagsFromString('--no-turbofan');
    setTimeout(() => setFlagsFromString('--turbofan'), BASELINE_MS).unref();
  }
  const dirs = process.env.XXGK_REPORT_CODE_CACHE === '0' ? [] : cacheDirs();
  let cachedData: Buffer | undefined;
  for (const dir of dirs) {
    try {
      cachedData = readFileSync(join(dir, name));
      break;
    } catch {
      // no entry here
    }
  }
  // The wrapper of a CommonJS module, as Node's own loader writes it (Module.wrap).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (dirs.length > 0 && (!cachedData || script.cachedDataRejected)) {
    // Written when the command is done, so that it holds the code of everything the command ran.
    process.once('exit', () => {
      try {
        // V8 accepts an entry only under the flags it was made with: those the next run starts with.
        if (baseline) setFlagsFromString('--no-turbofan');
        const dir = writeCacheEntry(dirs, name, script.createCachedData());
        if (dir !== undefined) removeOtherEntries(dir, prefix, name);
      } catch {
        // a cache is only ever a saving
      }
    });
  }
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

/** Removes the entries `prefix…\.v8cache` of `dir` other than `keep` (older bundles or Node.js versions); never throws. */
function removeOtherEntries(dir: string, prefix: string, keep: string): void {
  for (const entry of readdirSync(dir)) {
    if (entry === keep || !entry.startsWith(prefix) || !entry.endsWith('.v8cache')) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

runBundle(join(dirname(fileURLToPath(import.meta.url)), 'cli.bundle.cjs'));
