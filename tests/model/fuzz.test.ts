import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport as validateReport, type ValidationResult } from '../../src/model/index.js';
import { loadFixture } from './loadFixture.js';

type Path = Array<string | number>;

/** Every path (to objects, arrays and leaves) of a JSON value. */
function allPaths(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...base, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...base, k]));
  }
  return out;
}

const FIXTURE_PATHS = allPaths(loadFixture()).filter((p) => p.length > 0);

/** Replaces (or deletes) the value at a path of a fresh fixture. */
function mutate(path: Path, value: unknown, remove: boolean): unknown {
  const root = loadFixture() as unknown as Record<string | number, unknown>;
  let parent = root;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove) delete parent[last];
  else parent[last] = value;
  return root;
}

/** The invariants of every result. */
function expectWellFormed(result: ValidationResult): void {
  expect(typeof result.ok).toBe('boolean');
  expect(result.ok).toBe(result.errors.length === 0);
  expect(result.report !== undefined).toBe(result.ok);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(typeof issue.code).toBe('string');
    expect(typeof issue.path).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  expect(result.errors.every((e) => e.severity === 'error')).toBe(true);
  expect(result.warnings.every((w) => w.severity === 'warning')).toBe(true);
}

describe('validateReport never throws', () => {
  it('on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }), (input) => {
        expectWellFormed(validateReport(input));
      }),
      { numRuns: 300 },
    );
  });

  it('on the fixture with one value replaced or removed', () => {
    const target = fc.constantFrom(...FIXTURE_PATHS);
    const replacement = fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.double(), fc.integer());
    fc.assert(
      fc.property(target, replacement, fc.boolean(), (path, value, remove) => {
        expectWellFormed(validateReport(mutate(path, value, remove)));
      }),
      { numRuns: 300 },
    );
  });

  it('on random text in every text field, with a random font and strict mode', () => {
    const textPaths = FIXTURE_PATHS.filter((p) => typeof p.at(-1) === 'string' && ['text', 'lead', 'title', 'office', 'subtitle'].includes(p.at(-1) as string));
    fc.assert(
      fc.property(fc.constantFrom(...textPaths), fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), fc.integer({ min: 0, max: 0x2ffff }), (path, text, strict, missing) => {
        const input = mutate(path, text, false);
        expectWellFormed(validateReport(input, { strict, canDraw: (cp) => cp !== missing }));
      }),
      { numRuns: 300 },
    );
  });

  it('on hostile objects: throwing getters, proxies, cycles, odd options', () => {
    const throwing = loadFixture() as unknown as Record<string, unknown>;
    Object.defineProperty(throwing, 'metadata', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    const cyclic = loadFixture() as unknown as Record<string, any>;
    cyclic.sections.overview!.blocks.push(cyclic);
    const throwingFont = { canDraw: () => { throw new Error('font'); } };
    const cases: Array<[unknown, unknown]> = [[throwing, undefined], [proxy, undefined], [cyclic, undefined], [loadFixture(), throwingFont], [loadFixture(), 42], [loadFixture(), { limits: { maxBlocks: Number.NaN } }]];
    for (const [input, options] of cases) {
      const result = validateReport(input, options as never);
      expectWellFormed(result);
    }
    expect(validateReport(throwing).errors[0]!.code).toBe('invalid_input');
    expect(validateReport(loadFixture(), throwingFont).errors.some((e) => e.code === 'undrawable_character')).toBe(true);
  });
});

// Each of these texts once made a lint or a check backtrack or rescan; how long validation takes on them is measured by
// `npm run bench` (validation of hostile input), not here.
describe('validateReport on adversarial text', () => {
  const N = 99_000;
  const texts = ['年' + ','.repeat(N), 'a'.repeat(N) + '@', '年,' + ' '.repeat(N) + '年', 'http://' + 'a'.repeat(N), '{{a'.repeat(N / 3), '年('.repeat(N / 2)];
  for (const text of texts) {
    it(`20 fields of ${JSON.stringify(text.slice(0, 8))}… (${text.length} characters each)`, () => {
      const f = loadFixture();
      f.sections.fees!.blocks = Array.from({ length: 20 }, () => ({ type: 'paragraph' as const, text }));
      const result = validateReport(f, { canDraw: () => true });
      expectWellFormed(result);
    });
  }
});
