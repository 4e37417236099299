// `Prefer: return=minimal` (RFC 7240) on the case writes: the lean answer carries exactly what a client needs
// for its next command and agrees with the full view; `Preference-Applied` says which answer was given; a
// repeat with the same Idempotency-Key answers the same; a refusal is the same problem and changes nothing;
// without the header the answer is the whole case, as before.
import { decisionServe, noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { CaseMinimalSchema } from '../../../server/cases/case-minimal.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const minimal = { Prefer: 'return=minimal' };
const events = (id: string) => `/api/v1/cases/${id}/events`;
const accepted = async (caseId: string) => (await t.services.store.events(caseId, false)).length;
const recorded = async (caseId: string) => (await t.services.store.events(caseId, true)).length;

async function call(user: DemoUserName, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await t.call(method, path, user, body, headers);
  return { status: res.status, applied: res.headers.get('Preference-Applied'), body: await res.json() };
}

async function openCase(headers: Record<string, string> = {}) {
  const opened = await call('handler1', 'POST', '/api/v1/cases', sampleDraft(), headers);
  expect(opened.status).toBe(201);
  return opened;
}

/** The fields of the full view the lean answer carries. */
const leanOf = (view: Record<string, unknown> & { draft: { version: number; hash: string } }) => ({
  id: view.id,
  state: view.state,
  version: view.version,
  draft: { version: view.draft.version, hash: view.draft.hash },
  allowedEvents: view.allowedEvents,
  updatedAt: view.updatedAt,
});

describe('Prefer: return=minimal on POST /cases/{id}/events', () => {
  it('answers the lean body, exactly the CaseMinimal fields, equal to the full view of the same version', async () => {
    const c = await openCase();
    const sent = await call('handler1', 'POST', events(c.body.id), noticeSend(onClockOf(t)(0)), minimal);
    expect([sent.status, sent.applied]).toEqual([200, 'return=minimal']);
    expect(Object.keys(sent.body).sort()).toEqual(['allowedEvents', 'draft', 'id', 'state', 'updatedAt', 'version']);
    expect(CaseMinimalSchema.strict().parse(sent.body)).toEqual(sent.body);
    const full = await call('handler1', 'GET', `/api/v1/cases/${c.body.id}`, undefined);
    expect(sent.body).toEqual(leanOf(full.body));
    expect([sent.body.state, sent.body.version]).toEqual(['noticed', 2]);
  });

  it('answers the whole case without the header, identical to the case read back, and names no preference', async () => {
    const c = await openCase();
    const sent = await call('handler1', 'POST', events(c.body.id), noticeSend(onClockOf(t)(0)));
    expect([sent.status, sent.applied]).toEqual([200, null]);
    const read = await call('handler1', 'GET', `/api/v1/cases/${c.body.id}`, undefined);
    expect(sent.body).toEqual(read.body);
    expect(sent.body.deadlines.length).toBeGreaterThan(0);
  });

  it('answers the whole case for return=representation and says so; ignores an unknown or malformed preference', async () => {
    const c = await openCase();
    const sent = await call('handler1', 'POST', events(c.body.id), noticeSend(onClockOf(t)(0)), { Prefer: 'return=representation' });
    expect([sent.status, sent.applied, Array.isArray(sent.body.deadlines)]).toEqual([200, 'return=representation', true]);
    for (const prefer of ['respond-async', 'return', ';;,=', 'wait=5, handling=lenient']) {
      const d = await openCase({ Prefer: prefer });
      expect([d.status, d.applied, Array.isArray(d.body.deadlines)]).toEqual([201, null, true]);
    }
  });

  it('takes the preference among others and quoted (RFC 7240 §2)', async () => {
    const c = await openCase({ Prefer: 'respond-async, RETURN="minimal"; foo=bar' });
    expect([c.applied, Object.keys(c.body).length]).toEqual(['return=minimal', 6]);
  });

  it('answers a repeat with the same Idempotency-Key with the same lean body and changes nothing', async () => {
    const c = await openCase();
    const headers = { ...minimal, 'Idempotency-Key': 'k-minimal' };
    const first = await call('handler1', 'POST', events(c.body.id), noticeSend(onClockOf(t)(0)), headers);
    const again = await call('handler1', 'POST', events(c.body.id), noticeSend(onClockOf(t)(0)), headers);
    expect(again).toEqual(first);
    expect(await accepted(c.body.id)).toBe(2);
    // After the case moved on, the repeat is still the answer the first request got.
    await call('handler1', 'POST', events(c.body.id), { type: 'rights.waive' });
    const later = await call('handler1', 'POST', events(c.body.id), noticeSend(onClockOf(t)(0)), headers);
    expect(later).toEqual(first);
    expect(await accepted(c.body.id)).toBe(3);
  });

  it('refuses as without the preference: the same problem, no Preference-Applied, only the refusal recorded', async () => {
    const c = await openCase();
    const before = { accepted: await accepted(c.body.id), recorded: await recorded(c.body.id) };
    // 放弃陈述申辩 before any notice: not allowed in this state.
    const lean = await call('handler1', 'POST', events(c.body.id), { type: 'rights.waive' }, minimal);
    const plain = await call('handler1', 'POST', events(c.body.id), { type: 'rights.waive' });
    expect([lean.status, lean.applied, lean.body.type]).toEqual([422, null, '/problems/event-not-allowed']);
    expect(lean.body).toEqual(plain.body);
    expect(await accepted(c.body.id)).toBe(before.accepted);
    expect(await recorded(c.body.id)).toBe(before.recorded + 2);
    // Refused for the person: the same problem either way, and nothing changes.
    const [leanOut, plainOut] = [
      await call('clerk1', 'POST', events(c.body.id), decisionServe(onClockOf(t)(0)), minimal),
      await call('clerk1', 'POST', events(c.body.id), decisionServe(onClockOf(t)(0))),
    ];
    expect([leanOut.status, leanOut.applied, leanOut.body]).toEqual([plainOut.status, null, plainOut.body]);
    expect(await accepted(c.body.id)).toBe(before.accepted);
  });
});

describe('Prefer: return=minimal on the other case writes', () => {
  it('opens a case with the lean 201 answer', async () => {
    const c = await openCase(minimal);
    expect(c.applied).toBe('return=minimal');
    expect(CaseMinimalSchema.strict().parse(c.body)).toEqual(c.body);
    expect([c.body.state, c.body.version, c.body.draft.version]).toEqual(['investigating', 1, 1]);
    const full = await call('handler1', 'GET', `/api/v1/cases/${c.body.id}`, undefined);
    expect(c.body).toEqual(leanOf(full.body));
  });

  it('revises the draft with the lean answer carrying the new draft hash', async () => {
    const c = await openCase();
    const revised = await call('handler1', 'PUT', `/api/v1/cases/${c.body.id}/draft`, sampleDraft({ facts: '修订后的事实。' }), minimal);
    expect([revised.status, revised.applied, revised.body.draft.version]).toEqual([200, 'return=minimal', 2]);
    expect(revised.body.draft.hash).not.toBe(c.body.draft.hash);
    const full = await call('handler1', 'GET', `/api/v1/cases/${c.body.id}`, undefined);
    expect(revised.body).toEqual(leanOf(full.body));
  });
});
