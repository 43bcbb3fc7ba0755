// Run only by tests/conformance/policy.test.ts (in a nested vitest process,
// with and without CI set). Not matched by the project's *.test.ts include.
import { expect, it } from 'vitest';
import { describeWithTool, itWithTool, requireTool } from '../../helpers/conformance.js';

describeWithTool(false, 'fake-package-a', 'block needing a', () => {
  it('inner test', () => {
    expect(1).toBe(1);
  });
});

itWithTool(false, 'fake-package-b', 'single test needing b', () => {
  expect(1).toBe(1);
});

it('test calling requireTool for c', (ctx) => {
  requireTool(false, 'fake-package-c', ctx);
  expect(1).toBe(1);
});

describeWithTool(true, 'present-package', 'block with its tool present', () => {
  it('runs', () => {
    expect(1).toBe(1);
  });
});
