// The read log (调阅记录) through the real stack: every successful read under a case, through the API or the
// desk, is logged with who, when, what and from where; auditors query it (API and desk page), others are
// refused; the log is hash-chained, and an altered entry makes the verification name it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleDraft, testPostgres, type TestApp } from '../../helpers/test-app.js';
import { asSuperuser } from '../../helpers/postgres.js';
import { samplePdf } from '../../../server/demo/sample-files.js';
import { verifyDatabase, verifyDatabaseFile } from '../../../server/audit/verify.js';
import { verifyReadLog } from '../../../db/audit/audit-verify-read-log.js';
import { DeskClient } from '../desk/desk-client.js';
import { caseInReview } from '../desk/desk-fixtures.js';
import { tamperedCopy } from '../audit/tamper.js';
import { uploadOk } from './evidence-helpers.js';
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';

let t: TestApp;
let caseId = '';
let fileId = '';

interface Read {
  id: number;
  userId: string;
  resource: string;
  target: string | null;
  channel: string;
  route: string;
  address: string;
  userName: string;
}
const readsOf = async (id = caseId): Promise<Read[]> => {
  const res = await t.call('GET', `/api/v1/cases/${id}/access-log?limit=1000`, 'auditor1');
  expect(res.status).toBe(200);
  return (await res.json()).items;
};

/**
 * The verification of the database after `statements` ran behind the guards' back: on a copy of the libSQL
 * file (triggers dropped), or on PostgreSQL as the superuser with triggers off.
 */
async function alteredReadLog(statements: string[]) {
  const server = testPostgres();
  if (server) {
    await asSuperuser(
      server,
      t.url,
      statements.map((sql) => ({ sql })),
    );
    return verifyDatabase(t.services.database, { projections: false });
  }
  const copy = await tamperedCopy(t.services.database.client, t.dbPath, 'read-altered', async (db) => {
    for (const sql of statements) await db.execute(sql);
  });
  return verifyDatabaseFile(copy, { projections: false });
}

beforeAll(async () => {
  t = await createTestApp();
  const opened = (await (await t.call('POST', '/api/v1/cases', 'handler1', sampleDraft())).json()).id as string;
  const { ref } = await uploadOk(t, opened, samplePdf(), 'application/pdf', '询问笔录.pdf');
  const draft = sampleDraft({ evidence: [{ kind: '询问笔录', description: '询问笔录', files: [ref] }] });
  expect((await t.call('PUT', `/api/v1/cases/${opened}/draft`, 'handler1', draft)).status).toBe(200);
  // Sent for review, so the 法制审核科 (reviewer1) may read it (docs/access.md).
  for (const body of [noticeSend(onClockOf(t)(0)), { type: 'rights.waive' }, { type: 'review.submit', attestation: true }]) {
    expect((await t.call('POST', `/api/v1/cases/${opened}/events`, 'handler1', body)).status).toBe(200);
  }
  caseId = opened;
  fileId = ref.evidenceId;
});
afterAll(async () => {
  await t?.close();
});

describe('what is logged', () => {
  it("logs the reviewer's and the handler's API reads, with resource and item", async () => {
    for (const path of ['', '/events', '/drafts', '/evidence', `/evidence/${fileId}`]) {
      expect((await t.call('GET', `/api/v1/cases/${caseId}${path}`, 'reviewer1')).status).toBe(200);
    }
    await t.call('GET', `/api/v1/cases/${caseId}/evidence/${fileId}`, 'reviewer1', undefined, { Range: 'bytes=0-99' });
    expect((await t.call('GET', `/api/v1/cases/${caseId}`, 'handler1')).status).toBe(200);
    const reads = await readsOf();
    const reviewer = reads.filter((r) => r.userId === t.users.reviewer1.id).map((r) => [r.resource, r.target, r.channel]);
    expect(reviewer).toEqual([
      ['case', null, 'api'],
      ['events', null, 'api'],
      ['drafts', null, 'api'],
      ['evidence', null, 'api'],
      ['evidence', fileId, 'api'],
      ['evidence', `${fileId} bytes=0-99`, 'api'],
    ]);
    const handler = reads.filter((r) => r.userId === t.users.handler1.id);
    expect(handler.at(-1)).toMatchObject({
      resource: 'case',
      channel: 'api',
      userName: t.users.handler1.displayName,
      route: `/api/v1/cases/${caseId}`,
    });
  });

  it('logs desk reads with the client address, and the case list as a read of each case listed', async () => {
    const desk = new DeskClient(t, '203.0.113.9');
    await desk.signIn('reviewer1');
    expect((await desk.get(`/desk/cases/${caseId}`)).status).toBe(200);
    expect((await desk.get(`/desk/cases/${caseId}/evidence/${fileId}`)).status).toBe(200);
    expect((await t.call('GET', '/api/v1/cases', 'reviewer2')).status).toBe(200);
    const reads = await readsOf();
    const fromDesk = reads.filter((r) => r.channel === 'desk').map((r) => [r.userId, r.resource, r.target, r.address]);
    expect(fromDesk).toEqual([
      [t.users.reviewer1.id, 'case', null, '203.0.113.9'],
      [t.users.reviewer1.id, 'evidence', fileId, '203.0.113.9'],
    ]);
    expect(reads.some((r) => r.userId === t.users.reviewer2.id && r.resource === 'case' && r.target === 'list')).toBe(true);
  });

  it('does not log a refused or failed read, and logs the auditor reading the log', async () => {
    const before = (await readsOf()).length;
    expect((await t.call('GET', `/api/v1/cases/${caseId}/evidence/nope`, 'reviewer1')).status).toBe(404);
    expect((await t.call('GET', `/api/v1/cases/${caseId}/access-log`, 'reviewer1')).status).toBe(403);
    const after = await readsOf();
    // Only the auditor's own previous query was added.
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ userId: t.users.auditor1.id, resource: 'access-log' });
  });
});

describe('who may query it', () => {
  it.each(['handler1', 'reviewer1', 'head1', 'clerk1'] as const)('refuses %s (403 wrong-role)', async (user) => {
    const res = await t.call('GET', `/api/v1/cases/${caseId}/access-log`, user);
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/wrong-role');
  });

  it('answers 404 for an unknown case and 400 for a bad page', async () => {
    expect((await t.call('GET', '/api/v1/cases/nope/access-log', 'auditor1')).status).toBe(404);
    expect((await t.call('GET', `/api/v1/cases/${caseId}/access-log?limit=0`, 'auditor1')).status).toBe(400);
  });

  it('pages with a cursor', async () => {
    const first = await (await t.call('GET', `/api/v1/cases/${caseId}/access-log?limit=2`, 'auditor1')).json();
    expect(first.items).toHaveLength(2);
    const second = await (await t.call('GET', `/api/v1/cases/${caseId}/access-log?limit=2&after=${first.next}`, 'auditor1')).json();
    expect(second.items[0].id).toBeGreaterThan(first.items[1].id);
  });

  it('shows the auditor a desk page of the reads, and refuses the head', async () => {
    const auditor = new DeskClient(t);
    await auditor.signIn('auditor1');
    const page = await auditor.get(`/desk/audit/cases/${caseId}/access-log`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('调阅记录');
    expect(html).toContain(`data-user="${t.users.reviewer1.id}"`);
    expect(html).toContain(t.users.handler1.displayName);
    const head = new DeskClient(t);
    await head.signIn('head1');
    expect((await head.get(`/desk/audit/cases/${caseId}/access-log`)).status).toBe(403);
  });
});

describe('the chain', () => {
  it('verifies whole, and names an altered or removed read', async () => {
    await t.services.readLog.flush();
    const whole = await verifyReadLog(t.services.database.client);
    expect(whole.issueCount).toBe(0);
    expect(whole.entries).toBeGreaterThan(10);
    const report = await alteredReadLog(["UPDATE read_log SET user_id = 'someone-else' WHERE id = 3", 'DELETE FROM read_log WHERE id = 5']);
    expect(report.ok).toBe(false);
    expect(report.readLog.issues.map((i) => [i.id, i.problem])).toEqual([
      [3, 'hash_mismatch'],
      [6, 'gap'],
      [6, 'prev_mismatch'],
    ]);
  });

  it('refuses UPDATE and DELETE on the live log', async () => {
    await expect(t.services.database.client.execute('DELETE FROM read_log')).rejects.toThrow(/append-only/);
    await expect(t.services.database.client.execute("UPDATE read_log SET route = 'x'")).rejects.toThrow(/append-only/);
  });
});

describe('caseInReview', () => {
  it('is unaffected by the log (reads never change the case)', async () => {
    const c = await caseInReview(t);
    expect(c.state).toBe('inReview');
  });
});
