// The storage limit: what libSQL itself commits on this disk with the engine's schema and pragmas (WAL,
// synchronous=FULL), through the same client call the writer uses (`client.batch`, one transaction per
// batch): per transition one record row and one snapshot write (insert at 立案, update after) with the
// sizes of a real lifecycle's rows. No engine work at all: no machine, no hashing, no HTTP. Three statement
// shapes are tried (per row, multi-row VALUES, rows unpacked from JSON) and the best counts.
import type { SqlClient, SqlStatement, SqlValue } from '../db/core/sql.js';
import { createDb } from '../db/core/client.js';
import type { CaseTemplate } from './growth/template.js';
import { startLoadMonitor } from './machine.js';
import { ratePerSecond } from './stats.js';
import { removeTemp, tempDbPath } from './temp-db.js';
import { entryColumns } from '../db/core/batch-plan.js';

/** How rows are sent: a statement per row, one multi-row VALUES statement per table, or one json_each statement per table. */
export type StatementShape = 'per-row' | 'multi-row' | 'json-rows';

/** One (shape, batch size) result. */
export interface StoragePoint {
  shape: StatementShape;
  transitionsPerTransaction: number;
  transitions: number;
  seconds: number;
  transitionsPerSecond: number;
  rowsPerSecond: number;
  foreignCores: number | null;
}

const caseColumns = [
  'id',
  'title',
  'status',
  'state_value',
  'snapshot',
  'machine_id',
  'machine_version',
  'version',
  'handler_id',
  'reviewer_id',
  'is_major',
  'draft_hash',
  'created_at',
  'updated_at',
];
const updatable = caseColumns.filter((c) => !['id', 'created_at', 'handler_id', 'machine_id'].includes(c));
const upsert = `ON CONFLICT(id) DO UPDATE SET ${updatable.map((c) => `${c} = excluded.${c}`).join(', ')} WHERE cases.version = excluded.version - 1`;
const tuple = (n: number) => `(${Array.from({ length: n }, () => '?').join(', ')})`;

/** The template's record rows and final `cases` row: the sizes every transition writes. */
export interface LimitRows {
  events: Record<string, SqlValue>[];
  caseRow: Record<string, SqlValue>;
}

/** Picks the rows the storage limit writes out of a captured template. */
export function limitRows(template: CaseTemplate): LimitRows {
  const cases = template.tables.find((t) => t.table === 'cases');
  if (!cases) throw new Error('template has no cases row');
  return { events: template.events, caseRow: Object.fromEntries(cases.columns.map((name, i) => [name, cases.rows[0]![i]!])) };
}

/** The record row and snapshot row of transition `j` (0-based) of case `caseId`, with record id `id`. */
export function transitionRows(rows: LimitRows, caseId: string, j: number, id: number): { event: SqlValue[]; snapshot: SqlValue[] } {
  const e = rows.events[j]!;
  const event = entryColumns.map((c) => (c === 'id' ? id : c === 'case_id' ? caseId : c === 'seq' ? j + 1 : (e[c] ?? null)));
  const snapshot = caseColumns.map((c) => (c === 'id' ? caseId : c === 'version' ? j + 1 : (rows.caseRow[c] ?? null)));
  return { event, snapshot };
}

/** The statements committing `batch` transitions in `shape`. */
export function batchStatements(batch: { event: SqlValue[]; snapshot: SqlValue[] }[], shape: StatementShape): SqlStatement[] {
  const insertEvents = `INSERT INTO case_events (${entryColumns.join(', ')}) VALUES `;
  const insertCases = `INSERT INTO cases (${caseColumns.join(', ')}) VALUES `;
  if (shape === 'json-rows') {
    // One short statement per table whatever the batch size: SQLite unpacks the rows from one JSON text.
    const pick = (n: number) => Array.from({ length: n }, (_, i) => `value ->> ${i}`).join(', ');
    return [
      {
        sql: `INSERT INTO case_events (${entryColumns.join(', ')}) SELECT ${pick(entryColumns.length)} FROM json_each(?)`,
        args: [JSON.stringify(batch.map((b) => b.event))],
      },
      {
        sql: `INSERT INTO cases (${caseColumns.join(', ')}) SELECT ${pick(caseColumns.length)} FROM json_each(?) WHERE true ${upsert}`,
        args: [JSON.stringify(batch.map((b) => b.snapshot))],
      },
    ];
  }
  if (shape === 'multi-row') {
    return [
      { sql: insertEvents + batch.map(() => tuple(entryColumns.length)).join(', '), args: batch.flatMap((b) => b.event) },
      { sql: `${insertCases}${batch.map(() => tuple(caseColumns.length)).join(', ')} ${upsert}`, args: batch.flatMap((b) => b.snapshot) },
    ];
  }
  return batch.flatMap((b) => [
    { sql: insertEvents + tuple(entryColumns.length), args: b.event },
    { sql: `${insertCases}${tuple(caseColumns.length)} ${upsert}`, args: b.snapshot },
  ]);
}

/** Commits `transitions` transitions, `perTransaction` cases advancing in step, one transaction per batch. */
async function commitAll(
  client: SqlClient,
  rows: LimitRows,
  transitions: number,
  perTransaction: number,
  shape: StatementShape,
  prefix: string,
): Promise<number> {
  let id = Number((await client.execute('SELECT COALESCE(MAX(id), 0) AS m FROM case_events')).rows[0]!.m);
  let done = 0;
  for (let wave = 0; done < transitions; wave++) {
    for (let j = 0; j < rows.events.length && done < transitions; j++) {
      const batch = Array.from({ length: perTransaction }, (_, k) => transitionRows(rows, `${prefix}-${wave}-${k}`, j, ++id));
      await client.batch(batchStatements(batch, shape), 'write');
      done += perTransaction;
    }
  }
  return done;
}

/** Measures each shape and batch size on one fresh database; the limit is the best of them. */
export async function runStorageLimit(
  template: CaseTemplate,
  transitions: number,
  batchSizes: number[],
): Promise<{ points: StoragePoint[]; limit: StoragePoint }> {
  const tmp = tempDbPath('storage');
  const database = await createDb(tmp.url);
  const rows = limitRows(template);
  try {
    await commitAll(database.client, rows, Math.min(2000, transitions), 16, 'per-row', 'warm');
    const points: StoragePoint[] = [];
    for (const shape of ['per-row', 'multi-row', 'json-rows'] as const) {
      for (const size of batchSizes) {
        if (shape !== 'per-row' && size === 1) continue;
        const monitor = startLoadMonitor();
        const t0 = performance.now();
        // One transition per commit is fsync-bound; a short run is enough to show it.
        const done = await commitAll(
          database.client,
          rows,
          size === 1 ? Math.min(transitions, 500) : transitions,
          size,
          shape,
          `${shape}${size}`,
        );
        const ms = performance.now() - t0;
        const perSecond = ratePerSecond(done, ms);
        points.push({
          shape,
          transitionsPerTransaction: size,
          transitions: done,
          seconds: Math.round(ms) / 1000,
          transitionsPerSecond: perSecond,
          rowsPerSecond: perSecond * 2,
          foreignCores: monitor.stop().foreignCores,
        });
      }
    }
    return { points, limit: points.reduce((a, b) => (b.transitionsPerSecond > a.transitionsPerSecond ? b : a)) };
  } finally {
    database.close();
    removeTemp(tmp.dir);
  }
}
