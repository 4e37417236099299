// A 行政强制执行 case through the real stack: opened on an unperformed decision, 催告 served, the party's statement
// recorded and adopted, reviewed on the seven execution items, approved, decided on the approved draft, filed,
// carried out and closed; 代履行 and the court application run their own clocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { verifyDatabase } from '../../../server/audit/verify.js';
import { approve, executionCalls, executionDraft, minorDraft, notice, testNow } from './execution-fixtures.js';

let t: TestApp;
let x: ReturnType<typeof executionCalls>;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(testNow) });
  x = executionCalls(t);
});
afterAll(async () => {
  await t.close();
});

const allowedFor = async (id: string, user: 'handler1' | 'head1') =>
  (await (await t.call('GET', `/api/v1/execution-cases/${id}`, user)).json()).allowedEvents;
const kinds = (view: { clocks: { kind: string }[] }) => view.clocks.map((c) => c.kind);

describe('a major 强制执行 case from opening to filing', () => {
  it('opens under the execution machine, major by the catalog, waiting for its 催告', async () => {
    const opened = await x.open(executionDraft());
    expect(opened).toMatchObject({ kind: 'execution', machine: { kind: 'execution', version: 1 }, state: 'awaitingNotice' });
    expect(opened.major).toEqual({ isMajor: true, reasons: ['major_means'] });
    expect(opened.allowedEvents).toEqual(['draft.revise', 'notice.serve', 'case.withdraw']);
    expect(await t.services.store.get(opened.id)).toMatchObject({ machineId: 'execution', machineVersion: 1, isMajor: true });
  });

  it('runs 催告, statement, review, decision, filing, execution and close through the API with its clocks', async () => {
    const opened = await x.open(executionDraft());
    const noticed = await (await x.send(opened.id, 'handler1', notice('2026-02-02', 10))).json();
    const calendar = await t.services.calendar.calendar();
    expect(noticed.clocks[0]).toMatchObject({ kind: 'executionNotice', startsOn: '2026-02-02', done: true });
    // art 69: a 10-day 催告 period counts working days, so the 春节 holiday lengthens it.
    expect(noticed.clocks[0].dueOn).toBe(calendar.addWorkingDays('2026-02-02', 10).date);
    expect(noticed.notice.endsOn).toBe(noticed.clocks[0].dueOn);

    const heard = { type: 'statement.record', summary: '当事人称已部分拆除。', finding: '经复核，部分拆除属实。', holds: true };
    expect((await x.send(opened.id, 'handler1', heard)).status).toBe(200);
    const revised = await (
      await x.send(opened.id, 'handler1', { type: 'draft.revise', draft: executionDraft({ manner: '拆除剩余部分' }) })
    ).json();
    expect(revised.draft.version).toBe(2);
    await x.send(opened.id, 'handler1', { type: 'review.submit', attestation: true });
    await x.send(opened.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    const review = await (await x.send(opened.id, 'reviewer1', approve(revised.draft.hash))).json();
    expect(review.state).toBe('awaitingDecision');

    const decided = await (await x.send(opened.id, 'head1', { type: 'decision.issue', draftHash: revised.draft.hash })).json();
    expect(decided).toMatchObject({ state: 'decided', decision: { outcome: 'execution_enforce', decidedOn: '2026-03-10' } });
    expect(kinds(decided)).toEqual(['executionNotice', 'executionFiling']);
    expect(decided.allowedEvents).toEqual(['execution.suspend', 'execution.terminate']);
    expect(await allowedFor(opened.id, 'handler1')).toEqual(['execution.carry', 'duty.performed']);
    expect((await x.send(opened.id, 'clerk1', { type: 'filing.submit' })).status).toBe(200);
    const carried = await (await x.send(opened.id, 'handler1', { type: 'execution.carry', carriedOn: '2026-03-10' })).json();
    expect(carried).toMatchObject({ state: 'concluded', conclusion: { result: 'executed', urgent: false } });
    expect((await (await x.send(opened.id, 'clerk1', { type: 'case.close' })).json()).state).toBe('closed');

    const decisions = await t.services.database.client.execute({
      sql: 'SELECT outcome, is_major, draft_hash FROM decisions WHERE case_id = ?',
      args: [opened.id],
    });
    expect(decisions.rows.map((r) => ({ ...r }))).toEqual([{ outcome: 'execution_enforce', is_major: 1, draft_hash: revised.draft.hash }]);
  });

  it('runs a 代履行: decided, reminded three days before (art 51(2)), carried out with its costs on the party', async () => {
    const draft = minorDraft({ route: 'substitute', means: 'substitute', substituteObject: 'other', plannedOn: '2026-03-13' });
    const c = await x.noticed(draft, '2026-01-26');
    expect(c.major.isMajor).toBe(false);
    const decision = { type: 'decision.issue', draftHash: c.draft.hash, decidedOn: '2026-03-02' };
    const decided = await (await x.send(c.id, 'head1', decision)).json();
    expect(decided.decision.outcome).toBe('execution_substitute');
    expect(await allowedFor(c.id, 'handler1')).toEqual(['substitute.remind', 'duty.performed']);
    await x.send(c.id, 'handler1', { type: 'substitute.remind', servedOn: '2026-03-09' });
    const early = await x.send(c.id, 'handler1', { type: 'execution.carry', carriedOn: '2026-03-10', costYuan: 800 });
    expect(early.status).toBe(422);
    expect((await early.json()).type).toBe('/problems/execution-reminder-missing');
    await x.send(c.id, 'handler1', { type: 'substitute.remind', servedOn: '2026-03-03' });
    const carried = await (await x.send(c.id, 'handler1', { type: 'execution.carry', carriedOn: '2026-03-10', costYuan: 800 })).json();
    expect(carried.conclusion).toMatchObject({ result: 'executed', costYuan: 800 });
  });

  it('applies to the court after the art 54 wait, within art 53’s three months, with both clocks in the view', async () => {
    const draft = minorDraft({ route: 'court', means: 'other', plannedOn: undefined, plannedTime: undefined });
    const c = await x.noticed(draft);
    expect(kinds(c)).toEqual(['executionNotice', 'executionCourtWait', 'executionCourtDeadline']);
    const deadline = c.clocks[2];
    expect(deadline).toMatchObject({ startsOn: '2026-02-10', dueOn: '2026-05-10', done: false, overdue: false });
    const decided = await (await x.send(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash })).json();
    expect(decided.decision).toMatchObject({ outcome: 'execution_court', courtDeadline: '2026-05-10' });
    expect(await allowedFor(c.id, 'handler1')).toEqual(['court.rule', 'duty.performed']);
    const ruled = await (await x.send(c.id, 'handler1', { type: 'court.rule', ruling: 'enforce' })).json();
    expect(ruled.conclusion.result).toBe('court_enforced');
  });

  it('suspends under an 执行协议 (art 42) and resumes when the party breaks it, then ends when the party performs', async () => {
    const c = await x.noticed(minorDraft());
    await x.send(c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
    const suspended = await (
      await x.send(c.id, 'head1', { type: 'execution.suspend', ground: 'agreement', reason: '签订执行协议，分阶段履行。' })
    ).json();
    expect(suspended).toMatchObject({ state: 'suspended', suspension: { ground: 'agreement' } });
    expect((await (await x.send(c.id, 'head1', { type: 'execution.resume', reason: '当事人未履行执行协议。' })).json()).state).toBe(
      'decided',
    );
    const done = await (await x.send(c.id, 'handler1', { type: 'duty.performed', note: '当事人已自行恢复原状。' })).json();
    expect(done).toMatchObject({ state: 'concluded', conclusion: { result: 'performed' } });
    expect((await x.send(c.id, 'head1', { type: 'case.close' })).status).toBe(200);
  });

  it('counts its clocks as the policy says: 催告 (art 69), the court wait (art 54), three months (art 53), 备案', async () => {
    const policy = t.services.policy;
    expect(policy.execution.notice.workingUpToDays).toBe(10);
    expect(policy.execution.courtWait).toMatchObject({ days: 10, unit: 'working' });
    expect(policy.execution.courtApplication.months).toBe(3);
    expect(policy.execution.night).toMatchObject({ from: '22:00', until: '06:00' });
    expect(policy.execution.filing).toMatchObject({ days: 15, unit: 'calendar' });
    const calendar = await t.services.calendar.calendar();
    // A 15-day 催告 period is longer than 10 days, so it counts calendar days (art 69).
    const c = await x.noticed(
      minorDraft({ route: 'court', means: 'other', plannedOn: undefined, plannedTime: undefined }),
      '2026-02-02',
      15,
    );
    expect(c.notice.endsOn).toBe(calendar.addCalendarDays('2026-02-02', 15).date);
    expect(c.notice.courtWaitEndsOn).toBe(calendar.addWorkingDays('2026-02-02', 10).date);
  });

  it('passes audit:verify: chain and projections of every execution case rebuild from the record', async () => {
    await t.services.writer.drain();
    const report = await verifyDatabase(t.services.database);
    expect(report.projections?.issues).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
