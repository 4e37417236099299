// What a request body must be: API bodies over 1 MiB are 413, non-JSON bodies 415, malformed JSON 400 (each a
// problem with its type); desk forms over 1 MiB are a 413 page and malformed forms a 400 page, signed in or
// not, with nothing logged. Text holding U+0000 (URL, JSON string, form field) is 400 on both backends
// (PostgreSQL cannot store it). Every refusal changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { maxBodyBytes } from '../../../server/http/body-guards.js';
import { createTestApp, sampleDraft, type TestApp } from '../../helpers/test-app.js';
import { DeskClient } from '../desk/desk-client.js';
import { footprint } from '../desk/desk-fixtures.js';
import { openedCase } from '../access/matrix-fixtures.js';

let t: TestApp;
const errors = vi.spyOn(console, 'error');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  // No refusal below may log: a logged stack per malformed request is itself a denial-of-service lever.
  expect(errors).not.toHaveBeenCalled();
});

const caseCount = async () => Number((await t.services.database.client.execute('SELECT count(*) AS n FROM cases')).rows[0]!.n);
const auth = () => ({ Authorization: `Bearer ${t.tokens.handler1}` });
async function expectProblem(res: Response, status: number, type: string) {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  expect([res.status, (await res.json()).type]).toEqual([status, type]);
}
/** A body streamed in chunks, without Content-Length (chunked transfer). */
const streamed = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += 64 * 1024) controller.enqueue(new Uint8Array(Math.min(64 * 1024, bytes - sent)).fill(32));
      controller.close();
    },
  });

describe('API bodies', () => {
  it('refuses a body over 1 MiB with 413, by its Content-Length or by counting a chunked stream', async () => {
    const before = await caseCount();
    const big = JSON.stringify(sampleDraft({ facts: 'x'.repeat(maxBodyBytes) }));
    const declared = await t.app.request('/api/v1/cases', {
      method: 'POST',
      body: big,
      headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) },
    });
    await expectProblem(declared, 413, '/problems/payload-too-large');
    const chunked = await t.app.request('/api/v1/cases', {
      method: 'POST',
      body: streamed(maxBodyBytes + 1),
      headers: { ...auth(), 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    await expectProblem(chunked, 413, '/problems/payload-too-large');
    expect(await caseCount()).toBe(before);
  });

  it('refuses a body that is not JSON with 415, on every route that takes one', async () => {
    const c = await openedCase(t);
    const before = await footprint(t, c.id);
    const attempts: [string, string, string | undefined][] = [
      ['POST', '/api/v1/cases', 'text/plain'],
      ['PUT', `/api/v1/cases/${c.id}/draft`, 'application/x-www-form-urlencoded'],
      ['POST', `/api/v1/cases/${c.id}/events`, 'multipart/form-data; boundary=x'],
      ['POST', `/api/v1/cases/${c.id}/events`, undefined],
      ['POST', '/api/v1/auth/token', 'text/json'],
      ['POST', '/api/v1/reports/submissions', 'application/jsonp'],
    ];
    for (const [method, path, type] of attempts) {
      const headers: Record<string, string> = { ...auth(), ...(type ? { 'Content-Type': type } : {}) };
      const res = await t.app.request(path, { method, headers, body: JSON.stringify({ type: 'notice.send' }) });
      await expectProblem(res, 415, '/problems/unsupported-media-type');
    }
    expect(await footprint(t, c.id)).toEqual(before);
  });

  it('accepts JSON with a charset or a +json type, and refuses malformed JSON with 400', async () => {
    const c = await openedCase(t);
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const res = await t.app.request(`/api/v1/cases/${c.id}/draft`, {
        method: 'PUT',
        headers: { ...auth(), 'Content-Type': type },
        body: JSON.stringify(sampleDraft()),
      });
      expect(res.status, type).toBe(200);
    }
    const before = await footprint(t, c.id);
    for (const body of ['{', '{"type": "notice.send"', '\u0000', 'null null']) {
      const res = await t.app.request(`/api/v1/cases/${c.id}/events`, {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body,
      });
      await expectProblem(res, 400, '/problems/malformed-request');
    }
    expect(await footprint(t, c.id)).toEqual(before);
  });
});

describe('the NUL character (U+0000)', () => {
  it('refuses it in a path, a query or a JSON string with 400, reads and writes alike, and changes nothing', async () => {
    const c = await openedCase(t);
    const before = await footprint(t, c.id);
    for (const path of ['/api/v1/cases?state=draft%00', `/api/v1/cases/${c.id}%00`, `/api/v1/cases/${c.id}/evidence?filename=a%00.pdf`]) {
      const res = await t.app.request(path, { method: path.includes('evidence') ? 'POST' : 'GET', headers: auth() });
      await expectProblem(res, 400, '/problems/malformed-request');
    }
    for (const body of [sampleDraft({ title: 'a\u0000b' }), { ...sampleDraft(), ['k\u0000']: 1 }]) {
      const res = await t.call('PUT', `/api/v1/cases/${c.id}/draft`, 'handler1', body);
      await expectProblem(res, 400, '/problems/malformed-request');
    }
    const nested = await t.app.request(`/api/v1/cases/${c.id}/events`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: `${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`,
    });
    await expectProblem(nested, 400, '/problems/malformed-request');
    expect(await footprint(t, c.id)).toEqual(before);
    expect((await t.call('PUT', `/api/v1/cases/${c.id}/draft`, 'handler1', sampleDraft({ title: 'a\\u0000b 字面' }))).status).toBe(200);
  });

  it('answers a desk form field or desk URL holding it with the 400 page and changes nothing', async () => {
    const client = new DeskClient(t);
    await client.signIn('handler1');
    const c = await openedCase(t);
    const before = await footprint(t, c.id);
    const res = await client.post(`/desk/cases/${c.id}/events`, {
      _csrf: await client.csrf(),
      type: 'statement.record',
      version: String(c.version),
      summary: '陈述\u0000申辩',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('data-problem="malformed_form"');
    expect((await client.get('/desk/queue?state=%00')).status).toBe(400);
    expect(await footprint(t, c.id)).toEqual(before);
  });
});

describe('desk forms', () => {
  const malformed: [string, string][] = [
    ['multipart/form-data; boundary=xyz', 'garbage without parts'],
    ['multipart/form-data', '--\r\n'],
    ['multipart/form-data; boundary=a', '--a\r\nContent-Disposition: form-data\r\n\r\nno end'],
  ];

  it('answers a malformed multipart body with the 400 page, signed out or signed in, on every form', async () => {
    const client = new DeskClient(t);
    const c = await openedCase(t);
    const paths = ['/desk/sign-in', '/desk/lang', '/desk/sign-out'];
    await client.signIn('handler1');
    const before = await footprint(t, c.id);
    for (const [type, body] of malformed) {
      for (const [who, path] of [...paths.map((p) => ['anonymous', p]), ['handler1', `/desk/cases/${c.id}/events`]] as const) {
        const headers: Record<string, string> = { 'Content-Type': type };
        if (who !== 'anonymous') headers.Cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        const res = await t.app.request(path, { method: 'POST', headers, body });
        expect(res.status, `${who} ${path} ${type}`).toBe(400);
        expect(await res.text()).toContain('data-problem="malformed_form"');
      }
    }
    expect(await footprint(t, c.id)).toEqual(before);
  });

  it('answers a multipart OPTIONS or DELETE without a body with the 400 page too (found by the fuzz test)', async () => {
    for (const method of ['OPTIONS', 'DELETE', 'PATCH']) {
      const res = await t.app.request('/desk/audit', { method, headers: { 'Content-Type': 'multipart/form-data; boundary=b' } });
      expect(res.status, method).toBe(400);
    }
  });

  it('answers a form over 1 MiB with the 413 page and changes nothing', async () => {
    const client = new DeskClient(t);
    await client.signIn('handler1');
    const c = await openedCase(t);
    const before = await footprint(t, c.id);
    const res = await client.post(`/desk/cases/${c.id}/events`, {
      _csrf: await client.csrf(),
      type: 'statement.record',
      version: String(c.version),
      summary: 'x'.repeat(maxBodyBytes),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('data-problem="payload_too_large"');
    expect(await footprint(t, c.id)).toEqual(before);
  });
});
