// The content rules of the 行政强制执行 machine, table-driven: the draft (arts 35, 37, 45), the 催告 period and the
// court's wait (arts 37, 54), night and rest days (art 43), and the 代履行 reminder (art 51(2)).
import { describe, expect, it } from 'vitest';
import { initialExecutionContext } from '../../../machines/execution/execution.updates.js';
import {
  refuseCarry,
  refuseExecutionDraft,
  refuseNoticePeriod,
  refuseRestrictedTime,
} from '../../../machines/execution/execution.content.js';
import type { ExecutionContext } from '../../../machines/execution/execution.context.js';
import type { ExecutionDraft } from '../../../machines/execution/execution.draft.js';
import type { ExecutionEvent } from '../../../machines/execution/execution.events.js';
import { modelCatalog, modelDrafts } from '../../proof/execution/execution-model.js';

const people = { handler1: 'h1', handler2: 'h2', reviewer1: 'r1', reviewer2: 'r2', head1: 'hd1', clerk1: 'c1' };
const drafts = modelDrafts(people);
const at = '2026-03-10T02:00:00.000Z';
const actor = { id: 'hd1', roles: ['head' as const], certified: false, qualified: false };
const contextOf = (draft: ExecutionDraft, over: Partial<ExecutionContext> = {}): ExecutionContext => ({
  ...initialExecutionContext({ caseId: 'c', handlerId: 'h1', draft, catalog: modelCatalog, at, openedOn: '2026-01-25' }),
  ...over,
});
type Decide = Extract<ExecutionEvent, { type: 'decision.issue' }>;
const decide = (decidedOn: string): Decide => ({
  type: 'decision.issue',
  draftHash: 'a'.repeat(64),
  decidedOn,
  courtDeadline: '2026-05-10',
  planned: { restDay: false, night: false },
  actor,
  at,
});
const notice = { servedOn: '2026-03-02', periodDays: 5, endsOn: '2026-03-09', courtWaitEndsOn: '2026-03-16', by: 'h1' };

describe('the draft (arts 35(3), 37 ¶2(3), 45 ¶2, 50)', () => {
  it.each([
    ['a money duty without its amount', { duty: { ...drafts.M.duty, kind: 'money' as const } }, 'execution_amount_missing'],
    ['代履行 as route but not means', { route: 'substitute' as const }, 'execution_route_mismatch'],
    ['no time of execution for the agency', { plannedOn: undefined }, 'execution_time_missing'],
    ['a surcharge on a duty to act', { surchargeYuan: 1 }, 'execution_surcharge_over_amount'],
  ])('refuses %s', (_name, over, code) => {
    expect(refuseExecutionDraft({ ...drafts.M, ...over })?.code).toBe(code);
  });

  it('accepts the court route without a time, and refuses a revision to another duty', () => {
    expect(refuseExecutionDraft(drafts.C)).toBeNull();
    const fixed = contextOf(drafts.M).duty;
    expect(refuseExecutionDraft({ ...drafts.M, duty: { ...drafts.M.duty, remedyEndsOn: '2026-06-01' } }, fixed)?.code).toBe(
      'execution_duty_changed',
    );
  });
});

describe('the 催告 period (art 37 ¶1) and the court wait (art 54)', () => {
  it.each([
    ['enforce', drafts.M, '2026-03-09', 'execution_notice_period_running'],
    ['enforce', drafts.M, '2026-03-10', null],
    ['court', drafts.C, '2026-03-10', 'execution_notice_period_running'],
    ['court', drafts.C, '2026-03-17', null],
  ] as const)('on the %s route, a decision on %#', (_route, draft, decidedOn, code) => {
    expect(refuseNoticePeriod(contextOf(draft, { notice }), decide(decidedOn))?.code ?? null).toBe(code);
  });

  it('refuses a decision with no 催告 at all', () => {
    expect(refuseNoticePeriod(contextOf(drafts.M), decide('2026-03-10'))?.code).toBe('execution_notice_period_running');
  });
});

describe('night and rest days (art 43 ¶1)', () => {
  it.each([
    [{ restDay: false, night: false }, false, null],
    [{ restDay: true, night: false }, false, 'rest_day'],
    [{ restDay: false, night: true }, false, 'night'],
    [{ restDay: true, night: true }, true, null],
  ])('%j, urgent %s → %s', (when, urgent, reason) => {
    expect(refuseRestrictedTime(when, urgent, 'f')?.reason ?? null).toBe(reason);
  });
});

describe('the 代履行 reminder (art 51(2))', () => {
  const decided = {
    draftHash: 'a'.repeat(64),
    outcome: 'execution_substitute' as const,
    route: 'substitute' as const,
    by: 'hd1',
    at,
    decidedOn: '2026-03-02',
    courtDeadline: '2026-05-10',
  };
  const carry = (carriedOn: string): Extract<ExecutionEvent, { type: 'execution.carry' }> => ({
    type: 'execution.carry',
    carriedOn,
    carried: { restDay: false, night: false },
    actor: { ...actor, roles: ['handler'] },
    at,
  });
  it.each([
    [null, 'execution_reminder_missing'],
    ['2026-03-08', 'execution_reminder_missing'],
    ['2026-03-07', null],
  ])('reminder served on %s, carried out on 2026-03-10 → %s', (servedOn, code) => {
    const reminder = servedOn ? { servedOn, by: 'h1' } : null;
    expect(refuseCarry(contextOf(drafts.S, { decision: decided, reminder }), carry('2026-03-10'))?.code ?? null).toBe(code);
  });
});
