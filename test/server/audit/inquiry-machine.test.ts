// The inquiry machine and its rules, pure: the fault rules table, who may send what, and the states
// an inquiry passes through with and without a pending withdrawal of the publication.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { inquiryMachine } from '../../../machines/inquiry/inquiry.machine.js';
import { allocateByRole, FaultRulesSchema, refuseInquiryActor, type FaultFacts } from '../../../machines/inquiry/inquiry.rules.js';
import type { InquiryInput } from '../../../machines/inquiry/inquiry.context.js';
import type { Actor } from '../../../machines/case/case.events.js';
import { loadFaultRules } from '../../../server/audit/fault-rules.js';

const rules = loadFaultRules();
const base: FaultFacts = {
  forum: 'reconsideration',
  result: 'revoked',
  causes: ['facts_evidence'],
  reviewed: true,
  discussed: false,
  reviewerDirected: false,
  reviewerFlaggedCause: false,
};
const actor = (id: string, roles: Actor['roles']): Actor => ({ id, roles, certified: true, qualified: true });
const input = (withdrawal: boolean): InquiryInput => ({
  inquiryId: 'i',
  caseId: 'c',
  decision: { draftHash: 'h', outcome: 'penalty', by: 'head', at: 't', entryId: 9 },
  outcome: {
    forum: 'litigation',
    result: 'confirmed_illegal',
    causes: ['procedure'],
    body: '西宁铁路运输法院',
    documentRef: '(2026)青8601行初1号',
    decidedOn: '2026-03-01',
    recordedBy: 'aud',
    at: 't',
  },
  persons: [
    { id: 'handler', name: '甲', roles: ['handler'] },
    { id: 'head', name: '乙', roles: ['head'] },
  ],
  facts: base,
  proposal: { rulesVersion: 'v', shares: [] },
  groundCodes: ['force_majeure'],
  openedAt: 't',
  withdrawal: {
    required: withdrawal,
    withdrawnAt: null,
    withdrawnOn: null,
    by: null,
  },
});
const determine = {
  type: 'inquiry.determine' as const,
  conclusion: '认定',
  actor: actor('aud', ['auditor']),
  at: 't2',
  allocations: [
    { personId: 'handler', level: 'direct' as const, exempted: false, reasons: 'r' },
    { personId: 'head', level: 'none' as const, exempted: true, grounds: ['force_majeure'], reasons: 'r' },
  ],
};

describe('fault rules (DOMAIN §2.2, bundled configuration)', () => {
  it.each<[string, Partial<FaultFacts>, Record<string, string>]>([
    [
      'wrong proposal the reviewer and head should have caught',
      {},
      { handler: 'direct', reviewer: 'main', head: 'important', discussants: 'none' },
    ],
    ['collective decision', { discussed: true }, { handler: 'direct', reviewer: 'main', head: 'main', discussants: 'secondary' }],
    [
      'reviewer directed a change of law or discretion',
      { reviewerDirected: true, causes: ['discretion'] },
      { handler: 'none', reviewer: 'direct', head: 'main' },
    ],
    [
      'reviewer directed a change, but the facts were wrong',
      { reviewerDirected: true },
      { handler: 'direct', reviewer: 'main', head: 'important' },
    ],
    [
      'approved_despite_failed_item: the reviewer approved although the item the decision fell on had failed (seed §9(3))',
      { reviewerFlaggedCause: true },
      { reviewer: 'direct', handler: 'main', head: 'important' },
    ],
    ['non-major case decided without review', { reviewed: false }, { handler: 'direct', reviewer: 'main', head: 'important' }],
  ])('%s', (_name, facts, expected) => {
    const levels = Object.fromEntries(Object.entries(allocateByRole({ ...base, ...facts }, rules)).map(([role, a]) => [role, a.level]));
    expect(levels).toMatchObject(expected);
  });

  it('refuses a rules file whose last rule does not always match', () => {
    const broken = { ...rules, rules: rules.rules.slice(0, -1) };
    expect(FaultRulesSchema.safeParse(broken).success).toBe(false);
    expect(FaultRulesSchema.safeParse(rules).success).toBe(true);
  });
});

describe('who may act on an inquiry', () => {
  const [snapshot] = initialTransition(inquiryMachine, input(false));
  const context = snapshot.context;
  it.each<[string, Actor, string, string | null]>([
    ['a person in the chain claims', actor('handler', ['handler']), 'exemption.claim', null],
    ['a stranger claims', actor('x', ['handler']), 'exemption.claim', 'not_in_chain'],
    ['an auditor outside the chain determines', actor('aud', ['auditor']), 'inquiry.determine', null],
    ['an auditor in the chain determines', actor('head', ['head', 'auditor']), 'inquiry.determine', 'supervisor_in_chain'],
    ['a head determines', actor('h2', ['head']), 'inquiry.determine', 'wrong_role'],
    ['a clerk records the withdrawal', actor('clerk', ['clerk']), 'withdrawal.record', null],
    ['an auditor records the withdrawal', actor('aud', ['auditor']), 'withdrawal.record', 'wrong_role'],
  ])('%s', (_name, who, type, code) => {
    expect(refuseInquiryActor(context, { type: type as never, actor: who })?.code ?? null).toBe(code);
  });
});

describe('inquiry states', () => {
  it('closes on determination when no withdrawal is owed', () => {
    const [opened] = initialTransition(inquiryMachine, input(false));
    const [after] = transition(inquiryMachine, opened, determine);
    expect(after.value).toBe('closed');
    expect(after.status).toBe('done');
  });

  it('stays determined until the clerk records a pending withdrawal', () => {
    const [opened] = initialTransition(inquiryMachine, input(true));
    const [determined] = transition(inquiryMachine, opened, determine);
    expect(determined.value).toBe('determined');
    const [closed] = transition(inquiryMachine, determined, {
      type: 'withdrawal.record',
      withdrawnOn: '2026-03-04',
      note: '已撤回',
      actor: actor('clerk', ['clerk']),
      at: 't3',
    });
    expect(closed.value).toBe('closed');
    expect(closed.context.withdrawal).toMatchObject({ withdrawnOn: '2026-03-04', by: 'clerk' });
  });

  it('does not determine without covering every person once, nor on unconfigured grounds', () => {
    const [opened] = initialTransition(inquiryMachine, input(false));
    expect(opened.can({ ...determine, allocations: determine.allocations.slice(0, 1) })).toBe(false);
    expect(opened.can({ ...determine, allocations: [determine.allocations[0]!, determine.allocations[0]!] })).toBe(false);
    expect(
      opened.can({ ...determine, allocations: [determine.allocations[0]!, { ...determine.allocations[1]!, grounds: ['made_up'] }] }),
    ).toBe(false);
    expect(opened.can(determine)).toBe(true);
  });
});
