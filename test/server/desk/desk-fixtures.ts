// Cases prepared through the API (bearer tokens), for the desk tests to act on.
import { expect } from 'vitest';
import type { DemoUserName, TestApp } from '../../helpers/test-app.js';
import { sampleDraft } from '../../helpers/test-app.js';
import type { DraftContent } from '../../../machines/case/draft.schema.js';
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';

/** Posts an event through the API and expects it accepted; returns the case view. */
export async function sendOk(t: TestApp, id: string, user: DemoUserName, body: Record<string, unknown>) {
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** A major case opened by handler1, noticed, rights waived and submitted for review (unassigned). */
export async function caseInReview(t: TestApp, over: Partial<DraftContent> = {}) {
  const created = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft(over));
  expect(created.status).toBe(201);
  const c = await created.json();
  await sendOk(t, c.id, 'handler1', noticeSend(onClockOf(t)(0)));
  await sendOk(t, c.id, 'handler1', { type: 'rights.waive' });
  return sendOk(t, c.id, 'handler1', { type: 'review.submit', attestation: true });
}

/** The case version and count of accepted record entries, to prove a refused request changed nothing. */
export async function footprint(t: TestApp, id: string) {
  const row = await t.services.store.get(id);
  const events = await t.services.store.events(id, false);
  return { version: row?.version, accepted: events.length, state: row?.status };
}
