// Case responses carry their clocks: the answer to an event from what the hook just computed, later views
// from the database, so a clock another module wrote without a case event (the audit module's withdrawal
// duty) shows on the next view and survives the case's next events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { insertDeadline } from '../../../db/deadlines/deadline-store.js';
import { send, testClock } from './deadline-stack.js';
import { noticeSend } from '../../helpers/party-commands.js';

const clock = testClock('2026-07-06');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  clock.use(t);
});
afterAll(async () => {
  await t.close();
});

const kinds = (view: { deadlines: { kind: string }[] }) => view.deadlines.map((d) => d.kind).sort();

describe('deadlines in case responses', () => {
  it('answers an event with the same clocks the database holds', async () => {
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    const answer = await send(t, c.id, 'handler1', noticeSend(clock.today()));
    const stored = await (await t.call('GET', `/api/v1/cases/${c.id}/deadlines`, 'head1')).json();
    expect(answer.deadlines).toEqual(stored.items);
  });

  it('shows a clock written without a case event on the next view, and keeps it through later events', async () => {
    const c = await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json();
    expect(kinds(c)).toEqual(['decision']);
    await t.services.writer.write({
      entries: [],
      statements: () => [
        insertDeadline({
          id: 'external-1',
          caseId: c.id,
          kind: 'publicationWithdrawal',
          policyKey: 'publicationWithdrawal',
          basis: 'test',
          policyVersion: 'test',
          days: 3,
          unit: 'working',
          startedAt: clock.now().toISOString(),
          startDate: '2026-07-06',
          segmentStart: '2026-07-06',
          usedDays: 0,
          dueDate: '2026-07-09',
          warnDate: '2026-07-07',
          escalateDate: '2026-07-13',
          provisional: false,
          createdAt: clock.now().toISOString(),
        }),
      ],
    });
    const viewed = await (await t.call('GET', `/api/v1/cases/${c.id}`, 'head1')).json();
    expect(kinds(viewed)).toEqual(['decision', 'publicationWithdrawal']);
    const noticed = await send(t, c.id, 'handler1', noticeSend(clock.today()));
    expect(kinds(noticed)).toEqual(['decision', 'hearingRequest', 'publicationWithdrawal']);
  });
});
