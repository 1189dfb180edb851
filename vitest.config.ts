import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    environment: 'node',
    // The site is built once for every browser test (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll's default second is too short on two loaded cores: a CI run once saw the xAPI client's first
    // dynamic import and reply take longer than that. A poll returns as soon as it passes, so this costs nothing.
    expect: { poll: { timeout: 10_000 } },
    // CLI tests spawn the real command line; keep them off the two cores' critical path.
    maxWorkers: 2,
    // Test files in a worker share its modules instead of importing them afresh (the imports took 90 s of a run,
    // now 14 s). Nothing here mocks modules or stubs globals; the engine's caches are keyed by the case.
    isolate: false,
  },
});
