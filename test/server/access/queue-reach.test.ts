// The queue filters by reach in its query, through the real app: a county handler's page of N is full even
// when the newest cases are the 支队's, never holds one of them, and every user's queue (every page, every
// search) holds exactly the cases `canReadCase` lets them read, so the SQL and the rule agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { sendOk } from '../desk/desk-fixtures.js';
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { canReadCase } from '../../../server/access/access-rules.js';
import { reachOf } from '../../../server/access/case-reach.js';
import { loadQueue } from '../../../server/desk/queue-data.js';

let t: TestApp;
const cityCases: string[] = [];
const countyCases: string[] = [];

const open = async (user: DemoUserName, title: string): Promise<string> => {
  const res = await t.call('POST', '/api/v1/cases', user, sampleDraft({ title }));
  expect(res.status).toBe(201);
  return (await res.json()).id;
};

/** Every page of the user's queue at `limit`, as the pages' ids. */
async function pages(user: DemoUserName, limit: number, q = ''): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | null = null;
  do {
    const query = `limit=${limit}${q ? `&q=${encodeURIComponent(q)}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await t.call('GET', `/api/v1/cases?${query}`, user);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    out.push(body.items.map((c) => c.id));
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 5; i++) countyCases.push(await open('handler3', `大通县车辆超限案 ${i}`));
  // The 支队's cases are the newest, so a filter applied after the fetch would have left the first page empty.
  for (let i = 0; i < 4; i++) cityCases.push(await open('handler1', `支队车辆超限案 ${i}`));
  const clock = onClockOf(t);
  await sendOk(t, cityCases[0]!, 'handler1', noticeSend(clock(0)));
  await sendOk(t, cityCases[0]!, 'handler1', { type: 'rights.waive' });
  await sendOk(t, cityCases[0]!, 'handler1', { type: 'review.submit', attestation: true });
});
afterAll(async () => {
  await t.close();
});

describe('the queue filters by reach in its query', () => {
  it('gives handler3 full pages of 2 of the county cases and never one of handler1’s', async () => {
    const walked = await pages('handler3', 2);
    expect(walked.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(walked.flat().sort()).toEqual([...countyCases].sort());
    const searched = await pages('handler3', 2, '车辆超限案');
    expect(searched.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(searched.flat().some((id) => cityCases.includes(id))).toBe(false);
  });

  it('fills the audit desk’s search within reach too: head2’s list of 2 is two county cases', async () => {
    const listed = await t.services.queue.auditSearch('车辆超限案', reachOf(t.users.head2), 2);
    expect(listed).toHaveLength(2);
    expect(listed.every((row) => countyCases.includes(row.id))).toBe(true);
  });

  it('holds, for every demo user, exactly the cases canReadCase lets them read', async () => {
    const all = [...cityCases, ...countyCases];
    for (const name of Object.keys(t.users) as DemoUserName[]) {
      const user = t.users[name];
      const readable = [];
      for (const id of all) if (canReadCase(user, (await t.services.store.get(id))!).ok) readable.push(id);
      const walked = await pages(name, 3);
      expect(walked.flat().sort(), name).toEqual(readable.sort());
      expect(
        walked.slice(0, -1).every((p) => p.length === 3),
        name,
      ).toBe(true);
    }
  });

  it('shows reviewer1 only the 支队 case sent for review', async () => {
    const res = await t.call('GET', '/api/v1/cases?limit=50', 'reviewer1');
    const items = ((await res.json()).items as { id: string }[]).map((c) => c.id);
    expect(items).toEqual([cityCases[0]]);
  });

  it('builds the desk’s sections within reach in the query: every row readable, handler3’s own cases all there', async () => {
    const handled = (await loadQueue(t.services, t.users.handler3, ['handled'])).handled ?? [];
    expect(handled.map((r) => r.view.id).sort()).toEqual([...countyCases].sort());
    const claimable = (await loadQueue(t.services, t.users.reviewer1, ['claimable'])).claimable ?? [];
    expect(claimable.map((r) => r.view.id)).toEqual([cityCases[0]]);
    for (const name of Object.keys(t.users) as DemoUserName[]) {
      const user = t.users[name];
      const sections = Object.values(await loadQueue(t.services, user)).flat();
      for (const row of sections)
        expect(canReadCase(user, (await t.services.store.get(row.view.id))!).ok, `${name} ${row.view.id}`).toBe(true);
    }
  });
});
