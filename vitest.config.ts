import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const requireFromServer = createRequire(new URL('./server/package.json', import.meta.url));

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds without an exports map: Vite would hand our sources the
    // ESM build while graphql-yoga, loaded by Node, gets the CommonJS one, and GraphQLError thrown by
    // our resolvers would then not be recognised (and masked). One copy for everyone.
    alias: [{ find: /^graphql$/, replacement: requireFromServer.resolve('graphql') }],
  },
  test: {
    include: ['{schema,server,seed,web}/src/**/*.test.{ts,tsx}', 'test/src/**/*.test.ts'],
    benchmark: { include: ['test/src/bench/**/*.bench.ts'] },
    reporters: ['default', './test/reporters/summary-line.ts'],
    // A real Neo4j for the suites that run on both stores (started here unless NEO4J_URI is set).
    globalSetup: ['./test/src/neo4j/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own embedded database; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
