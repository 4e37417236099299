// Three real server processes on one PostgreSQL database: the same command raced through all three has
// exactly one winner (the others answer 409/422, never 5xx); under load the leader is killed with SIGKILL;
// nothing any client was told (a 2xx) is lost, the one hash chain verifies, and a survivor takes the lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../server/demo/demo-users.js';
import { freshDatabase } from '../helpers/test-app.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createAckLog, draft, drive, race, waitForOutput, type RaceResult } from './multi-process-load.js';

let url: string;
const servers: ServerProcess[] = [];
const env = { LEADER_POLL_MS: '200', AUDIT_WITNESS: 'none' };
beforeAll(async () => {
  url = await freshDatabase();
  // The first seeds the demo users as the leader; the others start once it listens.
  servers.push(await startServerProcess(url, env));
  servers.push(...(await Promise.all([startServerProcess(url, env), startServerProcess(url, env)])));
});
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) await s.kill();
});

async function token(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

const leads = (s: ServerProcess) => s.output().includes('now runs the scheduler and checkpoints');

describe('three server processes on one PostgreSQL database', () => {
  it('elects exactly one leader, and a token issued by one server works on the others', async () => {
    expect(servers.filter(leads).map((s) => servers.indexOf(s))).toEqual([0]);
    expect(servers.map((s) => s.output().includes('deadline scan'))).toEqual([true, false, false]);
    const auth = await token(servers[1]!.baseUrl, 'handler1');
    for (const s of servers) {
      const res = await fetch(`${s.baseUrl}/api/v1/cases`, { headers: { Authorization: `Bearer ${auth}` } });
      expect(res.status).toBe(200);
    }
  });

  it('gives every race of one command through all three servers exactly one winner, the others 409 or 422', async () => {
    const auth = await token(servers[0]!.baseUrl, 'handler1');
    const results: RaceResult[] = [];
    for (let i = 0; i < 12; i++) results.push(await race(servers, auth, draft(9000 + i)));
    for (const r of results) {
      expect(r.statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(r.statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 422)).toBe(true);
    }
  });

  it('loses nothing acknowledged when the leader is killed under load, and a survivor takes the lead', { timeout: 180_000 }, async () => {
    const [leader, ...survivors] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const auth = await token(survivors[0].baseUrl, 'handler1');
    const log = createAckLog();
    const acks = log.list;
    const races: RaceResult[] = [];
    const stop = { leaderKilled: false, all: false };
    const clients = servers.flatMap((s, i) => [0, 1, 2].map((k) => drive(s, auth, i * 100 + k, log, races, stop, s === leader, servers)));
    await log.reached(150);
    stop.leaderKilled = true;
    await leader.kill();
    const took = await Promise.race(survivors.map((s) => waitForOutput(s, 'now runs the scheduler and checkpoints', 30_000).then(() => s)));
    await log.reached(acks.length + 60);
    stop.all = true;
    await Promise.all(clients);

    const auditor = await token(took.baseUrl, 'auditor1');
    const get = (path: string) => fetch(`${took.baseUrl}${path}`, { headers: { Authorization: `Bearer ${auditor}` } });
    const latest = new Map<string, number>();
    for (const a of acks) latest.set(a.caseId, Math.max(latest.get(a.caseId) ?? 0, a.version));
    const missing: string[] = [];
    for (const [caseId, version] of latest) {
      const res = await get(`/api/v1/cases/${caseId}`);
      const found = res.status === 200 ? ((await res.json()) as { version: number }).version : 0;
      if (found < version) missing.push(`${caseId}: acknowledged version ${version}, found ${found}`);
    }
    expect(missing).toEqual([]);
    // Every race: the record holds exactly one accepted notice.send, and no more than one client heard 200.
    const winners: string[] = [];
    for (const r of races) {
      const items = ((await (await get(`/api/v1/cases/${r.caseId}/events`)).json()) as { items: { type: string }[] }).items;
      const accepted = items.filter((e) => e.type === 'notice.send').length;
      const told = r.statuses.filter((s) => s === 200).length;
      if (accepted !== 1 || told > 1 || r.statuses.some((s) => s >= 500))
        winners.push(`${r.caseId}: ${accepted} accepted, answers ${r.statuses}`);
    }
    expect(races.length).toBeGreaterThan(10);
    expect(winners).toEqual([]);
    const verify = await get('/api/v1/audit/verify');
    const report = (await verify.json()) as { ok: boolean; entries: number; firstBroken: unknown };
    expect([verify.status, report.ok, report.firstBroken ?? null]).toEqual([200, true, null]);
    expect(report.entries).toBeGreaterThan(acks.length);
    expect(survivors.filter(leads)).toHaveLength(1);
    // The survivor's scheduler ran its catch-up scan (followers never scan).
    await waitForOutput(took, 'deadline scan', 30_000);
    console.log(
      `[multi-process] ${acks.length} acknowledged commands, ${races.length} races (answers ${JSON.stringify(
        races.reduce<Record<number, number>>((n, r) => {
          for (const s of r.statuses) n[s] = (n[s] ?? 0) + 1;
          return n;
        }, {}),
      )}), ${report.entries} record entries verified, leader moved to server ${servers.indexOf(took) + 1}`,
    );
  });
});
