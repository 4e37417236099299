// The review desk in headless Chromium over the real server: a reviewer returns a case, the handler
// re-submits through the API, the reviewer approves it, the head records discussion and decides, the
// clerk serves. Every page visited passes axe-core. Steps run in order and share the case.
import { join } from 'node:path';
import { screenshotDir } from '../../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ReviewItemKeys } from '../../../machines/case/case.events.js';
import { overloadDraft, revocationDraft } from '../../../server/demo/demo-cases.js';
import { sampleDraft } from '../../helpers/test-app.js';
import { expectAccessible, noticeText, startDeskBrowser, type DeskBrowser } from './browser.js';
import { caseInReview, sendOk } from './desk-fixtures.js';

let clock = new Date('2026-11-10T01:30:00Z');
let d: DeskBrowser;
let caseId = '';
let reviewer: Page;

beforeAll(async () => {
  d = await startDeskBrowser({ now: () => clock });
  // An older submission, overdue by the time the story starts, so the queue shows every badge.
  await caseInReview(d.t, revocationDraft);
  clock = new Date('2026-11-27T01:30:00Z');
  for (const name of Object.keys(d.t.users) as (keyof typeof d.t.users)[])
    d.t.tokens[name] = await d.t.services.users.issueToken(d.t.users[name].id);
  caseId = (await caseInReview(d.t, overloadDraft)).id;
  await caseInReview(d.t, sampleDraft({ title: '青海某运输公司未按规定维护车辆案' }));
});
afterAll(async () => {
  await d?.close();
});

/** Ticks the seven items (all passed unless a finding is given), the outcome and the opinion. */
async function fillReview(page: Page, outcome: string, opinion: string, findings: Record<string, string> = {}) {
  for (const key of ReviewItemKeys) {
    const item = page.locator(`fieldset[data-item="${key}"]`);
    if (findings[key]) {
      await item.getByLabel(key === 'crimeTransfer' ? '涉嫌犯罪，需移送' : '存在问题', { exact: true }).check();
      await item.getByLabel('发现的问题').fill(findings[key]!);
    } else {
      await item.getByLabel(key === 'crimeTransfer' ? '不涉嫌犯罪' : '符合', { exact: true }).check();
    }
  }
  await page.getByLabel(outcome, { exact: true }).check();
  await page.getByLabel('书面审核意见').fill(opinion);
}

// Screenshots go to a temporary folder; `npm run docs:screenshots` writes them to docs/.
const shots = screenshotDir();

describe('review desk in a real browser', () => {
  it('signs in as reviewer1 and claims the case from the queue', async () => {
    const signInPage = await d.anonymous();
    await signInPage.goto(`${d.base}/desk/sign-in`);
    await expectAccessible(signInPage);
    reviewer = await d.signIn('reviewer1');
    await reviewer.goto(`${d.base}/desk?tab=claimable`);
    const row = reviewer.locator(`section[data-section="claimable"] tr[data-case-id="${caseId}"]`);
    expect(await row.locator('.badge.ok').textContent()).toMatch(/^法制审核期限：2026年12月\d+日截止$/);
    await row.getByRole('button', { name: '认领' }).click();
    await reviewer.waitForURL(`${d.base}/desk/cases/${caseId}?done=review.assign`);
    expect(await noticeText(reviewer)).toBe('已完成：分配审核人员。');
    await reviewer.goto(`${d.base}/desk`);
    expect(await reviewer.locator(`section[data-section="mine"] tr[data-case-id="${caseId}"]`).count()).toBe(1);
    await reviewer.goto(`${d.base}/desk?tab=claimable`);
    const first = reviewer.locator('section[data-section="claimable"] tbody tr').first();
    expect(await first.locator('[data-urgency="overdue"]').count()).toBe(1);
    await expectAccessible(reviewer);
    await reviewer.screenshot({ path: join(shots, 'screenshot-queue.png'), fullPage: true });
    await reviewer.goto(`${d.base}/desk`);
  });

  it('opens the case, ticks the seven items and returns it for correction', async () => {
    await reviewer.getByRole('link', { name: overloadDraft.title }).first().click();
    await reviewer.waitForURL(`${d.base}/desk/cases/${caseId}`);
    expect(await reviewer.locator('[data-reason="fine_over_threshold"]').textContent()).toBe('罚款数额达到重大案件标准');
    expect(await reviewer.getByText(overloadDraft.discretionItem!).count()).toBe(1);
    await expectAccessible(reviewer);
    await reviewer.getByRole('link', { name: '填写法制审核意见' }).click();
    await reviewer.waitForURL(`${d.base}/desk/cases/${caseId}/review`);
    await fillReview(reviewer, '存在问题，退回补正', '证据不足，请补充当事人询问笔录。', {
      factsEvidence: '缺少当事人（公司负责人）询问笔录',
    });
    await expectAccessible(reviewer);
    await reviewer.screenshot({ path: join(shots, 'screenshot-review.png'), fullPage: true });
    await reviewer.getByRole('button', { name: '提交审核意见' }).click();
    await reviewer.waitForURL(/done=review\.return/);
    expect(await reviewer.locator('dl[data-state]').getAttribute('data-state')).toBe('correcting');
    expect(await reviewer.locator('li[data-event="review.return"]').textContent()).toContain('缺少当事人（公司负责人）询问笔录');
  });

  it('shows what changed after the handler re-submits through the API, and approves it', async () => {
    const revised = {
      ...overloadDraft,
      evidence: [...overloadDraft.evidence, { kind: '询问笔录', description: '公司负责人询问笔录一份' }],
    };
    expect((await d.t.call('PUT', `/api/v1/cases/${caseId}/draft`, 'handler1', revised)).status).toBe(200);
    const resubmitted = await sendOk(d.t, caseId, 'handler1', { type: 'review.submit', attestation: true });
    await reviewer.goto(`${d.base}/desk/cases/${caseId}`);
    expect(await reviewer.locator('[data-diff-fields]').getAttribute('data-diff-fields')).toBe('evidence');
    expect(await reviewer.locator('.diff ins').textContent()).toBe('[新增] 询问笔录：公司负责人询问笔录一份');
    await expectAccessible(reviewer);
    await reviewer.getByRole('link', { name: '填写法制审核意见' }).click();
    expect(await reviewer.locator('input[name="draftHash"]').inputValue()).toBe(resubmitted.draft.hash);
    await fillReview(reviewer, '同意', '经审核，事实清楚，证据充分，同意。');
    await reviewer.getByRole('button', { name: '提交审核意见' }).click();
    await reviewer.waitForURL(/done=review\.approve/);
    expect(await reviewer.locator('dl[data-state]').getAttribute('data-state')).toBe('awaitingDecision');
  });

  it('never shows a reviewer a decide button, and refuses them the decide page', async () => {
    expect(await reviewer.getByRole('link', { name: '作出决定或记录集体讨论' }).count()).toBe(0);
    expect(await reviewer.getByRole('button', { name: '确认作出决定' }).count()).toBe(0);
    const res = await reviewer.goto(`${d.base}/desk/cases/${caseId}/decide`);
    expect(res?.status()).toBe(403);
    expect(await reviewer.locator('[data-problem]').getAttribute('data-problem')).toBe('no_decide_form');
    await expectAccessible(reviewer);
  });

  it('lets head1 record the collective discussion and decide on the approved hash', async () => {
    const head = await d.signIn('head1');
    await head.getByRole('link', { name: '负责人决定' }).click();
    await expectAccessible(head);
    await head.locator(`tr[data-case-id="${caseId}"]`).getByRole('link', { name: overloadDraft.title }).click();
    await head.getByRole('link', { name: '作出决定或记录集体讨论' }).click();
    expect(await head.getByRole('button', { name: '确认作出决定' }).count()).toBe(0);
    const approvedHash = (await (await d.t.call('GET', `/api/v1/cases/${caseId}`, 'head1')).json()).review.draftHash;
    const members = [
      ['陈局长', '同意', '同意处罚'],
      ['周副局长', '同意', '同意'],
      ['吴副局长', '不同意', '建议按基准下限处罚'],
    ];
    for (const [i, [name, vote, opinion]] of members.entries()) {
      const row = head.getByRole('group', { name: `参加人员 ${i + 1}` });
      await row.getByLabel('人员').selectOption({ label: name! });
      await row.getByLabel('表决意见').selectOption({ label: vote! });
      await row.getByLabel('发言意见').fill(opinion!);
    }
    await head.getByLabel('主持人').selectOption({ label: '陈局长' });
    await head.getByLabel('讨论结论').fill('同意法制审核意见，按代拟稿作出处罚决定。');
    await expectAccessible(head);
    await head.getByRole('button', { name: '记录集体讨论' }).click();
    await head.waitForURL(/done=discussion\.record/);
    await head.getByRole('link', { name: '作出决定或记录集体讨论' }).click();
    expect(await head.locator('#decide-hash').textContent()).toBe(approvedHash);
    expect(await head.locator('form[data-action="decision.issue"] input[name="draftHash"]').inputValue()).toBe(approvedHash);
    await head.getByRole('button', { name: '确认作出决定' }).click();
    await head.waitForURL(/done=decision\.issue/);
    const decided = await (await d.t.call('GET', `/api/v1/cases/${caseId}`, 'head1')).json();
    expect(decided.decision).toMatchObject({ draftHash: approvedHash, outcome: 'penalty' });
    expect(await head.locator('li[data-event="discussion.record"]').textContent()).toContain('吴副局长（不同意）：建议按基准下限处罚');
  });

  it('shows the clerk the duties due with deadlines, and records service', async () => {
    const clerk = await d.signIn('clerk1');
    await clerk.getByRole('link', { name: '送达公示备案' }).click();
    const row = clerk.locator(`tr[data-case-id="${caseId}"]`);
    expect(await row.locator('[data-duty-due="filing"] .badge').textContent()).toMatch(/^备案期限：2026年12月\d+日截止$/);
    await expectAccessible(clerk);
    await row.getByRole('link', { name: '送达决定书' }).click();
    const form = clerk.locator('details[data-action="decision.serve"]');
    await form.locator('summary').click();
    await form.getByLabel('受送达人（签收人）').fill('张三');
    await form.getByLabel('送达回证编号').fill('送达回证〔2026〕88号');
    await expectAccessible(clerk);
    await form.getByRole('button', { name: '送达决定书' }).click();
    await clerk.waitForURL(/\?done=decision\.serve/);
    await clerk.getByRole('link', { name: '送达公示备案' }).click();
    expect(await clerk.locator(`tr[data-case-id="${caseId}"] td`).nth(1).textContent()).toBe('已完成（2026年11月27日）');
  });

  it('refuses the handler the review form of their own case, in either language', async () => {
    const own = await caseInReview(d.t, sampleDraft({ title: '王某无证经营道路运输案' }));
    const handler = await d.signIn('handler1');
    expect(await handler.locator(`section[data-section="handled"] tr[data-case-id="${own.id}"]`).count()).toBe(1);
    await expectAccessible(handler);
    const res = await handler.goto(`${d.base}/desk/cases/${own.id}/review`);
    expect(res?.status()).toBe(403);
    expect(await noticeText(handler)).toContain('您不能对本案填写审核意见');
    await expectAccessible(handler);
    await handler.getByRole('button', { name: '语言: English' }).click();
    await handler.waitForURL(`${d.base}/desk/cases/${own.id}/review`);
    expect(await handler.locator('html').getAttribute('lang')).toBe('en');
    expect(await noticeText(handler)).toContain('You cannot write a review opinion');
    await handler.goto(`${d.base}/desk/cases/${own.id}`);
    expect(await handler.locator('#actions-heading').textContent()).toBe('Actions');
    expect(await handler.getByRole('link', { name: 'Write the legal review opinion' }).count()).toBe(0);
    await expectAccessible(handler);
  });
});
