// Production start-up refuses a configuration it cannot run safely before anything opens the database: one
// readable line per problem (signing key, pinned keys, witness, policy), and the persisted development key.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvError, parseEnv, validateProductionConfig } from '../../../server/env.js';
import { auditSigner, devKeyFileName } from '../../../server/audit/signing-key.js';
import { privateKeyFromBase64, publicKeyBase64 } from '../../../db/audit/audit-checkpoint-sign.js';
import { defaultWitnessPath, witnessTarget } from '../../../server/audit/witness-location.js';
import { keyPair } from '../audit/anchor-fixtures.js';

const keys = keyPair();
const dir = mkdtempSync(join(tmpdir(), 'legal-review-config-'));
const good = {
  NODE_ENV: 'production',
  DEMO: 'false',
  DATABASE_URL: `file:${join(dir, 'data', 'legal-review.db')}`,
  AUDIT_SIGNING_KEY: keys.privateKey,
  AUDIT_PUBLIC_KEYS: keys.publicKey,
};

/** The problems parseEnv reports for `source`, one line each. */
function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message.split('\n')[0]).toBe('Invalid environment:');
    return (error as EnvError).problems;
  }
}

describe('validateProductionConfig', () => {
  it('accepts a complete production configuration, with the default witness beside the data folder', () => {
    const env = parseEnv(good);
    expect(validateProductionConfig(env)).toEqual([]);
    expect(witnessTarget(env)).toEqual({ kind: 'file', path: join(dir, 'data-witness', 'checkpoints.jsonl') });
    expect(defaultWitnessPath('./data/legal-review.db')).toBe(join(process.cwd(), 'data-witness', 'checkpoints.jsonl'));
  });

  it('lists every missing key in one readable line each', () => {
    expect(problems({ NODE_ENV: 'production', DEMO: 'false', DATABASE_URL: good.DATABASE_URL })).toEqual([
      expect.stringMatching(/^AUDIT_SIGNING_KEY: required in production \(base64 PKCS#8 DER Ed25519 private key/),
      expect.stringMatching(/^AUDIT_PUBLIC_KEYS: required in production/),
    ]);
  });

  it('names a malformed key, a pinned list without the signing key, and reports schema problems alongside', () => {
    const other = keyPair();
    expect(problems({ ...good, AUDIT_SIGNING_KEY: 'bm90IGEga2V5', AUDIT_PUBLIC_KEYS: `${other.publicKey},xyz` })).toEqual([
      'AUDIT_SIGNING_KEY: not a base64 PKCS#8 DER Ed25519 private key',
      'AUDIT_PUBLIC_KEYS: key 2 is not a base64 SPKI DER Ed25519 public key',
    ]);
    expect(problems({ ...good, AUDIT_PUBLIC_KEYS: other.publicKey })).toEqual([
      expect.stringMatching(/^AUDIT_PUBLIC_KEYS: does not include the public key of AUDIT_SIGNING_KEY/),
    ]);
    expect(problems({ ...good, PORT: 'eighty', DEMO: 'true', AUDIT_SIGNING_KEY: undefined })).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^AUDIT_SIGNING_KEY: required in production/),
    ]);
  });

  it('requires EVIDENCE_DIR on PostgreSQL, where every server process must share one evidence store', () => {
    const pgEnv = {
      ...good,
      DATABASE_URL: 'postgres://app:secret@db.example.org/legal_review',
      AUDIT_WITNESS: 'https://witness.example.org/append',
    };
    expect(problems(pgEnv)).toEqual([
      'EVIDENCE_DIR: required in production on PostgreSQL (a folder every server process shares, e.g. on shared storage)',
    ]);
    expect(problems({ ...pgEnv, EVIDENCE_DIR: join(dir, 'shared', 'evidence') })).toEqual([]);
  });

  it('refuses a witness inside the database folder, none at all, or plain http to another host', () => {
    expect(problems({ ...good, AUDIT_WITNESS: join(dir, 'data', 'witness.jsonl') })).toEqual([
      expect.stringMatching(/^AUDIT_WITNESS: .*witness\.jsonl is inside the database folder/),
    ]);
    expect(problems({ ...good, AUDIT_WITNESS: 'none' })).toEqual([
      'AUDIT_WITNESS: required in production (AUDIT_WITNESS=none): a file path or an https:// URL',
    ]);
    expect(problems({ ...good, AUDIT_WITNESS: 'http://witness.example.org/append' })).toEqual([
      'AUDIT_WITNESS: http://witness.example.org must use https:// outside this host',
    ]);
    expect(problems({ ...good, AUDIT_WITNESS: 'https://witness.example.org/append' })).toEqual([]);
    expect(problems({ ...good, DATABASE_URL: 'libsql://db.example.org' })).toEqual([
      expect.stringMatching(/^AUDIT_WITNESS: required in production \(the database is not a local file/),
    ]);
  });

  it('names a policy file that does not load', () => {
    const bad = join(dir, 'policy.json');
    writeFileSync(bad, '{"version": 1}');
    expect(problems({ ...good, POLICY_FILE: bad })).toEqual([expect.stringMatching(/^POLICY_FILE: policy: .*policy\.json is invalid: /)]);
    expect(problems({ ...good, POLICY_FILE: bad })[0]).not.toContain('\n');
  });

  it('asks nothing of development or tests', () => {
    expect(validateProductionConfig(parseEnv({ NODE_ENV: 'development' }))).toEqual([]);
    expect(validateProductionConfig(parseEnv({ NODE_ENV: 'test' }))).toEqual([]);
  });
});

describe('the development signing key', () => {
  it('is kept owner-only in the data folder, so it is the same after a restart', () => {
    const dbDir = mkdtempSync(join(tmpdir(), 'legal-review-devkey-'));
    const env = { NODE_ENV: 'test' as const, AUDIT_SIGNING_KEY: undefined, DATABASE_URL: `file:${join(dbDir, 'app.db')}` };
    const signer = auditSigner(env);
    const file = join(dbDir, devKeyFileName);
    expect(signer).toMatchObject({ source: 'development', keyFile: file, pinned: [] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // What a restarted process reads back: the same key.
    expect(publicKeyBase64(privateKeyFromBase64(readFileSync(file, 'utf8').trim()))).toBe(signer.publicKey);
    expect(existsSync(join(dbDir, 'app.db'))).toBe(false);
  });
});
