// What a bearer-token lookup costs: `userForToken` (since the auth epoch, a cache hit after the first read of a
// token; docs/sign-in.md), a bare Map hit, and a whole authenticated request for scale. Prints JSON. Run: `npx tsx bench/token-lookup.ts [n]`.
import { createDb } from '../db/core/client.js';
import { createApp } from '../server/app.js';
import { createServices } from '../server/services.js';
import type { User } from '../db/users/user-store.js';
import { percentile, round } from './stats.js';
import { removeTemp, tempDbPath } from './temp-db.js';

const n = Number(process.argv[2] ?? 5000);
const tmp = tempDbPath('token-lookup');
const database = await createDb(tmp.url);
const services = await createServices(database);
const app = createApp(services);
const user = await services.users.create({ username: 'bench', password: 'bench-password', roles: ['handler'] });
// Other users' tokens, so the lookup is not in a one-row table.
for (let i = 0; i < 1000; i++) await services.users.issue(user.id);
const token = await services.users.issueToken(user.id);

/** Microseconds per call of `fn`, as median and p99 over `n` calls. */
async function micros(fn: () => unknown): Promise<{ medianUs: number; p99Us: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push((performance.now() - start) * 1000);
  }
  return { medianUs: round(percentile(samples, 50), 1), p99Us: round(percentile(samples, 99), 1) };
}

const cache = new Map<string, User>([['k', user]]);
const indexedRead = await micros(() => services.users.userForToken(token));
const mapHit = await micros(() => cache.get('k'));
const request = await micros(() => app.request('/api/v1/cases?mine=true', { headers: { Authorization: `Bearer ${token}` } }));
console.log(
  JSON.stringify(
    {
      lookups: n,
      tokensStored: 1001,
      indexedRead,
      mapHit,
      authenticatedRequest: request,
      readShareOfRequestMedian: round(indexedRead.medianUs / request.medianUs, 3),
    },
    null,
    2,
  ),
);
await services.writer.close();
database.close();
removeTemp(tmp.dir);
