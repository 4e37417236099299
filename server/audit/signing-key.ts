// The checkpoint signing key and the keys a verifier trusts. AUDIT_SIGNING_KEY when configured; in
// development without one, a key kept in the data folder (the same across restarts) and announced; an
// in-memory database gets a key per process. Production requires a configured key.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Env } from '../env.js';
import { splitKeys } from '../env-production.js';
import { localFilePath } from '../../db/core/client.js';
import { privateKeyFromBase64, publicKeyBase64 } from '../../db/audit/audit-checkpoint-sign.js';

/** The key that signs checkpoints, where it came from, and the public keys a verifier must trust. */
export interface AuditSigner {
  key: KeyObject;
  publicKey: string;
  /** `configured`: AUDIT_SIGNING_KEY; `development`: kept in the data folder; `ephemeral`: this process only. */
  source: 'configured' | 'development' | 'ephemeral';
  /** AUDIT_PUBLIC_KEYS; when any are pinned, verification trusts only these. Empty: none pinned. */
  pinned: string[];
  /** The file the development key is kept in, when it is. */
  keyFile?: string;
}

type SignerEnv = Pick<Env, 'AUDIT_SIGNING_KEY' | 'NODE_ENV'> & Partial<Pick<Env, 'DATABASE_URL' | 'AUDIT_PUBLIC_KEYS'>>;

const cache = new Map<string, AuditSigner>();

/** Name of the development key file in the database's folder. */
export const devKeyFileName = 'audit-dev-signing-key.b64';

/** Reads the development key kept beside the database, or creates it (owner-only) on first use. */
function devKey(file: string): KeyObject {
  if (existsSync(file)) return privateKeyFromBase64(readFileSync(file, 'utf8').trim());
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: two processes starting at once must not each write their own key.
    writeFileSync(file, `${privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    return privateKey;
  } catch {
    return privateKeyFromBase64(readFileSync(file, 'utf8').trim());
  }
}

/** The unconfigured signer: the persisted development key for a local file database, else a per-process one. */
function unconfigured(env: SignerEnv): Omit<AuditSigner, 'pinned'> {
  const dbPath = env.DATABASE_URL ? localFilePath(env.DATABASE_URL) : null;
  if (dbPath) {
    const keyFile = join(dirname(dbPath), devKeyFileName);
    const key = devKey(keyFile);
    const signer = { key, publicKey: publicKeyBase64(key), source: 'development' as const, keyFile };
    if (env.NODE_ENV !== 'test')
      console.warn(
        `audit: AUDIT_SIGNING_KEY is not set; checkpoints are signed with the development key kept in ${keyFile} (public key ${signer.publicKey}). Never use it in production.`,
      );
    return signer;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = { key: privateKey, publicKey: publicKeyBase64(privateKey), source: 'ephemeral' as const };
  if (env.NODE_ENV !== 'test')
    console.warn(
      `audit: AUDIT_SIGNING_KEY is not set and the database is not a local file; checkpoints are signed with a key for this process only (public key ${signer.publicKey})`,
    );
  return signer;
}

/**
 * The signer for `env`, built once per key and database. Throws while the app is built when production has
 * no key or the key is malformed: checkpoints signed by a throw-away key would prove nothing later.
 */
export function auditSigner(env: SignerEnv): AuditSigner {
  const id = `${env.AUDIT_SIGNING_KEY ?? '(unconfigured)'}|${env.DATABASE_URL ?? ''}|${env.AUDIT_PUBLIC_KEYS ?? ''}`;
  const hit = cache.get(id);
  if (hit) return hit;
  let signer: Omit<AuditSigner, 'pinned'>;
  if (env.AUDIT_SIGNING_KEY) {
    const key = privateKeyFromBase64(env.AUDIT_SIGNING_KEY);
    signer = { key, publicKey: publicKeyBase64(key), source: 'configured' };
  } else {
    if (env.NODE_ENV === 'production')
      throw new Error(
        'Invalid environment:\n  AUDIT_SIGNING_KEY: required in production (base64 PKCS#8 DER Ed25519 key) to sign audit checkpoints',
      );
    signer = unconfigured(env);
  }
  const full = { ...signer, pinned: splitKeys(env.AUDIT_PUBLIC_KEYS) };
  cache.set(id, full);
  return full;
}
