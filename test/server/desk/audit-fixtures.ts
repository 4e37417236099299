// The record the auditor's desk tests look at, made through the API: a decided major case (hearing,
// return, revision, approval, discussion, decision, service, publication) with a refused attempt, a
// signed checkpoint and an open inquiry, plus a newer case still in review.
import { expect } from 'vitest';
import { sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { runReturnedHeardDiscussedCase, type DecidedCase } from '../audit/audit-helpers.js';
import { caseInReview } from './desk-fixtures.js';
import { filingSubmit, onClockOf } from '../../helpers/party-commands.js';

export interface AuditStory {
  decided: DecidedCase;
  decidedTitle: string;
  inReviewId: string;
  inReviewTitle: string;
  refusedEntryId: number;
  inquiryId: string;
}

/** Builds the story on `t`; every step is expected to succeed (or, for the refusal, to be refused). */
export async function auditStory(t: TestApp): Promise<AuditStory> {
  const decided = await runReturnedHeardDiscussedCase(t, { publish: true });
  const refused = await t.call('POST', `/api/v1/cases/${decided.id}/events`, 'reviewer1', filingSubmit());
  expect(refused.status).toBe(403);
  const entries = (await (await t.call('GET', `/api/v1/cases/${decided.id}/events?include=refused`, 'auditor1')).json()).items as {
    id: number;
    accepted: boolean;
  }[];
  const refusedEntry = entries.filter((e) => !e.accepted).at(-1);
  expect(refusedEntry).toBeDefined();
  expect((await t.call('POST', '/api/v1/audit/checkpoints', 'auditor1')).status).toBe(201);
  const outcome = await t.call('POST', `/api/v1/cases/${decided.id}/outcomes`, 'auditor1', {
    forum: 'reconsideration',
    result: 'revoked',
    causes: ['facts_evidence'],
    body: '西宁市人民政府',
    documentRef: '宁政复决字〔2026〕12号',
    // The court's decision is dated the day it is recorded: never before the decision it overturns.
    decidedOn: onClockOf(t)(0),
  });
  const opened = await outcome.json();
  expect(outcome.status, JSON.stringify(opened)).toBe(201);
  const inReviewTitle = '青海某客运公司客车超员运输案';
  const inReview = await caseInReview(t, sampleDraft({ title: inReviewTitle }));
  const decidedTitle = (await t.services.store.get(decided.id))!.title;
  return { decided, decidedTitle, inReviewId: inReview.id, inReviewTitle, refusedEntryId: refusedEntry!.id, inquiryId: opened.id };
}

/** Number of record entries (accepted and refused) in the whole database. */
export async function recordCount(t: TestApp): Promise<number> {
  const rs = await t.services.database.client.execute('SELECT count(*) AS n FROM case_events');
  return Number(rs.rows[0]!.n);
}
