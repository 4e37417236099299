// Shared steps of the review-law tests: open a case, bring it to review, and send events expecting success
// or a refusal with its status and problem type (a refusal must leave the case row unchanged).
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { expect } from 'vitest';
import { sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import type { DraftContent } from '../../../machines/case/draft.schema.js';

export type Json = Record<string, any>;

/** Opens a case as handler1 (201 expected). */
export async function open(t: TestApp, draft: DraftContent = sampleDraft()): Promise<Json> {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', draft);
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

/** Sends an event that must be accepted. */
export async function ok(t: TestApp, id: string, user: DemoUserName, body: Json): Promise<Json> {
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

async function rowOf(t: TestApp, id: string) {
  const rs = await t.services.database.client.execute({ sql: 'SELECT version, snapshot FROM cases WHERE id = ?', args: [id] });
  return rs.rows[0];
}

/** Sends an event that must be refused with `status` and `/problems/<code>`, and checks the case did not move. */
export async function refused(t: TestApp, id: string, user: DemoUserName, body: Json, status: number, code: string): Promise<Json> {
  const before = await rowOf(t, id);
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body);
  const problem = await res.json();
  expect(res.status, JSON.stringify(problem)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(problem.type).toBe(`/problems/${code}`);
  expect(await rowOf(t, id)).toEqual(before);
  return problem;
}

/** A case noticed, rights waived, submitted and assigned to `reviewer` (default reviewer1). */
export async function inReview(t: TestApp, draft?: DraftContent, reviewer: DemoUserName = 'reviewer1'): Promise<Json> {
  const c = await open(t, draft);
  await ok(t, c.id, 'handler1', noticeSend(onClockOf(t)(0)));
  await ok(t, c.id, 'handler1', { type: 'rights.waive' });
  await ok(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
  return ok(t, c.id, reviewer, { type: 'review.assign', reviewerId: t.users[reviewer].id });
}
