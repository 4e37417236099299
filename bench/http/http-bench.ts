// The engine over HTTP, durable: the real server in its own process on a fresh libSQL file (WAL,
// synchronous=FULL), full lifecycles from N concurrent keep-alive clients, every request timed.
import { createClient } from '@libsql/client';
import { benchDraft, type BenchUser } from '../lifecycle.js';
import { driveLifecycles, type CaseDriver } from '../drive.js';
import { processCpuSeconds, startLoadMonitor } from '../machine.js';
import { ratePerSecond, summarizeLatency, type LatencySummary } from '../stats.js';
import { dbFileBytes, removeTemp, tempDbPath } from '../temp-db.js';
import { createJsonClient, type JsonClient } from './http-client.js';
import { peakRssMiB, startServer } from './server-process.js';

/** One concurrency level over HTTP. */
export interface HttpLevel {
  clients: number;
  cases: number;
  transitions: number;
  seconds: number;
  transitionsPerSecond: number;
  latencyMs: LatencySummary;
  serverPeakRssMiB: number | null;
  foreignCores: number | null;
  ownCores: number;
  /** Transitions per CPU-second of the server process: robust to other load on a shared machine. */
  transitionsPerServerCpuSecond: number;
}

const users: BenchUser[] = ['handler1', 'reviewer1', 'head1', 'clerk1'];

async function signIn(client: JsonClient): Promise<{ tokens: Record<BenchUser, string>; reviewerId: string }> {
  const tokens = {} as Record<BenchUser, string>;
  let reviewerId = '';
  for (const username of users) {
    const res = await client.call('POST', '/api/v1/auth/token', null, { username, password: 'demo-password' });
    if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
    const body = res.body as { token: string; user: { id: string } };
    tokens[username] = body.token;
    if (username === 'reviewer1') reviewerId = body.user.id;
  }
  return { tokens, reviewerId };
}

/**
 * The lifecycle reads only the opened case's id and draft hash, so it asks for the lean answer (RFC 7240
 * `Prefer: return=minimal`), as an integration that does not show the case would.
 */
const lean = { Prefer: 'return=minimal' };

function httpDriver(client: JsonClient, tokens: Record<BenchUser, string>, reviewerId: string): CaseDriver {
  return {
    reviewerId,
    async open(i) {
      const res = await client.call('POST', '/api/v1/cases', tokens.handler1, benchDraft(i), lean);
      if (res.status !== 201) throw new Error(`open answered ${res.status}: ${JSON.stringify(res.body)}`);
      const body = res.body as { id: string; draft: { hash: string } };
      return { id: body.id, draftHash: body.draft.hash };
    },
    async send(user, caseId, command) {
      const res = await client.call('POST', `/api/v1/cases/${caseId}/events`, tokens[user], command, lean);
      if (res.status !== 200) throw new Error(`${command.type} answered ${res.status}: ${JSON.stringify(res.body)}`);
    },
  };
}

/** Runs every level against one server on one fresh database; returns the levels and the storage cost. */
export async function runHttp(opts: {
  repoRoot: string;
  levels: { clients: number; cases: number }[];
  warmupCases: number;
  log: (l: string) => void;
  nodeArgs?: string[];
}) {
  const tmp = tempDbPath('http');
  const server = await startServer(opts.repoRoot, tmp.url, opts.nodeArgs);
  const client = createJsonClient(server.baseUrl, Math.max(...opts.levels.map((l) => l.clients), 16));
  const levels: HttpLevel[] = [];
  try {
    const { tokens, reviewerId } = await signIn(client);
    const driver = httpDriver(client, tokens, reviewerId);
    let first = 0;
    await driveLifecycles(driver, 16, opts.warmupCases, first);
    first += opts.warmupCases;
    for (const level of opts.levels) {
      const monitor = startLoadMonitor(() => [server.pid]);
      const cpu0 = processCpuSeconds(server.pid);
      const r = await driveLifecycles(driver, level.clients, level.cases, first);
      const serverCpu = processCpuSeconds(server.pid) - cpu0;
      const load = monitor.stop();
      first += level.cases;
      const perSecond = ratePerSecond(r.transitions, r.ms);
      levels.push({
        clients: level.clients,
        cases: level.cases,
        transitions: r.transitions,
        seconds: Math.round(r.ms) / 1000,
        transitionsPerSecond: perSecond,
        latencyMs: summarizeLatency(r.latencies),
        serverPeakRssMiB: peakRssMiB(server.pid),
        ...load,
        transitionsPerServerCpuSecond: serverCpu > 0 ? Math.round(r.transitions / serverCpu) : 0,
      });
      opts.log(`http: ${level.clients} clients, ${perSecond} transitions/s, p99 ${levels.at(-1)!.latencyMs.p99} ms`);
    }
    const peak = peakRssMiB(server.pid);
    client.close();
    await server.stop();
    return { levels, serverPeakRssMiB: peak, storage: await storagePerCase(tmp.path) };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- server output ---\n${server.output().slice(-4000)}`);
  } finally {
    client.close();
    await server.stop();
    removeTemp(tmp.dir);
  }
}

/** Bytes per case of each table and index (SQLite's `dbstat`), largest first: where the storage goes. */
async function bytesPerCaseBy(db: ReturnType<typeof createClient>, cases: number): Promise<Record<string, number>> {
  const rows = await db.execute('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC');
  return Object.fromEntries(rows.rows.map((r) => [String(r.name), Math.round(Number(r.bytes) / cases)]));
}

/** Database bytes per case after the server closed (WAL checkpointed into the file). */
async function storagePerCase(path: string) {
  const db = createClient({ url: `file:${path}` });
  try {
    await db.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const cases = Number((await db.execute('SELECT COUNT(*) AS n FROM cases')).rows[0]!.n);
    const events = Number((await db.execute('SELECT COUNT(*) AS n FROM case_events')).rows[0]!.n);
    const bytes = dbFileBytes(path);
    return { cases, events, dbBytes: bytes, bytesPerCase: Math.round(bytes / cases), bytesPerCaseBy: await bytesPerCaseBy(db, cases) };
  } finally {
    db.close();
  }
}
