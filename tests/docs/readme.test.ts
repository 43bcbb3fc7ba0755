/** The README's generated tables are current, and its Quick start names the commands that exist. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { updateReadme } from '../../scripts/readmeTables.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('README', () => {
  it('has its generated tables up to date (run npx tsx scripts/generate-readme.ts)', () => {
    expect(updateReadme(readme)).toBe(readme);
  });

  it('lists every statistics row id', () => {
    expect(readme).toContain('`applications.refusedStateSecret`');
    expect(readme).toContain('`capacity.funding`');
  });

  it('gives a Quick start whose two commands exist', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Use from TypeScript'));
    expect(quick).toContain('npm install && npm run example');
    expect(quick).toContain('npm test');
    expect(pkg.scripts.example).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
  });
});
