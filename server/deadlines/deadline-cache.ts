// Each case's clocks as computed by the deadline hook for the case version its event produces, so the
// answer to that event carries its deadlines without another read. Invariant: an entry serves only its version.
import type { DeadlineRow, DeadlineStore } from '../../db/deadlines/deadline-store.js';

/** Entries kept before the least recently used is dropped (the case service keeps as many snapshots). */
const MAX_ENTRIES = 10_000;

interface Entry {
  version: number;
  rows: DeadlineRow[];
  fromHook: boolean;
}

/**
 * The hook sets an entry for the version its event will produce, before the commit; if the commit fails
 * that version never appears in a view, and the next read of the case replaces the entry. Reads for views
 * go to the database (other modules may add clocks without a case event) except the first view of a version
 * the hook just computed: the answer to the event itself.
 */
export function createDeadlineCache(store: DeadlineStore) {
  const entries = new Map<string, Entry>();
  const put = (caseId: string, entry: Entry): void => {
    entries.delete(caseId);
    entries.set(caseId, entry);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  };
  /** The hook's rows of `version`, handed out once (the event's own answer); later views read again. */
  const takeFromHook = (caseId: string, version: number): DeadlineRow[] | undefined => {
    const hit = entries.get(caseId);
    if (hit?.version !== version || !hit.fromHook) return undefined;
    hit.fromHook = false;
    return hit.rows;
  };
  const read = async (caseId: string, version: number): Promise<DeadlineRow[]> => {
    const rows = await store.byCase(caseId);
    put(caseId, { version, rows, fromHook: false });
    return rows;
  };
  return {
    /** Records what the hook computed for `version`. */
    set(caseId: string, version: number, rows: DeadlineRow[]): void {
      put(caseId, { version, rows, fromHook: true });
    },
    /** The cached rows of `version`, if any. */
    peek(caseId: string, version: number): DeadlineRow[] | undefined {
      const hit = entries.get(caseId);
      return hit?.version === version ? hit.rows : undefined;
    },
    /** The clocks before an event: the cached rows of `version`, or a read. */
    async before(caseId: string, version: number): Promise<DeadlineRow[]> {
      const hit = entries.get(caseId);
      return hit?.version === version ? hit.rows : read(caseId, version);
    },
    /** The clocks for a case view at `version`: the hook's rows once (the event's own answer), else a read. */
    forView(caseId: string, version: number): DeadlineRow[] | Promise<DeadlineRow[]> {
      return takeFromHook(caseId, version) ?? read(caseId, version);
    },
    /** `forView` for several cases (a queue page): the hook's rows where it has them, one read for the rest. */
    async forViews(cases: readonly { caseId: string; version: number }[]): Promise<Map<string, DeadlineRow[]>> {
      const out = new Map<string, DeadlineRow[]>();
      const missing: { caseId: string; version: number }[] = [];
      for (const c of cases) {
        const rows = takeFromHook(c.caseId, c.version);
        if (rows) out.set(c.caseId, rows);
        else missing.push(c);
      }
      const read = await store.byCases(missing.map((c) => c.caseId));
      for (const c of missing) {
        const rows = read.get(c.caseId) ?? [];
        put(c.caseId, { version: c.version, rows, fromHook: false });
        out.set(c.caseId, rows);
      }
      return out;
    },
    /** Forgets one case (after another module wrote its clocks) or, without an id, every case. */
    forget(caseId?: string): void {
      if (caseId === undefined) entries.clear();
      else entries.delete(caseId);
    },
  };
}
export type DeadlineCache = ReturnType<typeof createDeadlineCache>;
