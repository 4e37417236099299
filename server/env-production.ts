// The production requirements beyond the schema: a signing key, pinned public keys that include it, a
// witness out of the database's reach, and a valid policy file. Pure checks: nothing opens the database.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Env } from './env.js';
import { privateKeyFromBase64, publicKeyBase64, publicKeyFromBase64 } from '../db/audit/audit-checkpoint-sign.js';
import { isPostgresUrl, localFilePath } from '../db/core/client.js';
import { isInside, witnessTarget } from './audit/witness-location.js';
import { loadPolicy } from './policy/load-policy.js';

/** The comma-separated keys of AUDIT_PUBLIC_KEYS, trimmed, empties dropped. */
export function splitKeys(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

const keyHelp = 'see docs/audit.md §1.1 for how to generate one';

/** Problems with AUDIT_SIGNING_KEY and AUDIT_PUBLIC_KEYS. */
function keyProblems(env: Env): string[] {
  const problems: string[] = [];
  let signerPublic: string | null = null;
  if (!env.AUDIT_SIGNING_KEY) {
    problems.push(`AUDIT_SIGNING_KEY: required in production (base64 PKCS#8 DER Ed25519 private key that signs checkpoints; ${keyHelp})`);
  } else {
    try {
      signerPublic = publicKeyBase64(privateKeyFromBase64(env.AUDIT_SIGNING_KEY));
    } catch {
      problems.push('AUDIT_SIGNING_KEY: not a base64 PKCS#8 DER Ed25519 private key');
    }
  }
  const pinned = splitKeys(env.AUDIT_PUBLIC_KEYS);
  if (pinned.length === 0) {
    problems.push('AUDIT_PUBLIC_KEYS: required in production (comma-separated base64 SPKI Ed25519 public keys the verifier trusts)');
    return problems;
  }
  pinned.forEach((key, index) => {
    try {
      publicKeyFromBase64(key);
    } catch {
      problems.push(`AUDIT_PUBLIC_KEYS: key ${index + 1} is not a base64 SPKI DER Ed25519 public key`);
    }
  });
  if (signerPublic && !pinned.includes(signerPublic))
    problems.push(
      `AUDIT_PUBLIC_KEYS: does not include the public key of AUDIT_SIGNING_KEY (${signerPublic}); its checkpoints would not verify`,
    );
  return problems;
}

/** The nearest folder of `path` that exists, to tell whether the witness file can be created. */
function existingAncestor(path: string): string {
  let folder = dirname(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Problems with where checkpoints are witnessed. */
function witnessProblems(env: Env): string[] {
  const target = witnessTarget(env);
  if (target.kind === 'none') return [`AUDIT_WITNESS: required in production (${target.reason}): a file path or an https:// URL`];
  if (target.kind === 'http') {
    const url = new URL(target.url);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || local ? [] : [`AUDIT_WITNESS: ${url.origin} must use https:// outside this host`];
  }
  const dbPath = localFilePath(env.DATABASE_URL);
  if (dbPath && isInside(target.path, dirname(dbPath)))
    return [
      `AUDIT_WITNESS: ${target.path} is inside the database folder ${dirname(dbPath)}; keep it where the database's writers cannot write`,
    ];
  try {
    accessSync(existsSync(target.path) ? target.path : existingAncestor(target.path), constants.W_OK);
    return [];
  } catch {
    return [`AUDIT_WITNESS: ${target.path} cannot be written by this process`];
  }
}

/** Problems with POLICY_FILE (or the bundled policy), as one line. */
function policyProblems(env: Env): string[] {
  try {
    loadPolicy(env.POLICY_FILE);
    return [];
  } catch (error) {
    return [`POLICY_FILE: ${(error as Error).message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ')}`];
  }
}

/** Problems with EVIDENCE_DIR: on PostgreSQL every server process must see the same store, so it is named. */
function evidenceProblems(env: Env): string[] {
  if (!isPostgresUrl(env.DATABASE_URL) || env.EVIDENCE_DIR) return [];
  return ['EVIDENCE_DIR: required in production on PostgreSQL (a folder every server process shares, e.g. on shared storage)'];
}

/** Every production problem of `env`, one readable line each (see `validateProductionConfig`). */
export function productionProblems(env: Env): string[] {
  return [...keyProblems(env), ...witnessProblems(env), ...evidenceProblems(env), ...policyProblems(env)];
}
