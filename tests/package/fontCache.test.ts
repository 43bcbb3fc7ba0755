/**
 * Where the converted default fonts are cached: XXGK_REPORT_CACHE_DIR, else the project's node_modules/.cache, else
 * the user's cache folder; never inside the installed package; in memory only when nothing can be written.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../src/fonts/sfnt.js';
import { cacheDirs } from '../../src/cacheDirs.js';
import { readWoffAsSfnt } from '../../src/fonts/sfntCache.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WOFF = join(ROOT, 'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-97-400-normal.woff');
const TMP = mkdtempSync(join(tmpdir(), 'xxgk-font-cache-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A fresh folder under TMP with the given sub-folders. */
function tree(name: string, folders: string[]): string {
  const base = join(TMP, name);
  for (const f of folders) mkdirSync(join(base, f), { recursive: true });
  mkdirSync(base, { recursive: true });
  return base;
}

describe('cacheDirs', () => {
  const linux = { platform: 'linux' as const, home: '/home/ann', packageRoot: ROOT };

  it('is XXGK_REPORT_CACHE_DIR alone when it is set', () => {
    expect(cacheDirs({ ...linux, env: { XXGK_REPORT_CACHE_DIR: '/srv/cache/fonts' }, cwd: ROOT })).toEqual(['/srv/cache/fonts']);
  });

  it('is the nearest node_modules/.cache/xxgk-report above the working directory, then the user cache', () => {
    const project = tree('project', ['node_modules', 'reports/2025']);
    const dirs = cacheDirs({ ...linux, env: {}, cwd: join(project, 'reports/2025') });
    expect(dirs).toEqual([join(project, 'node_modules/.cache/xxgk-report'), '/home/ann/.cache/xxgk-report']);
  });

  it('never lies inside the installed package, even when run from inside it', () => {
    const project = tree('consumer', ['node_modules/xxgk-report/node_modules/pdfkit', 'node_modules/xxgk-report/dist/src']);
    const installed = join(project, 'node_modules/xxgk-report');
    for (const cwd of [installed, join(installed, 'dist/src'), join(installed, 'node_modules/pdfkit')]) {
      const dirs = cacheDirs({ ...linux, env: {}, cwd, packageRoot: installed });
      expect(dirs[0], cwd).toBe(join(project, 'node_modules/.cache/xxgk-report'));
      for (const d of dirs) expect(d.startsWith(`${installed}/`), d).toBe(false);
    }
    // Nor when the user cache or the override would be inside it.
    expect(cacheDirs({ ...linux, env: { XDG_CACHE_HOME: join(installed, 'cache') }, cwd: project, packageRoot: installed })).toEqual([
      join(project, 'node_modules/.cache/xxgk-report'),
    ]);
  });

  it('uses the node_modules of a clone of this repository (a project of its own)', () => {
    expect(cacheDirs({ ...linux, env: {}, cwd: join(ROOT, 'src/fonts') })[0]).toBe(join(ROOT, 'node_modules/.cache/xxgk-report'));
  });

  it('falls back to the user cache folder of each system when no node_modules is found', () => {
    const cwd = join(tree('bare', ['a/b']), 'a/b');
    // The temporary folder holds no node_modules (whatever lies above it), so the user cache comes last.
    const last = (options: Parameters<typeof cacheDirs>[0]) => cacheDirs(options).at(-1);
    expect(last({ ...linux, env: { XDG_CACHE_HOME: '/var/cache/ann' }, cwd })).toBe('/var/cache/ann/xxgk-report');
    expect(last({ ...linux, env: {}, cwd })).toBe('/home/ann/.cache/xxgk-report');
    expect(last({ platform: 'darwin', home: '/Users/ann', packageRoot: ROOT, env: {}, cwd })).toBe('/Users/ann/Library/Caches/xxgk-report');
    expect(last({ platform: 'win32', home: '/Users/ann', packageRoot: ROOT, env: { LOCALAPPDATA: '/AppData/Local' }, cwd })).toBe('/AppData/Local/xxgk-report');
  });
});

describe('readWoffAsSfnt', () => {
  const saved = process.env.XXGK_REPORT_CACHE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.XXGK_REPORT_CACHE_DIR;
    else process.env.XXGK_REPORT_CACHE_DIR = saved;
  });
  const expected = woffToSfnt(readFileSync(WOFF));

  it('writes the converted font to the cache and reads it back from there', () => {
    const dir = join(TMP, 'cache-ok');
    process.env.XXGK_REPORT_CACHE_DIR = dir;
    expect(Buffer.from(readWoffAsSfnt(WOFF)).equals(Buffer.from(expected))).toBe(true);
    const entries = readdirSync(dir);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^noto-sans-sc-97-400-normal\.woff\.\d+\.\d+\..+\.sfnt$/);
    // A valid-looking entry (same length, same SFNT version) is used as it is: mark its last byte.
    const marked = Buffer.from(expected);
    marked[marked.length - 1] = marked[marked.length - 1]! ^ 0xff;
    writeFileSync(join(dir, entries[0]!), marked);
    expect(Buffer.from(readWoffAsSfnt(WOFF)).equals(marked)).toBe(true);
    // A damaged entry (wrong length) is ignored and replaced.
    writeFileSync(join(dir, entries[0]!), marked.subarray(0, 100));
    expect(Buffer.from(readWoffAsSfnt(WOFF)).equals(Buffer.from(expected))).toBe(true);
    expect(readFileSync(join(dir, entries[0]!)).equals(Buffer.from(expected))).toBe(true);
  });

  it('removes the entries of the same font made for another copy or version when it writes one, and only those', () => {
    const dir = join(TMP, 'cache-reinstalled');
    mkdirSync(dir, { recursive: true });
    process.env.XXGK_REPORT_CACHE_DIR = dir;
    // What earlier installs (other file times) and versions left, another font's entry, another kind of entry, and a
    // temporary file another process is still writing.
    const stale = ['noto-sans-sc-97-400-normal.woff.1.1796216349202.0.1.0.sfnt', 'noto-sans-sc-97-400-normal.woff.2.1796221505771.0.0.9.sfnt'];
    const others = [
      'noto-sans-sc-97-700-normal.woff.1.1796216349210.0.1.0.sfnt',
      'cli-render-v20.0.0-x64-0123456789abcdef.v8cache',
      'noto-sans-sc-97-400-normal.woff.1.1796216349202.0.1.0.sfnt.123-0.tmp',
    ];
    for (const name of [...stale, ...others]) writeFileSync(join(dir, name), 'old');
    expect(Buffer.from(readWoffAsSfnt(WOFF)).equals(Buffer.from(expected))).toBe(true);
    const left = readdirSync(dir);
    for (const name of stale) expect(left, name).not.toContain(name);
    for (const name of others) expect(left, name).toContain(name);
    expect(left.filter((f) => f.startsWith('noto-sans-sc-97-400-normal.woff.') && f.endsWith('.sfnt'))).toHaveLength(1);
    // An entry read from the cache removes nothing.
    writeFileSync(join(dir, stale[0]!), 'old');
    expect(Buffer.from(readWoffAsSfnt(WOFF)).equals(Buffer.from(expected))).toBe(true);
    expect(readdirSync(dir)).toContain(stale[0]);
  });

  it('converts in memory when the cache folder cannot be created', () => {
    // A path under a plain file cannot be a folder, whoever runs the test (root ignores permissions).
    const file = join(TMP, 'not-a-folder');
    writeFileSync(file, 'x');
    process.env.XXGK_REPORT_CACHE_DIR = join(file, 'cache');
    expect(Buffer.from(readWoffAsSfnt(WOFF)).equals(Buffer.from(expected))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
