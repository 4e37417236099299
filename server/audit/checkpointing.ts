// Signs the record's head and witnesses it outside the database: at start-up, every `everyEntries` entries or
// `everyMinutes` minutes (policy `audit.checkpoint`), and once more on stop. Every checkpoint this key signed,
// on demand ones included, is appended to the witness in order; one that fails is retried on the next tick.
import { existsSync } from 'node:fs';
import type { Env } from '../env.js';
import type { Services } from '../services.js';
import type { Checkpoint } from '../../db/audit/audit-checkpoint-sign.js';
import { createCheckpointStore, recordHead } from '../../db/audit/audit-checkpoints.js';
import { auditSigner, type AuditSigner } from './signing-key.js';
import { createWitness, type Witness } from './witness.js';
import { describeWitness, witnessTarget } from './witness-location.js';
import { readWitnessFile } from './witness-file.js';

export interface CheckpointingDeps {
  services: Pick<Services, 'database' | 'writer' | 'now' | 'policy'>;
  env: Pick<Env, 'NODE_ENV' | 'DATABASE_URL' | 'AUDIT_SIGNING_KEY'> & Partial<Pick<Env, 'AUDIT_PUBLIC_KEYS' | 'AUDIT_WITNESS'>>;
  /** Default: `auditSigner(env)`. */
  signer?: AuditSigner;
  /** Default: the witness AUDIT_WITNESS names (see witness-location.ts). */
  witness?: Witness;
  /** How often the policy is checked (default 5 s): the entry count is only known by looking. */
  pollMs?: number;
  /** Default: the console, silent under NODE_ENV=test. */
  log?: Pick<Console, 'log' | 'error'>;
}

export interface Checkpointing {
  /** Signs when the policy says so, then witnesses whatever is not witnessed yet; the checkpoint signed, if any. */
  tick(): Promise<Checkpoint | null>;
  /** Stops the timer, signs the head if it moved, and witnesses the rest. Never rejects. */
  stop(): Promise<void>;
}

const silent = { log: () => {}, error: () => {} };

/** The id of the last checkpoint row already in the witness, so that start-up only witnesses the rest. */
async function witnessedUpTo(witness: Witness, store: ReturnType<typeof createCheckpointStore>): Promise<number> {
  if (witness.target.kind === 'none') return Number.MAX_SAFE_INTEGER;
  const latest = (await store.latest())?.id ?? 0;
  // An endpoint cannot be read back: send the latest again (a repeat is harmless to the verifier).
  if (witness.target.kind === 'http') return Math.max(0, latest - 1);
  if (!existsSync(witness.target.path)) return 0;
  const signatures = new Set(readWitnessFile(witness.target.path).items.map((i) => i.signature));
  const rows = await store.since(0);
  return rows.reduce((upTo, row) => (signatures.has(row.signature) ? Math.max(upTo, row.id ?? 0) : upTo), 0);
}

/**
 * Starts checkpointing for a running server: resolves once the start-up checkpoint is signed and witnessed
 * (a witness failure is logged, not thrown: the server runs, and the entries stay unanchored until it recovers).
 */
export async function startCheckpointing(deps: CheckpointingDeps): Promise<Checkpointing> {
  const { database, writer, now, policy } = deps.services;
  const log = deps.log ?? (deps.env.NODE_ENV === 'test' ? silent : console);
  const signer = deps.signer ?? auditSigner(deps.env);
  const witness = deps.witness ?? createWitness(witnessTarget(deps.env));
  const store = createCheckpointStore(database.client, writer);
  const rule = policy.audit.checkpoint;
  let upTo = await witnessedUpTo(witness, store);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };

  async function catchUp(): Promise<void> {
    for (const row of await store.since(upTo)) {
      // Only this key's checkpoints: another key's would read as untrusted next to the pinned keys.
      if (row.publicKey === signer.publicKey) await witness.append(row);
      upTo = row.id ?? upTo;
    }
  }

  async function sign(when: (head: number, latest: Checkpoint | null) => boolean): Promise<Checkpoint | null> {
    const [head, latest] = await Promise.all([recordHead(database.client), store.latest()]);
    const signed =
      head && (!latest || latest.sequence < head.id) && when(head.id, latest)
        ? await store.create(signer.key, signer.source, 'system', now().toISOString())
        : null;
    try {
      await catchUp();
    } catch (error) {
      log.error(`audit: witness ${describeWitness(witness.target)} failed; will retry: ${(error as Error).message}`);
    }
    return signed;
  }

  const due = (head: number, latest: Checkpoint | null) =>
    !latest || head - latest.sequence >= rule.everyEntries || now().getTime() - Date.parse(latest.at) >= rule.everyMinutes * 60_000;
  const tick = () => serial(() => sign(due));
  const always = () => true;

  await serial(() => sign(always));
  log.log(
    `audit: checkpoints at start-up, at shutdown and every ${rule.everyEntries} entries or ${rule.everyMinutes} minutes; witness: ${describeWitness(witness.target)}`,
  );
  const timer = setInterval(() => {
    tick().catch((error: unknown) => log.error('audit: periodic checkpoint failed', error));
  }, deps.pollMs ?? 5000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await serial(() => sign(always)).catch((error: unknown) => log.error('audit: final checkpoint failed', error));
    },
  };
}
