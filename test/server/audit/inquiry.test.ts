// An overturned decision runs through an accountability inquiry over HTTP: the outcome is recorded, fault
// is proposed from the record, an exemption is claimed, a supervisor outside the chain determines, and the
// clerk records the withdrawal of the publication. Every refusal is checked with its status and problem type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { getJson, runReturnedHeardDiscussedCase, type DecidedCase } from './audit-helpers.js';

// Thursday 30 April 2026, 10:00 in Xining: the 劳动节 holiday (1–5 May) lies inside the withdrawal period.
const now = new Date('2026-04-30T02:00:00.000Z');
let t: TestApp;
let c: DecidedCase;
let headAuditor: { id: string; token: string };
let inquiryId: string;

const outcome = {
  forum: 'reconsideration',
  result: 'revoked',
  causes: ['facts_evidence'],
  body: '西宁市人民政府',
  documentRef: '宁政复决字〔2026〕12号',
  // The 复议 decision is dated the day it is recorded: the 3-working-day withdrawal period counts from it.
  decidedOn: '2026-04-30',
};

async function post(path: string, user: DemoUserName | { token: string }, body: unknown, headers: Record<string, string> = {}) {
  const auth = typeof user === 'string' ? user : null;
  const extra = typeof user === 'string' ? headers : { ...headers, Authorization: `Bearer ${user.token}` };
  const res = await t.call('POST', path, auth, body, extra);
  return { status: res.status, body: await res.json() };
}
const event = (user: DemoUserName | { token: string }, body: unknown, headers?: Record<string, string>) =>
  post(`/api/v1/inquiries/${inquiryId}/events`, user, body, headers);
const inquiry = (user: DemoUserName = 'auditor1') => getJson(t, `/api/v1/inquiries/${inquiryId}`, user);

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  // A head who is also an auditor decides the case: they may never judge their own part.
  const user = await t.services.users.create({
    username: 'head-auditor',
    displayName: '周局长',
    password: 'head-auditor-password',
    roles: ['head', 'auditor'],
  });
  headAuditor = { id: user.id, token: await t.services.users.issueToken(user.id) };
  c = await runReturnedHeardDiscussedCase(t, { headToken: headAuditor.token, publish: true });
});
afterAll(async () => {
  await t.close();
});

describe('POST /cases/:id/outcomes', () => {
  it('refuses a wrong role (403), an undecided case (422), a malformed body (400) and an unknown case (404), recording the attempts', async () => {
    const wrongRole = await post(`/api/v1/cases/${c.id}/outcomes`, 'clerk1', outcome);
    expect([wrongRole.status, wrongRole.body.type]).toEqual([403, '/problems/wrong-role']);
    const open = await (await t.call('POST', '/api/v1/cases', 'handler2', sampleDraft())).json();
    const undecided = await post(`/api/v1/cases/${open.id}/outcomes`, 'auditor1', outcome);
    expect([undecided.status, undecided.body.type]).toEqual([422, '/problems/case-not-decided']);
    const malformed = await post(`/api/v1/cases/${c.id}/outcomes`, 'auditor1', { ...outcome, result: 'upheld' });
    expect([malformed.status, malformed.body.type]).toEqual([400, '/problems/malformed-request']);
    expect((await post('/api/v1/cases/nope/outcomes', 'auditor1', outcome)).status).toBe(404);
    expect((await getJson(t, `/api/v1/inquiries?caseId=${c.id}`, 'auditor1')).items).toEqual([]);
    const attempts = (await getJson(t, `/api/v1/cases/${c.id}/events?include=refused`, 'auditor1')).items.filter(
      (e: any) => e.type === 'outcome.record',
    );
    expect(attempts.map((e: any) => [e.accepted, e.actorId, e.refusal.code])).toEqual([[false, t.users.clerk1.id, 'wrong_role']]);
  });

  it('opens an inquiry with the persons of the chain, a proposal from the rules and a withdrawal due in 3 working days', async () => {
    const opened = await post(`/api/v1/cases/${c.id}/outcomes`, 'auditor1', outcome);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    inquiryId = opened.body.id;
    expect(opened.body).toMatchObject({ caseId: c.id, state: 'open', version: 1, allowedEvents: ['inquiry.determine'] });
    expect(opened.body.outcome).toMatchObject({ ...outcome, recordedBy: t.users.auditor1.id });
    expect(opened.body.persons).toEqual([
      { id: t.users.handler1.id, name: '王承办', roles: ['handler'] },
      { id: t.users.reviewer1.id, name: '张审核', roles: ['reviewer'] },
      { id: headAuditor.id, name: '周局长', roles: ['head'] },
    ]);
    expect(opened.body.facts).toEqual({
      forum: 'reconsideration',
      result: 'revoked',
      causes: ['facts_evidence'],
      reviewed: true,
      discussed: true,
      reviewerDirected: true,
      reviewerFlaggedCause: false,
    });
    expect(opened.body.proposal.shares.map((s: any) => [s.name, s.role, s.level, s.ruleId])).toEqual([
      ['王承办', 'handler', 'direct', 'wrong_proposal'],
      ['张审核', 'reviewer', 'main', 'wrong_proposal'],
      ['周局长', 'head', 'main', 'collective_decision'],
      ['陈局长', 'discussants', 'secondary', 'collective_decision'],
      ['周副局长', 'discussants', 'secondary', 'collective_decision'],
      ['吴副局长', 'discussants', 'secondary', 'collective_decision'],
    ]);
    // 3 working days from Thu 30 April skip the 1–5 May holiday: 6, 7 and 8 May.
    expect(opened.body.withdrawal).toMatchObject({ required: true, dueDate: '2026-05-08', provisional: false, withdrawnAt: null });
    const clock = await t.services.database.client.execute({
      sql: "SELECT due_date, state FROM deadlines WHERE case_id = ? AND kind = 'publicationWithdrawal'",
      args: [c.id],
    });
    expect(clock.rows.map((r) => [r.due_date, r.state])).toEqual([['2026-05-08', 'running']]);
    const again = await post(`/api/v1/cases/${c.id}/outcomes`, 'head1', { ...outcome, forum: 'litigation' });
    expect([again.status, again.body.type]).toEqual([409, '/problems/inquiry-open']);
  });
});

describe('POST /inquiries/:id/events', () => {
  it('takes exemption claims only from persons in the chain, on configured grounds', async () => {
    const stranger = await event('handler2', { type: 'exemption.claim', grounds: ['party_concealment'], statement: '与我无关' });
    expect([stranger.status, stranger.body.type]).toEqual([403, '/problems/not-in-chain']);
    const unknown = await event('handler1', { type: 'exemption.claim', grounds: ['made_up'], statement: '理由' });
    expect([unknown.status, unknown.body.type]).toEqual([400, '/problems/unknown-ground']);
    expect((await inquiry()).version).toBe(1);
    const claimed = await event('handler1', {
      type: 'exemption.claim',
      grounds: ['party_concealment'],
      statement: '当事人提供虚假称重单据，已依法审查。',
    });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body.claims).toMatchObject([{ personId: t.users.handler1.id, grounds: ['party_concealment'] }]);
    expect(claimed.body.allowedEvents).toEqual(['exemption.claim']);
  });

  it('refuses a determination by a wrong role (403), by a supervisor in the chain (403), incomplete (422) or stale (409)', async () => {
    const allocations = [
      {
        personId: t.users.handler1.id,
        level: 'direct',
        exempted: true,
        grounds: ['party_concealment'],
        reasons: '当事人伪造单据，承办人已尽审查义务',
      },
      { personId: t.users.reviewer1.id, level: 'secondary', exempted: false, reasons: '未发现单据异常' },
      { personId: headAuditor.id, level: 'important', exempted: false, reasons: '集体讨论决策人' },
    ];
    const determine = { type: 'inquiry.determine', allocations, conclusion: '承办人免责；审核人员承担次要责任；负责人承担重要责任。' };
    const cases: [DemoUserName | { token: string }, unknown, Record<string, string>, number, string][] = [
      ['handler1', determine, {}, 403, '/problems/wrong-role'],
      [headAuditor, determine, {}, 403, '/problems/supervisor-in-chain'],
      ['auditor1', { ...determine, allocations: allocations.slice(0, 2) }, {}, 422, '/problems/allocations-incomplete'],
      ['auditor1', determine, { 'If-Match': '1' }, 409, '/problems/version-mismatch'],
    ];
    for (const [user, body, headers, status, type] of cases) {
      const refused = await event(user, body, headers);
      expect([refused.status, refused.body.type]).toEqual([status, type]);
    }
    expect((await inquiry()).version).toBe(2);
    const done = await event('auditor1', determine, { 'If-Match': '2' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'determined', version: 3, allowedEvents: [] });
    expect(done.body.determination).toMatchObject({ by: t.users.auditor1.id, allocations, conclusion: determine.conclusion });
  });

  it('lets only a clerk record the withdrawal, which closes the inquiry and its deadline', async () => {
    const head = await event('head1', { type: 'withdrawal.record', withdrawnOn: '2026-04-30', note: '已撤回公示并说明理由' });
    expect([head.status, head.body.type]).toEqual([403, '/problems/wrong-role']);
    const withdrawn = await event('clerk1', { type: 'withdrawal.record', withdrawnOn: '2026-04-30', note: '已撤回公示并说明理由' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'closed', version: 4, withdrawal: { withdrawnOn: '2026-04-30', by: t.users.clerk1.id } });
    const clock = await t.services.database.client.execute({
      sql: "SELECT state, outcome FROM deadlines WHERE case_id = ? AND kind = 'publicationWithdrawal'",
      args: [c.id],
    });
    expect(clock.rows.map((r) => [r.state, r.outcome])).toEqual([['closed', 'met']]);
    const late = await event('handler1', { type: 'exemption.claim', grounds: ['force_majeure'], statement: '补充' });
    expect([late.status, late.body.type]).toEqual([422, '/problems/event-not-allowed']);
  });

  it('keeps the whole inquiry on the hash-chained record, refusals included', async () => {
    const accepted = (await getJson(t, `/api/v1/inquiries/${inquiryId}/events`, 'auditor1')).items;
    expect(accepted.map((e: any) => [e.seq, e.type])).toEqual([
      [1, 'inquiry.open'],
      [2, 'exemption.claim'],
      [3, 'inquiry.determine'],
      [4, 'withdrawal.record'],
    ]);
    expect(accepted[0].payload.proposal.rulesVersion).toBe('default-2026.1');
    const all = (await getJson(t, `/api/v1/inquiries/${inquiryId}/events?include=refused`, 'auditor1')).items;
    expect(all.filter((e: any) => !e.accepted).map((e: any) => e.refusal.code)).toEqual([
      'not_in_chain',
      'wrong_role',
      'supervisor_in_chain',
      'allocations_incomplete',
      'version_mismatch',
      'wrong_role',
      'event_not_allowed',
    ]);
    const verified = await getJson(t, '/api/v1/audit/verify', 'auditor1');
    expect(verified).toMatchObject({ ok: true, issueCount: 0, streams: { checked: 3, issues: [] } });
  });
});
