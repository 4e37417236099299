// The 移送书 and the 移交清单 (移送规定 arts 6, 12) in the case-file export: listed in the JSON, printed in section
// 十一 of the page, and in the ZIP as the canonical JSON whose SHA-256 is the one on the record entry that issued
// it (SHA256SUMS lists it, so `sha256sum -c` checks the document against the record) and as its printable page.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { unzip } from '../../helpers/unzip.js';
import { eventsOf, send } from '../deadlines/deadline-stack.js';
import { onClockOf } from '../../helpers/party-commands.js';

let t: TestApp;
let caseId = '';
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft({ proposed: { kind: 'fine', amountYuan: 150000 } }));
  caseId = ((await res.json()) as { id: string }).id;
  await send(t, caseId, 'handler1', { type: 'transfer.report', officers: [t.users.handler1.id, t.users.handler2.id], report: '涉嫌犯罪' });
  await send(t, caseId, 'head1', { type: 'transfer.approve' });
  const seizedItems = [{ name: '涉案车辆', quantity: '1辆' }];
  await send(t, caseId, 'handler1', { type: 'transfer.send', recipient: '西宁市公安局', materials: ['调查报告'], seizedItems });
  expect((await t.call('GET', `/api/v1/cases/${caseId}/handover-document`, 'head1')).status).toBe(404);
  const today = onClockOf(t)(0);
  await send(t, caseId, 'handler1', { type: 'transfer.answer', result: 'filed', receivedOn: today });
  await send(t, caseId, 'handler1', {
    type: 'transfer.handover',
    handedOverOn: today,
    receivedBy: '王警官',
    materials: ['调查报告'],
    seizedItems,
  });
});
afterAll(async () => {
  await t?.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the 移送书 in the case file', () => {
  it('is in the export JSON and printed in section 十一 of the case-file page', async () => {
    const [entry] = await eventsOf(t, caseId, 'transfer.send');
    const ref = entry!.payload.document as { number: string; hash: string };
    const data = await (await t.call('GET', `/api/v1/cases/${caseId}/export`, 'auditor1')).json();
    expect(data.documents.transfers).toHaveLength(1);
    expect(data.documents.transfers[0]).toMatchObject({
      number: ref.number,
      documentHash: ref.hash,
      document: { recipient: '西宁市公安局' },
    });
    const html = await (await t.call('GET', `/api/v1/cases/${caseId}/export?format=html`, 'auditor1')).text();
    expect(html).toContain('十一、法制审核意见书、决定书、移送书与移交清单');
    expect(html).toContain('涉嫌犯罪案件移送书');
    expect(html).toContain(ref.number);
  });

  it('is in the ZIP as the JSON whose SHA-256 the record holds, listed in SHA256SUMS, and as its printable page', async () => {
    const [entry] = await eventsOf(t, caseId, 'transfer.send');
    const ref = entry!.payload.document as { number: string; hash: string };
    const res = await t.call('GET', `/api/v1/cases/${caseId}/export?format=zip`, 'auditor1');
    expect(res.status).toBe(200);
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    const names = [...files.keys()].filter((n) => n.startsWith('documents/移送书-'));
    expect(names.sort()).toEqual([expect.stringMatching(/\.html$/), expect.stringMatching(/\.json$/)]);
    const json = files.get(names.find((n) => n.endsWith('.json'))!)!;
    expect(sha256(json)).toBe(ref.hash);
    expect(JSON.parse(json.toString('utf8'))).toMatchObject({ title: '涉嫌犯罪案件移送书', seizedItems: [{ name: '涉案车辆' }] });
    const page = files.get(names.find((n) => n.endsWith('.html'))!)!.toString('utf8');
    expect(page).toContain(ref.number);
    expect(page).toContain(ref.hash);
    const sums = files.get('SHA256SUMS')!.toString('utf8').trim().split('\n');
    expect(sums).toContain(`${ref.hash}  ${names.find((n) => n.endsWith('.json'))}`);
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      expect(sha256(files.get(name!)!), name).toBe(hash);
    }
  });

  it('issues a numbered 移交清单 on the handover, readable and printable, in the export JSON, the page and the ZIP', async () => {
    const [entry] = await eventsOf(t, caseId, 'transfer.handover');
    const ref = entry!.payload.document as { kind: string; number: string; hash: string };
    expect(ref).toMatchObject({ kind: 'handover', number: expect.stringMatching(/^宁交执法移交〔\d{4}〕\d+号$/) });
    const issued = await (await t.call('GET', `/api/v1/cases/${caseId}/handover-document`, 'head1')).json();
    expect(issued).toMatchObject({
      number: ref.number,
      documentHash: ref.hash,
      document: { title: '涉案物品和材料移交清单', receivedBy: '王警官', recipient: '西宁市公安局', seizedItems: [{ name: '涉案车辆' }] },
    });
    expect((await t.call('GET', `/api/v1/cases/${caseId}/handover-document`, 'clerk1')).status).toBe(403);
    const page = await (await t.call('GET', `/api/v1/cases/${caseId}/handover-document?format=html`, 'handler1')).text();
    expect(page).toContain('涉案物品和材料移交清单');
    expect(page).toContain(ref.number);
    const data = await (await t.call('GET', `/api/v1/cases/${caseId}/export`, 'auditor1')).json();
    expect(data.documents.handovers).toEqual([expect.objectContaining({ number: ref.number, documentHash: ref.hash })]);
    const html = await (await t.call('GET', `/api/v1/cases/${caseId}/export?format=html`, 'auditor1')).text();
    expect(html).toContain(ref.number);
    const files = unzip(Buffer.from(await (await t.call('GET', `/api/v1/cases/${caseId}/export?format=zip`, 'auditor1')).arrayBuffer()));
    const json = [...files.keys()].find((n) => n.startsWith('documents/移交清单-') && n.endsWith('.json'))!;
    expect(sha256(files.get(json)!)).toBe(ref.hash);
    expect(files.get('SHA256SUMS')!.toString('utf8')).toContain(`${ref.hash}  ${json}`);
  });
});
