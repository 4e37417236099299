// The reads measured at each database size: the reviewer's queues, the handler's own cases, the
// deadline sweep, one case's record, one responsibility chain, and the whole-chain verification.
import type { SqlClient } from '../../db/core/sql.js';
import { createDb, localFilePath, type Database } from '../../db/core/client.js';
import { createServices, type Services } from '../../server/services.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import type { LatencySummary } from '../stats.js';
import { ratePerSecond } from '../stats.js';
import { explain, traceSql, type TracedPlan } from './sql-trace.js';
import { timeCall } from './timing.js';
import { loadSweep } from './optional-modules.js';
import { verifyRecord } from '../../db/audit/audit-verify.js';
import { nativeRecordSource } from '../../db/audit/audit-record-source.js';
import type { CaseQuery } from '../../db/cases/case-queue-store.js';
import type { User } from '../../db/users/user-store.js';
import { reachOf } from '../../server/access/case-reach.js';

/** One read at one size: timing, or why it was not measured, and its query plans. */
export interface ReadResult {
  name: string;
  available: boolean;
  note?: string;
  ms?: LatencySummary;
  rows?: number;
  plans: TracedPlan[];
}

type Read = { name: string; call: (i: number) => Promise<number>; note?: string };

async function sampleCaseIds(client: SqlClient, n: number): Promise<string[]> {
  const rs = await client.execute({
    sql: "SELECT id FROM cases WHERE status = 'closed' AND rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM cases) + 1 FROM json_each(?))",
    args: [JSON.stringify(Array.from({ length: n * 2 }, (_, i) => i))],
  });
  const ids = rs.rows.map((r) => String(r.id));
  if (ids.length === 0) throw new Error('no closed cases to sample');
  return ids;
}

async function reads(
  services: Services,
  app: ReturnType<typeof createApp>,
  token: string,
  repoRoot: string,
  ids: string[],
): Promise<(Read | ReadResult)[]> {
  const reviewer = (await services.users.byUsername('reviewer1'))!;
  const handler = (await services.users.byUsername('handler1'))!;
  const sweep = await loadSweep(repoRoot, services.database.client);
  const today = new Date().toISOString().slice(0, 10);
  const pick = (i: number) => ids[i % ids.length]!;
  const probe = await app.request(`/api/v1/cases/${pick(0)}/responsibility`, { headers: { Authorization: `Bearer ${token}` } });
  // What GET /api/v1/cases (and the desk's queues) read: one keyset page of 50 (the API's default), within the
  // reader's reach, most recently updated first.
  const page =
    (user: User, query: Omit<CaseQuery, 'today'>, order: 'updated' | 'due' = 'updated', limit = 50) =>
    async () =>
      (await services.queue.page({ ...query, today }, reachOf(user), order, limit, null)).rows.length;
  return [
    { name: "queue page: handler's own cases (?mine=true)", call: page(handler, { involves: handler.id }) },
    { name: 'queue page: assigned to reviewer', call: page(reviewer, { states: ['inReview'], reviewerId: reviewer.id }) },
    { name: 'queue page: in review, to claim', call: page(reviewer, { states: ['inReview'], reviewerId: null }) },
    // The desk's 承办 tab (server/desk/queue-tabs.ts `handled`): open cases only, soonest due first, 20 a page.
    { name: "desk tab: handler's open cases (due order)", call: page(handler, { handlerId: handler.id, open: true }, 'due', 20) },
    {
      name: 'list of 500: assigned to reviewer',
      call: async () => (await services.store.list({ limit: 500, status: 'inReview', reviewerId: reviewer.id })).length,
    },
    { name: 'list of 500: in review (to claim)', call: async () => (await services.store.list({ limit: 500, status: 'inReview' })).length },
    {
      name: "list of 500: handler's own cases",
      call: async () => (await services.store.list({ limit: 500, handlerId: handler.id })).length,
    },
    sweep
      ? { name: 'deadline sweep (attention)', call: async () => (await sweep(today)).length }
      : {
          name: 'deadline sweep (attention)',
          available: false,
          note: 'db/deadlines/deadline-store.ts createDeadlineStore().attention not present',
          plans: [],
        },
    { name: "one case's record", call: async (i) => (await services.store.events(pick(i), true)).length },
    probe.status === 200
      ? {
          name: 'responsibility chain (HTTP, in-process)',
          call: async (i) => {
            const res = await app.request(`/api/v1/cases/${pick(i)}/responsibility`, { headers: { Authorization: `Bearer ${token}` } });
            if (res.status !== 200) throw new Error(`responsibility answered ${res.status}`);
            await res.arrayBuffer();
            return 1;
          },
        }
      : {
          name: 'responsibility chain (HTTP, in-process)',
          available: false,
          note: `GET /api/v1/cases/:id/responsibility answered ${probe.status}`,
          plans: [],
        },
  ];
}

/** Opens the database as the server does, measures every read, then the whole-chain verification. */
export async function measureReads(opts: { url: string; repoRoot: string; runs: number; log: (l: string) => void }) {
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: opts.url, DEMO: 'false' });
  const database = await createDb(env.DATABASE_URL);
  try {
    const services = await createServices(database, { env });
    const app = createApp(services);
    const token = await services.users.issueToken((await services.users.byUsername('auditor1'))!.id);
    const ids = await sampleCaseIds(database.client, opts.runs + 5);
    const results: ReadResult[] = [];
    for (const read of await reads(services, app, token, opts.repoRoot, ids)) {
      if (!('call' in read)) {
        results.push(read);
        continue;
      }
      const traced = await traceSql(database.client, () => read.call(0));
      const ms = await timeCall(read.call, opts.runs);
      results.push({ name: read.name, available: true, ms, rows: traced.result, plans: await explain(database.client, traced.statements) });
    }
    return { reads: results, verify: await timeVerify(database) };
  } finally {
    database.close();
  }
}

/**
 * Times the whole-chain verification (every entry's hash and link) as `GET /api/v1/audit/verify` runs it: native
 * read-only connection, 2 worker threads. The database-wide checks that follow it there (projections rebuilt by
 * replaying every case, documents, evidence) are not timed: the cloned cases carry no 审核意见书/决定书 rows
 * (each needs its own number and content hash), so the document check would report every clone.
 */
async function timeVerify(database: Database) {
  const path = localFilePath(database.url)!;
  const source = nativeRecordSource(path);
  const t0 = performance.now();
  try {
    const r = await verifyRecord(database.client, { source, parallel: { path, workers: 2 } });
    const ms = performance.now() - t0;
    const note =
      'db/audit/audit-verify.ts verifyRecord, the chain part of GET /api/v1/audit/verify (native read-only connection, 2 worker threads)';
    return { source: note, ok: r.ok, entries: r.entries, ms: Math.round(ms), entriesPerSecond: ratePerSecond(r.entries, ms) };
  } finally {
    source.close();
  }
}
