// Retries and races on licence cases: a repeated Idempotency-Key gets the first answer (also after the case moved
// on, rebuilt from the record), a stale If-Match is 409 and changes nothing; GET /machines lists the kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { licenceDraft, statement } from './licence-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const events = (id: string) => `/api/v1/licence-cases/${id}/events`;

describe('idempotency and versions of licence cases', () => {
  it('opens one case for two requests with one key, and refuses the key with another body (422)', async () => {
    const draft = licenceDraft();
    const first = await (await t.call('POST', '/api/v1/licence-cases', 'handler1', draft, { 'Idempotency-Key': 'open-1' })).json();
    const again = await t.call('POST', '/api/v1/licence-cases', 'handler1', draft, { 'Idempotency-Key': 'open-1' });
    expect(again.status).toBe(201);
    expect((await again.json()).id).toBe(first.id);
    const other = await t.call('POST', '/api/v1/licence-cases', 'handler1', licenceDraft(), { 'Idempotency-Key': 'open-1' });
    expect(other.status).toBe(422);
    expect((await other.json()).type).toBe('/problems/idempotency-key-reuse');
  });

  it('answers a retried notice as the case stood after it, even once the case moved on', async () => {
    const opened = await (await t.call('POST', '/api/v1/licence-cases', 'handler1', licenceDraft())).json();
    const notice = { type: 'notice.serve' };
    const first = await (await t.call('POST', events(opened.id), 'handler1', notice, { 'Idempotency-Key': 'notice-1' })).json();
    await t.call('POST', events(opened.id), 'handler1', statement);
    const retried = await t.call('POST', events(opened.id), 'handler1', notice, { 'Idempotency-Key': 'notice-1' });
    expect(retried.status).toBe(200);
    const body = await retried.json();
    expect({ version: body.version, state: body.state }).toEqual({ version: 2, state: 'hearing' });
    expect(body.hearing.statements).toEqual(first.hearing.statements);
    const now = await (await t.call('GET', `/api/v1/licence-cases/${opened.id}`, 'handler1')).json();
    expect(now.version).toBe(3);
  });

  it('refuses a stale If-Match with 409 version-mismatch, changing nothing', async () => {
    const opened = await (await t.call('POST', '/api/v1/licence-cases', 'handler1', licenceDraft())).json();
    const stale = await t.call('POST', events(opened.id), 'handler1', { type: 'notice.serve' }, { 'If-Match': '7' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).type).toBe('/problems/version-mismatch');
    const now = await (await t.call('GET', `/api/v1/licence-cases/${opened.id}`, 'head1')).json();
    expect(now).toMatchObject({ version: 1, state: 'drafting', hearing: null });
  });

  it('is listed by GET /api/v1/machines as kind licence, version 1, with its diagram and cases', async () => {
    const list = (await (await t.call('GET', '/api/v1/machines', 'handler1')).json()) as {
      kind: string;
      version: number;
      latest: boolean;
      cases: number;
      diagram: string;
    }[];
    const licence = list.find((m) => m.kind === 'licence');
    expect(licence).toMatchObject({ version: 1, latest: true });
    expect(licence!.cases).toBeGreaterThanOrEqual(3);
    expect(licence!.diagram).toContain('hearing');
    expect(list.some((m) => m.kind === 'coercion')).toBe(true);
  });
});
