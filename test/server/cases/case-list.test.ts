// GET /api/v1/cases as a queue: search by title, party and case number (FTS5 trigram, and short fragments),
// filters, keyset pages that neither skip nor repeat a case, "my history", and bad cursors refused with 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestApp, type TestApp } from '../../helpers/test-app.js';
import { seedCases, seededParty } from '../../helpers/seed-cases.js';
import { noticeSend } from '../../helpers/party-commands.js';
import { encodeCursor } from '../../../server/cases/case-queue.js';

let t: TestApp;
let ids: string[];
// head1 heads the 支队 where handler1 opens the cases, so reaches all 45 (a reviewer reaches only those sent
// for review: docs/access.md).
const list = async (query: string, user: 'head1' | 'handler1' | 'handler2' | 'reviewer1' = 'head1') => {
  const res = await t.call('GET', `/api/v1/cases?${query}`, user);
  return { status: res.status, body: (await res.json()) as { items: { id: string; title: string }[]; nextCursor: string | null } };
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await seedCases(t, 45);
  // Five of them in review, so the state filter has something to separate.
  for (const id of ids.slice(0, 5)) {
    for (const command of [noticeSend(), { type: 'rights.waive' }, { type: 'review.submit', attestation: true }]) {
      const res = await t.call('POST', `/api/v1/cases/${id}/events`, 'handler1', command);
      expect(res.status).toBe(200);
    }
  }
});
afterAll(() => t.close());

describe('GET /api/v1/cases search', () => {
  it('finds a case by a fragment of its party name', async () => {
    const { status, body } = await list(`q=${encodeURIComponent(seededParty(17).slice(0, 7))}`);
    expect(status).toBe(200);
    expect(body.items.map((i) => i.id)).toEqual([ids[16]]);
  });

  it('finds a case by a fragment of its title and by its case number', async () => {
    expect((await list(`q=${encodeURIComponent('运输案 33')}`)).body.items.map((i) => i.id)).toEqual([ids[32]]);
    expect((await list(`q=${ids[8]!.slice(0, 13)}`)).body.items.map((i) => i.id)).toEqual([ids[8]]);
  });

  it('finds by a fragment shorter than three characters too', async () => {
    const { body } = await list(`q=${encodeURIComponent('西宁')}&limit=100`);
    expect(body.items).toHaveLength(45);
  });

  it('treats quotes and operators in the search as plain text', async () => {
    for (const q of ['"', 'a" OR "b', 'NEAR(x y)', '*', '%_']) {
      const { status, body } = await list(`q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(body.items, q).toEqual([]);
    }
  });

  it('finds the party of the latest draft after a revision', async () => {
    const id = ids[44]!;
    const draft = { ...((await t.services.store.lastDraft(id))!.content as object), party: { name: '湟中改名商贸', kind: 'organization' } };
    const res = await t.call('PUT', `/api/v1/cases/${id}/draft`, 'handler1', draft);
    expect(res.status).toBe(200);
    expect((await list(`q=${encodeURIComponent('湟中改名')}`)).body.items.map((i) => i.id)).toEqual([id]);
    expect((await list(`q=${encodeURIComponent(seededParty(45))}`)).body.items).toEqual([]);
  });
});

describe('GET /api/v1/cases filters', () => {
  it('filters by state, major flag and opening date', async () => {
    expect((await list('state=inReview&limit=100')).body.items.map((i) => i.id).sort()).toEqual(ids.slice(0, 5).sort());
    expect((await list('state=inReview,investigating&limit=100')).body.items).toHaveLength(45);
    expect((await list('major=false')).body.items).toEqual([]);
    expect((await list('from=2000-01-01&to=2000-12-31')).body.items).toEqual([]);
  });

  it('filters by deadline status (no open clock)', async () => {
    const none = (await list('deadline=none&limit=100')).body.items.map((i) => i.id);
    expect(none).not.toContain(ids[0]);
  });

  it('lists my history: the cases I acted on', async () => {
    expect((await list('history=true&limit=100', 'handler1')).body.items).toHaveLength(45);
    expect((await list('history=true', 'handler2')).body.items).toEqual([]);
  });
});

/** Every id of a query's pages of `limit`, in order, following the cursor to the end. */
async function allPages(query: string, user: 'head1' | 'handler1' | 'reviewer1', limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const { status, body } = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, user);
    expect(status).toBe(200);
    seen.push(...body.items.map((i) => i.id));
    cursor = body.nextCursor;
  }
  return seen;
}

describe('GET /api/v1/cases?mine=true (the cases I handle or review, read as two index-ordered halves)', () => {
  it("pages through the handler's own cases once each, in the same order as the whole queue", async () => {
    const mine = await allPages('mine=true', 'handler1', 7);
    expect(mine).toHaveLength(45);
    expect(mine).toEqual(await allPages('', 'head1', 100));
  });

  it("gives a reviewer the cases assigned to them, and not a handler's", async () => {
    for (const id of ids.slice(0, 2)) {
      const res = await t.call('POST', `/api/v1/cases/${id}/events`, 'reviewer1', {
        type: 'review.assign',
        reviewerId: t.users.reviewer1.id,
      });
      expect(res.status).toBe(200);
    }
    // Claimed last, so most recently updated first.
    expect(await allPages('mine=true', 'reviewer1', 1)).toEqual([ids[1], ids[0]]);
    expect(await allPages('mine=true', 'handler1', 50)).toHaveLength(45);
  });
});

describe('GET /api/v1/cases pages', () => {
  it("shows each case of a page as the case's own GET shows it, read from the page's rows on a cold server too", async () => {
    const cold = await openTestApp(t.dbPath);
    try {
      for (const app of [t, cold]) {
        const res = await app.call('GET', '/api/v1/cases?limit=12', 'head1');
        expect(res.status).toBe(200);
        const items = ((await res.json()) as { items: { id: string }[] }).items;
        expect(items).toHaveLength(12);
        for (const item of items) {
          const one = await t.call('GET', `/api/v1/cases/${item.id}`, 'head1');
          expect(one.status).toBe(200);
          expect(item).toEqual(await one.json());
        }
      }
    } finally {
      await cold.close();
    }
  });

  it('pages through every case once, in order, with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const { status, body } = await list(`limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(45);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('pages in due order too, without skipping or repeating', async () => {
    const first = await list('order=due&limit=20');
    const second = await list(`order=due&limit=20&cursor=${first.body.nextCursor}`);
    const third = await list(`order=due&limit=20&cursor=${second.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items, ...third.body.items].map((i) => i.id);
    expect(new Set(all).size).toBe(45);
    expect(third.body.nextCursor).toBeNull();
    // The five cases with a running review clock come first.
    expect(
      first.body.items
        .slice(0, 5)
        .map((i) => i.id)
        .sort(),
    ).toEqual(ids.slice(0, 5).sort());
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['not JSON', Buffer.from('{{').toString('base64url')],
    ['wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['another order', encodeCursor({ order: 'due', key: '2026-01-01', id: 'x' })],
  ])('refuses a bad cursor (%s) with 400 bad-cursor', async (_name, cursor) => {
    const res = await t.call('GET', `/api/v1/cases?cursor=${encodeURIComponent(cursor)}`, 'reviewer1');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).type).toBe('/problems/bad-cursor');
  });

  it('refuses malformed filters with 400', async () => {
    for (const q of ['deadline=soon', 'from=yesterday', 'state=in%20review', `q=${'x'.repeat(101)}`, 'order=title']) {
      expect((await t.call('GET', `/api/v1/cases?${q}`, 'reviewer1')).status, q).toBe(400);
    }
  });
});
