// Where checkpoints are witnessed outside the database: AUDIT_WITNESS (a file or an http(s) URL), or by
// default a `<data folder>-witness/checkpoints.jsonl` beside, never inside, the database's folder.
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { localFilePath } from '../../db/core/client.js';

/** A witness: an append-only JSON-lines file, an HTTP endpoint that receives one POST per checkpoint, or none. */
export type WitnessTarget = { kind: 'file'; path: string } | { kind: 'http'; url: string } | { kind: 'none'; reason: string };

/** The witness file next to (not in) the folder of the database file at `dbPath`. */
export function defaultWitnessPath(dbPath: string): string {
  const folder = dirname(resolve(dbPath));
  return join(dirname(folder), `${basename(folder)}-witness`, 'checkpoints.jsonl');
}

/** Resolves AUDIT_WITNESS for a database URL. */
export function witnessTarget(env: { DATABASE_URL: string; AUDIT_WITNESS?: string }): WitnessTarget {
  const value = env.AUDIT_WITNESS?.trim();
  if (value === 'none' || value === 'off') return { kind: 'none', reason: `AUDIT_WITNESS=${value}` };
  if (value && /^https?:\/\//i.test(value)) return { kind: 'http', url: value };
  if (value) return { kind: 'file', path: resolve(value) };
  const dbPath = localFilePath(env.DATABASE_URL);
  if (!dbPath) return { kind: 'none', reason: 'the database is not a local file, so there is no default witness file' };
  return { kind: 'file', path: defaultWitnessPath(dbPath) };
}

/** Whether `path` lies inside `folder` (or is it). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A readable name for logs. */
export function describeWitness(target: WitnessTarget): string {
  if (target.kind === 'file') return `file ${target.path}`;
  if (target.kind === 'http') return `endpoint ${new URL(target.url).origin}${new URL(target.url).pathname}`;
  return `none (${target.reason})`;
}
