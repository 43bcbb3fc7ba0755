import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontRole } from '../model/fontRole.js';
import { PACKAGE_ROOT } from '../packageInfo.js';
import { FontFace, parseFont } from './fontFace.js';
import { readWoffAsSfnt } from './sfntCache.js';

/** The weights the default family ships in. */
export type DefaultWeight = 'regular' | 'bold';

interface DefaultFontConfig {
  package: string;
  weights: Record<DefaultWeight, number>;
  primary: string;
  fallback: string;
  unicodeRanges: string;
  roles: Record<FontRole, DefaultWeight>;
}

/** A fallback face known by its Unicode ranges, parsed only when a character in those ranges is needed. */
export interface LazyFace {
  readonly ranges: readonly (readonly [number, number])[];
  load(): FontFace;
}

let config: DefaultFontConfig | undefined;
let packageDir: string | undefined;

function defaults(): { config: DefaultFontConfig; dir: string } {
  if (!config || !packageDir) {
    config = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fonts', 'default-fonts.json'), 'utf8')) as DefaultFontConfig;
    packageDir = packageDirOf(config.package);
  }
  return { config, dir: packageDir };
}

/**
 * The folder of the installed package `name`, found as Node finds a package required by this one: the first
 * `node_modules/<name>` of the folders Node would search. Its package.json is not read through the package's `exports`
 * (Node loads its ES module resolver for that, a few milliseconds of a cold start); when none of those folders holds
 * it (a resolver of another kind, such as Yarn's Plug'n'Play), Node's own resolution decides.
 */
function packageDirOf(name: string): string {
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  for (const folder of require.resolve.paths(name) ?? []) {
    const dir = join(folder, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return dirname(require.resolve(`${name}/package.json`));
}

/** The default weight of a role (bold for title and headings, regular otherwise). */
export function defaultWeightOf(role: FontRole): DefaultWeight {
  return defaults().config.roles[role];
}

const faceCache = new Map<string, FontFace>();

/** Loads a font file of the default family once per process. */
function loadDefaultFile(relative: string): FontFace {
  let face = faceCache.get(relative);
  if (!face) {
    const path = join(defaults().dir, relative);
    face = new FontFace(parseFont(readWoffAsSfnt(path), path), path);
    faceCache.set(relative, face);
  }
  return face;
}

/** The primary default face of a weight (Noto Sans SC, chinese-simplified subset). */
export function defaultPrimaryFace(weight: DefaultWeight): FontFace {
  const { config } = defaults();
  return loadDefaultFile(config.primary.replace('{weight}', String(config.weights[weight])));
}

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(lo!, 16);
    return [start, hi === undefined ? start : parseInt(hi, 16)];
  });
}

const fallbackCache = new Map<DefaultWeight, LazyFace[]>();

/** The default fallback chain of a weight: fontsource's numbered and script subsets, in their numeric order. */
export function defaultFallbackFaces(weight: DefaultWeight): readonly LazyFace[] {
  let chain = fallbackCache.get(weight);
  if (!chain) {
    const { config, dir } = defaults();
    const ranges = JSON.parse(readFileSync(join(dir, config.unicodeRanges), 'utf8')) as Record<string, string>;
    const order = (key: string) => (/^\[\d+\]$/.test(key) ? Number(key.slice(1, -1)) : 1000);
    chain = Object.keys(ranges)
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
      .map((key) => {
        const subset = key.replace(/^\[(\d+)\]$/, '$1');
        const file = config.fallback.replace('{subset}', subset).replace('{weight}', String(config.weights[weight]));
        return { ranges: parseRanges(ranges[key]!), load: () => loadDefaultFile(file) };
      });
    fallbackCache.set(weight, chain);
  }
  return chain;
}

/** How many font files of the default family have been parsed in this process (for tests of the cache). */
export function loadedDefaultFileCount(): number {
  return faceCache.size;
}
