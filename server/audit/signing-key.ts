// The checkpoint signing key: AUDIT_SIGNING_KEY (base64 PKCS#8 DER Ed25519) when configured; in development
// and tests without one, an ephemeral key generated once per process and announced. Production requires a key.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Env } from '../env.js';
import { privateKeyFromBase64, publicKeyBase64 } from '../../db/audit/audit-checkpoint-sign.js';

/** The key that signs checkpoints, and where it came from. */
export interface AuditSigner {
  key: KeyObject;
  publicKey: string;
  source: 'configured' | 'ephemeral';
}

const cache = new Map<string, AuditSigner>();

/**
 * The signer for `env`, built once per configured key. Throws while the app is built when production has
 * no key or the key is malformed: checkpoints signed by a throw-away key would prove nothing later.
 */
export function auditSigner(env: Pick<Env, 'AUDIT_SIGNING_KEY' | 'NODE_ENV'>): AuditSigner {
  const id = env.AUDIT_SIGNING_KEY ?? '(ephemeral)';
  const hit = cache.get(id);
  if (hit) return hit;
  let signer: AuditSigner;
  if (env.AUDIT_SIGNING_KEY) {
    const key = privateKeyFromBase64(env.AUDIT_SIGNING_KEY);
    signer = { key, publicKey: publicKeyBase64(key), source: 'configured' };
  } else {
    if (env.NODE_ENV === 'production')
      throw new Error(
        'Invalid environment:\n  AUDIT_SIGNING_KEY: required in production (base64 PKCS#8 DER Ed25519 key) to sign audit checkpoints',
      );
    const { privateKey } = generateKeyPairSync('ed25519');
    signer = { key: privateKey, publicKey: publicKeyBase64(privateKey), source: 'ephemeral' };
    if (env.NODE_ENV !== 'test')
      console.warn(
        `audit: AUDIT_SIGNING_KEY is not set; checkpoints are signed with an ephemeral key for this process only (public key ${signer.publicKey})`,
      );
  }
  cache.set(id, signer);
  return signer;
}
