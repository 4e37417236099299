// At-least-once delivery across a crash: a real server process delivers to a receiver that holds the first
// request unanswered; the server is killed with SIGKILL mid-delivery and started again on the same file, and the
// receiver then gets every event of the case, each with a valid signature and the documented shape.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { startReceiver, validSignature, type Receiver } from '../../helpers/webhook-receiver.js';
import { demoPassword } from '../../../server/demo/demo-users.js';
import { noticeSend } from '../../helpers/party-commands.js';

const dbPath = join(mkdtempSync(join(tmpdir(), 'legal-review-webhook-')), 'webhook.db');
const secret = 'kill-restart-webhook-secret';
const env = { WEBHOOK_ALLOW_PRIVATE: 'true' };
const running: ServerProcess[] = [];
let receiver: Receiver | null = null;
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) await s.kill();
  await receiver?.close();
});

async function call(base: string, token: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}
const signIn = async (base: string, username: string) =>
  (await call(base, null, 'POST', '/api/v1/auth/token', { username, password: demoPassword })).json.token as string;

describe('webhook delivery across a SIGKILL', () => {
  it('delivers every event at least once, signed, after the server was killed mid-delivery', async () => {
    receiver = await startReceiver();
    receiver.mode = 'hold';
    const first = await startServerProcess(dbPath, env);
    running.push(first);
    const admin = await signIn(first.baseUrl, 'admin1');
    const hook = await call(first.baseUrl, admin, 'POST', '/api/v1/webhooks', { url: receiver.url, events: ['*'], secret });
    expect(hook.status).toBe(201);
    const handler = await signIn(first.baseUrl, 'handler1');
    const draft = {
      title: '中断投递案',
      party: { name: '西宁某物流有限公司', kind: 'organization' },
      facts: '车辆超限运输。',
      legalBasis: ['《公路安全保护条例》第三十条'],
      evidence: [{ kind: '现场检测记录', description: '称重检测单' }],
      proposed: { kind: 'fine', amountYuan: 5000 },
    };
    const opened = await call(first.baseUrl, handler, 'POST', '/api/v1/cases', draft);
    expect(opened.status).toBe(201);
    const caseId = opened.json.id as string;
    for (const command of [noticeSend(), { type: 'rights.waive' }]) {
      expect((await call(first.baseUrl, handler, 'POST', `/api/v1/cases/${caseId}/events`, command)).status).toBe(200);
    }
    // The first delivery reaches the receiver, which never answers: the server is mid-delivery when it dies.
    await receiver.until((r) => r.some((x) => x.json.caseId === caseId));
    await first.kill();
    receiver.mode = 200;

    const second = await startServerProcess(dbPath, env);
    running.push(second);
    const expected = ['case.open', 'notice.send', 'rights.waive'];
    const ofCase = (r: Receiver['received']) => r.filter((x) => x.json.caseId === caseId);
    await receiver.until((r) => expected.every((type) => ofCase(r).some((x) => x.json.type === type)));
    const got = ofCase(receiver.received);
    for (const r of got) expect(validSignature(r.body, r.signature, secret), r.json.type).toBe(true);
    // The held one arrived twice (at least once); every message keeps its id and bytes across attempts.
    expect(got.filter((x) => x.json.type === 'case.open').length).toBeGreaterThanOrEqual(2);
    const bodies = new Map<number, string>();
    for (const r of got) expect(bodies.get(r.json.id) ?? r.body).toBe(bodies.set(r.json.id, r.body).get(r.json.id));
    const versions = [...new Set(got.map((x) => x.json.data.version as number))].sort();
    expect(versions).toEqual([1, 2, 3]);
    const log = await call(second.baseUrl, await signIn(second.baseUrl, 'admin1'), 'GET', '/api/v1/webhooks/deliveries', undefined);
    const mine = (log.json.items as { caseId: string; status: string }[]).filter((d) => d.caseId === caseId);
    expect(mine.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);
    await second.stop();
  }, 120_000);
});
