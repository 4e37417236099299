// The record anchored outside the database: checkpoints at start-up, every N entries or T minutes and on
// stop, each appended to a witness file; an attacker who rewrites the record consistently, deletes or
// re-signs the checkpoint rows, is caught by the witness and by the pinned key, through the CLI and the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { startCheckpointing, type Checkpointing } from '../../../server/audit/checkpointing.js';
import { auditSigner } from '../../../server/audit/signing-key.js';
import { createCheckpointStore, recordHead } from '../../../db/audit/audit-checkpoints.js';
import { signCheckpoint } from '../../../db/audit/audit-checkpoint-sign.js';
import { parseWitness } from '../../../server/audit/witness-file.js';
import { createDb } from '../../../db/core/client.js';
import { createServices } from '../../../server/services.js';
import { createApp } from '../../../server/app.js';
import { parseEnv } from '../../../server/env.js';
import { runReturnedHeardDiscussedCase, send, type DecidedCase } from './audit-helpers.js';
import { rechain, runVerifyCli, tamperedCopy } from './tamper.js';
import { checkpointPolicy, keyPair, manualClock, witnessPath } from './anchor-fixtures.js';
import { sampleDraft } from '../../helpers/test-app.js';
import type { Client } from '@libsql/client';
import { decisionServe, onClockOf } from '../../helpers/party-commands.js';

const keys = keyPair();
const attackerKeys = keyPair();
const clock = manualClock();
const witnessFile = witnessPath();
let t: TestApp;
let env: ReturnType<typeof parseEnv>;
let decided: DecidedCase;
let approveId: number;

const witnessed = () => parseWitness(readFileSync(witnessFile, 'utf8'), witnessFile).items;
const stored = () => createCheckpointStore(t.services.database.client, t.services.writer).list();
const json = (run: { stdout: string }) => JSON.parse(run.stdout);
const openCases = async (n: number) => {
  for (let i = 0; i < n; i += 1) expect((await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).status).toBe(201);
};

/** The attack the tester measured: change the approving opinion everywhere, re-chain, remove the checkpoints. */
async function consistentRewrite(db: Client): Promise<void> {
  await db.execute({ sql: "UPDATE case_events SET payload = replace(payload, '同意。', '不同意。') WHERE id = ?", args: [approveId] });
  await db.execute({ sql: "UPDATE reviews SET opinion = replace(opinion, '同意。', '不同意。') WHERE event_id = ?", args: [approveId] });
  await rechain(db, approveId);
  await db.execute('DELETE FROM checkpoints');
}

/** …and sign the forged head with the attacker's own key. */
async function resignedRewrite(db: Client): Promise<void> {
  await consistentRewrite(db);
  const head = (await db.execute('SELECT id, hash FROM case_events ORDER BY id DESC LIMIT 1')).rows[0]!;
  const key = createPrivateKey({ key: Buffer.from(attackerKeys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const c = signCheckpoint({ sequence: Number(head.id), headHash: String(head.hash), at: clock.now().toISOString() }, key);
  await db.execute({
    sql: "INSERT INTO checkpoints (sequence, head_hash, at, signature, public_key, key_source, created_by) VALUES (?, ?, ?, ?, ?, 'configured', 'system')",
    args: [c.sequence, c.headHash, c.at, c.signature, c.publicKey],
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, policy: checkpointPolicy(10, 15) });
  env = parseEnv({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${t.dbPath}`,
    DEMO: 'false',
    AUDIT_SIGNING_KEY: keys.privateKey,
    AUDIT_PUBLIC_KEYS: keys.publicKey,
    AUDIT_WITNESS: witnessFile,
  });
  decided = await runReturnedHeardDiscussedCase(t);
  const rows = await t.services.database.client.execute({
    sql: "SELECT id FROM case_events WHERE case_id = ? AND type = 'review.approve'",
    args: [decided.id],
  });
  approveId = Number(rows.rows[0]!.id);
});
afterAll(async () => {
  await t.close();
});

describe('startCheckpointing', () => {
  let checkpointing: Checkpointing;

  it('signs and witnesses the head at start-up, after N entries, after T minutes with new entries, and on stop', async () => {
    // An hour-long poll: only the calls below move it, so the test needs no timing.
    checkpointing = await startCheckpointing({ services: t.services, env, pollMs: 3_600_000 });
    const head = () => recordHead(t.services.database.client).then((h) => h!.id);
    expect((await stored()).map((c) => c.sequence)).toEqual([await head()]);
    clock.advanceMinutes(15);
    expect(await checkpointing.tick()).toBeNull();
    await send(t, decided.id, 'clerk1', decisionServe(onClockOf(t)(0)));
    expect((await checkpointing.tick())?.sequence).toBe(await head());
    await openCases(9);
    expect(await checkpointing.tick()).toBeNull();
    await openCases(1);
    expect((await checkpointing.tick())?.sequence).toBe(await head());
    // One signed elsewhere with the same key (POST /audit/checkpoints) is witnessed on the next tick.
    await openCases(1);
    const signer = auditSigner(env);
    await createCheckpointStore(t.services.database.client, t.services.writer).create(
      signer.key,
      signer.source,
      'auditor',
      clock.now().toISOString(),
    );
    expect(await checkpointing.tick()).toBeNull();
    await openCases(1);
    await checkpointing.stop();
    const rows = await stored();
    expect(rows.map((c) => c.sequence)).toEqual([...new Set(rows.map((c) => c.sequence))]);
    expect(rows.at(-1)!.sequence).toBe(await head());
    expect(witnessed().map((w) => [w.sequence, w.signature])).toEqual(rows.map((c) => [c.sequence, c.signature]));
    expect(rows.every((c) => c.publicKey === keys.publicKey && c.keySource === 'configured')).toBe(true);
  });
});

describe('audit:verify against the witness and the pinned key', () => {
  it('a consistent rewrite that deletes the checkpoint rows passes without the witness, and the witness names it', async () => {
    await t.services.writer.drain();
    const copy = await tamperedCopy(t.services.database.client, t.dbPath, 'rewritten', consistentRewrite);
    const blind = await runVerifyCli(['--db', copy, '--json']);
    expect(blind.code, blind.stdout).toBe(0);
    const run = await runVerifyCli(['--db', copy, '--witness', witnessFile, '--public-key', keys.publicKey, '--json']);
    expect(run.code, run.stderr).toBe(1);
    const report = json(run);
    const lines = witnessed();
    expect(report.anchor.issues.filter((i: any) => i.problem === 'not_in_database')).toHaveLength(lines.length);
    expect(report.checkpoints.issues.map((i: any) => [i.source, i.problem])).toEqual(
      lines.filter((w) => w.sequence >= approveId).map(() => ['witness', 'head_mismatch']),
    );
    expect(report.projections.issueCount).toBe(0);
  });

  it('re-signed with the attacker’s key, it is caught by the pinned key (flag, AUDIT_PUBLIC_KEYS, API) and by the witness', async () => {
    const copy = await tamperedCopy(t.services.database.client, t.dbPath, 'resigned', resignedRewrite);
    const [blind, pinned, pinnedByEnv, witness] = await Promise.all([
      runVerifyCli(['--db', copy, '--json']),
      runVerifyCli(['--db', copy, '--public-key', keys.publicKey, '--json']),
      runVerifyCli(['--db', copy, '--json'], { AUDIT_PUBLIC_KEYS: ` ${keys.publicKey} , ` }),
      runVerifyCli(['--db', copy, '--witness', witnessFile, '--json']),
    ]);
    expect(blind.code, blind.stdout).toBe(0);
    for (const run of [pinned, pinnedByEnv]) {
      expect(run.code).toBe(1);
      expect(json(run).checkpoints.issues).toMatchObject([{ source: 'database', problem: 'untrusted_key' }]);
    }
    expect(witness.code).toBe(1);
    expect(json(witness).anchor.issues.length).toBeGreaterThan(0);
    expect(json(witness).warnings).toContain('no public key is pinned: witnessed checkpoints were trusted with the key each one carries');
    // The API trusts only AUDIT_PUBLIC_KEYS when it is set, and everything otherwise.
    for (const [pins, ok] of [
      [keys.publicKey, false],
      [undefined, true],
    ] as const) {
      const appEnv = parseEnv({ NODE_ENV: 'test', DATABASE_URL: `file:${copy}`, DEMO: 'false', AUDIT_PUBLIC_KEYS: pins });
      const database = await createDb(appEnv.DATABASE_URL);
      const services = await createServices(database, { env: appEnv });
      const app = createApp(services);
      const token = await services.users.issueToken((await services.users.byUsername('auditor1'))!.id);
      const res = await app.request('/api/v1/audit/verify', { headers: { Authorization: `Bearer ${token}` } });
      const body = await res.json();
      expect(res.status).toBe(200);
      expect(body.ok).toBe(ok);
      if (!ok) expect(body.checkpoints.issues).toMatchObject([{ source: 'database', problem: 'untrusted_key' }]);
      await services.writer.close();
      database.close();
    }
  });

  it('reports entries after the last witnessed checkpoint as unanchored: a warning, an error with --strict', async () => {
    await send(t, decided.id, 'clerk1', { type: 'publication.publish' });
    await openCases(1);
    await t.services.writer.drain();
    const args = ['--db', t.dbPath, '--witness', witnessFile, '--public-key', keys.publicKey, '--json'];
    const [lenient, strict] = await Promise.all([runVerifyCli(args), runVerifyCli([...args, '--strict'])]);
    expect(lenient.code, lenient.stdout).toBe(0);
    const last = witnessed().at(-1)!.sequence;
    expect(json(lenient).anchor).toMatchObject({ lastAnchored: last, unanchored: 2, issues: [] });
    expect(json(lenient).warnings).toContain(`2 entries after entry ${last} are unanchored: no witnessed checkpoint vouches for them yet`);
    expect(strict.code).toBe(1);
    expect(json(strict).anchor.issues).toMatchObject([{ problem: 'unanchored', sequence: last }]);
  });

  it('checkpoints on its own timer, and anchors those entries at its start-up', async () => {
    let announce: (sequence: number) => void = () => {};
    const appended: number[] = [];
    const file = (await import('../../../server/audit/witness.js')).createWitness({ kind: 'file', path: witnessFile });
    const witness = {
      target: file.target,
      append: async (c: { sequence: number }) => {
        await file.append(c as never);
        appended.push(c.sequence);
        announce(c.sequence);
      },
    };
    const checkpointing = await startCheckpointing({ services: t.services, env, witness, pollMs: 20 });
    const startHead = (await recordHead(t.services.database.client))!.id;
    expect(appended).toEqual([startHead]);
    const timed = new Promise<number>((resolve) => {
      announce = resolve;
    });
    await openCases(10);
    expect(await timed).toBe((await recordHead(t.services.database.client))!.id);
    await checkpointing.stop();
    const verify = await runVerifyCli(['--db', t.dbPath, '--witness', witnessFile, '--public-key', keys.publicKey, '--strict', '--json']);
    expect(verify.code, verify.stdout).toBe(0);
  });
});
