// Config for the nested vitest run made by tests/conformance/policy.test.ts:
// it runs only policy.fixture.ts, whose tools are all "missing".
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.fixture.ts'],
    pool: 'forks',
  },
});
