// Group commit's failure rules, shared by both writers: a batch that a statement failed is retried item by
// item, so only the culprit fails (a unique violation as a WriteConflictError); a batch whose connection was
// lost is never retried, because it may have committed.
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../db/core/group-commit.js';
import { WriteConflictError } from '../../../db/core/sql.js';
import type { WriteItem } from '../../../db/core/writer.js';

const item = (caseId: string): WriteItem => ({
  entries: [
    { caseId, seq: 1, type: 't', payload: {}, actorId: 'a', actorRole: null, at: 'now', draftHash: null, accepted: true, refusal: null },
  ],
});

/** A commit function that fails any batch containing `culprit` with `error`, and records the batches it saw. */
function committer(culprit: string, error: Error) {
  const batches: string[][] = [];
  let next = 0;
  const commit = async (items: WriteItem[]) => {
    const ids = items.map((i) => i.entries[0]!.caseId);
    batches.push(ids);
    if (ids.includes(culprit)) throw error;
    return items.map(() => [++next]);
  };
  return { batches, commit };
}

describe('group commit', () => {
  it('retries a failed batch item by item, so only the culprit fails, as a write conflict', async () => {
    const unique = Object.assign(new Error('UNIQUE constraint failed: case_events.case_id, case_events.seq'), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    const c = committer('b', unique);
    const writer = createGroupCommit(c.commit);
    const results = await Promise.allSettled(['a', 'b', 'c'].map((id) => writer.write(item(id))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WriteConflictError);
    expect(c.batches).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c']]);
  });

  it('fails a whole batch whose connection was lost, without writing any item again', async () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { code: undefined });
    const c = committer('b', lost);
    const writer = createGroupCommit(c.commit);
    const results = await Promise.allSettled(['a', 'b', 'c'].map((id) => writer.write(item(id))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(c.batches).toEqual([['a', 'b', 'c']]);
  });
});
