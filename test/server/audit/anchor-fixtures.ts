// Fixtures of the anchoring tests: Ed25519 key pairs as the environment carries them, a witness folder
// outside the database's folder, a test policy with a small checkpoint interval, and a mutable clock.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import type { Policy } from '../../../server/policy/policy.schema.js';

/** A key pair: `privateKey` as AUDIT_SIGNING_KEY takes it, `publicKey` as AUDIT_PUBLIC_KEYS does. */
export function keyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** A witness file path in a fresh folder of its own. */
export function witnessPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'legal-review-witness-')), 'checkpoints.jsonl');
}

/** The bundled policy with checkpoints every `everyEntries` entries or `everyMinutes` minutes. */
export function checkpointPolicy(everyEntries: number, everyMinutes: number): Policy {
  const policy = loadPolicy();
  return { ...policy, audit: { checkpoint: { ...policy.audit.checkpoint, everyEntries, everyMinutes } } };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-11-02T02:00:00.000Z') {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advanceMinutes(minutes: number) {
      at += minutes * 60_000;
    },
  };
}
