// The fast page check (stored texts hashed as SQLite assembles them) must report exactly what the reference
// check reports: on an intact record, after every kind of tampering, and on pages built to fool its splitting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createClient } from '@libsql/client';
import fc from 'fast-check';
import { createDb, type Database } from '../../../db/core/client.js';
import { libsqlSqlClient } from '../../../db/core/libsql-database.js';
import type { RecordEntry } from '../../../db/core/record-hash.js';
import { verifyRecord, type VerifyReport } from '../../../db/audit/audit-verify.js';
import { nativeRecordSource } from '../../../db/audit/audit-record-source.js';
import NativeDatabase from 'libsql';
import { cleanPage, cleanPageSql, type CleanRow } from '../../../db/audit/audit-verify-text-page.js';
import { freshDbPath } from '../../helpers/test-app.js';
import { openAsAttacker } from '../../server/audit/tamper.js';

const text = fc.string({ unit: fc.constantFrom('a', '审', '"', '\\', '\n', '\u0001', '😀', '\u2028') });
const entry = fc.record({
  caseId: text,
  type: text,
  payload: fc.jsonValue(),
  actorId: text,
  actorRole: fc.option(text, { nil: null }),
  at: text,
  draftHash: fc.option(text, { nil: null }),
  accepted: fc.boolean(),
  refusal: fc.option(fc.dictionary(text, fc.jsonValue(), { maxKeys: 3 }), { nil: null }),
});

let database: Database;
let path: string;

beforeAll(async () => {
  path = freshDbPath();
  database = await createDb(`file:${path}`);
  const writer = await database.openWriter();
  const fixed = { caseId: 'c', type: 't', actorId: 'u', actorRole: null, at: 'now', draftHash: null, accepted: true, refusal: null };
  const entries = [...fc.sample(entry, { numRuns: 30, seed: 7 }), ...[1, 2, 3].map(() => ({ ...fixed, payload: { a: 1, b: 2 } }))];
  await writer.write({ entries: entries.map((e) => ({ ...e, seq: null }) as RecordEntry) });
  await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
});
afterAll(() => database.close());

/** What a report says about the record itself (timings differ between runs). */
const findings = (r: VerifyReport) => ({ ok: r.ok, entries: r.entries, head: r.head, issueCount: r.issueCount, issues: r.issues });

/** A tampered copy, verified by the fast path and by the reference path, both over the native connection. */
async function both(name: string, attack: string[]) {
  const copy = join(dirname(path), `${name}.db`);
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [copy] });
  const attacker = await openAsAttacker(copy);
  for (const sql of attack) await attacker.execute(sql);
  attacker.close();
  const client = createClient({ url: `file:${copy}` });
  const source = nativeRecordSource(copy);
  try {
    const reference = await verifyRecord(libsqlSqlClient(client), { pageSize: 4, source: { ...source, checkedPage: undefined } });
    const fast = await verifyRecord(libsqlSqlClient(client), { pageSize: 4, source });
    return { reference: findings(reference), fast: findings(fast) };
  } finally {
    source.close();
    client.close();
  }
}

describe('fast page check', () => {
  const last = 33;
  const attacks: Record<string, string[]> = {
    intact: [],
    'payload whitespace (verifies against its canonical form)': [`UPDATE case_events SET payload = ' ' || payload WHERE id = ${last}`],
    'payload key order (verifies against its canonical form)': [`UPDATE case_events SET payload = '{"b":2,"a":1}' WHERE id = ${last - 1}`],
    'payload value': [`UPDATE case_events SET payload = '{"a":1,"b":3}' WHERE id = ${last - 2}`],
    'payload not JSON': [`UPDATE case_events SET payload = '{"a":1,' WHERE id = 9`],
    'raw 0x01 in a payload': [`UPDATE case_events SET payload = '{"a":1,"b":2}' || char(1) WHERE id = ${last}`],
    'fixed field': [`UPDATE case_events SET at = 'later' WHERE id = 5`],
    'hash in capitals': ['UPDATE case_events SET hash = upper(hash) WHERE id = 6'],
    'hash and link of uneven lengths': [
      "UPDATE case_events SET hash = hash || '0' WHERE id = 7",
      'UPDATE case_events SET prev_hash = substr(prev_hash, 2) WHERE id = 8',
    ],
    'hash stored as a blob': ['UPDATE case_events SET hash = CAST(hash AS BLOB) WHERE id = 11'],
    'link stored as a number': ['UPDATE case_events SET prev_hash = 12 WHERE id = 12'],
    'entry removed': ['DELETE FROM case_events WHERE id = 13'],
  };
  for (const [name, attack] of Object.entries(attacks)) {
    it(`reports what the reference check reports: ${name}`, async () => {
      const { reference, fast } = await both(name.replace(/\W+/g, '-'), attack);
      expect(fast).toEqual(reference);
      if (name === 'intact' || name.includes('canonical form')) expect(fast.ok).toBe(true);
      else expect(fast.ok).toBe(false);
    });
  }

  it('answers intact pages of the real writer itself, and leaves an altered one to the reference check', async () => {
    const copy = join(dirname(path), 'pages.db');
    await database.client.execute({ sql: 'VACUUM INTO ?', args: [copy] });
    const pages = (db: NativeDatabase.Database) => {
      const query = db.prepare(cleanPageSql).raw(true);
      return [0, 10, 20, 30].map((after) => cleanPage((query.all(after, after + 10, 10) as CleanRow[])[0]!, null, new Set()));
    };
    const intact = new NativeDatabase(copy, { readonly: true });
    expect(pages(intact).map((p) => p?.count)).toEqual([10, 10, 10, 3]);
    intact.close();
    const attacker = await openAsAttacker(copy);
    await attacker.execute("UPDATE case_events SET at = 'later' WHERE id = 15");
    attacker.close();
    const altered = new NativeDatabase(copy, { readonly: true });
    expect(pages(altered).map((p) => p?.count ?? null)).toEqual([10, null, 10, 3]);
    altered.close();
  });

  const texts = ['{"id":1}', '{"id":2}'];
  const digest = (s: string) => hash('sha256', s, 'hex');
  const row = (parts: string[], prev: string, hashes: string[]): CleanRow => [
    hashes.length,
    1,
    hashes.length,
    Buffer.from(parts.join('\u0001')),
    hashes.map((h, k) => (k === 0 ? prev : hashes[k - 1]!) + h).join(''),
    0,
  ];

  it('answers a page whose texts hash to their hashes and link up, with its ends and the wanted hashes', () => {
    const hashes = texts.map(digest);
    const result = cleanPage(row(texts, '0'.repeat(64), hashes), { id: 0, hash: '0'.repeat(64) }, new Set([2]));
    expect(result).toEqual({
      count: 2,
      first: { id: 1, prevHash: '0'.repeat(64) },
      last: { id: 2, hash: hashes[1] },
      issues: [],
      hashes: [[2, hashes[1]]],
    });
  });

  it('leaves to the reference check a page with a raw 0x01 in a text, even one hashed as split', () => {
    // The attacker stores hashes of the pieces a split at every 0x01 would give: the page must not pass.
    const pieces = ['{"id":1}', '{"id":2', '}'];
    const forged = row(pieces, '0'.repeat(64), pieces.slice(0, 2).map(digest));
    expect(cleanPage(forged, null, new Set())).toBeNull();
  });

  it('leaves to the reference check a broken link, a gap, a wrong first link and a non-text hash', () => {
    const hashes = texts.map(digest);
    const good = row(texts, '0'.repeat(64), hashes);
    const brokenLink: CleanRow = [...good];
    brokenLink[4] = good[4]!.slice(0, 128) + 'f'.repeat(64) + good[4]!.slice(192);
    expect(cleanPage(brokenLink, null, new Set())).toBeNull();
    expect(cleanPage([2, 1, 3, good[3], good[4], 0], null, new Set())).toBeNull();
    expect(cleanPage(good, { id: 0, hash: 'f'.repeat(64) }, new Set())).toBeNull();
    expect(cleanPage(good, { id: 1, hash: '0'.repeat(64) }, new Set())).toBeNull();
    expect(cleanPage([2, 1, 2, good[3], good[4], 1], null, new Set())).toBeNull();
  });
});
