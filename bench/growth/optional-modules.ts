// The growth benchmark measures reads that other modules provide (deadline sweep, audit verification).
// They are loaded by path at run time so the benchmark still runs, and says so, where one is absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SqlClient } from '../../db/core/sql.js';

/** The deadline store's sweep for notices and lapses, if the deadline module is present. */
export type SweepFn = (today: string) => Promise<unknown[]>;

async function load(repoRoot: string, file: string): Promise<Record<string, unknown> | null> {
  const path = resolve(repoRoot, file);
  if (!existsSync(path)) return null;
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}

/** `createDeadlineStore(client).attention(today)` from db/deadline-store.ts, or null. */
export async function loadSweep(repoRoot: string, client: SqlClient): Promise<SweepFn | null> {
  const mod = await load(repoRoot, 'db/deadlines/deadline-store.ts');
  const create = mod?.createDeadlineStore as ((c: SqlClient) => { attention?: SweepFn }) | undefined;
  const store = create?.(client);
  return store?.attention ? (today) => store.attention!(today) : null;
}
