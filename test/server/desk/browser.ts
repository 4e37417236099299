// Real-browser harness for the desk: the real server on an ephemeral port over a fresh database, a real
// headless Chromium through playwright-core, sign-in through the form, and axe-core run inside the page.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { expect } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import type { ServiceOptions } from '../../../server/services.js';
import { demoPassword } from '../../../server/demo/demo-users.js';
import { chromiumArgs, chromiumExecutable } from '../../helpers/chromium.js';

export interface DeskBrowser {
  t: TestApp;
  base: string;
  /** A fresh browser context (own cookies) signed in as `user`, on the queue. */
  signIn(user: DemoUserName): Promise<Page>;
  /** A fresh signed-out page. */
  anonymous(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts server and browser (Debian's Chromium, else the npm-shipped one); never skips. */
export async function startDeskBrowser(options: ServiceOptions = {}): Promise<DeskBrowser> {
  const t = await createTestApp(options);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executable = await chromiumExecutable();
  const browser: Browser = await chromium.launch({ executablePath: executable.path, headless: true, args: chromiumArgs });
  const contexts: BrowserContext[] = [];
  // bypassCSP lets the test inject axe-core; the pages themselves allow no inline script.
  const anonymous = async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    contexts.push(context);
    return context.newPage();
  };
  return {
    t,
    base,
    anonymous,
    async signIn(user) {
      const page = await anonymous();
      await page.goto(`${base}/desk`);
      await page.waitForURL(/\/desk\/sign-in/);
      await page.getByLabel('用户名').fill(user);
      await page.getByLabel('密码').fill(demoPassword);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL(`${base}/desk`);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** Runs axe-core in the page and expects no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${page.url()}: ${JSON.stringify(bad)}`).toEqual([]);
}

/** The text of the page's status or alert notice. */
export async function noticeText(page: Page): Promise<string> {
  return (await page.locator('[role="status"], [role="alert"]').first().textContent()) ?? '';
}
