// The auditor's desk pages over app.request(): role refusals (403 page), CSRF refusals on the verify
// form, the case list and search, the whole-record verification, the case page and the exports, in Chinese
// and English, and a tampered copy of the record shown as broken. Every refusal is shown to change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { tamperedCopy } from '../audit/tamper.js';
import { DeskClient } from './desk-client.js';
import { footprint } from './desk-fixtures.js';
import { auditStory, recordCount, type AuditStory } from './audit-fixtures.js';

let t: TestApp;
let story: AuditStory;
let auditor: DeskClient;

beforeAll(async () => {
  t = await createTestApp();
  story = await auditStory(t);
  auditor = new DeskClient(t);
  await auditor.signIn('auditor1');
});
afterAll(async () => {
  await t.close();
});

const problemOf = (html: string): string | undefined => /data-problem="([^"]+)"/.exec(html)?.[1];
const caseId = () => story.decided.id;

describe('who may open the auditor pages', () => {
  it('answers reviewers, handlers and clerks with the 403 page on every audit path, and shows them no audit link', async () => {
    const paths = [
      '/desk/audit',
      '/desk/audit?q=x',
      `/desk/audit/cases/${caseId()}`,
      `/desk/audit/cases/${caseId()}/export.json`,
      `/desk/audit/cases/${caseId()}/export.html`,
      '/desk/audit/static/audit.css',
    ];
    for (const user of ['reviewer1', 'handler1', 'clerk1'] as DemoUserName[]) {
      const client = new DeskClient(t);
      await client.signIn(user);
      expect(await (await client.get('/desk')).text()).not.toContain('href="/desk/audit"');
      for (const path of paths) {
        const res = await client.get(path);
        expect(res.status, `${user} ${path}`).toBe(403);
        const html = await res.text();
        expect(problemOf(html)).toBe('wrong_role');
        expect(html).toContain('只有监督人员、负责人和管理员可以查看审计页面。');
      }
    }
  });

  it('sends a visitor without a session to sign-in', async () => {
    const res = await new DeskClient(t).get(`/desk/audit/cases/${caseId()}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/desk/sign-in?reason=required&next=${encodeURIComponent(`/desk/audit/cases/${caseId()}`)}`);
  });

  it('lets the head read the pages but not run the whole-record verification (403, nothing changed)', async () => {
    const head = new DeskClient(t);
    await head.signIn('head1');
    const page = await head.get('/desk/audit');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('href="/desk/audit" aria-current="page"');
    expect(html).not.toContain('action="/desk/audit/verify"');
    const before = await recordCount(t);
    const res = await head.post('/desk/audit/verify', { _csrf: await head.csrf('/desk/audit') });
    expect(res.status).toBe(403);
    expect(problemOf(await res.text())).toBe('wrong_role');
    expect(await recordCount(t)).toBe(before);
    expect((await head.get(`/desk/audit/cases/${caseId()}`)).status).toBe(200);
  });
});

describe('CSRF on the verify form', () => {
  it("refuses a POST without a token, with a wrong token and with another user's token, with 403 and no change", async () => {
    const other = new DeskClient(t);
    await other.signIn('admin1');
    const foreign = await other.csrf('/desk/audit');
    const before = { count: await recordCount(t), case: await footprint(t, caseId()) };
    const forms: Record<string, string>[] = [{}, { _csrf: 'x'.repeat(43) }, { _csrf: foreign }];
    for (const form of forms) {
      const res = await auditor.post('/desk/audit/verify', form);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(problemOf(html)).toBe('csrf_failed');
      expect(html).not.toContain('data-verify=');
    }
    expect(await recordCount(t)).toBe(before.count);
    expect(await footprint(t, caseId())).toEqual(before.case);
  });

  it("runs the verification with the caller's token and reports every entry and checkpoint checked", async () => {
    const entries = await recordCount(t);
    const checkpoints = Number((await t.services.database.client.execute('SELECT count(*) AS n FROM checkpoints')).rows[0]!.n);
    const res = await auditor.post('/desk/audit/verify', { _csrf: await auditor.csrf('/desk/audit') });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-verify="ok"');
    expect(html).toContain('全部记录完整，未发现篡改。');
    expect(html).toContain(`<dd data-fact="entries">${entries}</dd>`);
    expect(html).toContain(`<dd data-fact="checkpoints">${checkpoints}</dd>`);
    expect(checkpoints).toBeGreaterThan(0);
  });
});

describe("the auditor's home", () => {
  it('lists decided and closed cases first, finds cases by a title or id fragment, and links the open inquiry', async () => {
    const html = await (await auditor.get('/desk/audit')).text();
    const order = [...html.matchAll(/<tr data-case-id="([^"]+)" data-state="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(order).toEqual([
      [caseId(), 'decided'],
      [story.inReviewId, 'inReview'],
    ]);
    expect(html).toContain(`href="/desk/audit/cases/${caseId()}#inquiries"`);
    expect(html).toContain(`data-inquiry="${story.inquiryId}"`);
    const byTitle = await (await auditor.get(`/desk/audit?q=${encodeURIComponent('客运')}`)).text();
    expect([...byTitle.matchAll(/<tr data-case-id="([^"]+)"/g)].map((m) => m[1])).toEqual([story.inReviewId]);
    const byId = await (await auditor.get(`/desk/audit?q=${caseId().slice(0, 8).toUpperCase()}`)).text();
    expect([...byId.matchAll(/<tr data-case-id="([^"]+)"/g)].map((m) => m[1])).toEqual([caseId()]);
    const none = await (await auditor.get('/desk/audit?q=%25')).text();
    expect(none).toContain('没有符合条件的案件。');
  });
});

describe("the auditor's case page and exports", () => {
  it('shows the timeline with the refused attempt marked, the chain as inline SVG and as a table, and the check', async () => {
    const res = await auditor.get(`/desk/audit/cases/${caseId()}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const timeline = (await (await t.call('GET', `/api/v1/cases/${caseId()}/timeline`, 'auditor1')).json()).items as { entryId: number }[];
    expect([...html.matchAll(/<tr (?:class="refused" )?data-entry="(\d+)" data-type/g)].map((m) => Number(m[1]))).toEqual(
      timeline.map((i) => i.entryId),
    );
    expect(html).toMatch(
      new RegExp(`<tr class="refused" data-entry="${story.refusedEntryId}" data-type="filing.submit" data-accepted="false">`),
    );
    const chain = (await (await t.call('GET', `/api/v1/cases/${caseId()}/responsibility`, 'auditor1')).json()) as {
      drafts: { links: unknown[] }[];
    };
    const links = chain.drafts.flatMap((d) => d.links).length;
    expect(html.match(/<g class="link /g)).toHaveLength(links);
    expect(html.match(/<tr data-step="/g)).toHaveLength(links);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).not.toContain('<style>');
    expect(html).toContain('data-verify="ok"');
    expect(html).toContain('本案记录完整，未发现篡改。');
    expect(html).toContain(`href="/desk/audit/cases/${caseId()}/export.html"`);
  });

  it('answers an unknown case with the 404 page', async () => {
    const res = await auditor.get('/desk/audit/cases/no-such-case');
    expect(res.status).toBe(404);
    expect(problemOf(await res.text())).toBe('case_not_found');
  });

  it('serves the JSON export as a download and the printable page under the desk CSP, with its styles linked', async () => {
    const json = await auditor.get(`/desk/audit/cases/${caseId()}/export.json`);
    expect(json.headers.get('content-disposition')).toBe(`attachment; filename="case-${caseId()}.json"`);
    expect(await json.json()).toMatchObject({
      kind: 'legal-review/case-file',
      exportedBy: '孙监督',
      case: { id: caseId() },
      verification: { ok: true },
    });
    const page = await auditor.get(`/desk/audit/cases/${caseId()}/export.html`);
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await page.text();
    expect(html).toContain('<h2>七、责任链</h2>');
    expect(html).not.toContain('<style>');
    expect(html).toContain('<link rel="stylesheet" href="/desk/audit/static/case-file.css">');
    const css = await (await auditor.get('/desk/audit/static/case-file.css')).text();
    expect(css).toContain('.box{fill:#fff');
    expect(css).toContain('@media print');
  });

  it('speaks English when the language cookie says so, keeping record text marked as Chinese', async () => {
    const en = new DeskClient(t);
    await en.signIn('auditor1');
    en.cookies.set('desk_lang', 'en');
    const html = await (await en.get(`/desk/audit/cases/${caseId()}`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2 id="timeline-heading">Timeline</h2>');
    expect(html).toContain('<div lang="zh-CN"><svg');
    expect(html).toContain('Case id');
  });
});

describe('a tampered record', () => {
  it('names the first broken entry on the home page and fails the case check', async () => {
    const target = story.decided.id;
    const reviewEntry = (await t.services.store.events(target, false)).find((e) => e.type === 'review.approve')!;
    const path = await tamperedCopy(t.services.database.client, t.dbPath, 'audit-desk-tampered', async (db) => {
      await db.execute({
        sql: "UPDATE case_events SET payload = json_set(payload, '$.opinion', '不同意') WHERE id = ?",
        args: [reviewEntry.id],
      });
    });
    const copy = await openTestApp(path);
    try {
      const client = new DeskClient(copy);
      await client.signIn('auditor1');
      const html = await (await client.post('/desk/audit/verify', { _csrf: await client.csrf('/desk/audit') })).text();
      expect(html).toContain('data-verify="broken"');
      expect(html).toContain(`记录 #${reviewEntry.id}（${target}，review.approve）：内容与哈希不符`);
      const page = await (await client.get(`/desk/audit/cases/${target}`)).text();
      expect(page).toContain('本案记录校验未通过：记录可能被篡改。');
      expect(page).toContain(`<td class="hash">#${reviewEntry.id}</td>`);
    } finally {
      await copy.close();
    }
  });
});
