// The desk keeps working beside 查封、扣押 cases: the queues that list them (every tab where one can appear, and
// the API's case list) answer 200, and the penalty case page sends a coercion id to the coercion page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { approve, coercionDraft } from './coercion-fixtures.js';

let t: TestApp;
let id: string;
beforeAll(async () => {
  t = await createTestApp();
  const opened = await (await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t))).json();
  id = opened.id;
  const send = (user: DemoUserName, body: unknown) => t.call('POST', `/api/v1/coercion-cases/${id}/events`, user, body);
  await send('handler1', { type: 'review.submit', attestation: true });
  await send('reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  await send('reviewer1', approve(opened.draft.hash));
});
afterAll(async () => {
  await t.close();
});

describe('the desk beside 查封扣押 cases', () => {
  it.each([
    ['head1', ['/desk', '/desk?tab=decide', '/desk?tab=all', '/desk?tab=assign']],
    ['reviewer1', ['/desk?tab=mine', '/desk?tab=history', '/desk?tab=all']],
    ['handler1', ['/desk?tab=handled', '/desk?tab=all']],
  ] as const)('answers every queue page of %s with 200', async (user, pages) => {
    const desk = new DeskClient(t);
    await desk.signIn(user);
    for (const page of pages) expect((await desk.get(page)).status, page).toBe(200);
  });

  it("lists the case in the head's decide tab with a link to its own page", async () => {
    const desk = new DeskClient(t);
    await desk.signIn('head1');
    const html = await (await desk.get('/desk?tab=decide')).text();
    expect(html).toContain(`href="/desk/coercion-cases/${id}"`);
  });

  it('lets a reviewer claim a submitted case from the claimable tab, through the coercion service', async () => {
    const opened = await (await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t))).json();
    const submitted = await (
      await t.call('POST', `/api/v1/coercion-cases/${opened.id}/events`, 'handler1', { type: 'review.submit', attestation: true })
    ).json();
    const desk = new DeskClient(t);
    await desk.signIn('reviewer2');
    const html = await (await desk.get('/desk?tab=claimable')).text();
    const action = `/desk/coercion-cases/${opened.id}/events`;
    expect(html).toContain(`action="${action}"`);
    const res = await desk.post(action, {
      type: 'review.assign',
      version: String(submitted.version),
      _csrf: await desk.csrf('/desk?tab=claimable'),
    });
    expect(res.status).toBe(303);
    const after = await (await t.call('GET', `/api/v1/coercion-cases/${opened.id}`, 'auditor1')).json();
    expect(after.reviewerId).toBe(t.users.reviewer2.id);
  });

  it('sends the case page of a coercion case to its own page, and lists cases without failing', async () => {
    const desk = new DeskClient(t);
    await desk.signIn('head1');
    const res = await desk.get(`/desk/cases/${id}`);
    expect([res.status, res.headers.get('location')]).toEqual([302, `/desk/coercion-cases/${id}`]);
    expect((await t.call('GET', '/api/v1/cases', 'head1')).status).toBe(200);
    expect((await t.call('GET', '/api/v1/machines', 'admin1')).status).toBe(200);
  });
});
