import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{schema,server,seed,web}/src/**/*.test.{ts,tsx}', 'test/src/**/*.test.ts'],
    benchmark: { include: ['test/src/bench/**/*.bench.ts'] },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own embedded database; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
