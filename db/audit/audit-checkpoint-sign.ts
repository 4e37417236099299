// Signed checkpoints of the record: the exact message signed and how a signature is checked.
// Invariant: signer and verifier build the message with the same function, so they cannot drift apart.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../machines/shared/canonical-hash.js';

/** A checkpoint as stored and exported. */
export interface Checkpoint {
  id?: number;
  /** Record id of the head entry when signed. */
  sequence: number;
  headHash: string;
  at: string;
  signature: string;
  publicKey: string;
  keySource?: string;
  createdBy?: string;
}

/** The bytes an Ed25519 checkpoint signature covers. */
export function checkpointMessage(c: Pick<Checkpoint, 'sequence' | 'headHash' | 'at'>): Buffer {
  return Buffer.from(canonicalJson({ kind: 'legal-review/checkpoint', version: 1, sequence: c.sequence, headHash: c.headHash, at: c.at }));
}

/** Base64 SPKI DER of a key's public half. */
export function publicKeyBase64(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** The private key from base64 PKCS#8 DER; throws with a readable message if it is not Ed25519. */
export function privateKeyFromBase64(base64: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`AUDIT_SIGNING_KEY must be an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/** Signs a checkpoint body with `key`. */
export function signCheckpoint(body: Pick<Checkpoint, 'sequence' | 'headHash' | 'at'>, key: KeyObject): Checkpoint {
  const signature = sign(null, checkpointMessage(body), key).toString('base64');
  return { sequence: body.sequence, headHash: body.headHash, at: body.at, signature, publicKey: publicKeyBase64(key) };
}

/** Whether the signature is valid for the checkpoint's own public key; false (never throws) on malformed keys. */
export function isSignatureValid(c: Checkpoint): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(c.publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The public key from base64 SPKI DER; throws with a readable message if it is not Ed25519. */
export function publicKeyFromBase64(base64: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key (${key.asymmetricKeyType})`);
  return key;
}
