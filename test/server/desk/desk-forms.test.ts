// The desk's forms through the real stack without a browser: stale forms (409 If-Match, 422 no longer
// allowed) show a clear message and change nothing, invalid review and discussion forms come back with
// their errors, and the queue puts overdue reviews first with deadline badges from the deadline module.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewItems, ReviewItemKeys } from '../../../machines/case/case.events.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from './desk-client.js';
import { caseInReview, footprint, sendOk } from './desk-fixtures.js';

let t: TestApp;
let clock = new Date('2026-11-02T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => {
  await t.close();
});

/** A complete review form: every item passed unless named in `findings`. */
function reviewForm(csrf: string, version: number, outcome: string, findings: Record<string, string> = {}, draftHash = '') {
  const form: Record<string, string> = { _csrf: csrf, version: String(version), outcome, opinion: '审核意见', draftHash };
  for (const key of ReviewItemKeys) {
    form[`item_${key}`] = findings[key] !== undefined ? 'finding' : 'passed';
    form[`finding_${key}`] = findings[key] ?? '';
  }
  return form;
}

async function claimedBy(client: DeskClient) {
  const c = await caseInReview(t);
  const claim = await client.post(`/desk/cases/${c.id}/events`, {
    _csrf: await client.csrf(),
    type: 'review.assign',
    version: String(c.version),
  });
  expect(claim.status).toBe(303);
  expect(claim.headers.get('location')).toBe(`/desk/cases/${c.id}?done=review.assign`);
  return (await t.call('GET', `/api/v1/cases/${c.id}`, 'reviewer1')).json();
}

describe('stale desk forms', () => {
  it('answers 409 with a clear message when the case version moved on, and changes nothing', async () => {
    const reviewer = new DeskClient(t);
    await reviewer.signIn('reviewer1');
    const c = await claimedBy(reviewer);
    const csrf = await reviewer.csrf(`/desk/cases/${c.id}/review`);
    await sendOk(t, c.id, 'head1', { type: 'conflict.declare', reason: '与当事人存在利害关系' });
    const before = await footprint(t, c.id);
    const res = await reviewer.post(`/desk/cases/${c.id}/review`, reviewForm(csrf, c.version, 'return', { procedure: '未依法告知' }));
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('data-problem="version_mismatch"');
    expect(html).toContain('案件已被他人更新。');
    expect(html).toContain('本案当前状态：法制审核中。');
    expect(html).toContain('未作任何更改。');
    expect(html).toContain(`href="/desk/cases/${c.id}"`);
    expect(html).toContain('href="/problems/version-mismatch"');
    expect(await footprint(t, c.id)).toEqual(before);
  });

  it('answers 422 when the event is no longer allowed (the case was returned meanwhile), and changes nothing', async () => {
    const reviewer = new DeskClient(t);
    await reviewer.signIn('reviewer1');
    const c = await claimedBy(reviewer);
    const csrf = await reviewer.csrf(`/desk/cases/${c.id}/review`);
    await sendOk(t, c.id, 'reviewer1', { type: 'review.return', opinion: '补充证据', items: reviewItems({ factsEvidence: '补充证据' }) });
    const before = await footprint(t, c.id);
    const res = await reviewer.post(`/desk/cases/${c.id}/review`, reviewForm(csrf, c.version, 'approve', {}, c.draft.hash));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('当前阶段不允许此操作。');
    expect(html).toContain('本案当前状态：退回补正。');
    // The reason is in the page's language: no English sentence inside the Chinese alert.
    const alert = html.slice(html.indexOf('role="alert"'), html.indexOf('</div>', html.indexOf('role="alert"')));
    expect(alert).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    expect(await footprint(t, c.id)).toEqual({ ...before, state: 'correcting' });
  });
});

describe('desk form validation', () => {
  it('refuses to approve with a finding through the machine rule, marking the fields, as the API would', async () => {
    const reviewer = new DeskClient(t);
    await reviewer.signIn('reviewer1');
    const c = await claimedBy(reviewer);
    const before = await footprint(t, c.id);
    const csrf = await reviewer.csrf(`/desk/cases/${c.id}/review`);
    const res = await reviewer.post(
      `/desk/cases/${c.id}/review`,
      reviewForm(csrf, c.version, 'approve', { documents: '文书不规范' }, c.draft.hash),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('同意前须所有审核事项均为“符合”');
    expect(html).toContain('文书不规范');
    expect(html).toMatch(/data-item="documents"[^>]*class="invalid"|class="invalid"[^>]*data-item="documents"/);
    expect(await footprint(t, c.id)).toEqual(before);
    // The refusal is on the record like the API's: the same rule, the same code.
    const refused = (await t.services.store.events(c.id, true)).filter((e) => !e.accepted);
    expect(refused.at(-1)).toMatchObject({ type: 'review.approve', refusal: { code: 'review_outcome_inconsistent' } });
  });

  it('records a return with its seven items and the findings as the points to correct', async () => {
    const reviewer = new DeskClient(t);
    await reviewer.signIn('reviewer1');
    const c = await claimedBy(reviewer);
    const csrf = await reviewer.csrf(`/desk/cases/${c.id}/review`);
    const res = await reviewer.post(`/desk/cases/${c.id}/review`, reviewForm(csrf, c.version, 'return', { factsEvidence: '缺少询问笔录' }));
    expect(res.status).toBe(303);
    const events = await t.services.store.events(c.id, false);
    const last = events[events.length - 1]!;
    expect(last.type).toBe('review.return');
    const items = (last.payload as { items: Record<string, { passed: boolean; finding?: string }> }).items;
    expect(Object.keys(items).sort()).toEqual([...ReviewItemKeys].sort());
    expect(items.factsEvidence).toEqual({ passed: false, finding: '缺少询问笔录' });
    expect(items.authority).toEqual({ passed: true });
  });

  it('refuses a discussion row without an opinion and re-shows the form', async () => {
    const c = await caseInReview(t);
    await sendOk(t, c.id, 'reviewer2', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    const approved = await sendOk(t, c.id, 'reviewer2', {
      type: 'review.approve',
      draftHash: c.draft.hash,
      opinion: '同意',
      items: reviewItems(),
    });
    const head = new DeskClient(t);
    await head.signIn('head1');
    const before = await footprint(t, c.id);
    const csrf = await head.csrf(`/desk/cases/${c.id}/decide`);
    const res = await head.post(`/desk/cases/${c.id}/events`, {
      _csrf: csrf,
      type: 'discussion.record',
      version: String(approved.version),
      member_user_0: t.users.head1.id,
      member_vote_0: 'agree',
      member_opinion_0: '',
      chairId: t.users.head1.id,
      conclusion: '同意',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('此项为必填项');
    expect(await footprint(t, c.id)).toEqual(before);
  });
});

describe('desk queue order', () => {
  it('lists an overdue review first with its deadline badge, before a newer case', async () => {
    clock = new Date('2026-11-02T02:00:00Z');
    const old = await caseInReview(t, { title: '较早送审的案件' });
    clock = new Date('2026-11-20T02:00:00Z');
    // The demo tokens were issued on the old date and have expired: issue new ones on the new date.
    for (const name of Object.keys(t.users) as (keyof typeof t.users)[])
      t.tokens[name] = await t.services.users.issueToken(t.users[name].id);
    const fresh = await caseInReview(t, { title: '新送审的案件' });
    const reviewer = new DeskClient(t);
    await reviewer.signIn('reviewer2');
    const html = await (await reviewer.get('/desk?tab=claimable')).text();
    const claimable = html.slice(html.indexOf('data-section="claimable"'));
    expect(claimable.indexOf(old.id)).toBeGreaterThan(-1);
    expect(claimable.indexOf(old.id)).toBeLessThan(claimable.indexOf(fresh.id));
    const oldRow = claimable.slice(claimable.indexOf(`data-case-id="${old.id}"`));
    expect(oldRow.slice(0, oldRow.indexOf('</tr>'))).toMatch(/data-urgency="overdue">法制审核期限：已超期（2026年11月\d+日截止）/);
  });
});
