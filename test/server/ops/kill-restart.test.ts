// Nothing acknowledged is ever lost: concurrent clients drive cases through a real server process, the
// process is killed with SIGKILL mid-load, started again on the same database (a libSQL file, or PostgreSQL
// in the `postgres` project), and every answer a client got (a 2xx) is found in the restarted server, whose
// whole record verifies.
import { noticeSend } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../helpers/test-app.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { demoPassword } from '../../../server/demo/demo-users.js';

let dbPath: string;
beforeAll(async () => {
  dbPath = await freshDatabase();
});
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) await s.kill();
});

const draft = (i: number) => ({
  title: `超限运输案 第${i}号`,
  party: { name: '西宁某物流有限公司', kind: 'organization' },
  facts: '车辆超限运输。',
  legalBasis: ['《公路安全保护条例》第三十条'],
  evidence: [{ kind: '现场检测记录', description: '称重检测单' }],
  proposed: { kind: 'fine', amountYuan: 5000 },
  flags: { publicInterest: true },
});

async function token(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).token;
}

/** What a client was told: the case and the version an accepted command produced. */
interface Ack {
  caseId: string;
  version: number;
}

/** The acknowledgements so far, and a signal once `target` of them arrived. */
function ackLog(target: number) {
  let reached!: () => void;
  const enough = new Promise<void>((done) => {
    reached = done;
  });
  const acks: Ack[] = [];
  const push = (ack: Ack) => {
    acks.push(ack);
    if (acks.length === target) reached();
  };
  return { acks, push, enough };
}

/** One client: opens cases and moves each through the handler's steps until the server stops answering. */
async function client(base: string, auth: string, id: number, log: ReturnType<typeof ackLog>, stop: { killed: boolean }): Promise<void> {
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth}` },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`unexpected ${res.status} ${await res.text()}`);
    const view = await res.json();
    log.push({ caseId: view.id, version: view.version });
    return view;
  };
  for (let i = 0; !stop.killed; i++) {
    try {
      const opened = await call('POST', '/api/v1/cases', draft(id * 1000 + i));
      for (const command of [noticeSend(), { type: 'rights.waive' }, { type: 'review.submit', attestation: true }]) {
        await call('POST', `/api/v1/cases/${opened.id}/events`, command);
      }
    } catch (error) {
      // Only a dead server may fail a request here; any other failure is a bug.
      if (stop.killed) return;
      throw error;
    }
  }
}

describe('a server killed with SIGKILL under concurrent load', () => {
  it('keeps every acknowledged command, and its record verifies after restart', { timeout: 120_000 }, async () => {
    const first = await startServerProcess(dbPath);
    running.push(first);
    const handler = await token(first.baseUrl, 'handler1');
    const log = ackLog(300);
    const stop = { killed: false };
    const clients = Array.from({ length: 16 }, (_, i) => client(first.baseUrl, handler, i, log, stop));
    // Kill once enough commands were acknowledged, while the clients keep sending.
    await log.enough;
    stop.killed = true;
    await first.kill();
    await Promise.all(clients);
    const acknowledged = [...log.acks];

    const second = await startServerProcess(dbPath);
    running.push(second);
    const auditor = await token(second.baseUrl, 'auditor1');
    const latest = new Map<string, number>();
    for (const a of acknowledged) latest.set(a.caseId, Math.max(latest.get(a.caseId) ?? 0, a.version));
    const missing: string[] = [];
    for (const [caseId, version] of latest) {
      const res = await fetch(`${second.baseUrl}/api/v1/cases/${caseId}`, { headers: { Authorization: `Bearer ${auditor}` } });
      const found = res.status === 200 ? ((await res.json()) as { version: number }).version : 0;
      if (found < version) missing.push(`${caseId}: acknowledged version ${version}, found ${found}`);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(missing).toEqual([]);
    const verify = await fetch(`${second.baseUrl}/api/v1/audit/verify`, { headers: { Authorization: `Bearer ${auditor}` } });
    const report = await verify.json();
    expect([verify.status, report.ok, report.firstBroken ?? null]).toEqual([200, true, null]);
    await second.stop();
  });
});
