// Evidence in the desk over app.request(): the review page shows each file inline or in a player with its
// hash, the diff names added and removed files, the desk serves file bytes by range to signed-in users,
// and the hearing form sends ticked records, refused (422) without an audio-visual one.
import { daysAgo, noticeSend, toScheduledHearing } from '../../helpers/party-commands.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { reviewItems } from '../../../machines/case/case.events.js';
import { samplePdf, samplePng, sampleWav } from '../../../server/demo/sample-files.js';
import { DeskClient, csrfOf } from './desk-client.js';
import { sendOk } from './desk-fixtures.js';
import { uploadOk } from '../evidence/evidence-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const open = async () =>
  (await (await t.call('POST', '/api/v1/cases', 'handler1', { ...sampleDraft(), openedOn: daysAgo(70) })).json()).id as string;

describe('the review page with files', () => {
  it('shows each file with a viewer and its hash, and the files added and removed since the last review', async () => {
    const id = await open();
    const pdf = (await uploadOk(t, id, samplePdf(), 'application/pdf', '询问笔录.pdf')).ref;
    const png = (await uploadOk(t, id, samplePng(20, 20), 'image/png', '现场照片.png')).ref;
    const wav = (await uploadOk(t, id, sampleWav(0.2), 'audio/wav', '录音.wav')).ref;
    const draft = (files: (typeof pdf)[]) => sampleDraft({ evidence: [{ kind: '证据', description: '材料', files }] });
    expect((await t.call('PUT', `/api/v1/cases/${id}/draft`, 'handler1', draft([pdf, png]))).status).toBe(200);
    await sendOk(t, id, 'handler1', noticeSend(daysAgo(50)));
    await sendOk(t, id, 'handler1', { type: 'rights.waive' });
    await sendOk(t, id, 'handler1', { type: 'review.submit', attestation: true });
    await sendOk(t, id, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
    await sendOk(t, id, 'reviewer1', { type: 'review.return', opinion: '补充录音', items: reviewItems({ factsEvidence: '缺录音' }) });
    expect((await t.call('PUT', `/api/v1/cases/${id}/draft`, 'handler1', draft([pdf, wav]))).status).toBe(200);
    await sendOk(t, id, 'handler1', { type: 'review.submit', attestation: true });

    const desk = new DeskClient(t);
    await desk.signIn('reviewer1');
    const res = await desk.get(`/desk/cases/${id}/review`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<iframe class="evidence-pdf" src="/desk/cases/${id}/evidence/${pdf.evidenceId}"`);
    expect(html).toMatch(new RegExp(`<audio controls="" preload="metadata" src="/desk/cases/${id}/evidence/${wav.evidenceId}"`));
    expect(html).toContain(wav.sha256);
    expect(html).toContain('data-diff-fields="evidence"');
    expect(html).toContain(`[新增] 证据：附件 录音.wav（SHA-256 ${wav.sha256}）`);
    expect(html).toContain(`[删除] 证据：附件 现场照片.png（SHA-256 ${png.sha256}）`);
  });
});

describe('file bytes through the desk', () => {
  it('serves a range to a signed-in user, framable by the desk only', async () => {
    const id = await open();
    const pdf = samplePdf('desk');
    const { ref } = await uploadOk(t, id, pdf, 'application/pdf', 'd.pdf');
    const desk = new DeskClient(t);
    await desk.signIn('head1');
    const res = await t.app.request(`/desk/cases/${id}/evidence/${ref.evidenceId}`, {
      headers: { Cookie: [...desk.cookies].map(([k, v]) => `${k}=${v}`).join('; '), Range: 'bytes=0-4' },
    });
    expect(res.status).toBe(206);
    expect(await res.text()).toBe('%PDF-');
    expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it("answers 404 for another case's file and sends the signed-out to sign in", async () => {
    const id = await open();
    const other = await open();
    const { ref } = await uploadOk(t, other, samplePdf('x'), 'application/pdf', 'x.pdf');
    const desk = new DeskClient(t);
    await desk.signIn('reviewer1');
    expect((await desk.get(`/desk/cases/${id}/evidence/${ref.evidenceId}`)).status).toBe(404);
    const anonymous = await new DeskClient(t).get(`/desk/cases/${other}/evidence/${ref.evidenceId}`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toMatch(/^\/desk\/sign-in/);
  });
});

describe('the hearing form', () => {
  async function hearingCase() {
    const id = await open();
    for (const command of toScheduledHearing(t.users.reviewer2.id, t.users.clerk1.id))
      await sendOk(t, id, command.type === 'hearing.schedule' ? 'head1' : 'handler1', command);
    const wav = (await uploadOk(t, id, sampleWav(0.2), 'audio/wav', '听证录音.wav')).ref;
    const pdf = (await uploadOk(t, id, samplePdf('h'), 'application/pdf', '听证笔录.pdf')).ref;
    const desk = new DeskClient(t);
    await desk.signIn('handler1');
    const page = await (await desk.get(`/desk/cases/${id}`)).text();
    return { id, wav, pdf, desk, page, csrf: csrfOf(page) };
  }

  it('offers the case files as records and refuses a hearing without an audio-visual one (422)', async () => {
    const { id, pdf, desk, page, csrf } = await hearingCase();
    expect(page).toContain(`name="records" value="${pdf.evidenceId}:${pdf.sha256}"`);
    const version = String((await t.services.store.get(id))!.version);
    const res = await desk.post(`/desk/cases/${id}/events`, {
      _csrf: csrf,
      type: 'hearing.hold',
      version,
      heldOn: daysAgo(20),
      transcript: '笔录',
      records: `${pdf.evidenceId}:${pdf.sha256}`,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('data-problem="av_record_required"');
    expect((await t.services.store.get(id))!.status).toBe('hearingScheduled');
  });

  it('records the hearing with the ticked audio record', async () => {
    const { id, wav, desk, csrf } = await hearingCase();
    const version = String((await t.services.store.get(id))!.version);
    const res = await desk.post(`/desk/cases/${id}/events`, {
      _csrf: csrf,
      type: 'hearing.hold',
      version,
      heldOn: daysAgo(20),
      transcript: '笔录',
      records: `${wav.evidenceId}:${wav.sha256}`,
    });
    expect(res.status).toBe(303);
    expect((await t.services.store.get(id))!.status).toBe('ready');
    const after = await (await desk.get(`/desk/cases/${id}`)).text();
    expect(after).toContain(`data-evidence="${wav.evidenceId}"`);
  });
});
