// The report's PostgreSQL section: HTTP durable transitions/s with one libSQL process, one PostgreSQL process
// and two PostgreSQL processes on one database, beside PostgreSQL's own batched commit rate, all one run.
import type { BenchResults } from '../results.js';
import { ok } from '../results.js';
import { table } from './markdown-tables.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** The section's markdown (a note when the phase did not run). */
export function postgresSection(r: BenchResults): string {
  const p = r.postgres;
  if (p === null || p === undefined) return '_Not run (`npm run bench -- --phases postgres`)._';
  if (!ok(p)) return `_Failed: ${p.error}_`;
  const settings = Object.entries(p.settings)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const httpRows = p.http.map((h) => [
    h.backend === 'libsql' ? 'libSQL file' : 'PostgreSQL',
    h.processes,
    h.clients,
    fmt(h.transitions),
    `**${fmt(h.transitionsPerSecond)}**`,
    h.latencyMs.p50,
    h.latencyMs.p99,
    h.foreignCores ?? '—',
  ]);
  const limitRows = p.limit.map((l) => [l.transitionsPerTransaction, fmt(l.transitions), `**${fmt(l.transitionsPerSecond)}**`]);
  const best = p.limit.reduce((a, b) => (b.transitionsPerSecond > a.transitionsPerSecond ? b : a), p.limit[0]!);
  return [
    `PostgreSQL ${p.server} on the same machine (${settings}). The real server as \`npm start\` starts it, with \`DATABASE_URL=postgres://…\`, the same lifecycles as section 1; with two processes the clients' cases alternate between them (a reverse proxy's round robin). Every batch transaction of every process locks the one chain-head row, so the record stays one hash chain.`,
    '',
    table(['backend', 'server processes', 'clients', 'transitions', 'transitions/s', 'p50 ms', 'p99 ms', 'other load (cores)'], httpRows),
    '',
    "PostgreSQL's own limit: one connection commits the engine's rows (per transition one record row and one snapshot upsert, the sizes of a real lifecycle, multi-row statements) in transactions of N transitions, no engine work at all.",
    '',
    table(['transitions per transaction', 'transitions', 'transitions/s'], limitRows),
    '',
    `The best batched rate, ${fmt(best.transitionsPerSecond)}/s at ${best.transitionsPerTransaction} per transaction, is what the database could absorb; the server processes, the load generator and PostgreSQL share the machine's 2 cores.`,
  ].join('\n');
}
