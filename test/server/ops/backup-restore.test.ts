// Backup under load and restore: `db:backup` (a child process) copies the live database while case commands
// run through the real service in this process; `db:restore` puts the copy in a new place. The restored
// record is an exact prefix of the live one, every command acknowledged before the backup began is in it, and
// it verifies against the witness once the restore is noted there. A held database is never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createClient } from '@libsql/client';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { startCheckpointing, type Checkpointing } from '../../../server/audit/checkpointing.js';
import { parseEnv } from '../../../server/env.js';
import type { CaseCommand } from '../../../machines/case/case.events.js';
import { runCli, runVerifyCli } from '../audit/tamper.js';
import { keyPair, witnessPath } from '../audit/anchor-fixtures.js';
import { noticeSend } from '../../helpers/party-commands.js';

const keys = keyPair();
const witness = witnessPath();
const out = mkdtempSync(join(tmpdir(), 'legal-review-backup-'));
const backup = join(out, 'backup.db');
const restored = join(mkdtempSync(join(tmpdir(), 'legal-review-restored-')), 'restored.db');
let t: TestApp;
let checkpointing: Checkpointing;
/** Every command the service acknowledged, in acknowledgement order. */
const acknowledged: { caseId: string; version: number }[] = [];
let acknowledgedBeforeBackup = 0;
let backupRun: { code: number; stdout: string; stderr: string };

const steps: CaseCommand[] = [noticeSend(), { type: 'rights.waive' }, { type: 'review.submit', attestation: true }];

/** One client of the load: opens cases and takes each to review, until `until` settles. */
async function loadWorker(until: Promise<unknown>): Promise<void> {
  let done = false;
  void until.then(() => (done = true));
  const handler = t.users.handler1;
  while (!done) {
    const opened = await t.services.cases.open(handler, sampleDraft());
    if (!opened.ok) throw new Error(opened.error.detail);
    acknowledged.push({ caseId: opened.value.id, version: opened.value.version });
    for (const command of steps) {
      const sent = await t.services.cases.send(handler, opened.value.id, command);
      if (!sent.ok) throw new Error(sent.error.detail);
      acknowledged.push({ caseId: sent.value.id, version: sent.value.version });
    }
  }
}

const cli = (script: string, args: string[]) => runCli(`server/cli/${script}.ts`, args, { AUDIT_PUBLIC_KEYS: keys.publicKey });

beforeAll(async () => {
  t = await createTestApp();
  const env = parseEnv({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${t.dbPath}`,
    DEMO: 'false',
    AUDIT_SIGNING_KEY: keys.privateKey,
    AUDIT_PUBLIC_KEYS: keys.publicKey,
    AUDIT_WITNESS: witness,
  });
  checkpointing = await startCheckpointing({ services: t.services, env, pollMs: 50 });
  // Some history first, so the backup has checkpoints and cases at several stages.
  for (let i = 0; i < 5; i += 1) await loadWorker(Promise.resolve());
  acknowledgedBeforeBackup = acknowledged.length;
  const backupDone = cli('db-backup', ['--db', t.dbPath, '--to', backup, '--json']);
  await Promise.all([loadWorker(backupDone), loadWorker(backupDone), backupDone]);
  backupRun = await backupDone;
  await checkpointing.stop();
  await t.services.writer.drain();
}, 180_000);
afterAll(async () => {
  await t.close();
});

describe('db:backup under load, then db:restore', () => {
  it('backs up online, verified, without losing an acknowledged command', async () => {
    expect(backupRun.code, backupRun.stderr).toBe(0);
    const summary = JSON.parse(backupRun.stdout);
    expect(summary).toMatchObject({ ok: true, file: backup });
    expect(acknowledged.length).toBeGreaterThan(acknowledgedBeforeBackup);
    expect(readdirSync(out)).toEqual(['backup.db']);
  });

  it('restores into a new path atomically; the record is an exact prefix holding every command acknowledged before the backup', async () => {
    const run = await cli('db-restore', ['--from', backup, '--db', restored, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, database: restored, replacedKeptAt: null });
    const verify = await runVerifyCli(['--db', restored, '--json'], { AUDIT_PUBLIC_KEYS: keys.publicKey });
    expect(verify.code, verify.stdout).toBe(0);
    const copy = createClient({ url: `file:${restored}` });
    const restoredRows = (await copy.execute('SELECT id, hash, case_id, seq FROM case_events ORDER BY id')).rows;
    copy.close();
    const liveRows = (await t.services.database.client.execute('SELECT id, hash, case_id, seq FROM case_events ORDER BY id')).rows;
    const head = restoredRows.length;
    expect(head).toBeGreaterThan(0);
    expect(restoredRows.map((r) => r.hash)).toEqual(liveRows.slice(0, head).map((r) => r.hash));
    const idOf = new Map(liveRows.map((r) => [`${String(r.case_id)}#${String(r.seq)}`, Number(r.id)]));
    const present = new Set(restoredRows.map((r) => `${String(r.case_id)}#${String(r.seq)}`));
    for (const [index, ack] of acknowledged.entries()) {
      const key = `${ack.caseId}#${ack.version}`;
      // In the backup exactly when committed before its cut; always when acknowledged before it began.
      expect(present.has(key), key).toBe(idOf.get(key)! <= head);
      if (index < acknowledgedBeforeBackup) expect(present.has(key), key).toBe(true);
    }
  });

  it('reads the witness’s later checkpoints as rolled back once the restore is noted, and as missing before', async () => {
    const unmarked = join(dirname(witness), 'before-restore.jsonl');
    copyFileSync(witness, unmarked);
    const again = await cli('db-restore', ['--from', backup, '--db', restored, '--witness', witness, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const result = JSON.parse(again.stdout);
    expect(result.replacedKeptAt).toMatch(/restored\.db\.replaced-/);
    expect(existsSync(result.replacedKeptAt)).toBe(true);
    expect(result.witnessMarked).toBe(witness);
    const [before, after] = await Promise.all([
      runVerifyCli(['--db', restored, '--witness', unmarked, '--json'], { AUDIT_PUBLIC_KEYS: keys.publicKey }),
      runVerifyCli(['--db', restored, '--witness', witness, '--json'], { AUDIT_PUBLIC_KEYS: keys.publicKey }),
    ]);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).checkpoints.issues.map((i: any) => i.problem)).toContain('beyond_head');
    expect(after.code, after.stdout).toBe(0);
    const report = JSON.parse(after.stdout);
    expect(report.anchor.rolledBack).toBeGreaterThan(0);
    expect(report.warnings.some((w: string) => w.startsWith(`the record was restored from ${backup}`))).toBe(true);
  });

  it('refuses to restore over a database a running server holds, and to overwrite a backup; nothing changes', async () => {
    const head = async () => (await t.services.database.client.execute('SELECT max(id) AS id FROM case_events')).rows[0]!.id;
    const before = await head();
    const held = await cli('db-restore', ['--from', backup, '--db', t.dbPath]);
    expect(held.code).toBe(2);
    expect(held.stderr).toContain('is open in a running process');
    expect(await head()).toBe(before);
    const opened = await t.services.cases.open(t.users.handler1, sampleDraft());
    expect(opened.ok).toBe(true);
    const overwrite = await cli('db-backup', ['--db', t.dbPath, '--to', backup]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('already exists');
  });

  it('refuses a backup that does not verify, changing nothing', async () => {
    const forged = join(out, 'forged.db');
    copyFileSync(backup, forged);
    const attacker = createClient({ url: `file:${forged}` });
    await attacker.execute('DROP TRIGGER IF EXISTS case_events_no_update');
    await attacker.execute("UPDATE case_events SET at = '2020-01-01T00:00:00.000Z' WHERE id = 1");
    attacker.close();
    const target = join(out, 'never.db');
    const run = await cli('db-restore', ['--from', forged, '--db', target]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the backup does not verify; nothing was changed');
    expect(existsSync(target)).toBe(false);
  });
});
