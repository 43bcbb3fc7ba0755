/**
 * The command's entry point, the package's `bin` (built into dist/src/cli.cjs, a CommonJS script, which a new process
 * starts sooner than an ES module): runs the command line, bundled into one CommonJS file (dist/src/cli.bundle.cjs, from
 * src/cli.ts), with V8's code cache. dist/src/cli.js runs it for those who start the CLI by that name.
 *
 * A new process spends much of a short run compiling the code it is about to run. So the first run of each command
 * (render, validate …) keeps, when it ends, the code V8 compiled for it in the library's cache folder, and later runs
 * of that command start from it (codeCache.ts; the bundle's hash is written into this file when it is built).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { compileCachedBundle } from '../codeCache.js';

/** SHA-256 of the bundle's contents, set by scripts/bundle.mjs when it builds this file. */
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

/**
 * How fast V8's young generation grows, a factor per step (V8's default is 2). A render allocates about 30 MB while
 * its code is still interpreted (every intermediate number is an object then), and with the default growth the young
 * generation starts at 1 MB and is collected about ten times on its way up, copying what survives each time. Grown
 * eight times per step it is collected five times: a cold render of the seed runs 6 % fewer instructions (callgrind)
 * and takes about 10 ms less processor time, for about 11 MB more memory. The space never grows beyond V8's own limit.
 */
const YOUNG_GROWTH = 8;

/** Runs the bundled command line `bundle` (a CommonJS file) in this process, with a code cache per command. */
export function runBundle(bundle: string): void {
  const command = COMMANDS.has(process.argv[2] ?? '') ? process.argv[2]! : 'other';
  const baseline = !LONG_RUNNING.has(command);
  // Set before the bundle is compiled and never changed: V8 accepts a code cache entry only under the flags it was made with.
  setFlagsFromString(`--semi-space-growth-factor=${YOUNG_GROWTH}`);
  if (baseline) {
    setFlagsFromString('--no-turbofan');
    setTimeout(() => setFlagsFromString('--turbofan'), BASELINE_MS).unref();
  }
  const { saveCodeCache, run } = compileCachedBundle(bundle, `cli-${command}`, __BUNDLE_HASH__);
  // Written when the command is done (also when it exits at once), so that it holds the code of everything it ran.
  if (saveCodeCache)
    process.once('exit', () => {
      // V8 accepts an entry only under the flags it was made with: those the next run starts with.
      if (baseline) setFlagsFromString('--no-turbofan');
      saveCodeCache();
    });
  run();
}

runBundle(join(dirname(fileURLToPath(import.meta.url)), 'cli.bundle.cjs'));
