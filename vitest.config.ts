import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // The fast suite first; the real-Asterisk suite after it (group 1).
          sequence: { groupOrder: 0 },
          testTimeout: 10_000,
          // The leak test measures the heap after a full collection.
          execArgv: ['--expose-gc'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // One Asterisk per test file; files run one after another to keep a 2-core machine calm.
          fileParallelism: false,
          globalSetup: ['test/integration/support/global-setup.ts'],
        },
      },
    ],
  },
});
