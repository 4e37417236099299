// `npm start` runs the server built by scripts/build-server.mjs: every module of machines/, server/ and db/
// transpiled, with the files they read beside them. Built into a folder of its own, the server starts on a fresh
// file without tsx, seeds the demo through its commit worker, and serves the API, /openapi.json, a problem page and
// the desk's styles; every worker module the built code starts exists in the build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
let outDir: string;
let dataDir: string;
let server: ServerProcess;

/** Every .js file under `dir`. */
const builtModules = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtModules(path) : path.endsWith('.js') ? [path] : [];
  });

beforeAll(async () => {
  // Inside the repository, so the built modules resolve node_modules/ as dist/ does.
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  outDir = mkdtempSync(join(repoRoot, '.tmp', 'build-'));
  dataDir = mkdtempSync(join(repoRoot, '.tmp', 'build-data-'));
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--out', outDir], { cwd: repoRoot, stdio: 'ignore' });
  server = await startServerProcess(join(dataDir, 'built.db'), {}, [join(outDir, 'server', 'main.js')]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('runs no TypeScript: one .js module for every source module, and the files they read beside them', () => {
    const sources = execFileSync('git', ['ls-files', 'machines', 'server', 'db'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(100);
    for (const source of sources) expect(existsSync(join(outDir, source.replace(/\.tsx?$/, '.js'))), source).toBe(true);
    expect(existsSync(join(outDir, 'db', 'migrations', '0000_core.sql'))).toBe(true);
    expect(existsSync(join(outDir, 'server', 'policy', 'default-policy.json'))).toBe(true);
  });

  it('starts every worker from a built module', () => {
    const workers = builtModules(outDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/siblingModule\("([\w-]+)", import\.meta\.url\)/g)].map((m) =>
        join(dirname(file), `${m[1]}.js`),
      ),
    );
    expect(workers.map((w) => w.slice(outDir.length))).toEqual(
      expect.arrayContaining(['/db/core/commit-worker.js', '/db/audit/audit-verify-worker.js']),
    );
    for (const worker of workers) expect(existsSync(worker), worker).toBe(true);
  });

  it('serves the API, the contract, a problem page and the desk styles after seeding the demo', async () => {
    expect(server.output()).not.toMatch(/tsx|Error/);
    const signIn = await fetch(`${server.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'handler1', password: 'demo-password' }),
    });
    expect(signIn.status).toBe(200);
    const { token } = (await signIn.json()) as { token: string };
    const cases = await fetch(`${server.baseUrl}/api/v1/cases?limit=5`, { headers: { Authorization: `Bearer ${token}` } });
    expect(cases.status).toBe(200);
    expect(((await cases.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const contract = await fetch(`${server.baseUrl}/openapi.json`);
    expect(((await contract.json()) as { openapi: string }).openapi).toBe('3.1.0');
    expect((await fetch(`${server.baseUrl}/problems/stale-draft-hash`)).status).toBe(200);
    const styles = await fetch(`${server.baseUrl}/desk/static/desk.css`);
    expect([styles.status, styles.headers.get('Content-Type')]).toEqual([200, expect.stringContaining('text/css')]);
  });
});
