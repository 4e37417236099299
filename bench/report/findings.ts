// The report's prose: why a missed target was missed (from this run's own figures) and what would close
// it, plus how each phase measures. Figures come from the results; the remedies are the profile's lessons.
import { ok, type BenchResults, type TargetCheck } from '../results.js';

const fmt = (v: number) => Math.round(v).toLocaleString('en');

/**
 * Why the missed reads missed, from the growth points themselves: whether the read grows with the table (p50 and
 * p95 at the smallest and largest size) and whether its plan scans a table or an index.
 */
function readsWhy(r: BenchResults, reads: TargetCheck[]): string {
  const points = ok(r.growth) ? r.growth.filter((p) => p.dbBytes > 0) : [];
  const first = points[0];
  const last = points.at(-1);
  const nameOf = (t: TargetCheck) => t.name.replace(/, p95 at .*$/, '');
  const at = (p: typeof first, name: string) => p?.reads.find((x) => x.name === name);
  const lines = reads.map((t) => {
    const name = nameOf(t);
    const small = at(first, name)?.ms;
    const big = at(last, name)?.ms;
    const plans = at(last, name)?.plans ?? [];
    const scans = plans.flatMap((p) => p.scans.filter((s) => !/^SCAN (page|k|h|r|both_halves)$/.test(s)));
    const growth =
      small && big && first && last
        ? ` p50 ${small.p50} ms at ${fmt(first.closedCases)} cases and ${big.p50} ms at ${fmt(last.closedCases)}, p95 ${small.p95} → ${big.p95} ms;`
        : '';
    const plan = scans.length ? ` its plan scans (${scans.join('; ')}).` : ' its plan is index searches only.';
    return `- ${name}: ${t.measured} (${t.shortfall ?? 'met'});${growth}${plan}`;
  });
  // A p95 far above its p50 at the largest size is a few slow runs of the thirty, not a slower read: say so.
  const tails = reads.map(nameOf).filter((name) => {
    const ms = at(last, name)?.ms;
    return ms !== undefined && ms.p95 > 2 * ms.p50;
  });
  const tail =
    tails.length && last
      ? [
          `- At ${fmt(last.closedCases)} cases the ${tails.length > 1 ? 'p95s' : 'p95'} of ${tails.map((n) => `"${n}"`).join(' and ')} ${tails.length > 1 ? 'are more than twice their' : 'is more than twice its'} p50: a few of the thirty runs were far slower than the rest, which page-cache misses on the ${(last.dbBytes / 2 ** 30).toFixed(1)} GiB file would explain (the run does not tell them apart from other stalls); the p50 is the steadier measure of the read itself.`,
        ]
      : [];
  return [
    "The pages do not grow with the table the way a scan would (compare each p50 at the smallest and the largest size). What they cost is their fifty rows: each a snapshot of about 2.4 KB and its opening record entry, read through @libsql/client (which prepares the statement anew on every call) and parsed, so a page costs a few milliseconds at any size, and the p95 over the runs adds the reading process's collector pauses and page-cache misses. A profile of one page is in docs/benchmark-notes.md (Reads). What would close it: a page that reads only the columns a list shows (no snapshot), on prepared statements.",
    ...lines,
    ...tail,
  ].join('\n');
}

function throughputWhy(r: BenchResults): string[] {
  const out: string[] = [];
  const http = ok(r.http) ? r.http.levels.find((l) => l.clients === 64) : undefined;
  const inproc = ok(r.inProcess) ? r.inProcess.levels.find((l) => l.clients === 64) : undefined;
  const limit = ok(r.storageLimit) ? r.storageLimit.limit.transitionsPerSecond : undefined;
  if (http && inproc) {
    out.push(
      `- Over HTTP the engine reached ${fmt(http.transitionsPerSecond)} transitions/s against ${fmt(inproc.transitionsPerSecond)}/s in-process: HTTP, JSON, zod, auth and the case view cost ${Math.max(0, Math.round((1 - http.transitionsPerSecond / inproc.transitionsPerSecond) * 100))}% of the throughput, and the load generator shares the same 2 cores (the server process and the client together used ${http.ownCores} cores).`,
    );
  }
  const same = ok(r.storageLimit)
    ? r.storageLimit.points
        .filter((p) => p.transitionsPerTransaction === 64)
        .sort((a, b) => b.transitionsPerSecond - a.transitionsPerSecond)[0]
    : undefined;
  if (http && same) {
    out.push(
      `- 64 clients can put at most 64 transitions in one commit; at that batch size libSQL reached ${fmt(same.transitionsPerSecond)}/s (${same.shape} statements), so the engine over HTTP ran at ${Math.round((http.transitionsPerSecond / same.transitionsPerSecond) * 100)}% of the limit at its own batch size.`,
    );
  }
  if (inproc && limit) {
    out.push(
      `- In-process the engine reached ${Math.round((inproc.transitionsPerSecond / limit) * 100)}% of the storage limit (${fmt(limit)}/s). Node runs the engine on one thread: the machine, hashing, view building and statement building share one core, while commits (SQLite work and the fsync) run on the writer's own thread, so at most two cores are busy and the main thread is the limit.`,
    );
  }
  if (ok(r.profile)) {
    const top = r.profile.inclusive
      .slice(0, 4)
      .map((h) => `\`${h.name}\` ${h.share}%`)
      .join(', ');
    out.push(`- Profile (inclusive): ${top}.`);
  }
  return out;
}

/** What this batch applied, and the measured leads that remain (files as they are in this tree). */
export const remedies: string[] = [
  'Applied earlier: group commit on a worker thread (`db/core/writer.ts`, `db/core/commit-thread.ts`), one reused actor scope for xstate steps (`server/shared/machine-step.ts`), multi-row statements per table per batch, lean answers under `Prefer: return=minimal` (the bench asks for them), `allowedEvents` cached per snapshot and caller, clocks recomputed only when a transition starts, pauses or stops one, the per-request token read replaced by a cache tagged with an auth epoch, `canonicalJson` building one string per object.',
  'Applied in this batch: the 决定书 cites its 审核意见书 through one prepared indexed read instead of reading and parsing every document of the case; queue pages sort ids and keys only, and read "cases I handle or review" as two index-ordered halves.',
  'Next, CPU: what is left on the main thread is spread thin (the profile below): HTTP parsing and answering in node and hono, zod validation of the command and its headers, xstate transitions and the `allowedEvents` probes of each answer, the deadline model, building the write and posting it to the writer thread, and garbage collection (10–13%). No single function holds more than a few per cent.',
  'Next, cores: the server process is one main thread plus the writer thread, and the load generator shares the same 2 cores; HTTP workers in front of the single writer would add throughput only on a machine with cores to spare.',
];

/** The largest tables and indexes of a closed case, from the HTTP run's `dbstat` figures. */
function largestTables(r: BenchResults, n: number): string {
  const by = ok(r.http) ? r.http.storage.bytesPerCaseBy : undefined;
  if (!by) return '';
  return Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, bytes]) => `\`${name}\` ${fmt(bytes)}`)
    .join(', ');
}

/** Paragraphs explaining each missed target. */
export function missAnalysis(r: BenchResults): string {
  const missed = r.targets.filter((t) => t.met === false);
  if (missed.length === 0) return 'Every measured target was met in this run.';
  const parts = ['### Why targets were missed, and what would close them', ''];
  if (missed.some((t) => /HTTP|peer/.test(t.name))) {
    parts.push(
      '**Throughput, its share of the storage limit and of the peer, and p99.** These four lines are one: at 64 clients the p99 follows from the throughput (64 requests in flight at N/s wait about 64/N s each), and the ratios divide it by figures measured in the same run.',
      ...throughputWhy(r),
      '',
      'What was done and what would close it:',
      ...remedies.map((x) => `- ${x}`),
      '',
    );
  }
  const bytes = missed.find((t) => /bytes per closed case/.test(t.name));
  if (bytes)
    parts.push(
      `**Bytes per closed case.** ${bytes.measured} (${bytes.shortfall}). Largest, bytes per case: ${largestTables(r, 6)}. A closed case keeps 11 hash-chained record entries (each with two 64-character hex hashes, the actor, and a payload that repeats the actor and the issued document's reference), two issued documents (审核意见书 and 决定书, JSON with their labels), its snapshot (rewritten on every event), six clock rows keyed by text UUIDs, a credential snapshot per entry, and the indexes the queues and the audit read by. New files use 8 KB pages, since a 4 KB page held only one ~2 KB snapshot or document (about 2,600 bytes a case less; docs/benchmark-notes.md). What would close it: hashes stored as 32-byte blobs, documents stored compressed or as their fields without labels, integer keys for clock rows, payloads that do not repeat the entry's columns — each a change of the stored format with a migration on both engines and the verifier, not taken in this batch.`,
      '',
    );
  const rss = missed.find((t) => /RSS/.test(t.name));
  if (rss)
    parts.push(
      `**Server RSS.** ${rss.measured} (${rss.shortfall}). The server runs as \`npm start\` runs it, built to plain JavaScript: the main thread and the writer's worker thread, about 159 MiB resident before the first request on an empty database (VmRSS; 61 MiB of it file-backed, the node binary and libSQL's native library). The largest single part is the main thread's young generation: \`npm start\` lets each of its two semi-spaces grow to 32 MiB, because collecting it less often gives about 6% more throughput. Load adds the case cache (about 4.6 KB of heap a loaded case, up to 10,000) and the writer's batches. What would close it: semi-spaces of 16 MiB took about 30 MiB off the peak and 6% off the throughput in alternated quick runs (docs/benchmark-notes.md); with the throughput the further short of its target, the larger young generation stays.`,
      '',
    );
  const reads = missed.filter((t) => /p95/.test(t.name));
  if (reads.length) parts.push(`**Reads.** ${readsWhy(r, reads)}`, '');
  const verify = missed.find((t) => /verification/.test(t.name));
  if (verify)
    parts.push(
      `**Verification.** ${verify.measured} (${verify.shortfall}), timed as \`GET /api/v1/audit/verify\` runs it (native read-only connection, worker threads hashing pages of entries). On 2 cores the reader and the workers share the machine, so the rate is bounded by about two cores of reading, parsing and hashing.`,
      '',
    );
  return parts.join('\n');
}

/** How each phase measures, and where it departs from production. */
export function methodNotes(r: BenchResults): string {
  return [
    '- **HTTP**: `node --max-semi-space-size=32 dist/server/main.js` after `node scripts/build-server.mjs` (what `npm start` runs, without the npm wrapper process so the measured pid is the server) with `DEMO=true` for the demo users, on a fresh file; clients use `node:http` with a keep-alive agent (one socket per client). A warm-up of lifecycles precedes the measured levels; all levels share one server and database.',
    '- **In-process**: `createServices` with the same module hooks as the server, `services.cases.open/send`, N concurrent async clients.',
    '- **Storage limit**: a fresh database migrated by `createDb` (same schema, indexes, triggers, WAL, synchronous=FULL); each transition is the engine-shaped INSERT of one `case_events` row plus the INSERT/UPDATE of the `cases` snapshot, with the byte sizes of a real lifecycle, committed with `client.batch` in one transaction per batch. No projections, deadlines or idempotency rows: the engine writes more per transition than the limit does.',
    `- **Peer**: \`node bench.mjs --modes durable --n ${ok(r.peer) ? r.peer.n : 'N'} --runs 1\` from a copy of shared/peers/bpmn-engine after \`npm ci\`.`,
    "- **Growth**: one real case is run through the machine and services; its rows in every table that belongs to a case (found by `case_id` / `event_id` columns) are cloned with multi-row `INSERT … SELECT FROM json_each(?)` in transactions of 2,000 cases, continuing the hash chain (each chunk's first clone is checked against `entryHash`). Clones get time-ordered UUIDv7-shaped ids so they append to the indexes (the engine uses random v4 ids; lookups are the same B-tree searches). Real cases in review (half claimed by reviewer1) sit beside them. Reads are timed after a warm-up through the real stores (and the responsibility route through `app.request`), p50/p95 over the runs.",
  ].join('\n');
}
