// Idempotency-Key means one request (IETF draft-ietf-httpapi-idempotency-key-header): the key is scoped to
// the user, method, route and case and bound to the body. A repeat gets the first answer and changes nothing;
// the same key elsewhere is another request; the same key with another body is 422; concurrent repeats
// make one effect.
import { decisionServe, noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function keyed(user: DemoUserName, method: string, path: string, body: unknown, key: string) {
  const res = await t.call(method, path, user, body, { 'Idempotency-Key': key });
  return { status: res.status, body: await res.json() };
}

async function openCase() {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft());
  expect(res.status).toBe(201);
  return res.json();
}

const accepted = async (caseId: string) => (await t.services.store.events(caseId, false)).length;
const refused = async (caseId: string) => (await t.services.store.events(caseId, true)).filter((e) => !e.accepted).length;
const events = (id: string) => `/api/v1/cases/${id}/events`;

describe('Idempotency-Key', () => {
  it('answers a repeat with the first answer and changes nothing, even after the case moved on', async () => {
    const c = await openCase();
    const first = await keyed('handler1', 'POST', events(c.id), noticeSend(onClockOf(t)(0)), 'k-repeat');
    expect(first.status).toBe(200);
    await t.call('POST', events(c.id), 'handler1', { type: 'rights.waive' });
    const again = await keyed('handler1', 'POST', events(c.id), noticeSend(onClockOf(t)(0)), 'k-repeat');
    expect([again.status, again.body.version, again.body.state]).toEqual([200, first.body.version, 'noticed']);
    expect(await accepted(c.id)).toBe(3);
  });

  it('treats the same key on two cases as two requests, in turn and at once, each answered with its own case', async () => {
    const [a, b] = [await openCase(), await openCase()];
    const one = await keyed('handler1', 'POST', events(a.id), noticeSend(onClockOf(t)(0)), 'k-shared');
    const two = await keyed('handler1', 'POST', events(b.id), noticeSend(onClockOf(t)(0)), 'k-shared');
    expect([one.body.id, one.body.state, two.body.id, two.body.state]).toEqual([a.id, 'noticed', b.id, 'noticed']);
    const [c, d] = [await openCase(), await openCase()];
    const both = await Promise.all([c, d].map((x) => keyed('handler1', 'POST', events(x.id), noticeSend(onClockOf(t)(0)), 'k-at-once')));
    expect(both.map((r) => [r.status, r.body.id, r.body.state])).toEqual([
      [200, c.id, 'noticed'],
      [200, d.id, 'noticed'],
    ]);
  });

  it('refuses the same key with another request with 422 idempotency-key-reuse, changing nothing', async () => {
    const c = await openCase();
    await keyed('handler1', 'POST', events(c.id), noticeSend(onClockOf(t)(0)), 'k-reuse');
    const before = await accepted(c.id);
    const other = await keyed('handler1', 'POST', events(c.id), { type: 'rights.waive' }, 'k-reuse');
    expect([other.status, other.body.type]).toEqual([422, '/problems/idempotency-key-reuse']);
    expect(await accepted(c.id)).toBe(before);
    const elsewhere = await keyed('handler1', 'PUT', `/api/v1/cases/${c.id}/draft`, sampleDraft({ facts: '补充事实。' }), 'k-reuse');
    expect(elsewhere.status).toBe(422); // a draft revision in state `noticed` is not allowed: a new request, refused on its own merits
    expect(elsewhere.body.type).toBe('/problems/event-not-allowed');
  });

  it('makes one effect for concurrent repeats of one request, and gives both the same answer', async () => {
    const c = await openCase();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => keyed('handler1', 'POST', events(c.id), noticeSend(onClockOf(t)(0)), 'k-concurrent')),
    );
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body.version])))).toEqual(new Set([JSON.stringify([200, 2])]));
    expect(await accepted(c.id)).toBe(2);
  });

  it('keeps keys apart per user', async () => {
    const c = await openCase();
    await keyed('handler1', 'POST', events(c.id), noticeSend(onClockOf(t)(0)), 'k-user');
    // clerk1 reaches the case (a reviewer would not before it is sent for review: 404), but may not send it.
    const clerk = await keyed('clerk1', 'POST', events(c.id), noticeSend(onClockOf(t)(0)), 'k-user');
    expect([clerk.status, clerk.body.type]).toEqual([403, '/problems/wrong-role']);
  });

  it('repeats a refusal without recording a second attempt', async () => {
    const c = await openCase();
    const first = await keyed('clerk1', 'POST', events(c.id), decisionServe(onClockOf(t)(0)), 'k-refused');
    const again = await keyed('clerk1', 'POST', events(c.id), decisionServe(onClockOf(t)(0)), 'k-refused');
    expect([first.status, again.status, again.body.type]).toEqual([422, 422, '/problems/event-not-allowed']);
    expect(await refused(c.id)).toBe(1);
  });

  it('opens one case for a repeated 立案 and refuses the key with another draft', async () => {
    const draft = sampleDraft({ title: '幂等立案' });
    const first = await keyed('handler1', 'POST', '/api/v1/cases', draft, 'k-open');
    const again = await keyed('handler1', 'POST', '/api/v1/cases', draft, 'k-open');
    expect([first.status, again.status, again.body.id]).toEqual([201, 201, first.body.id]);
    const other = await keyed('handler1', 'POST', '/api/v1/cases', sampleDraft({ title: '另一个案件' }), 'k-open');
    expect([other.status, other.body.type]).toEqual([422, '/problems/idempotency-key-reuse']);
    const cases = await t.services.store.list({ handlerId: t.users.handler1.id, limit: 500 });
    expect(cases.filter((r) => r.title === '幂等立案')).toHaveLength(1);
  });
});
