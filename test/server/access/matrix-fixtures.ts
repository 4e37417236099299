// The state the access matrix is walked over, made through the API: a decided major case with an open
// inquiry and its issued documents, a drafting case, a case in review assigned to reviewer1 and a case ready
// for decision; plus quick cases made fresh for probes that change state (a transition may be allowed only once).
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { expect } from 'vitest';
import { sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { runReturnedHeardDiscussedCase } from '../audit/audit-helpers.js';
import { caseInReview, sendOk } from '../desk/desk-fixtures.js';

/**
 * The columns of the matrix, each played by its demo user: the six roles in the 支队 (reviewer1 in its
 * 法制审核科), then a handler and a head of the 大通 county 大队, to whom the 支队's cases are out of reach.
 */
export const roleUsers = {
  handler: 'handler1',
  reviewer: 'reviewer1',
  head: 'head1',
  clerk: 'clerk1',
  auditor: 'auditor1',
  admin: 'admin1',
  countyHandler: 'handler3',
  countyHead: 'head2',
} as const satisfies Record<string, DemoUserName>;
export type MatrixRole = keyof typeof roleUsers;
export const matrixRoles = Object.keys(roleUsers) as MatrixRole[];

export interface MatrixWorld {
  decidedId: string;
  inquiryId: string;
  draftingId: string;
  inReviewId: string;
  readyId: string;
  /** An evidence file of the decided case (its hearing record). */
  evidenceId: string;
  /** The number (文号) of the decided case's last 审核意见书. */
  opinionNumber: string;
  /** A case sent to the police (移送): it has a 移送书. */
  transferredId: string;
}

/** A case whose transfer (移送规定 arts 5–12) was reported, approved, sent, filed by the police and handed over. */
async function transferredCase(t: TestApp): Promise<string> {
  const c = await openedCase(t);
  const steps: [DemoUserName, Record<string, unknown>][] = [
    ['handler1', { type: 'transfer.report', officers: [t.users.handler1.id, t.users.handler2.id], report: '涉嫌犯罪' }],
    ['head1', { type: 'transfer.approve' }],
    ['handler1', { type: 'transfer.send', recipient: '西宁市公安局', materials: ['调查报告'], seizedItems: [] }],
    ['handler1', { type: 'transfer.answer', result: 'filed', receivedOn: onClockOf(t)(0) }],
    [
      'handler1',
      { type: 'transfer.handover', handedOverOn: onClockOf(t)(0), receivedBy: '王警官', materials: ['调查报告'], seizedItems: [] },
    ],
  ];
  for (const [user, body] of steps) expect((await t.call('POST', `/api/v1/cases/${c.id}/events`, user, body)).status).toBe(200);
  return c.id;
}

/** A case opened by handler1 (non-major when `small`). */
export async function openedCase(t: TestApp, small = false): Promise<{ id: string; version: number; draft: { hash: string } }> {
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft(small ? { proposed: { kind: 'fine', amountYuan: 1000 } } : {}));
  expect(res.status).toBe(201);
  return res.json();
}

/** A non-major case noticed and waived by handler1, ready for the head's decision. */
export async function readyCase(t: TestApp) {
  const c = await openedCase(t, true);
  await sendOk(t, c.id, 'handler1', noticeSend(onClockOf(t)(0)));
  return sendOk(t, c.id, 'handler1', { type: 'rights.waive' });
}

/** A non-major case decided by head1, with no inquiry yet. */
export async function decidedCase(t: TestApp): Promise<string> {
  const c = await readyCase(t);
  await sendOk(t, c.id, 'head1', { type: 'decision.issue', draftHash: c.draft.hash });
  return c.id;
}

/** A major case in review, claimed by reviewer1. */
export async function assignedCase(t: TestApp) {
  const c = await caseInReview(t);
  return sendOk(t, c.id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
}

/** Builds the shared state. */
export async function matrixWorld(t: TestApp): Promise<MatrixWorld> {
  const decided = await runReturnedHeardDiscussedCase(t, { publish: true });
  const outcome = await t.call('POST', `/api/v1/cases/${decided.id}/outcomes`, 'auditor1', {
    forum: 'reconsideration',
    result: 'revoked',
    causes: ['facts_evidence'],
    body: '西宁市人民政府',
    documentRef: '宁政复决字〔2026〕12号',
    // The court's decision is dated the day it is recorded: never before the decision it overturns.
    decidedOn: onClockOf(t)(0),
  });
  expect(outcome.status).toBe(201);
  const inquiryId = (await outcome.json()).id as string;
  const drafting = await openedCase(t);
  return {
    decidedId: decided.id,
    inquiryId,
    draftingId: drafting.id,
    inReviewId: (await assignedCase(t)).id,
    readyId: (await readyCase(t)).id,
    evidenceId: (await t.services.evidence.list(decided.id))[0]!.id,
    opinionNumber: (await t.services.documents.byCase(decided.id)).filter((d) => d.kind === 'opinion').at(-1)!.number,
    transferredId: await transferredCase(t),
  };
}
