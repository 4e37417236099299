// PostgreSQL beside libSQL, in one run: HTTP durable transitions/s of the real server with one process on a
// libSQL file, one process on PostgreSQL and two processes on one PostgreSQL database (synchronous_commit on,
// fsync on), and what PostgreSQL itself commits per second with the engine's rows in batched transactions.
import { startTestPostgres, freshPostgresDatabase } from '../../test/helpers/postgres.js';
import { createDb } from '../../db/core/client.js';
import type { CaseTemplate } from '../growth/template.js';
import { benchDraft, type BenchUser } from '../lifecycle.js';
import { driveLifecycles, type CaseDriver } from '../drive.js';
import { startLoadMonitor } from '../machine.js';
import { ratePerSecond, summarizeLatency, type LatencySummary } from '../stats.js';
import { removeTemp, tempDbPath } from '../temp-db.js';
import { createJsonClient } from '../http/http-client.js';
import { startServer, type ServerChild } from '../http/server-process.js';
import { batchStatements, limitRows, transitionRows } from '../storage-limit.js';

/** One HTTP measurement: a backend, a number of server processes, the clients and what they got. */
export interface PgHttpPoint {
  backend: 'libsql' | 'postgresql';
  processes: number;
  clients: number;
  cases: number;
  transitions: number;
  seconds: number;
  transitionsPerSecond: number;
  latencyMs: LatencySummary;
  foreignCores: number | null;
}

/** PostgreSQL's own commit rate for one batch size (transitions per transaction). */
export interface PgLimitPoint {
  transitionsPerTransaction: number;
  transitions: number;
  transitionsPerSecond: number;
}

export interface PgBenchResult {
  server: string;
  settings: Record<string, string>;
  http: PgHttpPoint[];
  limit: PgLimitPoint[];
}

const users: BenchUser[] = ['handler1', 'reviewer1', 'head1', 'clerk1'];

/** Drives lifecycles over the given servers: case i is opened on server i mod n and moved there. */
async function driveServers(servers: ServerChild[], clients: number, cases: number, first: number) {
  const http = servers.map((s) => createJsonClient(s.baseUrl, clients));
  const tokens = {} as Record<BenchUser, string>;
  let reviewerId = '';
  for (const username of users) {
    const res = await http[0]!.call('POST', '/api/v1/auth/token', null, { username, password: 'demo-password' });
    const body = res.body as { token: string; user: { id: string } };
    tokens[username] = body.token;
    if (username === 'reviewer1') reviewerId = body.user.id;
  }
  const home = new Map<string, number>();
  const driver: CaseDriver = {
    reviewerId,
    async open(i) {
      const res = await http[i % http.length]!.call('POST', '/api/v1/cases', tokens.handler1, benchDraft(i));
      if (res.status !== 201) throw new Error(`open answered ${res.status}: ${JSON.stringify(res.body)}`);
      const body = res.body as { id: string; draft: { hash: string } };
      home.set(body.id, i % http.length);
      return { id: body.id, draftHash: body.draft.hash };
    },
    async send(user, caseId, command) {
      const res = await http[home.get(caseId)!]!.call('POST', `/api/v1/cases/${caseId}/events`, tokens[user], command);
      if (res.status !== 200) throw new Error(`${command.type} answered ${res.status}: ${JSON.stringify(res.body)}`);
    },
  };
  try {
    return await driveLifecycles(driver, clients, cases, first);
  } finally {
    for (const c of http) c.close();
  }
}

/** Starts `processes` servers on `url`, warms up, measures one level. */
async function measure(
  repoRoot: string,
  backend: PgHttpPoint['backend'],
  url: string,
  processes: number,
  level: { clients: number; cases: number; warmup: number },
) {
  const servers: ServerChild[] = [];
  try {
    for (let i = 0; i < processes; i++) servers.push(await startServer(repoRoot, url));
    await driveServers(servers, 16, level.warmup, 0);
    const monitor = startLoadMonitor(() => servers.map((s) => s.pid));
    const r = await driveServers(servers, level.clients, level.cases, level.warmup);
    const { foreignCores } = monitor.stop();
    return {
      backend,
      processes,
      clients: level.clients,
      cases: level.cases,
      transitions: r.transitions,
      seconds: Math.round(r.ms) / 1000,
      transitionsPerSecond: ratePerSecond(r.transitions, r.ms),
      latencyMs: summarizeLatency(r.latencies),
      foreignCores,
    };
  } finally {
    for (const s of servers) await s.stop();
  }
}

/** Commits the template's record and snapshot rows in transactions of each batch size, one connection. */
async function commitLimit(url: string, template: CaseTemplate, transitions: number, sizes: number[]): Promise<PgLimitPoint[]> {
  const database = await createDb(url);
  const rows = limitRows(template);
  const out: PgLimitPoint[] = [];
  try {
    let id = 0;
    for (const size of sizes) {
      const total = size === 1 ? Math.min(transitions, 500) : transitions;
      const t0 = performance.now();
      let done = 0;
      for (let wave = 0; done < total; wave++) {
        for (let j = 0; j < rows.events.length && done < total; j++) {
          const batch = Array.from({ length: size }, (_, k) => transitionRows(rows, `pg${size}-${wave}-${k}`, j, ++id));
          await database.client.batch(batchStatements(batch, 'multi-row'));
          done += size;
        }
      }
      out.push({ transitionsPerTransaction: size, transitions: done, transitionsPerSecond: ratePerSecond(done, performance.now() - t0) });
    }
    return out;
  } finally {
    await database.close();
  }
}

/** The whole phase; BENCH_POSTGRES_URL names an administrator's URL, else an embedded PostgreSQL with fsync on. */
export async function runPostgres(opts: {
  repoRoot: string;
  adminUrl: string | undefined;
  level: { clients: number; cases: number; warmup: number };
  template: CaseTemplate;
  limitTransitions: number;
  batchSizes: number[];
  log: (line: string) => void;
}): Promise<PgBenchResult> {
  const server = await startTestPostgres(opts.adminUrl, { durable: true });
  try {
    const url = await freshPostgresDatabase(server.info);
    const settings = await showSettings(url);
    const http: PgHttpPoint[] = [];
    const tmp = tempDbPath('pg-libsql');
    try {
      http.push(await measure(opts.repoRoot, 'libsql', tmp.url, 1, opts.level));
    } finally {
      removeTemp(tmp.dir);
    }
    http.push(await measure(opts.repoRoot, 'postgresql', url, 1, opts.level));
    http.push(await measure(opts.repoRoot, 'postgresql', await freshPostgresDatabase(server.info), 2, opts.level));
    for (const p of http)
      opts.log(`postgres: ${p.backend} × ${p.processes}: ${p.transitionsPerSecond} transitions/s, p99 ${p.latencyMs.p99} ms`);
    const limit = await commitLimit(await freshPostgresDatabase(server.info), opts.template, opts.limitTransitions, opts.batchSizes);
    return { server: server.info.version, settings, http, limit };
  } finally {
    await server.stop();
  }
}

async function showSettings(url: string): Promise<Record<string, string>> {
  const database = await createDb(url);
  try {
    const out: Record<string, string> = {};
    for (const name of ['synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers']) {
      const rs = await database.client.execute(`SHOW ${name}`);
      out[name] = String(rs.rows[0]![name]);
    }
    return out;
  } finally {
    await database.close();
  }
}
