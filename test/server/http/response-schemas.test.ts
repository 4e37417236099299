// The response schemas of the OpenAPI document match what the routes really send: real answers in several
// states are parsed with the zod schemas, and parsing must neither fail nor drop or change anything (zod
// strips unknown keys, so a field added to a view without its schema fails here).
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CaseListSchema, CaseViewSchema } from '../../../server/cases/case-view.schema.js';
import { DraftListSchema, RecordListSchema } from '../../../server/cases/case-record.schema.js';
import { DeadlineListSchema } from '../../../server/deadlines/deadline-view.schema.js';
import { InquiryViewSchema } from '../../../server/audit/inquiries.routes.js';
import { ProblemSchema } from '../../../server/http/problem.schema.js';
import { PreviewSchema, PublicListSchema } from '../../../server/public/public.routes.js';
import { IssuedDecisionSchema, IssuedOpinionSchema, OpinionListSchema } from '../../../server/cases/documents.schemas.js';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { assignedCase, matrixWorld, openedCase, type MatrixWorld } from '../access/matrix-fixtures.js';

let t: TestApp;
let world: MatrixWorld;
beforeAll(async () => {
  t = await createTestApp();
  world = await matrixWorld(t);
});
afterAll(async () => {
  await t.close();
});

/** Parses `body` with `schema` and expects the result to be `body` itself. */
function expectExact(schema: z.ZodType, body: unknown, label: string) {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues, label).toEqual([]);
  expect(parsed.data, label).toEqual(body);
}

async function getBody(path: string, user: DemoUserName = 'auditor1') {
  const res = await t.call('GET', path, user);
  expect(res.status, path).toBe(200);
  return res.json();
}

describe('CaseView and lists', () => {
  it('describe every case view exactly, in every state the fixtures reach, for every role', async () => {
    const ids = [world.draftingId, world.inReviewId, world.readyId, world.decidedId, (await assignedCase(t)).id];
    for (const id of ids) {
      for (const user of ['handler1', 'reviewer1', 'head1', 'clerk1'] as DemoUserName[]) {
        // A reviewer sees a case once it is sent for review (docs/access.md); before, it is a 404.
        if ((await t.call('GET', `/api/v1/cases/${id}`, user)).status === 404 && user === 'reviewer1') continue;
        expectExact(CaseViewSchema, await getBody(`/api/v1/cases/${id}`, user), `${id} as ${user}`);
      }
    }
    const decided = await getBody(`/api/v1/cases/${world.decidedId}`);
    expect(decided.deadlines.length).toBeGreaterThan(0);
    expect(decided.decision).not.toBeNull();
  });

  it('describe the case list, record, drafts, deadlines and inquiries exactly', async () => {
    expectExact(CaseListSchema, await getBody('/api/v1/cases'), 'list');
    expectExact(RecordListSchema, await getBody(`/api/v1/cases/${world.decidedId}/events?include=refused`), 'record');
    expectExact(DraftListSchema, await getBody(`/api/v1/cases/${world.decidedId}/drafts`), 'drafts');
    expectExact(DeadlineListSchema, await getBody(`/api/v1/cases/${world.decidedId}/deadlines`), 'deadlines');
    expectExact(InquiryViewSchema, await getBody(`/api/v1/inquiries/${world.inquiryId}`), 'inquiry');
    const claimed = await t.call('POST', `/api/v1/inquiries/${world.inquiryId}/events`, 'handler1', {
      type: 'exemption.claim',
      grounds: ['unclear_basis'],
      statement: '本人已尽审慎义务。',
    });
    expectExact(InquiryViewSchema, await claimed.json(), 'inquiry after a claim');
  });
});

describe('documents', () => {
  it('describe the opinions, one opinion and the decision document exactly', async () => {
    const list = await getBody(`/api/v1/cases/${world.decidedId}/opinions`);
    expect(list.items.length).toBeGreaterThan(1);
    expectExact(OpinionListSchema, list, 'opinions');
    for (const item of list.items) {
      const one = await getBody(`/api/v1/cases/${world.decidedId}/opinions/${encodeURIComponent(item.number)}`);
      expectExact(IssuedOpinionSchema, one, item.number);
    }
    expectExact(IssuedDecisionSchema, await getBody(`/api/v1/cases/${world.decidedId}/decision-document`), 'decision document');
  });
});

describe('the public register', () => {
  it('describes the register and the publication preview exactly', async () => {
    const register = await (await t.app.request('/public/decisions')).json();
    expect(register.items.length).toBeGreaterThan(0);
    expectExact(PublicListSchema, register, 'public register');
    expectExact(PreviewSchema, await getBody(`/api/v1/cases/${world.decidedId}/publication-preview`), 'preview');
  });
});

describe('Problem', () => {
  it('describes every problem the API sends exactly, extensions included', async () => {
    const c = await openedCase(t);
    const answers = [
      await t.call('GET', '/api/v1/cases', null),
      await t.call('GET', '/api/v1/cases?limit=0', 'handler1'),
      await t.call('GET', '/api/v1/cases/nope', 'handler1'),
      await t.call('GET', '/api/v1/audit/verify', 'handler1'),
      await t.call('POST', `/api/v1/cases/${c.id}/events`, 'handler1', { type: 'rights.waive' }),
      await t.call('POST', `/api/v1/cases/${c.id}/events`, 'handler1', noticeSend(onClockOf(t)(0)), { 'If-Match': '99' }),
      await t.call('POST', '/api/v1/auth/token', null, { username: 'handler1', password: 'wrong' }),
      await t.app.request('/api/v1/cases', { method: 'POST', body: 'x', headers: { Authorization: `Bearer ${t.tokens.handler1}` } }),
      await t.app.request('/no/such/route'),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 400, 404, 403, 422, 409, 401, 415, 404]);
    for (const res of answers) {
      const body = await res.json();
      expectExact(ProblemSchema, body, `${res.status} ${body.type}`);
      expect(body.status).toBe(res.status);
    }
  });
});
