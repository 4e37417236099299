// Finding cases: one page of a filtered, searched queue for a person, with an opaque cursor for the next.
// API and desk both page through here, within the reader's reach as the access module describes it (`reachOf`).
// Invariant: a cursor is only ever a value this module wrote; anything else is a 400 `bad_cursor`.
import { z } from 'zod';
import type { User } from '../../db/users/user-store.js';
import { queueOrders, type CaseQuery, type CaseQueueStore, type QueueCursor, type QueueOrder } from '../../db/cases/case-queue-store.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import { reachOf } from '../access/case-reach.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { CaseView } from './case-view.js';

const CursorSchema = z.tuple([z.enum(queueOrders), z.string().min(1).max(100), z.string().min(1).max(200)]);

/** The opaque form of a cursor (base64url of its JSON). */
export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.key, cursor.id])).toString('base64url');
}

const badCursor = (detail: string) => fail<QueueCursor>({ kind: 'validation', code: 'bad_cursor', detail });

/** A cursor this module wrote for `order`, or 400 `bad_cursor` (malformed, or from another order). */
export function decodeCursor(text: string, order: QueueOrder): Result<QueueCursor> {
  if (text.length > 600 || !/^[A-Za-z0-9_-]+$/.test(text)) return badCursor('The cursor is not one this server issued.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return badCursor('The cursor is not one this server issued.');
  }
  const parsed = CursorSchema.safeParse(value);
  if (!parsed.success) return badCursor('The cursor is not one this server issued.');
  const [cursorOrder, key, id] = parsed.data;
  if (cursorOrder !== order) return badCursor(`The cursor belongs to the order "${cursorOrder}", not "${order}".`);
  return ok({ order, key, id });
}

/** A page of views, and the cursor of the next page (null on the last). */
export interface QueuePage<V = CaseView> {
  views: V[];
  nextCursor: string | null;
}

/** What paging needs: the queue store, and views as the case service builds them for this user. */
export interface QueueDeps<V = CaseView> {
  queue: CaseQueueStore;
  views: (user: User, rows: Awaited<ReturnType<CaseStore['list']>>) => Promise<V[]>;
}

/** One page of `query` for `user`: rows they may read, as their views, with the next cursor. */
export async function casePage<V = CaseView>(
  deps: QueueDeps<V>,
  user: User,
  request: { query: CaseQuery; order: QueueOrder; limit: number; cursor?: string },
): Promise<Result<QueuePage<V>>> {
  const cursor = request.cursor ? decodeCursor(request.cursor, request.order) : ok(null);
  if (!cursor.ok) return cursor;
  // The reach is part of the query, so the database drops what the user may not see and the page stays full.
  const page = await deps.queue.page(request.query, reachOf(user), request.order, request.limit, cursor.value);
  const views = await deps.views(user, page.rows);
  return ok({ views, nextCursor: page.next ? encodeCursor(page.next) : null });
}
