/**
 * The built CLI and editor page for the tests that run them (`npm test` builds first; a direct `vitest run` may find
 * no build, or one older than the sources, and builds then).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The CLI as installed: the package's `bin`. */
export const CLI = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['xxgk-report']!);
const PAGE = join(ROOT, 'dist/web/editor.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = (built: string, ...sources: string[]) => !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map((s) => newestMtime(join(ROOT, s))));

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Builds dist/src (and the bundled CLI and its launcher in it) when it is missing or older than its sources. */
export function ensureCliBuilt(): void {
  if (stale(CLI, 'src')) {
    run('npx', ['tsc', '-p', 'tsconfig.build.json']);
    run(process.execPath, [join(ROOT, 'scripts/bundle.mjs')]);
  }
}

/** Builds dist/src and dist/web when they are missing or older than their sources. */
export function ensureBuilt(): void {
  ensureCliBuilt();
  if (stale(PAGE, 'web', 'src/model')) run(process.execPath, [join(ROOT, 'web/build.mjs')]);
}
