// The auditor's desk pages in headless Chromium over the real server: auditor1 opens the audit home from
// the navigation, verifies the whole record, opens a decided case and reads its timeline, the chain picture
// and table and the check; the picture and the printable page keep their styles under the real CSP; a
// reviewer gets the 403 page. Every page visited passes axe-core. Steps run in order and share the story.
import { join } from 'node:path';
import { screenshotDir } from '../../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, startDeskBrowser, type DeskBrowser } from './browser.js';
import { auditStory, recordCount, type AuditStory } from './audit-fixtures.js';

let d: DeskBrowser;
let story: AuditStory;
let auditor: Page;

beforeAll(async () => {
  d = await startDeskBrowser();
  story = await auditStory(d.t);
});
afterAll(async () => {
  await d?.close();
});

// Screenshots go to a temporary folder; `npm run docs:screenshots` writes them to docs/.
const shots = screenshotDir();

describe('auditor desk in a real browser', () => {
  it('opens the audit home from the navigation and verifies the whole record on demand', async () => {
    auditor = await d.signIn('auditor1');
    await auditor.getByRole('link', { name: '审计与评查' }).click();
    await auditor.waitForURL(`${d.base}/desk/audit`);
    expect(await auditor.locator('table.audit-cases tbody tr').first().getAttribute('data-case-id')).toBe(story.decided.id);
    expect(await auditor.locator(`li[data-inquiry="${story.inquiryId}"]`).count()).toBe(1);
    await expectAccessible(auditor);
    await auditor.getByRole('button', { name: '校验全部记录' }).click();
    await auditor.waitForURL(`${d.base}/desk/audit/verify`);
    expect(await auditor.getByRole('status').getAttribute('data-verify')).toBe('ok');
    expect(await auditor.locator('[data-fact="entries"]').textContent()).toBe(String(await recordCount(d.t)));
    expect(Number(await auditor.locator('[data-fact="checkpoints"]').textContent())).toBeGreaterThan(0);
    await expectAccessible(auditor);
  });

  it('finds a case by title', async () => {
    await auditor.getByLabel('按案由或案件编号查找').fill('客运');
    await auditor.getByRole('button', { name: '查找', exact: true }).click();
    await auditor.waitForURL(/\/desk\/audit\?q=/);
    const rows = auditor.locator('table.audit-cases tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-case-id')).toBe(story.inReviewId);
  });

  it('opens the decided case: the timeline with the refused attempt, the chain as picture and table, the check', async () => {
    await auditor.getByRole('link', { name: '显示全部案件' }).click();
    await auditor
      .locator(`table.audit-cases tr[data-case-id="${story.decided.id}"]`)
      .getByRole('link', { name: story.decidedTitle })
      .click();
    await auditor.waitForURL(`${d.base}/desk/audit/cases/${story.decided.id}`);
    const timeline = (await (await d.t.call('GET', `/api/v1/cases/${story.decided.id}/timeline`, 'auditor1')).json()).items as unknown[];
    expect(await auditor.locator('table.timeline tbody tr').count()).toBe(timeline.length);
    const refused = auditor.locator(`table.timeline tr[data-entry="${story.refusedEntryId}"]`);
    expect(await refused.getAttribute('class')).toBe('refused');
    expect(await refused.locator('.badge.refused').textContent()).toBe('被拒绝');
    const picture = auditor.getByRole('img', { name: `责任链：案件 ${story.decided.id}` });
    expect(await picture.count()).toBe(1);
    const links = await auditor.locator('figure.chain-figure g.link').count();
    expect(links).toBeGreaterThan(5);
    expect(await auditor.locator('#chain-table tbody tr').count()).toBe(links);
    expect(await auditor.locator('#chain-table tr[data-step="decision"]').count()).toBe(1);
    expect(await auditor.locator('section[aria-labelledby="case-verify-heading"] [data-verify]').getAttribute('data-verify')).toBe('ok');
    expect(await auditor.getByText('本案记录完整，未发现篡改。').first().isVisible()).toBe(true);
    await expectAccessible(auditor);
    await auditor.screenshot({ path: join(shots, 'screenshot-audit.png'), fullPage: true });
  });

  it('keeps the picture and the printable case file styled under the desk CSP, with no CSP violation', async () => {
    // The harness bypasses CSP to inject axe-core; this context does not, as a real browser would not.
    const context = await auditor
      .context()
      .browser()!
      .newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies(await auditor.context().cookies());
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${d.base}/desk/audit/cases/${story.decided.id}`);
      const fill = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).fill);
      expect(await fill('figure.chain-figure rect.box')).toBe('rgb(255, 255, 255)');
      await page.getByRole('link', { name: '打开打印版案卷（HTML）' }).click();
      await page.waitForURL(/export\.html$/);
      expect(await page.locator('h1').textContent()).toContain('案卷评查导出');
      expect(
        await page
          .locator('h2')
          .first()
          .evaluate((el) => getComputedStyle(el).borderBottomStyle),
      ).toBe('solid');
      expect(await fill('svg rect.box')).toBe('rgb(255, 255, 255)');
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('gives a reviewer no audit link and the 403 page on /desk/audit', async () => {
    const reviewer = await d.signIn('reviewer1');
    expect(await reviewer.getByRole('link', { name: '审计与评查' }).count()).toBe(0);
    const res = await reviewer.goto(`${d.base}/desk/audit`);
    expect(res?.status()).toBe(403);
    expect(await reviewer.locator('[data-problem]').getAttribute('data-problem')).toBe('wrong_role');
    await expectAccessible(reviewer);
  });
});
