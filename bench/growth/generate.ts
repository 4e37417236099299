// Bulk path for the growth benchmark: clones a template closed case many times in large transactions,
// continuing the record's hash chain so the result verifies exactly like a record the engine wrote.
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { createClient } from '@libsql/client';
import { libsqlSqlClient } from '../../db/core/libsql-database.js';
import type { SqlClient, SqlStatement, SqlValue } from '../../db/core/sql.js';
import type { CaseTemplate } from './template.js';
import { fillRow, rowText, token } from './row-text.js';
import { assertRowHash, cloneHasher, rowToEntry } from './clone-hash.js';
import { entryColumns } from '../../db/core/batch-plan.js';

const rowsPerStatement = 5000;

/**
 * INSERT statements for rows given as JSON array texts, each passing up to 5,000 rows as one JSON
 * argument that SQLite unpacks with json_each: far cheaper than binding or parsing every value.
 */
export function jsonInserts(table: string, columns: readonly string[], rowTexts: string[]): SqlStatement[] {
  const picks = columns.map((_, i) => `value ->> ${i}`).join(', ');
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${picks} FROM json_each(?)`;
  const out: SqlStatement[] = [];
  for (let i = 0; i < rowTexts.length; i += rowsPerStatement) {
    out.push({ sql, args: [`[${rowTexts.slice(i, i + rowsPerStatement).join(',')}]`] });
  }
  return out;
}

/**
 * A UUIDv7-shaped id ordered by `seq`: clones are appended to the id indexes instead of landing on
 * random pages, which keeps bulk loading fast (the engine itself uses random v4 ids; lookups are
 * B-tree searches either way).
 */
export function orderedUuid(seq: number): string {
  const ts = (1_700_000_000_000 + seq).toString(16).padStart(12, '0');
  const r = randomBytes(10).toString('hex');
  const variant = ((parseInt(r[3]!, 16) & 3) | 8).toString(16);
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
}

/** Chain head: the last record id and hash. */
export async function chainHead(client: SqlClient): Promise<{ id: number; hash: string }> {
  const rs = await client.execute('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1');
  return { id: Number(rs.rows[0]?.id ?? 0), hash: String(rs.rows[0]?.hash ?? '0'.repeat(64)) };
}

/** Row texts with holes for one template: record entries, then every other table's rows. */
function templateTexts(template: CaseTemplate) {
  const position = new Map(template.events.map((e, j) => [Number(e.id), j]));
  const eventTokens = template.events.map((_, j) => `EV${j}`);
  const events = template.events.map((e) =>
    rowText(
      entryColumns.map((c) =>
        c === 'id' ? token('ID') : c === 'prev_hash' ? token('PREV') : c === 'hash' ? token('HASH') : (e[c] ?? null),
      ),
      template.caseId,
      ['ID'],
    ),
  );
  const tables = template.tables.map((t) => ({
    table: t.table,
    columns: t.columns,
    rows: t.rows.map((r) =>
      rowText(
        r.map((v, ci) => {
          if (ci === t.eventIdColumn) return token(`EV${position.get(Number(v))!}`);
          // A unique text key that does not embed the case id gets a fresh value per clone.
          if (t.uniqueTextColumns.includes(ci) && !(typeof v === 'string' && v.includes(template.caseId))) return token('UUID');
          return v;
        }),
        template.caseId,
        eventTokens,
      ),
    ),
  }));
  return { events, tables };
}

/** Builds the rows of `count` clones after `head`; returns the statements and the new head. */
export function cloneStatements(template: CaseTemplate, count: number, head: { id: number; hash: string }, check: boolean) {
  const hashers = template.events.map((e) => cloneHasher(rowToEntry(e)));
  const texts = templateTexts(template);
  const eventRows: string[] = [];
  const tableRows = texts.tables.map(() => [] as string[]);
  let { id, hash } = head;
  // Fresh unique keys (e.g. deadline ids) are time-ordered too, and stay above every earlier chunk's.
  let keySeq = head.id * 16;
  for (let k = 0; k < count; k++) {
    const caseId = orderedUuid(id + 1);
    const baseId = id + 1;
    for (let j = 0; j < texts.events.length; j++) {
      id += 1;
      const prev = hash;
      hash = hashers[j]!(caseId, id, prev);
      eventRows.push(fillRow(texts.events[j]!, caseId, (name) => (name === 'ID' ? String(id) : name === 'PREV' ? prev : hash)));
      if (check && k === 0)
        assertRowHash(Object.fromEntries(entryColumns.map((c, i) => [c, (JSON.parse(eventRows.at(-1)!) as SqlValue[])[i]!])));
    }
    const fill = (name: string) => (name === 'UUID' ? orderedUuid(keySeq++) : String(baseId + Number(name.slice(2))));
    texts.tables.forEach((t, ti) => {
      for (const r of t.rows) tableRows[ti]!.push(fillRow(r, caseId, fill));
    });
  }
  const statements = [
    ...jsonInserts('case_events', entryColumns, eventRows),
    ...texts.tables.flatMap((t, ti) => jsonInserts(t.table, t.columns, tableRows[ti]!)),
  ];
  return { statements, head: { id, hash } };
}

/** A worker that builds chunks in order: `build(n)` resolves with the statements of the next `n` clones. */
function startCloneWorker(template: CaseTemplate, head: { id: number; hash: string }) {
  const worker = new Worker(new URL('./clone-worker.mjs', import.meta.url), { workerData: { template, head } });
  const waiting: { resolve: (s: SqlStatement[]) => void; reject: (e: Error) => void }[] = [];
  worker.on('message', (m: { statements?: SqlStatement[]; error?: string }) => {
    const next = waiting.shift()!;
    if (m.statements) next.resolve(m.statements);
    else next.reject(new Error(m.error));
  });
  worker.on('error', (e) => {
    for (const w of waiting.splice(0)) w.reject(e);
  });
  return {
    build: (count: number) =>
      new Promise<SqlStatement[]>((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage(count);
      }),
    stop: () => worker.terminate(),
  };
}

/** The same builder on this thread (for comparison and where workers are unavailable). */
function inThreadBuilder(template: CaseTemplate, head: { id: number; hash: string }) {
  let at = head;
  return {
    build: async (count: number) => {
      const built = cloneStatements(template, count, at, true);
      at = built.head;
      return built.statements;
    },
    stop: async () => 0,
  };
}

/**
 * Appends `count` closed clones of `template` in transactions of `perTransaction` cases; a worker builds
 * the next chunk while this thread commits the current one.
 */
export async function generateClosedCases(
  client: SqlClient,
  template: CaseTemplate,
  count: number,
  perTransaction = 2000,
  inThread = false,
): Promise<{ ms: number }> {
  const t0 = performance.now();
  const head = await chainHead(client);
  const worker = inThread ? inThreadBuilder(template, head) : startCloneWorker(template, head);
  try {
    let left = count;
    const next = () => {
      const n = Math.min(perTransaction, left);
      left -= n;
      return n > 0 ? worker.build(n) : null;
    };
    for (let pending = next(); pending; ) {
      const statements = await pending;
      pending = next();
      await client.batch(statements, 'write');
    }
  } finally {
    await worker.stop();
  }
  return { ms: performance.now() - t0 };
}

/**
 * A connection for bulk loading only: no fsync (the file is a throwaway benchmark database) and a large
 * page cache. The file stays in WAL mode, as the engine runs it.
 */
export async function openBulkClient(path: string): Promise<{ client: SqlClient; close(): Promise<void> }> {
  const client = createClient({ url: `file:${path}` });
  for (const pragma of [
    'PRAGMA journal_mode = WAL',
    'PRAGMA synchronous = OFF',
    'PRAGMA cache_size = -1000000',
    'PRAGMA temp_store = MEMORY',
  ]) {
    await client.execute(pragma);
  }
  return {
    client: libsqlSqlClient(client),
    async close() {
      await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      client.close();
    },
  };
}
