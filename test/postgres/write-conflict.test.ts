// Two processes' stacks (each its own writer, snapshot cache and pipeline) on one PostgreSQL database. The
// per-case compare-and-swap (`(case_id, seq)` unique) decides a race: the process that wrote second reloads
// and answers as an in-process race would (409/422), never 500 and never a second acceptance; sessions and
// idempotency keys hold across both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceStore } from '../../db/evidence/evidence-store.js';
import { reviewItems } from '../../machines/case/case.events.js';
import { inReview, type Json } from '../server/review-law/review-law-helpers.js';
import { verifyReadLog } from '../../db/audit/audit-verify-read-log.js';
import { createIdempotencyStore } from '../../db/cases/idempotency-store.js';
import { createCaseService } from '../../server/cases/case-service.js';
import { createCaseStream } from '../../server/cases/case-stream.js';
import { catalogOf, procedureFrom } from '../../server/services.js';
import { createCommandPipeline } from '../../server/shared/command-pipeline.js';
import { createTestApp, openTestApp, sampleDraft, type TestApp } from '../helpers/test-app.js';
import { DeskClient } from '../server/desk/desk-client.js';
import { noticeSend } from '../helpers/party-commands.js';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await openTestApp(a.dbPath);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/**
 * Process A's case service as a single-process deployment wires it: it trusts its snapshot cache. Only the
 * database's compare-and-swap can then stop it from accepting on a stale snapshot.
 */
function trustingService(t: TestApp) {
  const s = t.services;
  const stream = createCaseStream({
    store: s.store,
    users: s.users,
    effects: [],
    deadlines: () => [],
    deadlinesOfMany: async () => new Map(),
    sharedWriters: false,
  });
  const pipeline = createCommandPipeline({
    writer: s.writer,
    idempotency: createIdempotencyStore(s.database.client),
    now: s.now,
    retentionHours: 24,
  });
  const evidence = { store: createEvidenceStore(s.database.client), avRecords: s.policy.evidence.avRecords };
  return createCaseService({
    pipeline,
    stream,
    store: s.store,
    users: s.users,
    catalog: catalogOf(s.policy),
    procedure: procedureFrom(s.policy),
    effects: [],
    calendar: s.calendar,
    policy: s.policy,
    evidence,
    now: s.now,
  });
}

async function accepted(caseId: string, type: string): Promise<number> {
  return (await a.services.store.events(caseId, false)).filter((e) => e.type === type).length;
}

describe('two processes on one database', () => {
  it('turns a stale acceptance into a write conflict, then a reload and a 422, never a second acceptance', async () => {
    const stale = trustingService(a);
    const opened = await b.services.cases.open(b.users.handler1, sampleDraft());
    if (!opened.ok) throw new Error(opened.error.detail);
    const id = opened.value.id;
    expect((await stale.view(a.users.handler1, id)).ok).toBe(true);
    expect((await b.services.cases.send(b.users.handler1, id, noticeSend())).ok).toBe(true);

    // A draft revision is allowed while investigating (A's stale view) but not once noticed (the stored case).
    const revise = { type: 'draft.revise' as const, draft: sampleDraft({ proposed: { kind: 'fine', amountYuan: 90000 } }) };
    const again = await stale.send(a.users.handler1, id, revise);
    expect(again.ok ? 'accepted' : [again.error.kind, again.error.code]).toEqual(['invalid_transition', 'event_not_allowed']);
    expect([await accepted(id, 'notice.send'), await accepted(id, 'draft.revise')]).toEqual([1, 0]);
    // The reload left A's cache current: its next command is judged on version 2 and accepted.
    const next = await stale.send(a.users.handler1, id, { type: 'rights.waive' }, { ifMatch: 2 });
    expect(next.ok && next.value.version).toBe(3);
  });

  it('answers a stale If-Match 409 after the conflict when the event is still allowed', async () => {
    const stale = trustingService(a);
    const opened = await a.services.cases.open(a.users.handler1, sampleDraft());
    if (!opened.ok) throw new Error(opened.error.detail);
    const id = opened.value.id;
    await stale.view(a.users.handler1, id);
    const revise = (amountYuan: number) => ({
      type: 'draft.revise' as const,
      draft: sampleDraft({ proposed: { kind: 'fine', amountYuan } }),
    });
    expect((await b.services.cases.send(b.users.handler1, id, revise(120000), { ifMatch: 1 })).ok).toBe(true);
    const refused = await stale.send(a.users.handler1, id, revise(90000), { ifMatch: 1 });
    expect(refused.ok ? 'accepted' : [refused.error.kind, refused.error.code]).toEqual(['conflict', 'version_mismatch']);
    expect((await a.services.store.drafts(id)).map((d) => d.version)).toEqual([1, 2]);
  });

  it('checks a cached snapshot against the stored version where other processes write (no conflict needed)', async () => {
    const opened = await a.services.cases.open(a.users.handler1, sampleDraft());
    if (!opened.ok) throw new Error(opened.error.detail);
    const id = opened.value.id;
    await a.services.cases.view(a.users.handler1, id);
    expect((await b.services.cases.send(b.users.handler1, id, noticeSend())).ok).toBe(true);
    const view = await a.services.cases.view(a.users.handler1, id);
    expect(view.ok && view.value.version).toBe(2);
  });

  it('gives one Idempotency-Key sent to both processes at once one case and the first answer twice', async () => {
    const idempotency = { key: 'same-key-both-processes', route: 'POST /cases', body: sampleDraft({ title: '幂等并发案' }) };
    const [first, second] = await Promise.all([
      a.services.cases.open(a.users.handler1, sampleDraft({ title: '幂等并发案' }), idempotency),
      b.services.cases.open(b.users.handler1, sampleDraft({ title: '幂等并发案' }), idempotency),
    ]);
    expect(first.ok && second.ok && first.value.id === second.value.id).toBe(true);
    const rows = await a.services.store.list({ handlerId: a.users.handler1.id });
    expect(rows.filter((r) => r.title === '幂等并发案')).toHaveLength(1);
  });

  it('keeps a desk session signed in on one process valid on the other, and its sign-out ends it on both', async () => {
    const onA = new DeskClient(a);
    await onA.signIn('reviewer1');
    const onB = new DeskClient(b);
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
    const page = await onB.request('GET', '/desk');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(b.users.reviewer1.displayName);
    const out = await onA.post('/desk/sign-out', { _csrf: await onA.csrf('/desk') });
    expect(out.status).toBe(303);
    expect((await onB.request('GET', '/desk')).status).toBe(303);
  });

  it('keeps one read log chain (调阅记录) while both processes log reads at once', async () => {
    const opened = await a.services.cases.open(a.users.handler1, sampleDraft({ title: '调阅并发案' }));
    if (!opened.ok) throw new Error(opened.error.detail);
    const read = (t: TestApp) => t.call('GET', `/api/v1/cases/${opened.value.id}`, 'handler1');
    const before = (await verifyReadLog(a.services.database.client)).entries;
    // Rounds of reads on both at once: each process chains after the head it knows, so the second to write
    // collides on the read id and re-chains after the stored head.
    for (let round = 0; round < 5; round += 1) {
      const answers = await Promise.all([...Array.from({ length: 4 }, () => read(a)), ...Array.from({ length: 4 }, () => read(b))]);
      expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
      await Promise.all([a.services.readLog.flush(), b.services.readLog.flush()]);
    }
    const report = await verifyReadLog(a.services.database.client);
    expect([report.issueCount, report.entries - before]).toEqual([0, 40]);
  });

  it('numbers 审核意见书 issued on both processes at once uniquely and without gaps', async () => {
    const cases = await Promise.all([inReview(a), inReview(a), inReview(a), inReview(a)]);
    const approve = (c: Json) => ({ type: 'review.approve', draftHash: c.draft.hash, opinion: '同意。', items: reviewItems() });
    // Each process numbers under its own lock; the unique (kind, year, seq) index decides between them.
    const answers = await Promise.all(
      cases.map((c, i) => (i % 2 === 0 ? a : b).call('POST', `/api/v1/cases/${c.id}/events`, 'reviewer1', approve(c))),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const docs = (await Promise.all(cases.map((c) => a.services.documents.byCase(c.id)))).flat();
    const seqs = docs.map((d) => d.seq).sort((x, y) => x - y);
    expect(seqs).toHaveLength(4);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });
});
