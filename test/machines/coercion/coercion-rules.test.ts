// The 查封、扣押 rules as tables: the catalog's classification, the draft rules (arts 18, 23), who may send what
// (separation of handling, review and decision), the review items against the outcome, and the period (art 25).
import { describe, expect, it } from 'vitest';
import { classifyCoercion, mergeCoercionClassification } from '../../../machines/coercion/coercion.catalog.js';
import { coercionReviewItems, type CoercionEvent } from '../../../machines/coercion/coercion.events.js';
import { refuseCoercionActor, refuseCoercionContent, refuseCoercionDraft } from '../../../machines/coercion/coercion.rules.js';
import { initialCoercionContext } from '../../../machines/coercion/coercion.updates.js';
import type { Actor } from '../../../machines/case/case.events.js';
import { modelCatalog, modelDrafts } from '../../proof/coercion/coercion-model.js';

const people = { handler1: 'h1', handler2: 'h2', reviewer1: 'r1', reviewer2: 'r2', head1: 'hd1', clerk1: 'c1' };
const drafts = modelDrafts(people);
const at = '2026-03-02T02:00:00.000Z';
const context = (over = {}) => ({
  ...initialCoercionContext({ caseId: 'c', handlerId: 'h1', draft: drafts.A, catalog: modelCatalog, at }),
  ...over,
});
const actor = (id: string, roles: Actor['roles'], certified = true, qualified = true): Actor => ({ id, roles, certified, qualified });
const event = (body: Record<string, unknown>, who: Actor, when = at) => ({ ...body, actor: who, at: when }) as CoercionEvent;

describe('classifyCoercion', () => {
  it.each([
    ['value at the threshold', { objects: [{ ...drafts.A.objects[0]!, valueYuan: 100_000 }] }, ['value_over_threshold']],
    ['value below it', { objects: [{ ...drafts.A.objects[0]!, valueYuan: 99_999 }] }, []],
    ['premises sealed', { objects: [{ ...drafts.A.objects[0]!, kind: 'premises' as const, valueYuan: 1 }] }, ['major_object_kind']],
    [
      'public interest and complex',
      { objects: [{ ...drafts.A.objects[0]!, valueYuan: 1 }], publicInterest: true, complex: true },
      ['complex', 'public_interest'],
    ],
  ])('%s', (_name, over, reasons) => {
    const c = classifyCoercion({ ...drafts.A, ...over }, modelCatalog);
    expect(c).toEqual({ isMajor: reasons.length > 0, reasons });
  });

  it('keeps a case major after a revision below the catalog', () => {
    const merged = mergeCoercionClassification(classifyCoercion(drafts.A, modelCatalog), classifyCoercion(drafts.M, modelCatalog));
    expect(merged.isMajor).toBe(true);
  });
});

describe('refuseCoercionDraft', () => {
  it.each([
    ['a lawful draft', drafts.A, null],
    ['a living necessity (art 23)', drafts.X, 'coercion_object_excluded'],
    ['one officer named twice (art 18(2))', { ...drafts.A, officers: ['h1', 'h1'] }, 'coercion_officers_too_few'],
  ])('%s', (_name, draft, code) => {
    expect(refuseCoercionDraft(draft)?.code ?? null).toBe(code);
  });
});

describe('refuseCoercionActor', () => {
  const approve = { type: 'review.approve', draftHash: context().draft.hash, opinion: 'ok', items: coercionReviewItems() };
  const decide = {
    type: 'decision.issue',
    draftHash: context().draft.hash,
    decidedOn: '2026-03-02',
    implementedOn: '2026-03-02',
    periodEndsOn: '2026-04-01',
  };
  it.each([
    ['the handler submits', { type: 'review.submit', attestation: true }, actor('h1', ['handler']), context(), null],
    ['another handler submits', { type: 'review.submit', attestation: true }, actor('h2', ['handler']), context(), 'not_handler'],
    [
      'an uncertified handler submits',
      { type: 'review.submit', attestation: true },
      actor('h1', ['handler'], false),
      context(),
      'no_certificate',
    ],
    ['the assigned reviewer approves', approve, actor('r1', ['reviewer']), context({ reviewerId: 'r1' }), null],
    ['another reviewer approves', approve, actor('r2', ['reviewer']), context({ reviewerId: 'r1' }), 'not_assigned_reviewer'],
    [
      'an unqualified reviewer approves',
      approve,
      actor('r1', ['reviewer'], true, false),
      context({ reviewerId: 'r1' }),
      'no_qualification',
    ],
    ['the handler, also a reviewer, approves', approve, actor('h1', ['handler', 'reviewer']), context(), 'self_review'],
    [
      'a reviewer assigns another',
      { type: 'review.assign', reviewerId: 'r2', assignee: { id: 'r2', qualified: true } },
      actor('r1', ['reviewer']),
      context(),
      'self_assignment_only',
    ],
    [
      'a head assigns the handler',
      { type: 'review.assign', reviewerId: 'h1', assignee: { id: 'h1', qualified: true } },
      actor('hd1', ['head']),
      context(),
      'self_review',
    ],
    ['a head decides', decide, actor('hd1', ['head']), context(), null],
    ['a head who reviewed decides', decide, actor('r1', ['head', 'reviewer']), context({ reviewers: ['r1'] }), 'reviewer_may_not_decide'],
    ['the handler, also a head, decides', decide, actor('h1', ['head', 'handler']), context(), 'self_review'],
    ['a clerk decides', decide, actor('c1', ['clerk']), context(), 'wrong_role'],
  ])('%s', (_name, body, who, ctx, code) => {
    expect(refuseCoercionActor(ctx, event(body, who))?.code ?? null).toBe(code);
  });
});

describe('refuseCoercionContent', () => {
  const head = actor('hd1', ['head']);
  const inForce = context({ period: { implementedOn: '2026-03-02', days: 30, endsOn: '2026-04-01', extension: null } });
  const extend = (noticeServedOn: string, when: string) =>
    event({ type: 'measure.extend', days: 30, reason: 'x', noticeServedOn, extendedEndsOn: '2026-05-01' }, head, when);
  it.each([
    ['an extension within the period', extend('2026-04-01', '2026-04-01T02:00:00.000Z'), null],
    ['an extension the day after it ended', extend('2026-04-02', '2026-04-02T02:00:00.000Z'), 'coercion_period_expired'],
    ['an extension entered late for a notice served in time', extend('2026-04-01', '2026-04-03T02:00:00.000Z'), 'coercion_period_expired'],
    ['an extension notice dated before the measure', extend('2026-03-01', '2026-03-05T02:00:00.000Z'), 'legal_date_invalid'],
  ])('%s', (_name, e, code) => {
    expect(refuseCoercionContent(inForce, e)?.code ?? null).toBe(code);
  });

  it.each([
    ['an approval with every item passed', 'review.approve', {}, null],
    ['an approval with an item failed', 'review.approve', { period: '超期' }, 'approve_with_failed_items'],
    ['a return with none failed', 'review.return', {}, 'return_without_failed_item'],
    ['a return with one failed', 'review.return', { proportionality: '过度' }, null],
  ])('%s', (_name, type, findings, reason) => {
    const e = event(
      { type, draftHash: context().draft.hash, opinion: 'x', items: coercionReviewItems(findings) },
      actor('r1', ['reviewer']),
    );
    const refusal = refuseCoercionContent(context(), e);
    expect(refusal ? refusal.reason : null).toBe(reason);
  });
});
