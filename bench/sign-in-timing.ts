// Sign-in refusal times through the real API (`POST /api/v1/auth/token` on app.request over a fresh libSQL
// file): a known user with a wrong password, an unknown name, and an inactive user, interleaved, each name and
// address used once so no throttle interferes. Prints JSON with medians; the claim is that the three medians
// differ by a few ms at most (they all run one scrypt). Run: `npx tsx bench/sign-in-timing.ts [tries]`.
import { createDb } from '../db/core/client.js';
import { createApp } from '../server/app.js';
import { createServices } from '../server/services.js';
import { percentile, round } from './stats.js';
import { removeTemp, tempDbPath } from './temp-db.js';

const tries = Number(process.argv[2] ?? 30);
const kinds = ['known', 'unknown', 'inactive'] as const;

const tmp = tempDbPath('sign-in-timing');
const database = await createDb(tmp.url);
const services = await createServices(database);
const app = createApp(services);
for (let i = 0; i < tries; i++) {
  await services.users.create({ username: `known-${i}`, password: 'right-password', roles: ['handler'] });
  const off = await services.users.create({ username: `inactive-${i}`, password: 'right-password', roles: ['handler'] });
  await services.users.deactivate(off.id);
}

/** Milliseconds for one refused sign-in of `username` from a fresh address. */
async function refusal(username: string, n: number): Promise<number> {
  const start = performance.now();
  const res = await app.request(
    '/api/v1/auth/token',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'wrong-password' }) },
    { incoming: { socket: { remoteAddress: `10.${Math.floor(n / 250)}.${n % 250}.1` } } },
  );
  const ms = performance.now() - start;
  if (res.status !== 401) throw new Error(`expected 401 for ${username}, got ${res.status}`);
  return ms;
}

const samples: Record<(typeof kinds)[number], number[]> = { known: [], unknown: [], inactive: [] };
let n = 0;
for (let i = 0; i < tries; i++) {
  for (const kind of kinds) samples[kind].push(await refusal(`${kind}-${i}`, n++));
}
const summary = Object.fromEntries(
  kinds.map((k) => [k, { medianMs: round(percentile(samples[k], 50), 2), p90Ms: round(percentile(samples[k], 90), 2) }]),
) as Record<(typeof kinds)[number], { medianMs: number; p90Ms: number }>;
const medians = kinds.map((k) => summary[k].medianMs);
console.log(
  JSON.stringify(
    {
      tries,
      ...summary,
      largestMedianGapMs: round(Math.max(...medians) - Math.min(...medians), 2),
      note: 'each refusal runs one scrypt (N=16384, r=8, p=1)',
    },
    null,
    2,
  ),
);
await services.writer.close();
database.close();
removeTemp(tmp.dir);
