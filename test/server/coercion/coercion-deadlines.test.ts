// The 查封、扣押 clocks as durable `deadlines` rows through the real stack: the art 25 period and the 备案 of a
// major decision start with the decision, one row each with the due date the case shows, the extension moves
// the period's due date, and a scheduler sweep after the due date records the notice and tells the people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { testClock } from '../deadlines/deadline-stack.js';
import { DeskClient } from '../desk/desk-client.js';
import { approve, coercionDraft } from './coercion-fixtures.js';

const clock = testClock('2026-03-02');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

type View = { id: string; version: number; draft: { hash: string }; clocks: { kind: string; dueOn: string; overdue: boolean }[] };

async function send(id: string, user: DemoUserName, body: unknown): Promise<View> {
  const res = await t.call('POST', `/api/v1/coercion-cases/${id}/events`, user, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** A major case decided today (实施 today), reviewed by reviewer1. */
async function decided(): Promise<View> {
  const opened: View = await (await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t))).json();
  await send(opened.id, 'handler1', { type: 'review.submit', attestation: true });
  await send(opened.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  await send(opened.id, 'reviewer1', approve(opened.draft.hash));
  return send(opened.id, 'head1', { type: 'decision.issue', draftHash: opened.draft.hash });
}

const rowsOf = (id: string) => t.services.deadlines.store.byCase(id);
const dueOf = (v: View, kind: string) => v.clocks.find((c) => c.kind === kind)!.dueOn;

async function notificationsOf(id: string) {
  const rs = await t.services.database.client.execute({
    sql: 'SELECT user_id, kind FROM notifications WHERE case_id = ? ORDER BY user_id, kind',
    args: [id],
  });
  return rs.rows.map((r) => [String(r.user_id), String(r.kind)]);
}

describe('查封扣押 clocks as deadline rows', () => {
  let c: View;
  it('starts one running row per clock with the decision, due on the dates the case shows', async () => {
    await clock.set('2026-03-02');
    c = await decided();
    const rows = await rowsOf(c.id);
    expect(rows.map((r) => [r.kind, r.state, r.dueDate]).sort()).toEqual(
      [
        ['coercionFiling', 'running', dueOf(c, 'coercionFiling')],
        ['coercionPeriod', 'running', dueOf(c, 'coercionPeriod')],
      ].sort(),
    );
    expect(dueOf(c, 'coercionPeriod')).toBe('2026-04-01');
  });

  it('moves the period row to the extended due date, still one row', async () => {
    const extended = await send(c.id, 'head1', { type: 'measure.extend', days: 10, reason: '需要技术鉴定，情况复杂。' });
    const period = (await rowsOf(c.id)).filter((r) => r.kind === 'coercionPeriod');
    expect(period.map((r) => [r.state, r.dueDate])).toEqual([['running', dueOf(extended, 'coercionPeriod')]]);
    expect(dueOf(extended, 'coercionPeriod')).toBe('2026-04-11');
  });

  it('sends no notice while the clocks are far from due', async () => {
    const report = await t.services.scheduler.scan();
    expect(report.sent.filter((s) => s.caseId === c.id)).toEqual([]);
  });

  it('flags both clocks overdue in a sweep after their due dates, records it and notifies handler and reviewer', async () => {
    await clock.set('2026-04-13');
    const report = await t.services.scheduler.scan();
    const mine = report.sent.filter((s) => s.caseId === c.id);
    expect(mine.map((s) => [s.type, s.status])).toEqual([
      ['deadline.notify', 'escalated'],
      ['deadline.notify', 'overdue'],
    ]);
    expect(report.refused.filter((r) => r.caseId === c.id)).toEqual([]);
    const rows = await rowsOf(c.id);
    expect(rows.map((r) => [r.kind, r.notice]).sort()).toEqual([
      ['coercionFiling', 'escalated'],
      ['coercionPeriod', 'overdue'],
    ]);
    const record = await t.services.store.events(c.id, false);
    expect(record.filter((e) => e.type === 'deadline.notify').map((e) => e.actorId)).toEqual(['system', 'system']);
    expect(await notificationsOf(c.id)).toEqual(
      [
        [t.users.handler1.id, 'escalated'],
        [t.users.handler1.id, 'overdue'],
        [t.users.reviewer1.id, 'escalated'],
        [t.users.reviewer1.id, 'overdue'],
      ].sort(),
    );
    // A second sweep on the same day sends nothing again.
    expect((await t.services.scheduler.scan()).sent.filter((s) => s.caseId === c.id)).toEqual([]);
  });

  it('shows the overdue marks on the desk page, and closes the rows late on conclusion and filing', async () => {
    const desk = new DeskClient(t);
    await desk.signIn('reviewer1');
    const html = await (await desk.get(`/desk/coercion-cases/${c.id}`)).text();
    expect(html).toContain('data-clock="coercionPeriod" data-overdue="true"');
    await send(c.id, 'head1', { type: 'measure.conclude', result: 'released', reason: '解除扣押' });
    await send(c.id, 'clerk1', { type: 'filing.submit' });
    const rows = await rowsOf(c.id);
    expect(rows.map((r) => [r.kind, r.state, r.outcome, r.closedBy]).sort()).toEqual([
      ['coercionFiling', 'closed', 'late', 'filing.submit'],
      ['coercionPeriod', 'closed', 'late', 'measure.conclude'],
    ]);
  });

  it('closes the filing row met when filed in time, and writes no rows for a case never decided', async () => {
    await clock.set('2026-05-04');
    const on = await decided();
    await send(on.id, 'clerk1', { type: 'filing.submit' });
    const filing = (await rowsOf(on.id)).find((r) => r.kind === 'coercionFiling')!;
    expect([filing.state, filing.outcome]).toEqual(['closed', 'met']);
    const opened: View = await (await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t))).json();
    await send(opened.id, 'handler1', { type: 'case.withdraw', reason: '撤回' });
    expect(await rowsOf(opened.id)).toEqual([]);
  });
});
