import { defineConfig } from 'vitest/config';

// Test files run in separate forks so each gets its own database and writer. Two projects: `libsql` runs every
// test on libSQL files (the default backend); `postgres` runs the API suite, the proof's HTTP replay, the
// restart tests and the PostgreSQL-only tests again on a real PostgreSQL (TEST_POSTGRES_URL, else embedded).
const apiSuite = [
  'test/server/**/*.test.ts',
  'test/proof/replay-*.test.ts',
  'test/proof/broken-guard.test.ts',
  'test/proof/db-trigger.test.ts',
  'test/proof/coercion/coercion-replay.test.ts',
  'test/proof/coercion/coercion-db-trigger.test.ts',
  'test/proof/licence/licence-replay.test.ts',
  'test/proof/licence/licence-db-trigger.test.ts',
  'test/proof/execution/execution-replay.test.ts',
  'test/proof/execution/execution-db-trigger.test.ts',
];
/** Tests of the libSQL file itself (its commit thread, file copies, tampering with the file, file CLIs). */
const fileOnly = [
  'test/server/commit-thread.test.ts',
  'test/server/ops/backup-restore.test.ts',
  'test/server/ops/seed-demo.test.ts',
  'test/server/audit/record-verify.test.ts',
  'test/server/review-law/documents-verify.test.ts',
  'test/server/audit/anchor.test.ts',
  'test/server/audit/witness.test.ts',
  'test/server/audit/export.test.ts',
  'test/server/audit/projections.test.ts',
  'test/server/desk/audit-desk.test.ts',
  'test/server/audit/record-hash-fast-path.test.ts',
  'test/server/users/user-cli.test.ts',
  'test/server/users/tokens.test.ts',
  'test/server/**/*.browser.test.ts',
  'test/server/desk/desk-browser.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'libsql',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/postgres/**'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...apiSuite, 'test/postgres/**/*.test.ts'],
          exclude: fileOnly,
          globalSetup: ['test/postgres-setup.ts'],
        },
      },
    ],
  },
});
