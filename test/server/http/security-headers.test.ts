// Headers on every answer: nosniff everywhere, no-store on authenticated content (API and desk), a CSP on every
// HTML page; the printable case file's and documents' CSP allows exactly their own inline stylesheets, by hash.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHtmlCsp, securityHeaders } from '../../../server/http/security-headers.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { decidedCase } from '../access/matrix-fixtures.js';

let t: TestApp;
let caseId: string;
beforeAll(async () => {
  t = await createTestApp();
  caseId = await decidedCase(t);
});
afterAll(async () => {
  await t.close();
});

const headersOf = (res: Response) => ({
  nosniff: res.headers.get('X-Content-Type-Options'),
  cache: res.headers.get('Cache-Control'),
});

describe('API answers', () => {
  it('carry nosniff and no-store, whatever the status', async () => {
    const answers = [
      await t.call('GET', '/api/v1/cases', 'handler1'),
      await t.call('GET', '/api/v1/cases', null),
      await t.call('GET', '/api/v1/cases?limit=x', 'handler1'),
      await t.call('GET', '/api/v1/nothing-here', 'handler1'),
      await t.call('GET', '/api/v1/audit/verify', 'handler1'),
      await t.call('GET', '/api/v1/reports/monthly?month=2026-04&format=csv', 'head1'),
      await t.call('POST', '/api/v1/auth/token', null, { username: 'handler1', password: 'demo-password' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 400, 404, 403, 200, 200]);
    for (const res of answers) expect(headersOf(res), res.url).toEqual({ nosniff: 'nosniff', cache: 'no-store' });
  });

  it('leave public answers cacheable but never sniffed', async () => {
    for (const path of ['/healthz', '/openapi.json']) {
      const res = await t.app.request(path);
      expect(headersOf(res), path).toEqual({ nosniff: 'nosniff', cache: null });
    }
  });
});

describe('HTML pages', () => {
  it("give desk pages, signed in or not, refused or not, the desk's CSP, nosniff and no-store", async () => {
    const client = new DeskClient(t);
    const before = await client.get('/desk/sign-in');
    await client.signIn('handler1');
    for (const res of [before, await client.get('/desk'), await client.get('/desk/audit'), await client.get('/desk/nope')]) {
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self'; script-src 'self'/);
      expect(headersOf(res)).toEqual({ nosniff: 'nosniff', cache: 'no-store' });
    }
    const css = await client.get('/desk/static/desk.css');
    expect(headersOf(css)).toEqual({ nosniff: 'nosniff', cache: 'public, max-age=3600' });
  });

  it('give the printable case file a CSP that allows only its own inline styles, by hash', async () => {
    const res = await t.call('GET', `/api/v1/cases/${caseId}/export?format=html`, 'auditor1');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+' 'sha256-[^']+'; img-src data:;/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    const html = await res.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(2);
    for (const css of styles) expect(csp).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(html).not.toMatch(/<script|style="/);
    expect(headersOf(res)).toEqual({ nosniff: 'nosniff', cache: 'no-store' });
  });

  it('give a printable 决定书 a CSP that allows only its own inline stylesheet, by hash', async () => {
    const res = await t.call('GET', `/api/v1/cases/${caseId}/decision-document?format=html`, 'head1');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; img-src data:;/);
    const html = await res.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`);
    expect(html).not.toMatch(/<script|style="/);
    expect(headersOf(res)).toEqual({ nosniff: 'nosniff', cache: 'no-store' });
  });

  it('give any other HTML page the strictest CSP unless it set its own', async () => {
    const app = new Hono().use('*', securityHeaders());
    app.get('/plain', (c) => c.html('<p>x</p>'));
    app.get('/own', (c) => c.html('<p>x</p>', 200, { 'Content-Security-Policy': "default-src 'self'" }));
    app.get('/json', (c) => c.json({}));
    expect((await app.request('/plain')).headers.get('Content-Security-Policy')).toBe(defaultHtmlCsp);
    expect((await app.request('/own')).headers.get('Content-Security-Policy')).toBe("default-src 'self'");
    expect((await app.request('/json')).headers.get('Content-Security-Policy')).toBeNull();
    expect((await app.request('/json')).headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
