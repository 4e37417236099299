// Numbers drawn by the writer at commit time (db/core/writer.ts `Numbering`), on the real writer of each
// backend: items of one batch draw consecutive numbers in commit order, and an item whose write failed gives
// its number back, so the sequence has neither a gap nor a duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { WriteItem } from '../../db/core/writer.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const type = 'numbering.test';
const entry = (caseId: string, seq: number): RecordEntry => ({
  caseId,
  seq,
  type,
  payload: {},
  actorId: 'test',
  actorRole: null,
  at: '2026-11-30T00:00:00.000Z',
  draftHash: null,
  accepted: true,
  refusal: null,
});

/** An item on stream `caseId` at `seq` whose entry carries the number it drew. */
const numbered = (caseId: string, seq = 1): WriteItem => ({
  entries: [entry(caseId, seq)],
  numbering: {
    key: 'test:numbering',
    // Every committed entry of the type drew one number: their count is the last number drawn.
    last: { sql: 'SELECT COUNT(*) AS seq FROM case_events WHERE type = ?', args: [type] },
    complete: (n) => ({ entries: [{ ...entry(caseId, seq), payload: { number: n } }], rows: [] }),
  },
});

async function numbersOnRecord(): Promise<number[]> {
  const rs = await t.services.database.client.execute({
    sql: 'SELECT payload FROM case_events WHERE type = ? ORDER BY id',
    args: [type],
  });
  return rs.rows.map((r) => (JSON.parse(String(r.payload)) as { number: number }).number);
}

describe('numbers drawn by the writer', () => {
  it('gives the items of one batch consecutive numbers in commit order', async () => {
    await Promise.all(['n-a', 'n-b', 'n-c'].map((id) => t.services.writer.write(numbered(id))));
    expect(await numbersOnRecord()).toEqual([1, 2, 3]);
  });

  it('gives back the number of an item whose write failed, so the next item takes it', async () => {
    // `n-a` already has seq 1: writing it again breaks the record's unique (case_id, seq) index.
    const results = await Promise.allSettled([numbered('n-d'), numbered('n-a'), numbered('n-e')].map((i) => t.services.writer.write(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await numbersOnRecord()).toEqual([1, 2, 3, 4, 5]);
  });
});
