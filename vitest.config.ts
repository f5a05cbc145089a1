import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const requireFromServer = createRequire(new URL('./server/package.json', import.meta.url));

/**
 * The suites that run on Neo4j as well: the store contract and the API over HTTP. They open their
 * store through test/src/harness.ts, which picks the kind this project provides.
 */
const onNeo4j = [
  'test/src/contract/neo4j.test.ts',
  'test/src/neo4j/**/*.test.ts',
  'test/src/api/**/*.test.ts',
  'test/src/import/**/*.test.ts',
  'test/src/backup/**/*.test.ts',
  'test/src/security/**/*.test.ts',
];

/** Suites about the embedded engine itself (killed processes, reopened folders, its commit counter). */
const embeddedOnly = [
  'test/src/import/answered-import.test.ts',
  'test/src/import/atomic.test.ts',
  'test/src/import/targets-atomic.test.ts',
  'test/src/backup/cli.test.ts',
  'test/src/backup/killed-restore.test.ts',
  'test/src/security/failures.test.ts',
  'test/src/security/session-changes.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds without an exports map: Vite would hand our sources the
    // ESM build while graphql-yoga, loaded by Node, gets the CommonJS one, and GraphQLError thrown by
    // our resolvers would then not be recognised (and masked). One copy for everyone.
    alias: [{ find: /^graphql$/, replacement: requireFromServer.resolve('graphql') }],
  },
  test: {
    reporters: ['default', './test/reporters/summary-line.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database; two cores do not gain from more workers.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'embedded',
          include: ['{schema,server,seed,web}/src/**/*.test.{ts,tsx}', 'test/src/**/*.test.ts'],
          // The benchmarks choose their stores themselves (stores.bench.ts runs both): in one project
          // only, or `vitest bench` would run each file twice and start the neo4j project's server.
          benchmark: { include: ['test/src/bench/**/*.bench.ts'] },
          exclude: ['**/node_modules/**', 'test/src/contract/neo4j.test.ts', 'test/src/neo4j/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: onNeo4j,
          benchmark: { include: [] },
          exclude: ['**/node_modules/**', ...embeddedOnly],
          // Read by test/src/harness.ts (a project's `env` does not reach its workers).
          provide: { testStore: 'neo4j' },
          // Seeding over Bolt plans each statement once per server: the first file of a worker waits longest.
          hookTimeout: 300_000,
          // A real Neo4j, started here unless NEO4J_URI is set; a Neo4j that cannot start fails the run.
          globalSetup: ['./test/src/neo4j/global-setup.ts'],
        },
      },
    ],
  },
});
