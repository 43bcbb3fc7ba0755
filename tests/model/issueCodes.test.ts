/** The table of issue codes holds every code the validator emits, and nothing it never emits. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/model/issueCodes.js';

const SOURCES = ['../../src/model/', '../../src/'].flatMap((dir) => {
  const url = new URL(dir, import.meta.url);
  return readdirSync(url)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, url), 'utf8'));
});

/** Codes in the sources: error('x', warning('x', code: 'x', and the forbidden-character classes. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  const patterns = [/\b(?:error|warning)\(\s*'([a-z_]+)'/g, /\bcode: '([a-z_]+)'/g];
  for (const text of SOURCES) for (const re of patterns) for (const m of text.matchAll(re)) codes.add(m[1]!);
  const forbidden = SOURCES.find((t) => t.includes('export type ForbiddenCharacterCode'))!;
  const union = forbidden.slice(forbidden.indexOf('export type ForbiddenCharacterCode'), forbidden.indexOf(';', forbidden.indexOf('export type ForbiddenCharacterCode')));
  for (const m of union.matchAll(/'([a-z_]+)'/g)) codes.add(m[1]!);
  return codes;
}

describe('issue codes', () => {
  const emitted = emittedCodes();

  it('finds the codes in the sources (the scan itself works)', () => {
    expect(emitted.size).toBeGreaterThan(40);
    expect(emitted).toContain('sum_mismatch');
    expect(emitted).toContain('private_use');
  });

  it('documents every code the validator emits', () => {
    expect([...emitted].filter((c) => !Object.hasOwn(ISSUE_CODES, c)).sort()).toEqual([]);
  });

  it('documents no code that is never emitted', () => {
    expect(Object.keys(ISSUE_CODES).filter((c) => !emitted.has(c)).sort()).toEqual([]);
  });

  it('gives each code a Chinese and an English meaning', () => {
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      expect(info.zh, code).toMatch(/\p{Script=Han}/u);
      expect(info.en.length, code).toBeGreaterThan(5);
    }
  });
});
