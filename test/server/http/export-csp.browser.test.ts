// The printable case file under its own CSP in a real Chromium (CSP enforced, not bypassed): its two inline
// stylesheets apply (page and responsibility-chain picture), and the browser reports no CSP violation.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutable } from '../../helpers/chromium.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { runReturnedHeardDiscussedCase } from '../audit/audit-helpers.js';

let t: TestApp;
let server: ServerType;
let browser: Browser;
let base: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  caseId = (await runReturnedHeardDiscussedCase(t)).id;
  server = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: (await chromiumExecutable()).path, headless: true, args: chromiumArgs });
});
afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('the printable case file in a browser', () => {
  it('renders with its styles and no CSP violation', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${t.tokens.auditor1}` } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const res = await page.goto(`${base}/api/v1/cases/${caseId}/export?format=html`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toMatch(/^default-src 'none'/);
    const styles = await page.evaluate(() => {
      const h2 = getComputedStyle(document.querySelector('h2')!);
      const text = document.querySelector('svg text');
      return {
        h2Border: `${h2.borderBottomWidth} ${h2.borderBottomStyle}`,
        tableCollapse: getComputedStyle(document.querySelector('table')!).borderCollapse,
        svgTextFill: text ? getComputedStyle(text).fill : null,
        sheets: document.styleSheets.length,
      };
    });
    expect(refused).toEqual([]);
    expect(styles).toEqual({ h2Border: '2px solid', tableCollapse: 'collapse', svgTextFill: 'rgb(31, 41, 51)', sheets: 2 });
    await context.close();
  });
});
