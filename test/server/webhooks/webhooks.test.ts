// The outbox and webhooks in process: every accepted event and a submitted report reach a registered endpoint,
// signed, in the documented shape; event filters; failures retried with backoff until dead, listed as dead
// letters and revived by an admin; loopback refused unless configured; admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, freshDbPath, openTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { parseEnv } from '../../../server/env.js';
import { startReceiver, validSignature, type Receiver } from '../../helpers/webhook-receiver.js';
import { sendOk } from '../desk/desk-fixtures.js';
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';

const secret = 'a-webhook-secret-of-some-length';
let clock = new Date('2026-11-30T02:00:00Z');
let t: TestApp;
let receiver: Receiver;

const register = async (events: string[], url = receiver.url) => t.call('POST', '/api/v1/webhooks', 'admin1', { url, events, secret });
/** Delivery rounds until nothing is due (each round delivers what is due at the clock's time). */
const drain = async () => {
  while ((await t.services.dispatcher.runOnce()) > 0);
};

beforeAll(async () => {
  const dbPath = freshDbPath();
  const env = parseEnv({ NODE_ENV: 'test', DEMO: 'false', DATABASE_URL: `file:${dbPath}`, WEBHOOK_ALLOW_PRIVATE: 'true' });
  t = await openTestApp(dbPath, { env, now: () => clock });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const outboxRows = async () => Number((await t.services.database.client.execute('SELECT COUNT(*) AS n FROM outbox')).rows[0]!.n);

describe('webhooks', () => {
  it('keeps no outbox message while no endpoint is registered: nobody could ever be owed it', async () => {
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    await sendOk(t, c.id, 'handler1', noticeSend(onClockOf(t)(0)));
    expect(await outboxRows()).toBe(0);
    expect((await t.services.store.events(c.id, false)).map((e) => e.type)).toEqual(['case.open', 'notice.send']);
  });

  it('delivers every accepted event and a submitted report, signed, in the documented shape', async () => {
    const hook = await register(['*']);
    expect(hook.status).toBe(201);
    expect(await hook.json()).not.toHaveProperty('secret');
    const opened = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    await sendOk(t, opened.id, 'handler1', noticeSend(onClockOf(t)(0)));
    await sendOk(t, opened.id, 'handler1', { type: 'rights.waive' });
    expect((await t.call('POST', '/api/v1/reports/submissions', 'head1', { kind: 'monthly', period: '2026-10' })).status).toBe(201);
    expect((await t.call('POST', '/api/v1/reports/submissions', 'head1', { kind: 'monthly', period: '2026-10' })).status).toBe(200);
    await drain();
    const types = receiver.received.map((r) => r.json.type);
    expect(types).toEqual(['case.open', 'notice.send', 'rights.waive', 'report.submitted']);
    for (const r of receiver.received) expect(validSignature(r.body, r.signature, secret)).toBe(true);
    const events = await t.services.store.events(opened.id, false);
    expect(receiver.received[0]!.json).toMatchObject({
      caseId: opened.id,
      eventId: events[0]!.id,
      data: { version: 1, status: 'investigating', unitId: t.users.handler1.unitId, actor: { id: t.users.handler1.id } },
    });
    expect(receiver.received[1]!.json.data).toMatchObject({ version: 2, event: { type: 'notice.send' } });
    expect(receiver.received[3]!.json).toMatchObject({ caseId: null, data: { kind: 'monthly', period: '2026-10' } });
    const delivered = await (await t.call('GET', '/api/v1/webhooks/deliveries?status=delivered', 'admin1')).json();
    expect(delivered.items).toHaveLength(4);
    // Once an endpoint exists, every message is kept with its event again.
    expect(await outboxRows()).toBe(4);
  });

  it('sends an endpoint only the event types it registered for', async () => {
    receiver.received.length = 0;
    await t.call('PATCH', '/api/v1/units/demo-huangyuan', 'admin1', { name: '湟源县交通运输执法大队' });
    await (await register(['rights.waive'])).json();
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    await sendOk(t, c.id, 'handler1', noticeSend(onClockOf(t)(0)));
    await sendOk(t, c.id, 'handler1', { type: 'rights.waive' });
    await drain();
    // The first endpoint ("*") gets all three; the second only rights.waive.
    expect(receiver.received.map((r) => r.json.type).sort()).toEqual(['case.open', 'notice.send', 'rights.waive', 'rights.waive']);
  });

  it('retries a failing endpoint with backoff, then lists it as a dead letter an admin can revive', async () => {
    receiver.received.length = 0;
    receiver.mode = 500;
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    await drain();
    const pending = (await (await t.call('GET', '/api/v1/webhooks/deliveries?status=pending', 'admin1')).json()).items;
    expect(pending.map((d: { caseId: string }) => d.caseId)).toEqual([c.id]);
    expect(pending[0]).toMatchObject({ attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    const attempts = t.services.policy.webhooks.maxAttempts;
    for (let i = 1; i < attempts; i += 1) {
      clock = new Date(clock.getTime() + t.services.policy.webhooks.backoffMaxSeconds * 1000);
      await drain();
    }
    expect(receiver.received).toHaveLength(attempts);
    const dead = (await (await t.call('GET', '/api/v1/webhooks/deliveries?status=dead', 'admin1')).json()).items;
    expect(dead).toHaveLength(1);
    receiver.mode = 200;
    expect((await t.call('POST', `/api/v1/webhooks/deliveries/${dead[0].id}/retry`, 'admin1')).status).toBe(200);
    await drain();
    expect(receiver.received).toHaveLength(attempts + 1);
    expect((await t.call('POST', `/api/v1/webhooks/deliveries/${dead[0].id}/retry`, 'admin1')).status).toBe(404);
  });

  it.each([
    ['a non-admin', 'head1', { url: 'http://127.0.0.1:1/x', events: ['*'], secret }, 403, 'admin-only'],
    ['a short secret', 'admin1', { url: 'http://127.0.0.1:1/x', events: ['*'], secret: 'short' }, 400, 'malformed-request'],
    ['a bad event type', 'admin1', { url: 'http://127.0.0.1:1/x', events: ['DROP TABLE'], secret }, 400, 'malformed-request'],
    ['a non-http URL', 'admin1', { url: 'file:///etc/passwd', events: ['*'], secret }, 400, 'webhook-url-refused'],
  ] as const)('refuses %s and registers nothing', async (_name, user, body, status, type) => {
    const before = await t.services.webhooks.list();
    const res = await t.call('POST', '/api/v1/webhooks', user, body);
    expect([res.status, (await res.json()).type]).toEqual([status, `/problems/${type}`]);
    expect(await t.services.webhooks.list()).toEqual(before);
  });
});

describe('webhook addresses without WEBHOOK_ALLOW_PRIVATE', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp();
  });
  afterAll(async () => {
    await strict.close();
  });

  it.each([
    'http://127.0.0.1:8080/x',
    'http://localhost/x',
    'http://10.1.2.3/x',
    'http://169.254.169.254/latest',
    'http://[::1]/x',
    'http://192.168.1.1/x',
  ])('refuses %s', async (url) => {
    const res = await strict.call('POST', '/api/v1/webhooks', 'admin1', { url, events: ['*'], secret });
    expect([res.status, (await res.json()).type]).toEqual([400, '/problems/webhook-url-refused']);
    expect(await strict.services.webhooks.list()).toEqual([]);
  });
});
