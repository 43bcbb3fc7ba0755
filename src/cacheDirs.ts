/**
 * Where the library keeps its caches (converted fonts, the command line's code cache), the first that applies:
 *  1. XXGK_REPORT_CACHE_DIR, when set;
 *  2. `node_modules/.cache/xxgk-report` of the project being worked in: the nearest `node_modules` folder found by
 *     walking up from the working directory, where npm tools keep their caches;
 *  3. the user's cache folder: `$XDG_CACHE_HOME/xxgk-report` or `~/.cache/xxgk-report` (Linux and other systems),
 *     `~/Library/Caches/xxgk-report` (macOS), `%LOCALAPPDATA%\xxgk-report` (Windows).
 * Never inside the installed package itself. A folder that cannot be written is passed over; when none can, nothing
 * is cached and everything still works.
 */
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from './packageInfo.js';

/** What the cache location depends on; the defaults are those of the running process. */
export interface CacheEnvironment {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
  /** The installed package's own folder, never written to. */
  readonly packageRoot?: string;
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Whether `path` is `folder` or inside it. */
const within = (path: string, folder: string): boolean => {
  const r = relative(folder, path);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
};

const homeDirectory = (): string | undefined => {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
};

/**
 * The cache folders to try, best first: XXGK_REPORT_CACHE_DIR alone when it is set, else the project's
 * `node_modules/.cache/xxgk-report` (when a `node_modules` folder is found above the working directory) and the
 * user's cache folder.
 */
export function cacheDirs(environment: CacheEnvironment = {}): string[] {
  const env = environment.env ?? process.env;
  if (env.XXGK_REPORT_CACHE_DIR) return [resolve(env.XXGK_REPORT_CACHE_DIR)];
  const platform = environment.platform ?? process.platform;
  const packageRoot = resolve(environment.packageRoot ?? PACKAGE_ROOT);
  // An installed package sits in a node_modules folder; its own folder (and any node_modules inside it) is not the
  // project's. A clone of this repository is a project of its own, whose node_modules may hold the cache.
  const installed = packageRoot.split(sep).includes('node_modules');
  const dirs: string[] = [];

  for (let dir = resolve(environment.cwd ?? process.cwd()); ; dir = dirname(dir)) {
    const nodeModules = basename(dir) === 'node_modules' ? dir : join(dir, 'node_modules');
    if (!(installed && within(nodeModules, packageRoot)) && isDirectory(nodeModules)) {
      dirs.push(join(nodeModules, '.cache', 'xxgk-report'));
      break;
    }
    if (dirname(dir) === dir) break;
  }

  const home = environment.home ?? homeDirectory();
  let userCache: string | undefined;
  if (platform === 'win32') userCache = env.LOCALAPPDATA || (home ? join(home, 'AppData', 'Local') : undefined);
  else if (platform === 'darwin') userCache = home ? join(home, 'Library', 'Caches') : undefined;
  else userCache = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
  if (userCache) dirs.push(join(resolve(userCache), 'xxgk-report'));

  return dirs.filter((d) => !(installed && within(d, packageRoot)));
}

/**
 * The id of the running thread, from node:worker_threads loaded only when an entry is written: a command that finds
 * its entries does not load that module (a few milliseconds of a cold start).
 */
const threadId = (): number => (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')).threadId;

/**
 * Writes a cache entry into the first folder of `dirs` that can be written (through a temporary file renamed into
 * place, so that a reader never sees half an entry); returns that folder, or undefined when none could be written.
 * Never throws.
 */
export function writeCacheEntry(dirs: readonly string[], name: string, data: Uint8Array): string | undefined {
  for (const dir of dirs) {
    const entry = join(dir, name);
    const temp = `${entry}.${process.pid}-${threadId()}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, data);
      renameSync(temp, entry);
      return dir;
    } catch {
      // not writable (a read-only project or home): try the next folder
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
    }
  }
  return undefined;
}

/**
 * Removes the entries of `dir` named `prefix…suffix` other than `keep` (what an older bundle, Node.js, package
 * version or copy of a font left), so that upgrades and reinstalls do not pile up entries nothing will read again.
 * Never throws.
 */
export function removeOtherEntries(dir: string, prefix: string, suffix: string, keep: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === keep || !entry.startsWith(prefix) || !entry.endsWith(suffix)) continue;
    try {
      unlinkSync(join(dir, entry));
    } catch {
      // gone already, or not ours to remove
    }
  }
}
