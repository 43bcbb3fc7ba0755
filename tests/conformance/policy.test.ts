/**
 * The missing-tool policy of tests/helpers/conformance.ts: skipped with a
 * warning outside CI, failing under CI. Checked both as a pure function and
 * end-to-end, by running policy-fixture/policy.fixture.ts in a nested vitest
 * process with and without CI set.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakedMissing, isCI, toolPolicy } from '../helpers/conformance.js';

describe('toolPolicy', () => {
  it('runs when the tool is available, whatever CI says', () => {
    expect(toolPolicy(true, 'poppler-utils', { CI: 'true' })).toEqual({ action: 'run' });
    expect(toolPolicy(true, 'poppler-utils', {})).toEqual({ action: 'run' });
  });

  it('fails under CI, naming the package', () => {
    const d = toolPolicy(false, 'poppler-utils', { CI: 'true' });
    expect(d.action).toBe('fail');
    expect(d.action !== 'run' && d.message).toContain('poppler-utils');
  });

  it('skips outside CI, naming the package', () => {
    for (const env of [{}, { CI: '' }, { CI: 'false' }, { CI: '0' }]) {
      const d = toolPolicy(false, 'fonts-arphic-ukai', env);
      expect(d.action).toBe('skip');
      expect(d.action !== 'run' && d.message).toContain('fonts-arphic-ukai');
    }
  });

  it('reads CI and XXGK_FAKE_MISSING_TOOLS', () => {
    expect(isCI({ CI: 'true' })).toBe(true);
    expect(isCI({ CI: '1' })).toBe(true);
    expect(isCI({})).toBe(false);
    expect(fakedMissing('poppler', {})).toBe(false);
    expect(fakedMissing('poppler', { XXGK_FAKE_MISSING_TOOLS: '1' })).toBe(true);
    expect(fakedMissing('preflight', { XXGK_FAKE_MISSING_TOOLS: 'all' })).toBe(true);
    expect(fakedMissing('fonts', { XXGK_FAKE_MISSING_TOOLS: 'poppler, fonts' })).toBe(true);
    expect(fakedMissing('preflight', { XXGK_FAKE_MISSING_TOOLS: 'poppler,fonts' })).toBe(false);
  });
});

type Assertion = { fullName: string; status: string; failureMessages: string[] };

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function runFixture(ci: boolean): Promise<{ code: number; stderr: string; tests: Assertion[] }> {
  const vitestBin = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const out = join(mkdtempSync(join(tmpdir(), 'xxgk-policy-')), 'report.json');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(VITEST|CI$|XXGK_FAKE_MISSING_TOOLS$)/.test(k)) env[k] = v;
  }
  if (ci) env.CI = 'true';
  env.NO_COLOR = '1';
  const args = [
    vitestBin,
    'run',
    '--config',
    join(here, 'policy-fixture', 'vitest.config.ts'),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, cwd: join(here, '..', '..') }, (error, _stdout, stderr) => {
      try {
        const report = JSON.parse(readFileSync(out, 'utf8')) as {
          testResults: { assertionResults: Assertion[] }[];
        };
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stderr,
          tests: report.testResults.flatMap((f) => f.assertionResults),
        });
      } catch (e) {
        reject(new Error(`nested vitest run failed: ${String(e)}\n${stderr}`));
      }
    });
  });
}

describe('describeWithTool / itWithTool / requireTool in a real vitest run', () => {
  it('outside CI: skips the tests and prints a warning naming each package', async () => {
    const r = await runFixture(false);
    expect(r.code).toBe(0);
    const byStatus = (s: string) => r.tests.filter((t) => t.status === s).map((t) => t.fullName);
    expect(byStatus('failed')).toEqual([]);
    expect(byStatus('passed')).toEqual(['block with its tool present runs']);
    expect(byStatus('skipped')).toHaveLength(3);
    for (const pkg of ['fake-package-a', 'fake-package-b', 'fake-package-c']) {
      expect(r.stderr).toContain(`missing Debian package(s): ${pkg}`);
    }
  });

  it('under CI: fails, with a message naming each missing package', async () => {
    const r = await runFixture(true);
    expect(r.code).not.toBe(0);
    const failed = r.tests.filter((t) => t.status === 'failed');
    expect(failed).toHaveLength(3);
    const messages = failed.map((t) => t.failureMessages.join('\n')).join('\n');
    for (const pkg of ['fake-package-a', 'fake-package-b', 'fake-package-c']) {
      expect(messages).toContain(`Missing Debian package(s): ${pkg}`);
    }
    expect(r.tests.find((t) => t.fullName === 'block with its tool present runs')?.status).toBe('passed');
    // the block's own tests are still listed, as skipped
    expect(r.tests.find((t) => t.fullName.endsWith('inner test'))?.status).toBe('skipped');
  });
});
