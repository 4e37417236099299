// Certificate (执法证) and qualification (法律职业资格) numbers kept beside record entries: copied from the
// users table in the same transaction as the entry, so later audits see what the person held at that moment.
import type { SqlClient, SqlStatement } from '../core/sql.js';
import { eventIdMarker, type RowGroup } from '../core/writer.js';

/** One person's credential numbers, as snapshotted or as held now. */
export interface Credentials {
  userId: string;
  displayName: string;
  certificateNo: string | null;
  certificateValidUntil: string | null;
  qualificationNo: string | null;
  qualificationValidUntil: string | null;
}

const copyColumns = 'u.id, u.display_name, u.certificate_no, u.certificate_valid_until, u.qualification_no, u.qualification_valid_until';
const insertInto =
  'INSERT INTO credential_snapshots (event_id, user_id, display_name, certificate_no, certificate_valid_until, qualification_no, qualification_valid_until)';

const snapshotColumns = [
  'event_id',
  'user_id',
  'display_name',
  'certificate_no',
  'certificate_valid_until',
  'qualification_no',
  'qualification_valid_until',
] as const;

/**
 * The snapshot row for the entry an accepted case event appends (none for the scheduler), as rows the writer
 * merges into one INSERT per batch; the writer puts the entry's record id where the marker stands.
 */
export function credentialSnapshotRows(user: Credentials & { id: string }, actingRoles: readonly string[]): RowGroup[] {
  if (actingRoles.includes('system')) return [];
  const u = user;
  const row = [eventIdMarker, u.id, u.displayName, u.certificateNo, u.certificateValidUntil, u.qualificationNo, u.qualificationValidUntil];
  return [{ table: 'credential_snapshots', columns: snapshotColumns, rows: [row] }];
}

/** Snapshot for a known record id (writers that get the id from the writer's callback). */
export function snapshotEntryStatement(eventId: number, userId: string): SqlStatement {
  return { sql: `${insertInto} SELECT ?, ${copyColumns} FROM users u WHERE u.id = ?`, args: [eventId, userId] };
}

function toCredentials(r: Record<string, unknown>): Credentials {
  const opt = (v: unknown): string | null => (v == null ? null : String(v));
  return {
    userId: String(r.user_id),
    displayName: String(r.display_name),
    certificateNo: opt(r.certificate_no),
    certificateValidUntil: opt(r.certificate_valid_until),
    qualificationNo: opt(r.qualification_no),
    qualificationValidUntil: opt(r.qualification_valid_until),
  };
}

/** Snapshots of every entry in `streamId`, by record id. */
export async function snapshotsForStream(client: SqlClient, streamId: string): Promise<Map<number, Credentials>> {
  const rs = await client.execute({
    sql: 'SELECT s.* FROM credential_snapshots s JOIN case_events e ON e.id = s.event_id WHERE e.case_id = ?',
    args: [streamId],
  });
  return new Map(rs.rows.map((r) => [Number(r.event_id), toCredentials(r as Record<string, unknown>)]));
}

/** Every user's credentials as held now, by user id (fallback for entries older than the snapshots). */
export async function currentCredentials(client: SqlClient): Promise<Map<string, Credentials>> {
  const rs = await client.execute(`SELECT ${copyColumns.replace('u.id', 'u.id AS user_id')} FROM users u`);
  return new Map(rs.rows.map((r) => [String(r.user_id), toCredentials(r as Record<string, unknown>)]));
}
