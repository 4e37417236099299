// Fault facts and proposals from a responsibility chain (seed §9(3); DOMAIN §2.2), on chains built from record
// entries: a directed change clears the handler only where it followed the reviewer's finding on the very
// item the decision was overturned for, and members who voted against the collective decision bear no fault.
import { describe, expect, it } from 'vitest';
import { reviewItems, type ReviewItemKey } from '../../../machines/case/case.events.js';
import type { OutcomeRecord } from '../../../machines/inquiry/inquiry.events.js';
import { buildResponsibilityChain, type RecordedEntry } from '../../../server/audit/responsibility.js';
import { chainPersons, faultFacts, proposeShares } from '../../../server/audit/fault-facts.js';
import { loadFaultRules } from '../../../server/audit/fault-rules.js';

const rules = loadFaultRules();
let id = 0;
const entry = (type: string, actorId: string, draftHash: string, payload: Record<string, unknown> = {}): RecordedEntry => {
  id += 1;
  return {
    id,
    caseId: 'c',
    seq: id,
    type,
    payload: { ...payload, actor: { id: actorId, roles: [], certified: true, qualified: true } },
    actorId,
    actorRole: null,
    at: `2026-05-0${Math.min(id, 9)}T02:00:00.000Z`,
    draftHash,
    accepted: true,
    refusal: null,
    hash: `hash${id}`,
    prevHash: `hash${id - 1}`,
  } as RecordedEntry;
};

/** A case returned with a finding on `returned`, revised, approved, discussed (head4 against) and decided. */
function chainReturnedOn(returned: ReviewItemKey) {
  const [h1, h2] = ['a'.repeat(64), 'b'.repeat(64)];
  const members = [
    { userId: 'head1', vote: 'agree', opinion: '同意' },
    { userId: 'head4', vote: 'disagree', opinion: '裁量过重，不同意' },
    { userId: 'head3', vote: 'abstain', opinion: '弃权' },
  ];
  const entries = [
    entry('case.open', 'handler', h1),
    entry('review.submit', 'handler', h1),
    entry('review.return', 'reviewer', h1, { opinion: '退回', items: reviewItems({ [returned]: '问题' }) }),
    // A revision carries its draft on the record; that is what makes it a new draft version in the chain.
    entry('draft.revise', 'handler', h2, { draft: { title: '修改后' } }),
    entry('review.submit', 'handler', h2),
    entry('review.approve', 'reviewer', h2, { draftHash: h2, opinion: '同意', items: reviewItems() }),
    entry('discussion.record', 'head1', h2, { members, chairId: 'head1', conclusion: '同意' }),
    entry('decision.issue', 'head1', h2, { draftHash: h2 }),
  ];
  const names = new Map(
    ['handler', 'reviewer', 'head1', 'head4', 'head3'].map((u) => [u, { displayName: u, certificateNo: null, qualificationNo: null }]),
  );
  return buildResponsibilityChain('c', entries, new Map(), names as never, 'penalty');
}

const overturned = (causes: OutcomeRecord['causes']): OutcomeRecord =>
  ({
    forum: 'reconsideration',
    result: 'revoked',
    causes,
    body: '西宁市人民政府',
    documentRef: 'x',
    decidedOn: '2026-06-01',
    summary: 's',
  }) as OutcomeRecord;

describe('reviewer_directed_change follows the reviewer’s specific finding (seed §9(3))', () => {
  it('clears the handler when the return found the item the decision was overturned for', () => {
    const chain = chainReturnedOn('lawDiscretion');
    const facts = faultFacts(chain, overturned(['discretion']));
    expect(facts.reviewerDirected).toBe(true);
    const shares = proposeShares(chain, chainPersons(chain), facts, rules);
    expect(shares.find((s) => s.role === 'handler')).toMatchObject({ level: 'none', ruleId: 'reviewer_directed_change' });
    expect(shares.find((s) => s.role === 'reviewer')).toMatchObject({ level: 'direct' });
  });

  it('does not clear the handler when the return was about something else', () => {
    const chain = chainReturnedOn('factsEvidence');
    const facts = faultFacts(chain, overturned(['discretion']));
    expect(facts.reviewerDirected).toBe(false);
    const shares = proposeShares(chain, chainPersons(chain), facts, rules);
    expect(shares.find((s) => s.role === 'handler')).toMatchObject({ level: 'direct', ruleId: 'wrong_proposal' });
  });
});

describe('collective discussion with real members', () => {
  it('names each member as a person; the one who voted against bears no fault', () => {
    const chain = chainReturnedOn('factsEvidence');
    const shares = proposeShares(chain, chainPersons(chain), faultFacts(chain, overturned(['discretion'])), rules);
    expect(shares.filter((s) => s.role === 'discussants').map((s) => [s.personId, s.level, s.ruleId])).toEqual([
      ['head1', 'secondary', 'collective_decision'],
      ['head4', 'none', 'dissent_recorded'],
      ['head3', 'secondary', 'collective_decision'],
    ]);
  });
});
