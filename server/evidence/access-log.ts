// The read log of one case as auditors query it (调阅监督): every read in order, with the reader's name.
// It first waits for reads still queued, so an auditor sees every read acknowledged before the query.
import type { StoredRead } from '../../db/audit/read-log-store.js';
import type { Services } from '../services.js';

/** One page of a case's reads, and the cursor of the next page (null at the end). */
export interface AccessLogPage {
  items: (StoredRead & { userName: string })[];
  next: number | null;
}

/** Reads of `caseId` after read `after`, at most `limit`. */
export async function accessLogOf(services: Services, caseId: string, page: { after: number; limit: number }): Promise<AccessLogPage> {
  await services.readLog.flush();
  const [items, users] = await Promise.all([services.readLogStore.ofCase(caseId, page.after, page.limit), services.users.list()]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    items: items.map((i) => ({ ...i, userName: names.get(i.userId) ?? i.userId })),
    next: items.length === page.limit ? items.at(-1)!.id : null,
  };
}
