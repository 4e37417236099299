// The verifier's fast path must hash exactly as the writer does: property tests hold the fast canonical JSON
// to the reference and verify random entries the real writer stored; checkpoint signatures fail on any change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from '../../../machines/shared/canonical-hash.js';
import type { RecordEntry } from '../../../db/core/record-hash.js';
import { fastCanonicalJson, recomputeRowHash } from '../../../db/audit/audit-canonical.js';
import { createDb } from '../../../db/core/client.js';
import { verifyRecord } from '../../../db/audit/audit-verify.js';
import { nativeRecordSource } from '../../../db/audit/audit-record-source.js';
import { freshDbPath } from '../../helpers/test-app.js';
import { isSignatureValid, privateKeyFromBase64, signCheckpoint } from '../../../db/audit/audit-checkpoint-sign.js';
import { auditSigner } from '../../../server/audit/signing-key.js';

// Keys include integer-like ones ("10" sorts before "9" as text), empty strings and non-ASCII.
const key = fc.oneof(fc.string(), fc.constantFrom('10', '9', '', 'type', '审核', 'a\u0000b'));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

// Fixed fields get any text SQLite can hold (control characters, quotes, CJK, U+2028); payloads any JSON.
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\n', '\t', '\u001f', '"', '\\', '/', '\u007f', '\u2028', '审', '😀'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
});
const entry = fc.record({
  caseId: text,
  seq: fc.option(fc.nat(), { nil: null }),
  type: text,
  payload: json,
  actorId: text,
  actorRole: fc.option(text, { nil: null }),
  at: text,
  draftHash: fc.option(text, { nil: null }),
  accepted: fc.boolean(),
  refusal: fc.option(fc.dictionary(key, json, { maxKeys: 3 }), { nil: null }),
});

describe('verifier fast path', () => {
  it('canonicalises every JSON value exactly as canonicalJson', () => {
    fc.assert(
      fc.property(json, (value) => fastCanonicalJson(value) === canonicalJson(value)),
      { numRuns: 500 },
    );
  });

  it('recomputes, from rows the real writer stored, the hash the writer chained', async () => {
    const path = freshDbPath();
    const database = await createDb(`file:${path}`);
    const writer = await database.openWriter();
    let seq = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (entries) => {
        // Unique (case_id, seq) is enforced by the schema; give every entry its own seq.
        const numbered = entries.map((e) => {
          if (e.seq !== null) seq += 1;
          return { ...e, seq: e.seq === null ? null : seq } as RecordEntry;
        });
        await writer.write({ entries: numbered });
        const source = nativeRecordSource(path);
        const [native, client] = [await verifyRecord(database.client, { source }), await verifyRecord(database.client)];
        source.close();
        return native.ok && client.ok && native.issueCount === 0 && client.entries === native.entries;
      }),
      { numRuns: 40 },
    );
    database.close();
  });

  it('answers null for a row whose payload is not JSON instead of throwing', () => {
    const row = {
      id: 1,
      head: '{"accepted":true,"id":1,"payload":',
      payload: '{not json',
      refusal: null,
      prev_hash: '0'.repeat(64),
      tail: '}',
      hash: 'x',
    };
    expect(recomputeRowHash(row)).toBeNull();
  });
});

describe('checkpoint signatures', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signed = signCheckpoint({ sequence: 42, headHash: 'ab'.repeat(32), at: '2026-04-30T02:00:00.000Z' }, privateKey);

  it('verifies a signed checkpoint and rejects any changed field or a foreign key', () => {
    const other = signCheckpoint(
      { sequence: 42, headHash: 'ab'.repeat(32), at: '2026-04-30T02:00:00.000Z' },
      generateKeyPairSync('ed25519').privateKey,
    );
    expect(isSignatureValid(signed)).toBe(true);
    for (const forged of [
      { ...signed, sequence: 43 },
      { ...signed, headHash: 'cd'.repeat(32) },
      { ...signed, at: '2026-05-01T00:00:00.000Z' },
      { ...signed, publicKey: other.publicKey },
      { ...signed, publicKey: 'garbage' },
    ]) {
      expect(isSignatureValid(forged)).toBe(false);
    }
  });

  it('loads AUDIT_SIGNING_KEY as PKCS#8 DER, refuses other key types, and needs a key in production', () => {
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const configured = auditSigner({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: der });
    expect(configured).toMatchObject({ source: 'configured', publicKey: signed.publicKey });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(() => privateKeyFromBase64(rsa)).toThrow(/Ed25519/);
    expect(() => auditSigner({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: undefined })).toThrow(
      /AUDIT_SIGNING_KEY: required in production/,
    );
    expect(auditSigner({ NODE_ENV: 'test', AUDIT_SIGNING_KEY: undefined }).source).toBe('ephemeral');
  });
});
