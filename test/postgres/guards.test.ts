// The record's guards hold on PostgreSQL against the role the application connects as: an ordinary role
// that owns its database and tables. UPDATE, DELETE and TRUNCATE of the record are refused, a decision
// without an approving review of its draft is refused, and the role cannot switch triggers off.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTypes } from '../../db/core/pg/pg-client.js';
import { createTestApp, sampleDraft, type TestApp } from '../helpers/test-app.js';
import { appRole } from '../helpers/postgres.js';

let t: TestApp;
let app: pg.Client;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  const opened = await t.services.cases.open(t.users.handler1, sampleDraft());
  if (!opened.ok) throw new Error(opened.error.detail);
  caseId = opened.value.id;
  app = new pg.Client({ connectionString: t.url, types: pgTypes });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await t.close();
});

/** The error PostgreSQL answers `sql` with, as the application's role (null when it succeeds). */
const refusal = (sql: string, values: unknown[] = []) =>
  app.query(sql, values).then(
    () => null,
    (e: Error) => e.message,
  );

describe('the guards against the application role', () => {
  it('connects as an ordinary role that owns the record', async () => {
    const role = (
      await app.query('SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user')
    ).rows[0];
    expect(role).toEqual({ name: appRole, rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    const owner = (await app.query("SELECT tableowner FROM pg_tables WHERE tablename = 'case_events'")).rows[0];
    expect(owner.tableowner).toBe(appRole);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the record, reviews, decisions and checkpoints', async () => {
    expect(await refusal("UPDATE case_events SET type = 'x' WHERE case_id = $1", [caseId])).toBe('case_events is append-only');
    expect(await refusal('DELETE FROM case_events WHERE case_id = $1', [caseId])).toBe('case_events is append-only');
    expect(await refusal('TRUNCATE case_events')).toBe('case_events is append-only');
    expect(await refusal('TRUNCATE reviews')).toBe('reviews are immutable');
    expect(await refusal('TRUNCATE decisions')).toBe('decisions are immutable');
    expect(await refusal('DELETE FROM checkpoints')).toBeNull();
    expect(await refusal('TRUNCATE checkpoints')).toBe('checkpoints are append-only');
    expect(await refusal('DELETE FROM record_head')).toBe('record_head is kept, not deleted');
    const count = await app.query('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [caseId]);
    expect(count.rows[0].n).toBe(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of evidence metadata and the read log (调阅记录)', async () => {
    const sha = 'a'.repeat(64);
    await app.query(
      "INSERT INTO evidence (id, case_id, sha256, size, media_type, filename, uploader_id, at) VALUES ('ev-guard', $1, $2, 1, 'application/pdf', 'x.pdf', 'u', 'now')",
      [caseId, sha],
    );
    await app.query(
      "INSERT INTO read_log (id, user_id, at, case_id, resource, target, channel, route, address, prev_hash, hash) VALUES (1000000, 'u', 'now', $1, 'case', NULL, 'api', '/', '-', $2, $2)",
      [caseId, sha],
    );
    expect(await refusal("UPDATE evidence SET sha256 = 'b' WHERE id = 'ev-guard'")).toBe('evidence is append-only');
    expect(await refusal("DELETE FROM evidence WHERE id = 'ev-guard'")).toBe('evidence is append-only');
    expect(await refusal('TRUNCATE evidence')).toBe('evidence is append-only');
    expect(await refusal("UPDATE read_log SET address = 'x' WHERE id = 1000000")).toBe('the read log is append-only');
    expect(await refusal('DELETE FROM read_log WHERE id = 1000000')).toBe('the read log is append-only');
    expect(await refusal('TRUNCATE read_log')).toBe('the read log is append-only');
    const rows = await app.query(
      "SELECT (SELECT sha256 FROM evidence WHERE id = 'ev-guard') AS sha, (SELECT count(*) FROM read_log) AS reads",
    );
    expect(rows.rows[0]).toEqual({ sha, reads: 1 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of issued documents (审核意见书, 决定书)', async () => {
    await app.query(
      "INSERT INTO case_documents (case_id, event_id, kind, year, seq, number, issued_at, draft_hash, content, document_hash) VALUES ($1, 1, 'opinion', 2026, 999, 'guard-test〔2026〕999号', 'now', 'h', '{}', 'd')",
      [caseId],
    );
    expect(await refusal("UPDATE case_documents SET number = 'x' WHERE seq = 999")).toBe('case_documents are append-only');
    expect(await refusal('DELETE FROM case_documents WHERE seq = 999')).toBe('case_documents are append-only');
    expect(await refusal('TRUNCATE case_documents')).toBe('case_documents are append-only');
    const rows = await app.query('SELECT number FROM case_documents WHERE seq = 999');
    expect(rows.rows).toEqual([{ number: 'guard-test〔2026〕999号' }]);
  });

  it('refuses a decision on a major case without an approving review of that draft', async () => {
    const message = await refusal(
      "INSERT INTO decisions (case_id, event_id, draft_hash, head_id, outcome, is_major, at) VALUES ($1, 1, 'x', 'h', 'penalty', 1, 'now')",
      [caseId],
    );
    expect(message).toContain('decision refused: no approving legal review of this draft');
  });

  it('cannot switch the triggers off for its session', async () => {
    expect(await refusal('SET session_replication_role = replica')).toContain('permission denied');
  });
});
