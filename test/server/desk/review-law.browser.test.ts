// The review-law steps in the desk, in headless Chromium over the real server: the reviewer requests materials,
// the handler supplies them, the reviewer approves; a head extends the decision period, three heads discuss
// (one dissents), the decision issues; the 审核意见书 and 决定书 open as printable Chinese pages with their
// numbers, and a reader outside the case gets the 403 page. Every page visited passes axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ReviewItemKeys } from '../../../machines/case/case.events.js';
import { expectAccessible, noticeText, startDeskBrowser, type DeskBrowser } from './browser.js';
import { caseInReview, sendOk } from './desk-fixtures.js';

let d: DeskBrowser;
let caseId = '';
const clock = new Date('2026-10-09T01:30:00Z');

beforeAll(async () => {
  d = await startDeskBrowser({ now: () => clock });
  caseId = (await caseInReview(d.t, { title: '西宁某运输公司超限运输案' })).id;
  await sendOk(d.t, caseId, 'reviewer1', { type: 'review.assign', reviewerId: d.t.users.reviewer1.id });
});
afterAll(async () => {
  await d?.close();
});

const casePage = (page: Page) => page.goto(`${d.base}/desk/cases/${caseId}`);

describe('review law in the desk', () => {
  it('lets the reviewer ask for materials from the review page, pausing the review', async () => {
    const reviewer = await d.signIn('reviewer1');
    await reviewer.goto(`${d.base}/desk/cases/${caseId}/review`);
    await reviewer.locator('details[data-action="review.requestMaterials"] summary').click();
    await reviewer.getByLabel('需补充的材料及理由').fill('请补充车辆称重检测原始记录。');
    await expectAccessible(reviewer);
    await reviewer.getByRole('button', { name: '要求补充材料（审核期限暂停）' }).click();
    await reviewer.waitForURL(/done=review\.requestMaterials/);
    expect(await reviewer.locator('[data-notice="materials"]').textContent()).toContain('请补充车辆称重检测原始记录');
  });

  it('lets the handler supply the materials with the attestation, resuming the review', async () => {
    const handler = await d.signIn('handler1');
    await casePage(handler);
    await handler.locator('details[data-action="materials.supplement"] summary').click();
    await handler.getByLabel('补充的材料或证据说明').fill('已补充称重检测原始记录一份。');
    await handler.locator('details[data-action="materials.supplement"]').getByLabel('本人承诺送审材料真实、准确、完整').check();
    await expectAccessible(handler);
    await handler.getByRole('button', { name: '提交补充材料（审核期限恢复计算）' }).click();
    await handler.waitForURL(/done=materials\.supplement/);
    const view = await (await d.t.call('GET', `/api/v1/cases/${caseId}`, 'head1')).json();
    expect(view.stateValue).toEqual({ inReview: 'assigned' });
  });

  it('lets the reviewer approve on the review page', async () => {
    const reviewer = await d.signIn('reviewer1');
    await reviewer.goto(`${d.base}/desk/cases/${caseId}/review`);
    for (const key of ReviewItemKeys) {
      const passed = key === 'crimeTransfer' ? '不涉嫌犯罪' : '符合';
      await reviewer.locator(`fieldset[data-item="${key}"]`).getByLabel(passed, { exact: true }).check();
    }
    await reviewer.getByLabel('同意', { exact: true }).check();
    await reviewer.getByLabel('书面审核意见').fill('事实清楚，证据确凿，适用依据正确，程序合法，同意。');
    await reviewer.getByRole('button', { name: '提交审核意见' }).click();
    await reviewer.waitForURL(/done=review\.approve/);
  });

  it('lets a head extend the decision period once and shows it', async () => {
    const head = await d.signIn('head1');
    await casePage(head);
    await head.locator('details[data-action="decision.extend"] summary').click();
    await head.getByLabel('延长理由').fill('需补充技术鉴定。');
    await head.getByRole('button', { name: '批准延长' }).click();
    await head.waitForURL(/done=decision\.extend/);
    expect(await head.locator('[data-notice="extension"]').textContent()).toContain('需补充技术鉴定');
    expect(await head.locator('details[data-action="decision.extend"]').count()).toBe(0);
    await expectAccessible(head);
  });

  it('records a discussion of three heads chosen among the users, and shows the machine’s refusal of a short panel', async () => {
    const head = await d.signIn('head1');
    await head.goto(`${d.base}/desk/cases/${caseId}/decide`);
    const row = (i: number) => head.getByRole('group', { name: `参加人员 ${i}` });
    await row(1).getByLabel('人员').selectOption({ label: '陈局长' });
    await row(1).getByLabel('发言意见').fill('同意');
    await head.getByLabel('主持人').selectOption({ label: '陈局长' });
    await head.getByLabel('讨论结论').fill('同意按代拟稿处罚。');
    await head.getByRole('button', { name: '记录集体讨论' }).click();
    expect(await noticeText(head)).toContain('表单内容不完整');
    expect(await head.locator('#err-members').textContent()).toBe('参加集体讨论的负责人人数不足。');
    await expectAccessible(head);
    await row(2).getByLabel('人员').selectOption({ label: '周副局长' });
    await row(2).getByLabel('发言意见').fill('同意');
    await row(3).getByLabel('人员').selectOption({ label: '吴副局长' });
    await row(3).getByLabel('表决意见').selectOption({ label: '不同意' });
    await row(3).getByLabel('发言意见').fill('罚款偏重');
    await head.getByRole('button', { name: '记录集体讨论' }).click();
    await head.waitForURL(/done=discussion\.record/);
    await head.goto(`${d.base}/desk/cases/${caseId}/decide`);
    await head.getByRole('button', { name: '确认作出决定' }).click();
    await head.waitForURL(/done=decision\.issue/);
  });

  it('opens the 审核意见书 and the 决定书 as printable Chinese pages with their numbers', async () => {
    const handler = await d.signIn('handler1');
    await casePage(handler);
    const opinionLink = handler.getByRole('link', { name: /^法制审核意见书 宁交执法审〔2026〕\d+号$/ });
    await opinionLink.click();
    await handler.waitForURL(/\/opinions\//);
    expect(await handler.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await handler.locator('h1').textContent()).toBe('重大执法决定法制审核意见书');
    expect(await handler.locator('.number').textContent()).toMatch(/^宁交执法审〔2026〕\d+号$/);
    expect(await handler.locator('article.doc').textContent()).toContain('事实清楚，证据确凿');
    expect(await handler.locator('article.doc').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Serif');
    await expectAccessible(handler);
    await casePage(handler);
    await handler.getByRole('link', { name: /^决定书 宁交执法罚决〔2026〕\d+号$/ }).click();
    await handler.waitForURL(/decision-document/);
    expect(await handler.locator('h1').textContent()).toBe('行政处罚决定书');
    expect(await handler.locator('.number').textContent()).toBe('宁交执法罚决〔2026〕1号');
    const text = (await handler.locator('article.doc').textContent()) ?? '';
    for (const part of ['当事人：', '违法事实', '证据', '罚款', '履行方式和期限', '申请行政复议', '（印章）', '2026年10月9日'])
      expect(text).toContain(part);
    await expectAccessible(handler);
  });

  it('refuses the documents to a handler outside the case with the 403 page', async () => {
    const other = await d.signIn('handler2');
    const res = await other.goto(`${d.base}/desk/cases/${caseId}/decision-document`);
    expect(res?.status()).toBe(403);
    expect(await noticeText(other)).toContain('只有本案承办人、审核人员、负责人和监督人员可以查看本案文书');
  });
});
