// The case-file export for 案卷评查 over HTTP: the JSON document and the printable HTML page hold the
// timeline, drafts, reviews, discussion, decision, responsibility chain and the check of the case's entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { extraHead, getJson, runReturnedHeardDiscussedCase, type DecidedCase } from './audit-helpers.js';

let t: TestApp;
let c: DecidedCase;
let data: any;

beforeAll(async () => {
  t = await createTestApp();
  const hostile = await extraHead(t, 'hostile-head', '<img src=x onerror=alert(1)>');
  c = await runReturnedHeardDiscussedCase(t, {
    members: [
      { userId: t.users.head1.id, vote: 'agree', opinion: '同意' },
      { userId: hostile, vote: 'disagree', opinion: '<b>反对</b>' },
      { userId: t.users.head4.id, vote: 'agree', opinion: '同意' },
    ],
  });
  expect((await t.call('POST', '/api/v1/audit/checkpoints', 'auditor1')).status).toBe(201);
  data = await getJson(t, `/api/v1/cases/${c.id}/export?format=json`, 'auditor1');
});
afterAll(async () => {
  await t.close();
});

describe('GET /cases/:id/export', () => {
  it('exports the case file as JSON with every part an auditor reviews', async () => {
    const record = (await getJson(t, `/api/v1/cases/${c.id}/events?include=refused`, 'auditor1')).items;
    expect(data).toMatchObject({ kind: 'legal-review/case-file', version: 1, exportedBy: '孙监督', case: { id: c.id, isMajor: true } });
    expect(data.timeline.map((i: any) => i.entryId)).toEqual(record.map((e: any) => e.id));
    expect(data.timeline.find((i: any) => i.type === 'review.return')).toMatchObject({
      label: '法制审核：退回纠正',
      actorName: '张审核',
      roleLabel: '法制审核人员',
      draftVersion: 1,
    });
    expect(data.timeline.find((i: any) => i.type === 'decision.issue')).toMatchObject({ draftVersion: 2, draftHash: c.v2 });
    expect(data.drafts.map((d: any) => [d.version, d.hash, d.authorName])).toEqual([
      [1, c.v1, '王承办'],
      [2, c.v2, '王承办'],
    ]);
    expect(data.reviews.map((r: any) => [r.outcome, r.draftHash, r.reviewerName])).toEqual([
      ['returned', c.v1, '张审核'],
      ['approved', c.v2, '张审核'],
    ]);
    expect(data.decision).toMatchObject({ draftHash: c.v2, outcome: 'penalty', headName: '陈局长' });
    expect(data.responsibility.drafts).toHaveLength(2);
    expect(data.verification).toMatchObject({ ok: true, entries: record.length, issues: [] });
    expect(data.verification.checkpoint).toMatchObject({ signatureValid: true, headMatches: true });
  });

  it('renders a standalone printable page with Chinese headings, the chain picture and the check, all text escaped', async () => {
    const res = await t.call('GET', `/api/v1/cases/${c.id}/export?format=html`, 'head1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    for (const heading of [
      '一、基本情况',
      '二、办案时间线',
      '三、决定代拟稿版本',
      '四、法制审核意见',
      '五、集体讨论',
      '六、决定',
      '七、责任链',
      '九、记录完整性校验',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('本案记录完整，未发现篡改。');
    expect(html).toContain('事实清楚，证据合法充分');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|<b>|<script/);
    expect(html).not.toMatch(/<link|src="http/);
  });

  it('refuses other roles (403), unknown formats (400) and unknown cases (404)', async () => {
    expect((await getJson(t, `/api/v1/cases/${c.id}/export`, 'handler1', 403)).type).toBe('/problems/wrong-role');
    expect((await getJson(t, `/api/v1/cases/${c.id}/export?format=pdf`, 'auditor1', 400)).type).toBe('/problems/malformed-request');
    expect((await getJson(t, '/api/v1/cases/none/export', 'auditor1', 404)).type).toBe('/problems/case-not-found');
    expect((await getJson(t, `/api/v1/cases/${c.id}/timeline`, 'clerk1', 403)).type).toBe('/problems/wrong-role');
  });

  it('shows a tampered entry of the case as a failed check', async () => {
    const target = data.timeline.find((i: any) => i.type === 'review.approve');
    const { openAsAttacker } = await import('./tamper.js');
    const attacker = await openAsAttacker(t.dbPath);
    await attacker.execute({
      sql: "UPDATE case_events SET payload = replace(payload, '证据确凿', '证据不足') WHERE id = ?",
      args: [target.entryId],
    });
    attacker.close();
    const after = await getJson(t, `/api/v1/cases/${c.id}/export`, 'auditor1');
    expect(after.verification).toMatchObject({
      ok: false,
      issues: [{ id: target.entryId, type: 'review.approve', problem: 'hash_mismatch' }],
    });
    const html = await (await t.call('GET', `/api/v1/cases/${c.id}/export?format=html`, 'auditor1')).text();
    expect(html).toContain('本案记录校验未通过');
  });
});
