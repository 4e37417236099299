// The responsibility chain through the API: a major case returned for correction, heard and discussed names
// every actor with the right attestation, credential and draft hash, each tied to its record entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { extraHead, getJson, runReturnedHeardDiscussedCase, type DecidedCase } from './audit-helpers.js';

let t: TestApp;
let c: DecidedCase;
let chain: any;
let record: { id: number; hash: string; type: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const hostile = await extraHead(t, 'hostile-head', '<script>alert(1)</script>');
  c = await runReturnedHeardDiscussedCase(t, {
    members: [
      { userId: t.users.head1.id, vote: 'agree', opinion: '同意吊销' },
      { userId: hostile, vote: 'disagree', opinion: '反对 & 保留意见' },
      { userId: t.users.head4.id, vote: 'agree', opinion: '同意' },
    ],
  });
  // Credentials change after the fact: the chain must still show what was held when each act was recorded.
  await t.services.database.client.execute({
    sql: "UPDATE users SET qualification_no = 'CHANGED-LATER' WHERE id = ?",
    args: [t.users.reviewer1.id],
  });
  chain = await getJson(t, `/api/v1/cases/${c.id}/responsibility`, 'auditor1');
  record = (await getJson(t, `/api/v1/cases/${c.id}/events`, 'auditor1')).items;
});
afterAll(async () => {
  await t.close();
});

const steps = (draft: any) => draft.links.map((l: any) => `${l.step}:${l.name}`);

describe('GET /cases/:id/responsibility', () => {
  it('groups every act by draft version, in record order', () => {
    expect(chain.drafts.map((d: any) => [d.version, d.hash])).toEqual([
      [1, c.v1],
      [2, c.v2],
    ]);
    expect(steps(chain.drafts[0])).toEqual([
      'proposal:王承办',
      'hearing:王承办',
      'attestation:王承办',
      'assignment:张审核',
      'review:张审核',
    ]);
    expect(steps(chain.drafts[1])).toEqual([
      'proposal:王承办',
      'attestation:王承办',
      'review:张审核',
      'discussion:陈局长',
      'discussion_view:陈局长',
      'discussion_view:<script>alert(1)</script>',
      'discussion_view:周副局长',
      'decision:陈局长',
    ]);
  });

  it('states what each person attested, on which draft hash', () => {
    const [v1, v2] = chain.drafts;
    const attest1 = v1.links.find((l: any) => l.step === 'attestation');
    expect(attest1).toMatchObject({ role: 'handler', attested: '承诺送审材料真实、准确、完整', draftHash: c.v1, draftVersion: 1 });
    const returned = v1.links.find((l: any) => l.step === 'review');
    expect(returned).toMatchObject({
      role: 'reviewer',
      draftHash: c.v1,
      detail: { outcome: 'returned', opinion: '证据不充分，请补充询问笔录' },
    });
    expect(returned.detail.items.factsEvidence).toEqual({ passed: false, finding: '缺询问笔录' });
    const approved = v2.links.find((l: any) => l.step === 'review');
    expect(approved).toMatchObject({ draftHash: c.v2, draftVersion: 2, detail: { outcome: 'approved' } });
    expect(v2.links.filter((l: any) => l.step === 'discussion_view').map((l: any) => l.attested)).toEqual([
      '同意：同意吊销',
      '不同意：反对 & 保留意见',
      '同意：同意',
    ]);
    expect(v2.links.find((l: any) => l.step === 'decision')).toMatchObject({ role: 'head', draftHash: c.v2, attested: '决定：处罚' });
    expect(chain.decision).toMatchObject({ draftHash: c.v2, draftVersion: 2, outcome: 'penalty', by: t.users.head1.id });
  });

  it('shows the credentials held at the moment of each act, snapshotted with the entry', () => {
    const handler = chain.drafts[0].links.find((l: any) => l.step === 'attestation').actor;
    expect(handler).toMatchObject({ id: t.users.handler1.id, certified: true, certificateNo: 'QH-ZF-0001', credentialSource: 'snapshot' });
    const reviewer = chain.drafts[1].links.find((l: any) => l.step === 'review').actor;
    expect(reviewer).toMatchObject({
      id: t.users.reviewer1.id,
      qualified: true,
      qualificationNo: 'A20180001',
      credentialSource: 'snapshot',
    });
    expect(chain.credentialsNote).toMatch(/snapshotted/);
  });

  it('links every act to its record entry by id and hash', () => {
    const byId = new Map(record.map((e) => [e.id, e]));
    const links = chain.drafts.flatMap((d: any) => d.links);
    for (const link of links) expect(byId.get(link.entry.id)?.hash, link.step).toBe(link.entry.hash);
    expect(links.find((l: any) => l.step === 'decision').entry.id).toBe(record.find((e) => e.type === 'decision.issue')!.id);
  });

  it('names the persons answerable for the decision with their roles', () => {
    expect(chain.persons).toEqual([
      { id: t.users.handler1.id, name: '王承办', roles: ['handler'] },
      { id: t.users.reviewer1.id, name: '张审核', roles: ['reviewer'] },
      { id: t.users.head1.id, name: '陈局长', roles: ['head'] },
    ]);
  });

  it('draws the chain as SVG with every name escaped', async () => {
    const res = await t.call('GET', `/api/v1/cases/${c.id}/responsibility?format=svg`, 'head1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    const svg = await res.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('王承办（承办人）');
    expect(svg).toContain('执法证 QH-ZF-0001（有效）');
    expect(svg).toContain('法律职业资格 A20180001（有效）');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain(`#${chain.decision.entry.id} ${chain.decision.entry.hash.slice(0, 8)}`);
  });

  it('refuses other roles (403), unknown cases (404) and bad formats (400), changing nothing', async () => {
    const forbidden = await getJson(t, `/api/v1/cases/${c.id}/responsibility`, 'handler1', 403);
    expect(forbidden.type).toBe('/problems/wrong-role');
    expect((await getJson(t, '/api/v1/cases/nope/responsibility', 'auditor1', 404)).type).toBe('/problems/case-not-found');
    expect((await getJson(t, `/api/v1/cases/${c.id}/responsibility?format=png`, 'auditor1', 400)).type).toBe('/problems/malformed-request');
    const after = (await getJson(t, `/api/v1/cases/${c.id}/events?include=refused`, 'auditor1')).items;
    expect(after.length).toBe(record.length);
  });
});
