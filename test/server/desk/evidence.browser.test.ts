// The review of a case with files in headless Chromium over the real server: the reviewer sees the PDF and
// the photo inline and plays the body-camera video (fetched by range requests), each with its SHA-256, and
// what changed since the last review names the files; the auditor then sees those reads in the read log.
import { daysAgo, toScheduledHearing } from '../../helpers/party-commands.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reviewItems } from '../../../machines/case/case.events.js';
import type { FileRef } from '../../../machines/case/draft.schema.js';
import { overloadDraft } from '../../../server/demo/demo-cases.js';
import { samplePdf, samplePng, sampleWav } from '../../../server/demo/sample-files.js';
import { screenshotDir } from '../../helpers/chromium.js';
import { expectAccessible, startDeskBrowser, type DeskBrowser } from './browser.js';
import { sendOk } from './desk-fixtures.js';
import { uploadOk } from '../evidence/evidence-helpers.js';

const video = readFileSync(new URL('../../fixtures/hearing-sample.webm', import.meta.url));
const shots = screenshotDir();
let d: DeskBrowser;
let caseId = '';
const files: Record<'pdf' | 'photo' | 'photo2' | 'video' | 'audio', FileRef> = {} as never;
let reviewer: Page;

beforeAll(async () => {
  d = await startDeskBrowser({ now: () => new Date('2026-11-27T01:30:00Z') });
  const t = d.t;
  caseId = (await (await t.call('POST', '/api/v1/cases', 'handler1', { ...overloadDraft, openedOn: daysAgo(70) })).json()).id;
  files.pdf = (await uploadOk(t, caseId, samplePdf('Inquiry record of the driver'), 'application/pdf', '驾驶员询问笔录.pdf')).ref;
  files.photo = (await uploadOk(t, caseId, samplePng(480, 300), 'image/png', '现场照片.png')).ref;
  files.photo2 = (await uploadOk(t, caseId, samplePng(480, 280), 'image/png', '现场照片（重新拍摄）.png')).ref;
  files.video = (await uploadOk(t, caseId, video, 'video/webm', '执法记录仪视频.webm')).ref;
  files.audio = (await uploadOk(t, caseId, sampleWav(2), 'audio/wav', '听证录音.wav')).ref;
  const draft = (photo: FileRef, more: FileRef[] = []) => ({
    ...overloadDraft,
    evidence: [
      { kind: '询问笔录', description: '驾驶员询问笔录一份', files: [files.pdf] },
      { kind: '现场照片', description: '超限车辆现场照片', files: [photo] },
      ...(more.length ? [{ kind: '执法记录仪视频', description: '现场检测全过程', files: more }] : []),
    ],
  });
  expect((await t.call('PUT', `/api/v1/cases/${caseId}/draft`, 'handler1', draft(files.photo))).status).toBe(200);
  for (const command of toScheduledHearing(t.users.reviewer2.id, t.users.clerk1.id))
    await sendOk(t, caseId, command.type === 'hearing.schedule' ? 'head1' : 'handler1', command);
  await sendOk(t, caseId, 'handler1', {
    type: 'hearing.hold',
    heldOn: daysAgo(20),
    transcript: '听证笔录：当事人对事实无异议。',
    records: [files.audio],
  });
  await sendOk(t, caseId, 'handler1', { type: 'review.submit', attestation: true });
  await sendOk(t, caseId, 'reviewer1', { type: 'review.assign', reviewerId: t.users.reviewer1.id });
  await sendOk(t, caseId, 'reviewer1', {
    type: 'review.return',
    opinion: '请补充现场检测视频，照片不清晰。',
    items: reviewItems({ factsEvidence: '缺现场视频' }),
  });
  expect((await t.call('PUT', `/api/v1/cases/${caseId}/draft`, 'handler1', draft(files.photo2, [files.video]))).status).toBe(200);
  await sendOk(t, caseId, 'handler1', { type: 'review.submit', attestation: true });
});
afterAll(async () => {
  await d?.close();
});

describe('reviewing a case with evidence files in a real browser', () => {
  it('shows the PDF and photo inline, plays the video by range requests, with every hash', async () => {
    reviewer = await d.signIn('reviewer1');
    await reviewer.goto(`${d.base}/desk/cases/${caseId}/review`);
    const figure = (ref: FileRef) => reviewer.locator(`figure[data-evidence="${ref.evidenceId}"]`);
    expect(await figure(files.pdf).locator('iframe.evidence-pdf').count()).toBe(1);
    await reviewer.waitForFunction((id) => {
      const img = document.querySelector(`figure[data-evidence="${id}"] img`) as HTMLImageElement | null;
      return img?.complete === true && img.naturalWidth === 480;
    }, files.photo2.evidenceId);
    for (const ref of [files.pdf, files.photo2, files.video])
      expect(await figure(ref).locator('[data-sha256]').textContent()).toBe(ref.sha256);
    const played = await reviewer.evaluate(async (id) => {
      const v = document.querySelector(`figure[data-evidence="${id}"] video`) as HTMLVideoElement;
      v.muted = true;
      await v.play();
      await new Promise<void>((resolve) => {
        const check = () => (v.currentTime > 0.5 ? resolve() : setTimeout(check, 50));
        check();
      });
      v.pause();
      return { duration: v.duration, time: v.currentTime };
    }, files.video.evidenceId);
    expect(played.duration).toBeGreaterThan(2.5);
    expect(played.time).toBeGreaterThan(0.5);
    await expectAccessible(reviewer);
  });

  it('names the added and removed files in what changed since the last review', async () => {
    expect(await reviewer.locator('[data-diff-fields]').getAttribute('data-diff-fields')).toBe('evidence');
    const added = await reviewer.locator('.diff ins').allTextContents();
    const removed = await reviewer.locator('.diff del').allTextContents();
    expect(added).toContain(`[新增] 现场照片：附件 现场照片（重新拍摄）.png（SHA-256 ${files.photo2.sha256}）`);
    expect(added).toContain(`[新增] 执法记录仪视频：附件 执法记录仪视频.webm（SHA-256 ${files.video.sha256}）`);
    expect(removed).toEqual([`[删除] 现场照片：附件 现场照片.png（SHA-256 ${files.photo.sha256}）`]);
    await reviewer.screenshot({ path: join(shots, 'screenshot-evidence.png'), fullPage: true });
  });

  it("shows the auditor the reviewer's desk reads, ranges included", async () => {
    const auditor = await d.signIn('auditor1');
    await auditor.goto(`${d.base}/desk/audit/cases/${caseId}/access-log`);
    const rows = auditor.locator(`tr[data-user="${d.t.users.reviewer1.id}"][data-resource="evidence"]`);
    const targets = await rows.locator('td.hash').allTextContents();
    expect(targets.some((x) => x.startsWith(`${files.video.evidenceId} bytes=`))).toBe(true);
    expect(targets).toContain(files.pdf.evidenceId);
    await expectAccessible(auditor);
  });
});
