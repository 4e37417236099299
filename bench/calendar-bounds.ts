// The calendar API's bounds, measured on the real server in its own process: resident memory before and after
// 20,000 requests with distinct regions, the latency of the longest allowed count, and /healthz while four
// clients send that count back to back. Prints one JSON object. Usage: tsx bench/calendar-bounds.ts [repoRoot]
import { readFileSync } from 'node:fs';
import { createCalendar } from '../server/calendar/working-days.js';
import { loadChineseDaysYears } from '../server/calendar/calendar-data.js';
import { summarizeLatency } from './stats.js';
import { removeTemp, tempDbPath } from './temp-db.js';
import { createJsonClient, type JsonClient } from './http/http-client.js';
import { startServer } from './http/server-process.js';

const REGIONS = 20_000;
const LONGEST = '/api/v1/calendar/count-working-days?from=2016-01-01&to=2026-02-17';
const HEALTH_SAMPLES = 2_000;
const LOADERS = 4;

/** Current resident set size (VmRSS) of `pid` in MiB. */
function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

/** Sends REGIONS requests with regions never used before from 8 keep-alive clients; counts the answers' statuses. */
async function distinctRegions(client: JsonClient, token: string, round: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < REGIONS) {
      const i = next++;
      const res = await client.call('GET', `/api/v1/calendar/add-working-days?from=2026-03-02&days=5&region=bench-${round}-${i}`, token);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return statuses;
}

/** /healthz latencies, one at a time, while LOADERS clients send the longest count without pause. */
async function healthUnderLoad(baseUrl: string, token: string) {
  const loadClient = createJsonClient(baseUrl, LOADERS);
  const healthClient = createJsonClient(baseUrl, 1);
  let running = true;
  let longestDone = 0;
  const loader = async () => {
    while (running) {
      await loadClient.call('GET', LONGEST, token);
      longestDone += 1;
    }
  };
  const loaders = Array.from({ length: LOADERS }, loader);
  const samples: number[] = [];
  for (let i = 0; i < HEALTH_SAMPLES; i += 1) samples.push(await timed(() => healthClient.call('GET', '/healthz', null)));
  running = false;
  await Promise.all(loaders);
  loadClient.close();
  healthClient.close();
  return { healthzMs: summarizeLatency(samples), longestCountsServedMeanwhile: longestDone };
}

/** The pure calendar in this process: building the day table, then the longest count. */
function inProcess() {
  const start = performance.now();
  const cal = createCalendar({ years: loadChineseDaysYears() });
  cal.isWorkingDay('2026-01-01');
  const buildMs = performance.now() - start;
  const samples: number[] = [];
  for (let i = 0; i < 10_000; i += 1) {
    const t0 = performance.now();
    cal.countWorkingDays('1949-10-01', '2100-12-31');
    samples.push(performance.now() - t0);
  }
  return { tableBuildMs: Math.round(buildMs * 100) / 100, wholeRangeCountMs: summarizeLatency(samples) };
}

async function main(): Promise<void> {
  const repoRoot = process.argv[2] ?? process.cwd();
  const tmp = tempDbPath('calendar-bounds');
  const server = await startServer(repoRoot, tmp.url);
  const client = createJsonClient(server.baseUrl, 8);
  try {
    const signIn = await client.call('POST', '/api/v1/auth/token', null, { username: 'handler1', password: 'demo-password' });
    const token = (signIn.body as { token: string }).token;
    await client.call('GET', '/api/v1/calendar/add-working-days?from=2026-03-02&days=5', token);
    const rssBefore = rssMiB(server.pid);
    const statuses = await distinctRegions(client, token, 1);
    const rssAfter = rssMiB(server.pid);
    // A second round of new regions: a bounded cache leaves the resident size where the first round left it.
    await distinctRegions(client, token, 2);
    const rssAfterSecond = rssMiB(server.pid);
    const longestStatus = (await client.call('GET', LONGEST, token)).status;
    const longest: number[] = [];
    for (let i = 0; i < 500; i += 1) longest.push(await timed(() => client.call('GET', LONGEST, token)));
    const underLoad = await healthUnderLoad(server.baseUrl, token);
    const result = {
      repoRoot,
      regions: {
        requests: REGIONS,
        statuses,
        rssBeforeMiB: rssBefore,
        rssAfterMiB: rssAfter,
        rssDeltaMiB: rssAfter - rssBefore,
        rssAfterSecondRoundMiB: rssAfterSecond,
      },
      longestCountStatus: longestStatus,
      longestCountHttpMs: summarizeLatency(longest),
      ...underLoad,
      inProcess: inProcess(),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    client.close();
    await server.stop();
    removeTemp(tmp.dir);
  }
}

await main();
