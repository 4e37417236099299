// Evidence in the audit: the case-file export lists every file with its hash and where the record cites it;
// the ZIP bundles the printable file, the evidence and SHA256SUMS, checkable by a third party; and
// audit:verify fails naming the evidence id of a file altered or removed from the store.
import { daysAgo, toScheduledHearing } from '../../helpers/party-commands.js';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, testEvidenceDir, type TestApp } from '../../helpers/test-app.js';
import { samplePdf, samplePng } from '../../../server/demo/sample-files.js';
import { runVerifyCli } from '../audit/tamper.js';
import { sendOk } from '../desk/desk-fixtures.js';
import { hearingRecord, uploadOk } from './evidence-helpers.js';
import { unzip } from '../../helpers/unzip.js';

let t: TestApp;
let caseId = '';
const refs: Record<'pdf' | 'png' | 'wav', { evidenceId: string; sha256: string }> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  caseId = (await (await t.call('POST', '/api/v1/cases', 'handler1', { ...sampleDraft(), openedOn: daysAgo(70) })).json()).id;
  refs.pdf = (await uploadOk(t, caseId, samplePdf(), 'application/pdf', '询问笔录.pdf')).ref;
  refs.png = (await uploadOk(t, caseId, samplePng(40, 30), 'image/png', '现场 照片.png')).ref;
  const draft = sampleDraft({
    evidence: [
      { kind: '询问笔录', description: '当事人询问笔录', files: [refs.pdf] },
      { kind: '现场照片', description: '超限车辆', files: [refs.png] },
    ],
  });
  expect((await t.call('PUT', `/api/v1/cases/${caseId}/draft`, 'handler1', draft)).status).toBe(200);
  for (const command of toScheduledHearing(t.users.reviewer2.id, t.users.clerk1.id))
    await sendOk(t, caseId, command.type === 'hearing.schedule' ? 'head1' : 'handler1', command);
  refs.wav = await hearingRecord(t, caseId);
  await sendOk(t, caseId, 'handler1', { type: 'hearing.hold', heldOn: daysAgo(20), transcript: '听证笔录', records: [refs.wav] });
});
afterAll(async () => {
  await t?.close();
});

describe('the case-file export', () => {
  it('lists every file with its hash and where the record cites it', async () => {
    const data = await (await t.call('GET', `/api/v1/cases/${caseId}/export`, 'auditor1')).json();
    const byId = new Map(data.evidence.map((e: { evidenceId: string }) => [e.evidenceId, e]));
    expect(byId.get(refs.pdf.evidenceId)).toMatchObject({
      sha256: refs.pdf.sha256,
      filename: '询问笔录.pdf',
      citedBy: ['draft 2: 询问笔录'],
    });
    expect(byId.get(refs.png.evidenceId)).toMatchObject({ mediaType: 'image/png', citedBy: ['draft 2: 现场照片'] });
    expect((byId.get(refs.wav.evidenceId) as { citedBy: string[] }).citedBy[0]).toMatch(/^record #\d+ hearing\.hold$/);
    const html = await (await t.call('GET', `/api/v1/cases/${caseId}/export?format=html`, 'auditor1')).text();
    expect(html).toContain('十、证据材料清单');
    expect(html).toContain(refs.wav.sha256);
  });

  it('bundles the case file, the evidence and SHA256SUMS in a ZIP whose sums all check', async () => {
    const res = await t.call('GET', `/api/v1/cases/${caseId}/export?format=zip`, 'auditor1');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    const zip = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('Content-Length'))).toBe(zip.length);
    const files = unzip(zip);
    expect([...files.keys()].sort()).toEqual(
      [
        'SHA256SUMS',
        'case-file.html',
        'case-file.json',
        `evidence/${refs.pdf.evidenceId}-询问笔录.pdf`,
        `evidence/${refs.png.evidenceId}-现场_照片.png`,
        `evidence/${refs.wav.evidenceId}-听证录音.wav`,
      ].sort(),
    );
    const sums = files.get('SHA256SUMS')!.toString('utf8').trim().split('\n');
    expect(sums).toHaveLength(5);
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      expect(createHash('sha256').update(files.get(name!)!).digest('hex'), name).toBe(hash);
    }
    expect(sums).toContain(`${refs.pdf.sha256}  evidence/${refs.pdf.evidenceId}-询问笔录.pdf`);
  });

  it('refuses the ZIP to a handler (403), as the other exports', async () => {
    const res = await t.call('GET', `/api/v1/cases/${caseId}/export?format=zip`, 'handler1');
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/wrong-role');
  });
});

/** The CLI as an operator runs it on this database (EVIDENCE_DIR set where the test database keeps its store). */
function verifyCli(args: string[]) {
  const dir = testEvidenceDir(t.url);
  return runVerifyCli(args, dir ? { EVIDENCE_DIR: dir } : {});
}

describe('audit:verify and the evidence store', () => {
  it('passes while every file is intact', async () => {
    const run = await verifyCli(['--db', t.dbPath]);
    expect(run.stdout).toContain('evidence files: 3 files of cases, 3 stored files hashed, 3 references in the record; 0 issues');
    expect(run.stdout).toContain('RESULT: record intact');
    expect(run.code).toBe(0);
  });

  it('fails naming the evidence id of an altered file and of a missing one', async () => {
    writeFileSync(t.services.evidence.files.pathOf(refs.png.sha256), samplePng(41, 30));
    rmSync(t.services.evidence.files.pathOf(refs.wav.sha256));
    const run = await verifyCli(['--db', t.dbPath]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`EVIDENCE ${refs.png.evidenceId} \\(case ${caseId}\\): altered`));
    expect(run.stdout).toMatch(new RegExp(`EVIDENCE ${refs.wav.evidenceId} \\(case ${caseId}\\): missing`));
    expect(run.stdout).not.toContain(`EVIDENCE ${refs.pdf.evidenceId}`);
    expect(run.stdout).toContain('RESULT: RECORD ALTERED');
    const api = await (await t.call('GET', '/api/v1/audit/verify', 'auditor1')).json();
    expect(api.ok).toBe(false);
    expect(api.evidence.issues.map((i: { evidenceId: string; problem: string }) => [i.evidenceId, i.problem]).sort()).toEqual(
      [
        [refs.png.evidenceId, 'altered'],
        [refs.wav.evidenceId, 'missing'],
      ].sort(),
    );
  });
});
