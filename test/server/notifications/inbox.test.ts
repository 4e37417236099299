// The desk inbox through the real app: an assignment tells the reviewer, a return tells the handler, a clock
// due soon, overdue or escalated tells the handler (from the scheduler), each with unread counts; messages are read one
// by one or all at once, only by their owner; certificate warnings show in the owner's inbox; the desk page too.
import { reviewItems } from '../../../machines/case/case.events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { caseInReview, sendOk } from '../desk/desk-fixtures.js';
import { DeskClient } from '../desk/desk-client.js';

let now = new Date('2026-11-30T02:00:00Z');
let t: TestApp;
/** Moves the clock (tokens are reissued: they expire after hours). */
async function moveTo(iso: string) {
  now = new Date(iso);
  for (const name of Object.keys(t.users) as DemoUserName[]) t.tokens[name] = await t.services.users.issueToken(t.users[name].id);
}
const inbox = async (user: DemoUserName) => (await t.call('GET', '/api/v1/notifications', user)).json();

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

describe('the inbox', () => {
  it('tells the reviewer of an assignment and the handler of a return, with unread counts', async () => {
    const c = await caseInReview(t);
    await sendOk(t, c.id, 'head1', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    const reviewer = await inbox('reviewer2');
    expect(reviewer.unread).toBe(1);
    expect(reviewer.items[0]).toMatchObject({ kind: 'assigned', caseId: c.id, readAt: null });
    await sendOk(t, c.id, 'reviewer2', { type: 'review.return', opinion: '补充证据', items: reviewItems({ factsEvidence: '补充证据' }) });
    const handler = await inbox('handler1');
    expect(handler.items[0]).toMatchObject({ kind: 'returned', caseId: c.id, detail: { opinion: '补充证据' } });
    expect((await inbox('head1')).unread).toBe(0);
  });

  it('tells the handler of clocks due soon and overdue (the scheduler’s notices)', async () => {
    const before = (await inbox('handler1')).unread;
    await moveTo('2027-03-15T02:00:00Z');
    const scan = await t.services.scheduler.scan();
    expect(scan.sent.length).toBeGreaterThan(0);
    const after = await inbox('handler1');
    expect(after.unread).toBeGreaterThan(before);
    // Long past due, the scheduler's notice is the escalation to the head (overdue, escalated).
    const clocks = after.items.filter((i: { kind: string }) => ['due_soon', 'overdue', 'escalated'].includes(i.kind));
    expect(clocks.length).toBeGreaterThan(0);
    expect(clocks[0]).toMatchObject({ detail: { clock: expect.any(String), dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  });

  it('marks one message or all read, for their owner only', async () => {
    const mine = await inbox('handler1');
    const id = mine.items[0].id;
    const stranger = await t.call('POST', `/api/v1/notifications/${id}/read`, 'handler2');
    expect([stranger.status, (await stranger.json()).type]).toEqual([404, '/problems/notification-not-found']);
    expect((await inbox('handler1')).unread).toBe(mine.unread);
    const read = await (await t.call('POST', `/api/v1/notifications/${id}/read`, 'handler1')).json();
    expect(read.unread).toBe(mine.unread - 1);
    expect((await (await t.call('POST', '/api/v1/notifications/read-all', 'handler1')).json()).unread).toBe(0);
  });

  it('warns the holder of a certificate that ends within 30 days, in the API and on the desk page', async () => {
    await t.services.users.update(t.users.handler2.id, { certificateValidUntil: '2027-03-25' });
    const res = await inbox('handler2');
    expect(res.certificateWarnings).toEqual([
      { kind: 'certificate', number: 'QH-ZF-0002', validUntil: '2027-03-25', daysLeft: 10, expired: false },
    ]);
    const desk = new DeskClient(t);
    await desk.signIn('handler2');
    const html = await (await desk.get('/desk/inbox')).text();
    expect(html).toContain('QH-ZF-0002');
  });
});
