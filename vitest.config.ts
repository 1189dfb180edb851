import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    environment: 'node',
    testTimeout: 30_000,
    // CLI tests spawn the real command line; keep them off the two cores' critical path.
    maxWorkers: 2,
  },
});
