// Evidence in the draft and records on events, through the real API: the draft hash covers the files a
// draft cites, so swapping a file voids an approval like a text change; files must be this case's own
// (422); and hearing.hold needs an audio-visual record under the default policy (422 av-record-required).
import { daysAgo, noticeSend, toScheduledHearing } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { reviewItems } from '../../../machines/case/case.events.js';
import { sha256Canonical } from '../../../machines/shared/canonical-hash.js';
import type { DraftContent, FileRef } from '../../../machines/case/draft.schema.js';
import { loadPolicy } from '../../../server/policy/load-policy.js';
import { PolicySchema } from '../../../server/policy/policy.schema.js';
import { samplePdf, samplePng } from '../../../server/demo/sample-files.js';
import { footprint, sendOk } from '../desk/desk-fixtures.js';
import { hearingRecord, uploadOk } from './evidence-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const open = async (draft: DraftContent = sampleDraft()) =>
  (await (await t.call('POST', '/api/v1/cases', 'handler1', { ...draft, openedOn: daysAgo(70) })).json()).id as string;
const withFiles = (files: FileRef[]): DraftContent =>
  sampleDraft({ evidence: [{ kind: '询问笔录', description: '当事人询问笔录', files }] });
const putDraft = (id: string, draft: DraftContent) => t.call('PUT', `/api/v1/cases/${id}/draft`, 'handler1', draft);

describe('files in the draft', () => {
  it('accepts files of the case and hashes them with the draft', async () => {
    const id = await open();
    const { ref } = await uploadOk(t, id, samplePdf(), 'application/pdf', '笔录.pdf');
    const res = await putDraft(id, withFiles([ref]));
    const view = await res.json();
    expect(res.status, JSON.stringify(view)).toBe(200);
    expect(view.draft.hash).toBe(sha256Canonical(withFiles([ref])));
    expect(view.draft.hash).not.toBe(sha256Canonical(withFiles([])));
  });

  it.each([
    [
      'an unknown evidence id',
      () => ({ evidenceId: '11111111-1111-1111-1111-111111111111', sha256: 'a'.repeat(64) }),
      'evidence-not-in-case',
    ],
  ])('refuses %s (422)', async (_name, ref, type) => {
    const id = await open();
    const before = await footprint(t, id);
    const res = await putDraft(id, withFiles([ref()]));
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe(`/problems/${type}`);
    expect(await footprint(t, id)).toEqual(before);
  });

  it("refuses another case's file and a file cited with another hash (422), changing nothing", async () => {
    const id = await open();
    const other = await open();
    const theirs = (await uploadOk(t, other, samplePdf('theirs'), 'application/pdf', 'x.pdf')).ref;
    const mine = (await uploadOk(t, id, samplePdf('mine'), 'application/pdf', 'y.pdf')).ref;
    const before = await footprint(t, id);
    for (const [ref, type] of [
      [theirs, 'evidence-not-in-case'],
      [{ ...mine, sha256: theirs.sha256 }, 'evidence-hash-mismatch'],
    ] as const) {
      const res = await putDraft(id, withFiles([ref]));
      expect(res.status).toBe(422);
      expect((await res.json()).type).toBe(`/problems/${type}`);
    }
    expect(await footprint(t, id)).toEqual(before);
  });

  it('refuses files in the opening draft: no file can belong to a case not yet opened', async () => {
    const other = await open();
    const { ref } = await uploadOk(t, other, samplePdf('early'), 'application/pdf', 'e.pdf');
    const res = await t.call('POST', '/api/v1/cases', 'handler1', { ...withFiles([ref]), openedOn: daysAgo(70) });
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe('/problems/evidence-not-in-case');
  });

  it('refuses a file reference with extra fields (400)', async () => {
    const id = await open();
    const { ref } = await uploadOk(t, id, samplePdf('extra'), 'application/pdf', 'z.pdf');
    const res = await putDraft(id, withFiles([{ ...ref, filename: 'z.pdf' } as FileRef]));
    expect(res.status).toBe(400);
  });
});

describe('replacing a file on an approved draft', () => {
  it('voids the approval, and a decision on the old hash is refused', async () => {
    const id = await open();
    const first = (await uploadOk(t, id, samplePng(16, 16), 'image/png', '现场照片.png')).ref;
    const second = (await uploadOk(t, id, samplePng(17, 16), 'image/png', '现场照片（更正）.png')).ref;
    await putDraft(id, withFiles([first]));
    await sendOk(t, id, 'handler1', noticeSend(daysAgo(50)));
    await sendOk(t, id, 'handler1', { type: 'rights.waive' });
    await sendOk(t, id, 'handler1', { type: 'review.submit', attestation: true });
    await sendOk(t, id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    const approvedHash = sha256Canonical(withFiles([first]));
    const approved = await sendOk(t, id, 'reviewer1', {
      type: 'review.approve',
      draftHash: approvedHash,
      opinion: '同意',
      items: reviewItems(),
    });
    expect(approved.state).toBe('awaitingDecision');

    const replaced = await (await putDraft(id, withFiles([second]))).json();
    expect(replaced.state).toBe('ready');
    expect(replaced.review).toBeNull();
    expect(replaced.draft.hash).not.toBe(approvedHash);

    const before = await footprint(t, id);
    const res = await t.call('POST', `/api/v1/cases/${id}/events`, 'head1', { type: 'decision.issue', draftHash: approvedHash });
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe('/problems/event-not-allowed');
    expect(await footprint(t, id)).toEqual(before);
  });
});

describe('audio-visual records (音像记录)', () => {
  async function hearingRequested() {
    const id = await open();
    for (const command of toScheduledHearing(t.users.reviewer2.id, t.users.clerk1.id))
      await sendOk(t, id, command.type === 'hearing.schedule' ? 'head1' : 'handler1', command);
    return id;
  }

  it('refuses hearing.hold without records under the default policy (422 av-record-required), changing nothing', async () => {
    const id = await hearingRequested();
    const before = await footprint(t, id);
    const res = await t.call('POST', `/api/v1/cases/${id}/events`, 'handler1', {
      type: 'hearing.hold',
      heldOn: daysAgo(20),
      transcript: '听证笔录',
    });
    const body = await res.json();
    expect(res.status).toBe(422);
    expect(body).toMatchObject({ type: '/problems/av-record-required', reason: 'no_av_record', fields: ['records'] });
    expect(await footprint(t, id)).toEqual(before);
    const refused = (await t.services.store.events(id, true)).at(-1)!;
    expect(refused).toMatchObject({ type: 'hearing.hold', accepted: false, refusal: { code: 'av_record_required' } });
  });

  it('refuses hearing.hold whose only record is a document', async () => {
    const id = await hearingRequested();
    const { ref } = await uploadOk(t, id, samplePdf('hearing'), 'application/pdf', '听证笔录.pdf');
    const res = await t.call('POST', `/api/v1/cases/${id}/events`, 'handler1', {
      type: 'hearing.hold',
      heldOn: daysAgo(20),
      transcript: '笔录',
      records: [ref],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe('/problems/av-record-required');
  });

  it('accepts hearing.hold with an audio record and keeps its media type on the record', async () => {
    const id = await hearingRequested();
    const ref = await hearingRecord(t, id);
    const view = await sendOk(t, id, 'handler1', { type: 'hearing.hold', heldOn: daysAgo(20), transcript: '笔录', records: [ref] });
    expect(view.state).toBe('ready');
    const entry = (await t.services.store.events(id, false)).at(-1)!;
    expect(entry.payload).toMatchObject({ records: [{ ...ref, mediaType: 'audio/wav' }], avRecordRequired: true });
  });

  it("refuses a record that is another case's file (422)", async () => {
    const id = await hearingRequested();
    const ref = await hearingRecord(t, await open());
    const res = await t.call('POST', `/api/v1/cases/${id}/events`, 'handler1', {
      type: 'hearing.hold',
      heldOn: daysAgo(20),
      transcript: '笔录',
      records: [ref],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).type).toBe('/problems/evidence-not-in-case');
  });

  it('accepts hearing.hold without records when the policy table does not list it', async () => {
    const policy = loadPolicy();
    policy.evidence.avRecords = [];
    const local = await createTestApp({ policy });
    try {
      const id = (await (await local.call('POST', '/api/v1/cases', 'handler1', { ...sampleDraft(), openedOn: daysAgo(70) })).json()).id;
      for (const command of toScheduledHearing(local.users.reviewer2.id, local.users.clerk1.id))
        await sendOk(local, id, command.type === 'hearing.schedule' ? 'head1' : 'handler1', command);
      expect((await sendOk(local, id, 'handler1', { type: 'hearing.hold', heldOn: daysAgo(20), transcript: '笔录' })).state).toBe('ready');
    } finally {
      await local.close();
    }
  });

  it('refuses a policy that names an event without the record guard', () => {
    const policy = structuredClone(loadPolicy()) as Record<string, unknown> & { evidence: { avRecords: unknown[] } };
    policy.evidence.avRecords = [{ event: 'decision.serve', method: 'lien', basis: '[T]' }];
    const parsed = PolicySchema.safeParse(policy);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('hasRequiredAvRecord');
  });
});
