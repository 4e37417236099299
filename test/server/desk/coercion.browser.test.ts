// A 查封、扣押 case in the desk, in headless Chromium over the real server: the reviewer finds it in their queue,
// opens its page, gives the written opinion on the seven coercion items and approves the draft shown; the head
// decides on it and the page shows the period running. Every page visited passes axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoercionReviewItemKeys } from '../../../machines/coercion/coercion.events.js';
import { coercionDraft } from '../coercion/coercion-fixtures.js';
import { expectAccessible, startDeskBrowser, type DeskBrowser } from './browser.js';

let d: DeskBrowser;
let caseId = '';

beforeAll(async () => {
  d = await startDeskBrowser();
  const opened = await (
    await d.t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(d.t, { title: '扣押 西宁某运输公司营运客车' }))
  ).json();
  caseId = opened.id;
  const send = (user: 'handler1' | 'reviewer1', body: unknown) => d.t.call('POST', `/api/v1/coercion-cases/${caseId}/events`, user, body);
  expect((await send('handler1', { type: 'review.submit', attestation: true })).status).toBe(200);
  expect((await send('reviewer1', { type: 'review.assign', reviewerId: d.t.users.reviewer1.id })).status).toBe(200);
});
afterAll(async () => {
  await d?.close();
});

describe('a 查封扣押 case in the desk', () => {
  it('lets the reviewer open it from the queue and approve it on the seven items', async () => {
    const reviewer = await d.signIn('reviewer1');
    await reviewer.goto(`${d.base}/desk?tab=mine`);
    await reviewer.getByRole('link', { name: '扣押 西宁某运输公司营运客车' }).first().click();
    await reviewer.waitForURL(`${d.base}/desk/coercion-cases/${caseId}`);
    await reviewer.locator('details[data-action="review"] summary').click();
    for (const key of CoercionReviewItemKeys) {
      await reviewer.locator(`fieldset[data-item="${key}"]`).getByLabel('符合', { exact: true }).check();
    }
    await reviewer.getByLabel('审核意见', { exact: true }).fill('七项审核均符合，同意扣押。');
    await reviewer.getByLabel('同意（审核通过当前代拟稿）').check();
    await expectAccessible(reviewer);
    await reviewer.getByRole('button', { name: '法制审核意见（七项审核事项）' }).click();
    await reviewer.waitForURL(/done=review\.approve/);
    const view = await (await d.t.call('GET', `/api/v1/coercion-cases/${caseId}`, 'head1')).json();
    expect(view.state).toBe('awaitingDecision');
  });

  it('lets the head decide on the approved draft, after which the period shows running', async () => {
    const head = await d.signIn('head1');
    await head.goto(`${d.base}/desk/coercion-cases/${caseId}`);
    await head.locator('details[data-action="decision.issue"] summary').click();
    await expectAccessible(head);
    await head.getByRole('button', { name: '作出决定' }).click();
    await head.waitForURL(/done=decision\.issue/);
    expect(await head.locator('[data-clock="coercionPeriod"]').textContent()).toContain('计时中');
    await expectAccessible(head);
  });
});
