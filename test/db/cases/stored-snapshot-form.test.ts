// The exact text of a stored snapshot: fields the opening entry or the row's columns hold are left out, and every
// other field keeps its place, so the stored bytes do not depend on how the stored form is built.
import { describe, expect, it } from 'vitest';
import { toStoredSnapshot, withOpening } from '../../../db/cases/stored-snapshot.js';

const columns = { id: 'c1', handlerId: 'h1', reviewerId: null, draftHash: 'd1' };
const snapshot = {
  value: { inReview: 'pending' },
  context: {
    caseId: 'c1',
    draft: { version: 2, hash: 'd1' },
    catalog: { items: ['罚款'] },
    handlerId: 'h2',
    reviewerId: null,
    review: { outcome: 'returned', draftHash: 'd0' },
    procedure: { kind: 'general' },
    decision: { draftHash: 'd1', outcome: 'issued' },
    note: undefined,
  },
  status: 'active',
};

describe('toStoredSnapshot', () => {
  it('leaves out what the opening and the columns hold and keeps the order of the rest', () => {
    expect(JSON.stringify(toStoredSnapshot(snapshot, columns))).toBe(
      '{"value":{"inReview":"pending"},"context":{"draft":{"version":2},"handlerId":"h2","review":{"outcome":"returned","draftHash":"d0"},' +
        '"decision":{"outcome":"issued"}},"status":"active"}',
    );
  });

  it('is read back whole with the opening payload', () => {
    const stored = JSON.parse(JSON.stringify(toStoredSnapshot(snapshot, columns))) as typeof snapshot;
    const back = withOpening(stored, JSON.stringify({ catalog: snapshot.context.catalog, procedure: snapshot.context.procedure }), columns);
    const { note: _absent, ...expected } = snapshot.context;
    expect(back.context).toEqual(expected);
  });
});
