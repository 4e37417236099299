// One validation middleware per API route (server/http/request-validation.ts) answers what @hono/zod-openapi's
// validators answered: params, then headers, then the body's media type, then the body, each refusal a problem
// that changes nothing; a header is read whatever case the client writes its name in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { openedCase } from '../access/matrix-fixtures.js';

let t: TestApp;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  caseId = (await openedCase(t)).id;
});
afterAll(async () => {
  await t.close();
});

const auth = () => ({ Authorization: `Bearer ${t.tokens.handler1}` });
const version = async () =>
  Number((await t.services.database.client.execute({ sql: 'SELECT version FROM cases WHERE id = ?', args: [caseId] })).rows[0]!.version);
const send = (headers: Record<string, string>, body?: string) =>
  t.app.request(`/api/v1/cases/${caseId}/events`, { method: 'POST', headers: { ...auth(), ...headers }, body });
async function problemOf(res: Response) {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const body = await res.json();
  return { status: res.status, code: body.code as string };
}

describe('request validation', () => {
  it('refuses a body without a Content-Type (415), an empty JSON body (400) and a header its schema refuses (400), changing nothing', async () => {
    const before = await version();
    const noType = await problemOf(await send({}, JSON.stringify({ type: 'statement.record', summary: 'x' })));
    expect([noType.status, noType.code]).toEqual([415, 'unsupported_media_type']);
    const empty = await problemOf(await send({ 'Content-Type': 'application/json' }, ''));
    expect([empty.status, empty.code]).toEqual([400, 'malformed_request']);
    const badHeader = await problemOf(
      await send({ 'Content-Type': 'application/json', 'If-Match': 'soon' }, JSON.stringify({ type: 'case.withdraw', reason: 'x' })),
    );
    expect(badHeader.status).toBe(400);
    expect(await version()).toBe(before);
  });

  it('reads declared headers whatever their case: a stale IF-MATCH is a 409, the current one is accepted', async () => {
    const current = await version();
    const stale = await t.app.request(`/api/v1/cases/${caseId}/draft`, {
      method: 'PUT',
      headers: { ...auth(), 'Content-Type': 'application/json', 'IF-MATCH': String(current - 1) },
      body: JSON.stringify(sampleDraft({ title: 'revised once' })),
    });
    expect(stale.status).toBe(409);
    const fresh = await t.app.request(`/api/v1/cases/${caseId}/draft`, {
      method: 'PUT',
      headers: { ...auth(), 'Content-Type': 'application/json; charset=utf-8', 'IF-MATCH': String(current) },
      body: JSON.stringify(sampleDraft({ title: 'revised once' })),
    });
    expect(fresh.status).toBe(200);
    expect(await version()).toBe(current + 1);
  });
});
