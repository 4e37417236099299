// Captures one real closed case (made by the real machine and services) as a template of rows: its
// record entries and every row of every other table that belongs to it, found generically by column.
import type { SqlClient, SqlValue } from '../../db/core/sql.js';

/** Rows of one table that belong to the template case, and how to rewrite them for a clone. */
export interface TableTemplate {
  table: string;
  columns: string[];
  rows: SqlValue[][];
  /** Index of an `event_id` column to remap to the clone's record ids, or -1. */
  eventIdColumn: number;
  /** Indexes of TEXT primary-key columns that must be unique per clone. */
  uniqueTextColumns: number[];
}

/** A template case: its id, its record rows (in id order) and its other rows. */
export interface CaseTemplate {
  caseId: string;
  events: Record<string, SqlValue>[];
  tables: TableTemplate[];
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

async function columnsOf(client: SqlClient, table: string): Promise<ColumnInfo[]> {
  const rs = await client.execute(`PRAGMA table_info(${JSON.stringify(table)})`);
  return rs.rows.map((r) => ({ name: String(r.name), type: String(r.type).toUpperCase(), pk: Number(r.pk) }));
}

async function userTables(client: SqlClient): Promise<string[]> {
  const rs = await client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
  );
  return rs.rows.map((r) => String(r.name));
}

/** Reads the rows of `caseId` from every table: by `case_id`, by `id` for cases, or by `event_id`. */
export async function captureTemplate(client: SqlClient, caseId: string): Promise<CaseTemplate> {
  const events = (await client.execute({ sql: 'SELECT * FROM case_events WHERE case_id = ? ORDER BY id', args: [caseId] })).rows.map(
    (r) => ({ ...r }) as Record<string, SqlValue>,
  );
  if (events.length === 0) throw new Error(`template case ${caseId} has no record entries`);
  const eventIds = events.map((e) => Number(e.id));
  const tables: TableTemplate[] = [];
  for (const table of await userTables(client)) {
    // Issued documents carry numbers unique across all cases (文号): clones issue none of their own.
    if (table === 'case_events' || table === 'case_documents') continue;
    const info = await columnsOf(client, table);
    const names = info.map((c) => c.name);
    const key = table === 'cases' ? 'id' : names.includes('case_id') ? 'case_id' : names.includes('event_id') ? 'event_id' : null;
    if (!key) continue;
    const rs =
      key === 'event_id'
        ? await client.execute({ sql: `SELECT * FROM "${table}" WHERE event_id IN (${eventIds.map(() => '?').join(',')})`, args: eventIds })
        : await client.execute({ sql: `SELECT * FROM "${table}" WHERE "${key}" = ?`, args: [caseId] });
    if (rs.rows.length === 0) continue;
    // An INTEGER PRIMARY KEY is an alias of the rowid: leave it out so each clone gets its own.
    const kept = info.filter(
      (c) => !(c.pk > 0 && c.type === 'INTEGER' && info.filter((x) => x.pk > 0).length === 1 && c.name !== 'event_id'),
    );
    tables.push({
      table,
      columns: kept.map((c) => c.name),
      rows: rs.rows.map((r) => kept.map((c) => r[c.name] as SqlValue)),
      eventIdColumn: kept.findIndex((c) => c.name === 'event_id'),
      uniqueTextColumns: kept.flatMap((c, i) => (c.pk > 0 && c.type === 'TEXT' ? [i] : [])),
    });
  }
  return { caseId, events, tables: await insertOrder(client, tables) };
}

/** Tables guarded by an insert trigger (decisions need their review) go after the others. */
async function insertOrder(client: SqlClient, tables: TableTemplate[]): Promise<TableTemplate[]> {
  const rs = await client.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'");
  const guarded = new Set(rs.rows.filter((r) => /\bINSERT\b/i.test(String(r.sql))).map((r) => String(r.tbl_name)));
  return [...tables.filter((t) => !guarded.has(t.table)), ...tables.filter((t) => guarded.has(t.table))];
}
