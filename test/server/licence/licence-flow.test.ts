// A 行政许可 撤销 / 撤回 case through the real stack: opened, the licensee told and heard, reviewed on the seven
// licence items, approved, decided on the approved draft, served, published and filed, then closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { verifyDatabase } from '../../../server/audit/verify.js';
import { approve, giveBack, licenceDraft, statement } from './licence-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, user: DemoUserName, body: unknown) => t.call('POST', `/api/v1/licence-cases/${id}/events`, user, body);
const kinds = (view: { clocks: { kind: string }[] }) => view.clocks.map((c) => c.kind);

async function open(draft = licenceDraft()) {
  const res = await t.call('POST', '/api/v1/licence-cases', 'handler1', draft);
  expect(res.status).toBe(201);
  return res.json();
}

/** Opens a case, serves the notice, records a statement and closes the hearing. */
async function heard(draft = licenceDraft()) {
  const opened = await open(draft);
  expect((await send(opened.id, 'handler1', { type: 'notice.serve' })).status).toBe(200);
  expect((await send(opened.id, 'handler1', statement)).status).toBe(200);
  const res = await send(opened.id, 'handler1', { type: 'hearing.close' });
  expect(res.status).toBe(200);
  return res.json();
}

describe('a major 撤销 case from opening to filing', () => {
  it('opens under the licence machine, major by the catalog, in drafting', async () => {
    const opened = await open();
    expect(opened).toMatchObject({ kind: 'licence', machine: { kind: 'licence', version: 1 }, state: 'drafting' });
    expect(opened.major).toEqual({ isMajor: true, reasons: ['major_licence_kind'] });
    expect(opened.compensation).toBe('compensation');
    expect(opened.allowedEvents).toEqual(['draft.revise', 'notice.serve', 'case.withdraw']);
    expect(await t.services.store.get(opened.id)).toMatchObject({ machineId: 'licence', machineVersion: 1, isMajor: true });
  });

  it('shows the statements clock after the notice, and closes the hearing only once a statement is heard', async () => {
    const opened = await open();
    const noticed = await (await send(opened.id, 'handler1', { type: 'notice.serve' })).json();
    expect(noticed.state).toBe('hearing');
    expect(kinds(noticed)).toEqual(['licenceStatements']);
    expect(noticed.clocks[0]).toMatchObject({ done: false, overdue: false, startsOn: noticed.hearing.servedOn });
    expect(noticed.clocks[0].dueOn > noticed.hearing.servedOn).toBe(true);
    expect(noticed.allowedEvents).toEqual(['statement.record', 'case.withdraw']);
    const stated = await (await send(opened.id, 'handler1', statement)).json();
    expect(stated.hearing.statements).toHaveLength(1);
    expect(stated.allowedEvents).toContain('hearing.close');
  });

  it('runs review, decision, service, publication, filing and close through the API', async () => {
    const h = await heard();
    expect(h.state).toBe('heard');
    expect(h.clocks[0].done).toBe(true);
    await send(h.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(h.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    const approved = await (await send(h.id, 'reviewer1', approve(h.draft.hash))).json();
    expect(approved).toMatchObject({ state: 'awaitingDecision', review: { outcome: 'approved', draftHash: h.draft.hash, failed: [] } });
    const decided = await (await send(h.id, 'head1', { type: 'decision.issue', draftHash: h.draft.hash })).json();
    expect(decided).toMatchObject({ state: 'decided', decision: { outcome: 'licence_revoke', compensation: 'compensation' } });
    expect(kinds(decided)).toEqual(['licenceStatements', 'licencePublication', 'licenceFiling']);
    expect(decided.allowedEvents).not.toContain('case.close');
    expect((await send(h.id, 'clerk1', { type: 'service.record', method: '直接送达' })).status).toBe(200);
    const published = await (await send(h.id, 'clerk1', { type: 'publication.record', channel: '信用交通网站' })).json();
    expect(published.clocks[1]).toMatchObject({ kind: 'licencePublication', done: true, overdue: false });
    expect(published.allowedEvents).toEqual(['filing.submit']);
    await send(h.id, 'clerk1', { type: 'filing.submit' });
    const closed = await (await send(h.id, 'clerk1', { type: 'case.close' })).json();
    expect(closed.state).toBe('closed');
    const rows = await t.services.database.client.execute({
      sql: 'SELECT outcome, is_major, draft_hash FROM decisions WHERE case_id = ?',
      args: [h.id],
    });
    expect(rows.rows.map((r) => ({ ...r }))).toEqual([{ outcome: 'licence_revoke', is_major: 1, draft_hash: h.draft.hash }]);
  });

  it('loops a return back to the handler, who corrects the draft within the notice and submits again', async () => {
    const h = await heard();
    await send(h.id, 'handler1', { type: 'review.submit', attestation: true });
    await send(h.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    const returned = await (await send(h.id, 'reviewer1', giveBack())).json();
    expect(returned).toMatchObject({ state: 'correcting', review: { outcome: 'returned', failed: ['lawApplication'] } });
    const revised = await (await send(h.id, 'handler1', { type: 'draft.revise', draft: licenceDraft({ facts: '补充认定事实。' }) })).json();
    expect(revised.draft.version).toBe(2);
    expect(revised.review).toBeNull();
    const again = await (await send(h.id, 'handler1', { type: 'review.submit', attestation: true })).json();
    expect(again).toMatchObject({ state: 'inReview', reviewerId: t.users.reviewer1.id });
  });

  it('reads its record through /cases/{id}/events and 404s it on the penalty and 查封扣押 APIs', async () => {
    const h = await heard();
    const record = await (await t.call('GET', `/api/v1/cases/${h.id}/events`, 'head1')).json();
    expect(record.items.map((e: { type: string }) => e.type)).toEqual(['case.open', 'notice.serve', 'statement.record', 'hearing.close']);
    expect((await t.call('GET', `/api/v1/cases/${h.id}`, 'head1')).status).toBe(404);
    expect((await t.call('GET', `/api/v1/coercion-cases/${h.id}`, 'head1')).status).toBe(404);
  });
});

describe('minor cases, 撤回 and 不予撤销', () => {
  it('decides a minor 撤销 without review, files nothing, and closes once served and published', async () => {
    const h = await heard(licenceDraft({}, false));
    expect(h.major.isMajor).toBe(false);
    const decided = await (await send(h.id, 'head1', { type: 'decision.issue', draftHash: h.draft.hash })).json();
    expect(kinds(decided)).toEqual(['licenceStatements', 'licencePublication']);
    await send(h.id, 'clerk1', { type: 'service.record', method: '邮寄送达' });
    await send(h.id, 'clerk1', { type: 'publication.record', channel: '门户网站' });
    expect((await send(h.id, 'head1', { type: 'case.close' })).status).toBe(200);
  });

  it('records 补偿 for a 撤回 (art 8) and no publication duty for a 不予撤销 (art 69 ¶3)', async () => {
    const withdraw = await open(licenceDraft({ outcome: 'withdraw', grounds: ['lawChanged'] }, false));
    expect(withdraw.compensation).toBe('indemnity');
    const harm = '该线路为唯一客运线路，撤销将使沿线群众出行中断。';
    const keep = await heard(licenceDraft({ outcome: 'notRevoke', grounds: ['improperMeans'], publicInterestHarm: harm }, false));
    expect(keep.compensation).toBe('none');
    const decided = await (await send(keep.id, 'head1', { type: 'decision.issue', draftHash: keep.draft.hash })).json();
    expect(kinds(decided)).toEqual(['licenceStatements']);
    await send(keep.id, 'clerk1', { type: 'service.record', method: '直接送达' });
    expect((await send(keep.id, 'clerk1', { type: 'case.close' })).status).toBe(200);
  });

  it('passes audit:verify: chain and projections of every licence case rebuild from the record', async () => {
    await t.services.writer.drain();
    const report = await verifyDatabase(t.services.database);
    expect(report.projections?.issues).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
