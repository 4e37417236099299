// `npm run user`: names the database it writes to, refuses to create the server's default file, reports a
// duplicate name in one line (no stack), deactivates a user (the running server refuses their tokens within
// AUTH_RECHECK_MS) and lifts a lock.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../server/env.js';
import type { TestApp } from '../../helpers/test-app.js';
import { TestClock, appOnClock, demoPassword, expectProblem, requestToken, wrongAttempts } from './sign-in-helpers.js';

const repo = resolve(import.meta.dirname, '../../..');
const tsx = join(repo, 'node_modules/.bin/tsx');
const cli = join(repo, 'server/cli/user.ts');
const run = promisify(execFile);

/** Runs the CLI in `cwd` with `env`; answers exit code, stdout and stderr. */
async function user(args: string[], cwd: string, env: Record<string, string> = {}) {
  const { DATABASE_URL: _unset, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let cwd: string;
let t: TestApp;
const clock = new TestClock();
beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'user-cli-'));
  t = await appOnClock(clock);
});
afterAll(async () => {
  await t.close();
});

describe('npm run user', () => {
  it('refuses to run on the default file when it does not exist, creating nothing', async () => {
    const res = await user(['list'], cwd);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe(
      `user: no database at ${join(cwd, 'data/legal-review.db')} (the server's default). Name one: DATABASE_URL=file:/path/to.db npm run user -- ... or --db file:/path/to.db`,
    );
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });

  it('names the database it writes to and reports a duplicate name in one line', async () => {
    const env = { DATABASE_URL: `file:${t.dbPath}` };
    const args = ['create', '--username', 'cli-user', '--password', 'cli-password', '--roles', 'handler'];
    const created = await user(args, cwd, env);
    expect(created.code).toBe(0);
    expect(created.stderr).toBe(`user: database file:${t.dbPath} (${t.dbPath})\n`);
    expect(JSON.parse(created.stdout)).toMatchObject({ username: 'cli-user', roles: ['handler'] });
    const again = await user(args, cwd, env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([
      `user: database file:${t.dbPath} (${t.dbPath})`,
      'user: username "cli-user" already exists; nothing was changed',
    ]);
  });

  it("deactivates a user: the running server refuses the user's token once AUTH_RECHECK_MS has passed", async () => {
    const token = await t.services.users.issueToken(t.users.auditor1.id);
    const ok = await t.app.request('/api/v1/cases', { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const res = await user(['--db', `file:${t.dbPath}`, 'deactivate', '--username', 'auditor1'], cwd);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ username: 'auditor1', active: false });
    clock.advance(parseEnv({}).AUTH_RECHECK_MS);
    const refused = await t.app.request('/api/v1/cases', { headers: { Authorization: `Bearer ${token}` } });
    await expectProblem(refused, 401, '/problems/unauthorized');
    expect((await user(['--db', `file:${t.dbPath}`, 'deactivate', '--username', 'nobody'], cwd)).stderr).toContain(
      'no user named "nobody"',
    );
  });

  it('unlocks a locked account', async () => {
    await wrongAttempts(t, 'reviewer2', 20, '192.0.2.80');
    await expectProblem(await requestToken(t, 'reviewer2', demoPassword, '192.0.2.80'), 423, '/problems/account-locked');
    const res = await user(['--db', `file:${t.dbPath}`, 'unlock', '--username', 'reviewer2'], cwd);
    expect(res.code).toBe(0);
    expect((await requestToken(t, 'reviewer2', demoPassword, '192.0.2.80')).status).toBe(200);
  });
});
