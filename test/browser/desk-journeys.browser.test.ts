// The desk as people use it, in headless Chromium over the real server with 500 cases: a reviewer finds a
// case by its party's name, pages through the queue and sees their history; a head assigns a reviewer; a
// handler opens a case and revises its draft entirely in the desk. Every page passes axe at 375 and 1280 px
// and fits a 375 px screen without sideways scrolling.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../helpers/chromium.js';
import { seedCases, seededParty } from '../helpers/seed-cases.js';
import { expectAccessible, noticeText, startDeskBrowser, type DeskBrowser } from '../server/desk/browser.js';

let d: DeskBrowser;
let ids: string[];
const inReview = 45;
const shots = screenshotDir();

beforeAll(async () => {
  d = await startDeskBrowser();
  // 45 cases in review (the reviewer's queue: three pages of 20), then 455 more only opened.
  ids = await seedCases(d.t, inReview, { inReview: true });
  const more = await seedCases(d.t, 500 - inReview, { first: inReview + 1 });
  ids.push(...more);
}, 240_000);
afterAll(async () => {
  await d?.close();
});

/** axe at phone and desktop width, and no sideways scrolling on the phone. */
async function checkWidths(page: Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  // No button wraps its label onto a second line at 375 px.
  const wrapped = await page.evaluate(
    () =>
      [...document.querySelectorAll('button, a.button')].filter((b) => {
        const style = getComputedStyle(b);
        return b.getBoundingClientRect().height > 3 * Number.parseFloat(style.lineHeight || '24');
      }).length,
  );
  expect(wrapped, `${page.url()} has a wrapped button`).toBe(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);
}

const rowIds = (page: Page) =>
  page.locator('section[data-section] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')));

describe('a reviewer among 500 cases', () => {
  let reviewer: Page;

  it('finds a case by a fragment of the party name', async () => {
    reviewer = await d.signIn('reviewer1');
    await reviewer.goto(`${d.base}/desk?tab=all`);
    // A reviewer reaches only the cases sent for review (docs/access.md), and the tab counts only those.
    expect(await reviewer.locator('nav.tabs [data-tab="all"]').textContent()).toBe(`全部案件（${inReview}）`);
    await reviewer.getByLabel('查找：案由、当事人或案件编号').fill(seededParty(17).slice(0, 7));
    await reviewer.getByRole('button', { name: '查找', exact: true }).click();
    await reviewer.waitForURL(/q=/);
    expect(await rowIds(reviewer)).toEqual([ids[16]]);
    expect(await reviewer.locator('nav.tabs [data-tab="all"]').textContent()).toBe('全部案件（1）');
    await checkWidths(reviewer);
    await reviewer.screenshot({ path: join(shots, 'screenshot-search.png'), fullPage: true });
  });

  it('pages through the claimable queue, 20 rows a page, each case once', async () => {
    await reviewer.goto(`${d.base}/desk?tab=claimable`);
    expect(await reviewer.locator('nav.tabs [data-tab="claimable"]').textContent()).toBe(`可认领（${inReview}）`);
    const seen: (string | null)[] = [...(await rowIds(reviewer))];
    expect(seen).toHaveLength(20);
    await checkWidths(reviewer);
    await reviewer.setViewportSize({ width: 375, height: 800 });
    await reviewer.screenshot({ path: join(shots, 'screenshot-queue-phone.png') });
    await reviewer.setViewportSize({ width: 1280, height: 900 });
    await reviewer.getByRole('link', { name: '下一页' }).click();
    seen.push(...(await rowIds(reviewer)));
    await reviewer.getByRole('link', { name: '下一页' }).click();
    seen.push(...(await rowIds(reviewer)));
    expect(await reviewer.getByRole('link', { name: '下一页' }).count()).toBe(0);
    expect(await reviewer.locator('caption').textContent()).toBe(`共 ${inReview} 件，第 3 页`);
    expect(new Set(seen).size).toBe(inReview);
    await checkWidths(reviewer);
  });

  it('claims a case and finds it in their history', async () => {
    await reviewer.goto(`${d.base}/desk?tab=claimable`);
    const id = (await rowIds(reviewer))[0]!;
    await reviewer.locator(`tr[data-case-id="${id}"]`).getByRole('button', { name: '认领' }).click();
    await reviewer.waitForURL(/done=review\.assign/);
    await reviewer.goto(`${d.base}/desk?tab=history`);
    expect(await rowIds(reviewer)).toEqual([id]);
    expect(await reviewer.locator('nav.tabs [data-tab="history"]').textContent()).toBe('我办理过的（1）');
    await checkWidths(reviewer);
  });
});

describe('a head assigns a reviewer', () => {
  it('assigns reviewer2 from the case page', async () => {
    const head = await d.signIn('head1');
    await head.goto(`${d.base}/desk?tab=assign`);
    await checkWidths(head);
    const id = (await rowIds(head))[0]!;
    await head.goto(`${d.base}/desk/cases/${id}`);
    await head.getByLabel('指定审核人员').selectOption({ label: d.t.users.reviewer2.displayName });
    await checkWidths(head);
    await head.screenshot({ path: join(shots, 'screenshot-assign.png'), fullPage: true });
    await head.getByRole('button', { name: '分配审核人员' }).click();
    await head.waitForURL(/done=review\.assign/);
    expect(await noticeText(head)).toBe('已完成：分配审核人员。');
    expect((await d.t.services.store.get(id))?.reviewerId).toBe(d.t.users.reviewer2.id);
  });
});

describe('a handler works entirely in the desk', () => {
  let handler: Page;
  let caseUrl = '';

  it('opens a case with the structured draft form, after a field-level error', async () => {
    handler = await d.signIn('handler1');
    await handler.getByRole('link', { name: '立案（新建案件）' }).click();
    await checkWidths(handler);
    await handler.getByLabel('当事人名称或姓名').fill('湟源县某砂石有限公司');
    await handler.getByLabel('违法事实').fill('未经许可擅自从事道路货物运输经营。');
    await handler.getByLabel('证据种类 1').fill('询问笔录');
    await handler.getByLabel('证据说明 1').fill('当事人询问笔录一份');
    await handler.getByLabel('法律依据 1').fill('《道路运输条例》第六十三条');
    await handler.getByLabel('金额（元，可不填）').fill('30000');
    // No title: the API's schema refuses it, and the desk marks the field.
    await handler
      .getByRole('button', { name: '立案并保存代拟稿' })
      .evaluate((b) => (b as HTMLButtonElement).form?.setAttribute('novalidate', ''));
    await handler.getByRole('button', { name: '立案并保存代拟稿' }).click();
    await handler.waitForURL(`${d.base}/desk/cases`);
    expect(await handler.locator('#title').getAttribute('aria-invalid')).toBe('true');
    expect(await handler.locator('#title-error').textContent()).toBe('此项为必填项。');
    expect(await handler.getByLabel('当事人名称或姓名').inputValue()).toBe('湟源县某砂石有限公司');
    expect(await handler.locator('#title').getAttribute('maxlength')).toBe('300');
    await checkWidths(handler);
    await handler.getByLabel('案由', { exact: true }).fill('湟源县某砂石有限公司未经许可从事道路运输案');
    await handler.getByRole('button', { name: '立案并保存代拟稿' }).click();
    await handler.waitForURL(/\/desk\/cases\/[0-9a-f-]{36}\?done=/);
    caseUrl = handler.url().split('?')[0]!;
    expect(await handler.locator('h1').textContent()).toBe('湟源县某砂石有限公司未经许可从事道路运输案');
    await checkWidths(handler);
  });

  it('revises the draft, and the counter counts as they type', async () => {
    await handler.getByRole('link', { name: '修改决定代拟稿' }).click();
    await handler.getByLabel('违法事实').fill('未经许可擅自从事道路货物运输经营，违法所得五千元。');
    expect(await handler.locator('#facts-count').textContent()).toBe('已输入 25 / 20000 字');
    await checkWidths(handler);
    await handler.screenshot({ path: join(shots, 'screenshot-draft.png'), fullPage: true });
    await handler.getByRole('button', { name: '保存修改后的代拟稿' }).click();
    await handler.waitForURL(`${caseUrl}?done=draft.revise`);
    expect(await noticeText(handler)).toBe('已完成：修改决定代拟稿。');
    const id = caseUrl.split('/').at(-1)!;
    const drafts = await d.t.services.store.drafts(id);
    expect(drafts).toHaveLength(2);
    expect((drafts[1]!.content as { facts: string }).facts).toBe('未经许可擅自从事道路货物运输经营，违法所得五千元。');
  });
});
