// The queue's tabs (待办队列): what each one lists as a store query, who has it, its count, and one page of
// 20 rows through the same pager as the API (server/cases/case-queue.ts), so search, filters and cursors
// behave the same in both. Which rows a person may read is the access module's; what they may do, allowedEvents.
import { z } from 'zod';
import type { User, UserRole } from '../../db/users/user-store.js';
import { deadlineFilters, type CaseQuery, type QueueOrder } from '../../db/cases/case-queue-store.js';
import type { Services } from '../services.js';
import { casePage } from '../cases/case-queue.js';
import { reachOf } from '../access/case-reach.js';
import type { Result } from '../shared/result.js';
import { chinaToday, deadlinesOf, mostUrgent } from './deadline-source.js';
import { sinceOf, type QueueRow, type SinceKind } from './queue-data.js';
import { queueViews } from './coercion/coercion-queue.js';

/** Tabs in display order: the work of each role, then my history, then every case I may read. */
export const tabKeys = ['mine', 'claimable', 'decide', 'assign', 'duties', 'handled', 'history', 'all'] as const;
export type TabKey = (typeof tabKeys)[number];

/** Rows on one page of the desk. */
export const deskPageSize = 20;

interface TabSpec {
  /** Roles that have the tab; empty: everyone. */
  roles: readonly UserRole[];
  query: (me: string) => Omit<CaseQuery, 'today'>;
  order: QueueOrder;
  since: SinceKind;
}

const tabs: Record<TabKey, TabSpec> = {
  mine: { roles: ['reviewer'], query: (me) => ({ states: ['inReview'], reviewerId: me }), order: 'due', since: 'review' },
  claimable: { roles: ['reviewer'], query: () => ({ states: ['inReview'], reviewerId: null }), order: 'due', since: 'review' },
  assign: { roles: ['head'], query: () => ({ states: ['inReview'], reviewerId: null }), order: 'due', since: 'review' },
  decide: { roles: ['head'], query: () => ({ states: ['awaitingDecision', 'ready'] }), order: 'due', since: 'awaiting' },
  duties: { roles: ['clerk'], query: () => ({ states: ['decided'] }), order: 'due', since: 'decision' },
  handled: { roles: ['handler'], query: (me) => ({ handlerId: me, open: true }), order: 'due', since: 'open' },
  history: { roles: [], query: (me) => ({ actedBy: me }), order: 'updated', since: 'open' },
  all: { roles: [], query: () => ({}), order: 'updated', since: 'open' },
};

/** The tabs `user` has, in order. */
export function tabsFor(user: User): TabKey[] {
  return tabKeys.filter((k) => tabs[k].roles.length === 0 || tabs[k].roles.some((r) => user.roles.includes(r)));
}

const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsAbsent, schema.optional()).catch(undefined);

/** The queue's search and filter fields; a value that does not parse is ignored, as if left blank. */
export const QueueFiltersSchema = z.object({
  q: optional(z.string().trim().max(100)),
  state: optional(z.string().regex(/^[A-Za-z]{1,40}$/)),
  deadline: optional(z.enum(deadlineFilters)),
  major: optional(z.enum(['true', 'false'])),
  from: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  to: optional(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** The store query of a tab with the filters: the chosen state narrows the tab's own states. */
function queryOf(tab: TabKey, me: string, filters: QueueFilters, today: string): CaseQuery {
  const base = tabs[tab].query(me);
  const states = filters.state ? (base.states ?? [filters.state]).filter((s) => s === filters.state) : base.states;
  return {
    ...base,
    today,
    q: filters.q,
    states: states && states.length === 0 ? ['-none-'] : states,
    deadline: filters.deadline,
    major: filters.major === undefined ? undefined : filters.major === 'true',
    from: filters.from,
    to: filters.to,
  };
}

/** The count of every tab `user` has, under the same filters. */
export async function tabCounts(services: Services, user: User, filters: QueueFilters): Promise<Record<string, number>> {
  const today = chinaToday(services.now());
  const keys = tabsFor(user);
  const counts = await Promise.all(keys.map((k) => services.queue.count(queryOf(k, user.id, filters, today), reachOf(user))));
  return Object.fromEntries(keys.map((k, i) => [k, counts[i] ?? 0]));
}

/** One page of a tab as queue rows, with the cursor of the next page (a bad cursor is 400 `bad_cursor`). */
export async function tabPage(
  services: Services,
  user: User,
  tab: TabKey,
  filters: QueueFilters,
  cursor: string | undefined,
): Promise<Result<{ rows: QueueRow[]; nextCursor: string | null }>> {
  const today = chinaToday(services.now());
  const spec = tabs[tab];
  const page = await casePage({ queue: services.queue, views: (u, rows) => queueViews(services, u, rows) }, user, {
    query: queryOf(tab, user.id, filters, today),
    order: spec.order,
    limit: deskPageSize,
    cursor,
  });
  if (!page.ok) return page;
  const rows = page.value.views.map((view): QueueRow => {
    const deadlines = deadlinesOf(view, null, today);
    return { view, deadline: mostUrgent(deadlines), deadlines, since: sinceOf[spec.since](view), sinceKind: spec.since };
  });
  return { ok: true, value: { rows, nextCursor: page.value.nextCursor } };
}
