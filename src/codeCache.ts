/**
 * Runs a bundled CommonJS file of the library (the command line, the render worker) with V8's code cache, so that a
 * new process or thread does not compile again the code an earlier one compiled.
 *
 * An entry is named by its kind, the Node.js version and architecture, and a hash of the bundle's contents; V8 checks
 * it again (its own version and flags) and rejects one that does not fit, which is then written anew. A damaged or
 * foreign entry costs only the compilation it would have saved: what the code does is the same with or without it.
 * `XXGK_REPORT_CODE_CACHE=0` turns the cache off. Writing an entry removes the entries of the same kind made for
 * other bundles or Node.js versions from its folder, so that upgrades do not pile up entries nothing will read again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheDirs, removeOtherEntries, writeCacheEntry } from './cacheDirs.js';

/** A bundle compiled with its code cache entry, ready to run. */
export interface CachedBundle {
  /**
   * Writes the code cache entry, holding the code of everything compiled so far, when no usable entry was read;
   * undefined when one was (or the cache is off). Call it once the code that matters has run. Never throws.
   */
  readonly saveCodeCache: (() => void) | undefined;
  /** Runs the bundle in this thread and returns what it exported (`module.exports`). */
  run(): Record<string, unknown>;
}

/**
 * Compiles the bundle `bundle` (a CommonJS file, ASCII: read as Latin-1, byte for character, faster than UTF-8) with
 * the code cache entry `${kind}-<node version>-<arch>-<hash>.v8cache` when there is one; `run` then runs it.
 */
export function compileCachedBundle(bundle: string, kind: string, bundleHash: string): CachedBundle {
  const source = readFileSync(bundle, 'latin1').replace(/^#!.*/, '');
  const prefix = `${kind}-`;
  const name = `${prefix}${process.version}-${process.arch}-${bundleHash.slice(0, 16)}.v8cache`;
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
  let saved = false;
  const saveCodeCache =
    dirs.length > 0 && (!cachedData || script.cachedDataRejected)
      ? () => {
          if (saved) return;
          saved = true;
          try {
            const dir = writeCacheEntry(dirs, name, script.createCachedData());
            if (dir !== undefined) removeOtherEntries(dir, prefix, '.v8cache', name);
          } catch {
            // a cache is only ever a saving
          }
        }
      : undefined;
  const run = () => {
    const main = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
    const module = { exports: {} as Record<string, unknown> };
    main.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
    return module.exports;
  };
  return { saveCodeCache, run };
}
