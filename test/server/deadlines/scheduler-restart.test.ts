// The scheduler after downtime: a new server over the same database file catches up at start-up with
// the notices it missed, and neither a repeated scan nor a further restart sends any notice twice.
import { afterAll, describe, expect, it } from 'vitest';
import { freshDbPath, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { deadlineOf, eventsOf, openStack, send, testClock } from './deadline-stack.js';
import { noticeSend } from '../../helpers/party-commands.js';

const dbPath = freshDbPath();
const clock = testClock('2026-06-01');
const open: TestApp[] = [];
afterAll(async () => {
  for (const t of open) await t.services.scheduler.stop();
  for (const t of open) await t.close().catch(() => undefined);
});

/** Starts a server over the shared file at the clock's time, as main.ts does: services, then the scheduler. */
async function boot(): Promise<TestApp> {
  const t = await openStack(dbPath, clock.now);
  open.push(t);
  clock.use(t);
  await t.services.scheduler.start(() => {});
  return t;
}

async function shutDown(t: TestApp): Promise<void> {
  await t.services.scheduler.stop();
  clock.use(null);
  await t.close();
  open.splice(open.indexOf(t), 1);
}

let caseId = '';
let lapseCaseId = '';

describe('scheduler across restarts', () => {
  it('warns while the first server runs', async () => {
    const t = await boot();
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    caseId = c.id;
    await send(t, caseId, 'handler1', noticeSend(clock.today()));
    await send(t, caseId, 'handler1', { type: 'rights.waive' });
    await send(t, caseId, 'handler1', { type: 'review.submit', attestation: true });
    // Monday 06-01 plus 5 working days is Monday 06-08; the reminder window opens Thursday 06-04.
    expect(await deadlineOf(t, caseId, 'review')).toMatchObject({
      dueDate: '2026-06-08',
      warnDate: '2026-06-04',
      escalateDate: '2026-06-10',
    });
    const lapse = await (await t.call('POST', '/api/v1/cases', 'handler2', sampleDraft())).json();
    lapseCaseId = lapse.id;
    await send(t, lapseCaseId, 'handler2', noticeSend(clock.today()));
    await shutDown(t);
  });

  it('a server started in the reminder window sends the warning at start-up', async () => {
    await clock.set('2026-06-04');
    const t = await boot();
    expect((await eventsOf(t, caseId, 'deadline.notify')).map((e) => e.payload.status)).toEqual(['warning']);
    await shutDown(t);
  });

  it('after downtime past escalation, the next start-up catches up with one escalation and the lapse', async () => {
    await clock.set('2026-06-12'); // the server was down from 06-04 to 06-12
    const t = await boot();
    expect((await eventsOf(t, caseId, 'deadline.notify')).map((e) => e.payload.status)).toEqual(['warning', 'escalated']);
    expect(await deadlineOf(t, caseId, 'review')).toMatchObject({ status: 'overdue', notice: 'escalated' });
    expect(await eventsOf(t, lapseCaseId, 'rights.lapse')).toHaveLength(1);
    expect(await deadlineOf(t, lapseCaseId, 'hearingRequest')).toMatchObject({ outcome: 'lapsed' });
    const again = await t.services.scheduler.scan();
    expect(again.sent).toEqual([]);
    await shutDown(t);
  });

  it('yet another restart on the same day sends nothing again', async () => {
    const t = await boot();
    expect((await t.services.scheduler.scan()).sent).toEqual([]);
    expect(await eventsOf(t, caseId, 'deadline.notify')).toHaveLength(2);
    expect(await eventsOf(t, lapseCaseId, 'rights.lapse')).toHaveLength(1);
    const escalated = await (await t.call('GET', '/api/v1/deadlines?status=escalated', 'head1')).json();
    expect(escalated.items.map((d: { caseId: string }) => d.caseId)).toEqual([caseId]);
    await shutDown(t);
  });

  it('two scans started together share one run and send each notice once', async () => {
    await clock.set('2026-06-15');
    const t = await boot();
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    await send(t, c.id, 'handler1', noticeSend(clock.today()));
    // 06-15 plus 5 working days is 06-23 (端午 06-19 skipped); the window has passed on 06-24.
    await clock.set('2026-06-24');
    const [a, b] = await Promise.all([t.services.scheduler.scan(), t.services.scheduler.scan()]);
    expect(a).toBe(b);
    expect(await eventsOf(t, c.id, 'rights.lapse')).toHaveLength(1);
    await shutDown(t);
  });
});
