// Retries and races on 查封、扣押 cases: a repeated Idempotency-Key gets the first answer (also after the case
// moved on, rebuilt from the record), a stale If-Match is 409 and changes nothing, an unknown reviewer is 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { approve, coercionDraft } from './coercion-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const events = (id: string) => `/api/v1/coercion-cases/${id}/events`;

describe('idempotency and versions of 查封扣押 cases', () => {
  it('opens one case for two requests with one key, and refuses the key with another body (422)', async () => {
    const draft = coercionDraft(t);
    const first = await (await t.call('POST', '/api/v1/coercion-cases', 'handler1', draft, { 'Idempotency-Key': 'open-1' })).json();
    const again = await t.call('POST', '/api/v1/coercion-cases', 'handler1', draft, { 'Idempotency-Key': 'open-1' });
    expect(again.status).toBe(201);
    expect((await again.json()).id).toBe(first.id);
    const other = await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t), { 'Idempotency-Key': 'open-1' });
    expect(other.status).toBe(422);
    expect((await other.json()).type).toBe('/problems/idempotency-key-reuse');
  });

  it('answers a retried event as the case stood after it, even once the case moved on', async () => {
    const opened = await (await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t))).json();
    const submit = { type: 'review.submit', attestation: true };
    const first = await (await t.call('POST', events(opened.id), 'handler1', submit, { 'Idempotency-Key': 'submit-1' })).json();
    await t.call('POST', events(opened.id), 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await t.call('POST', events(opened.id), 'reviewer1', approve(opened.draft.hash));
    const retried = await t.call('POST', events(opened.id), 'handler1', submit, { 'Idempotency-Key': 'submit-1' });
    expect(retried.status).toBe(200);
    const body = await retried.json();
    expect({ version: body.version, stateValue: body.stateValue }).toEqual({ version: first.version, stateValue: first.stateValue });
    const now = await (await t.call('GET', `/api/v1/coercion-cases/${opened.id}`, 'handler1')).json();
    expect(now.version).toBe(first.version + 2);
  });

  it('refuses a stale If-Match with 409 version-mismatch and an unknown reviewer with 400, changing nothing', async () => {
    const opened = await (await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t))).json();
    const stale = await t.call('POST', events(opened.id), 'handler1', { type: 'review.submit', attestation: true }, { 'If-Match': '7' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).type).toBe('/problems/version-mismatch');
    await t.call('POST', events(opened.id), 'handler1', { type: 'review.submit', attestation: true });
    const unknown = await t.call('POST', events(opened.id), 'head1', { type: 'review.assign', reviewerId: 'nobody' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).type).toBe('/problems/unknown-reviewer');
    const now = await (await t.call('GET', `/api/v1/coercion-cases/${opened.id}`, 'head1')).json();
    expect(now).toMatchObject({ version: 2, reviewerId: null });
  });
});
