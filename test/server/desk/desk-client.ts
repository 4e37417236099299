// A cookie-keeping form client for the desk over app.request(): signs in like a browser, reads the
// CSRF token from pages and posts urlencoded forms, so refusals can be tested without a browser.
import { expect } from 'vitest';
import type { TestApp, DemoUserName } from '../../helpers/test-app.js';
import { demoPassword } from '../../../server/demo/demo-users.js';

/** The `_csrf` value embedded in a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in page');
  return match[1]!;
}

/** A browser-like client with its own cookie jar. */
export class DeskClient {
  readonly cookies = new Map<string, string>();
  /** `address`: the client's socket address as @hono/node-server would pass it (none: an in-process call). */
  constructor(
    private readonly t: TestApp,
    private readonly address?: string,
  ) {}

  async request(method: string, path: string, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const env = this.address ? { incoming: { socket: { remoteAddress: this.address } } } : undefined;
    const res = await this.t.app.request(path, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined }, env);
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /Max-Age=0/i.test(cookie)) this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request('POST', path, form);
  }

  /** The CSRF token on `path` (a page this client may open). */
  async csrf(path = '/desk'): Promise<string> {
    const res = await this.get(path);
    return csrfOf(await res.text());
  }

  /** Signs in as a demo user through the sign-in form. */
  async signIn(user: DemoUserName): Promise<void> {
    const csrf = await this.csrf('/desk/sign-in');
    const res = await this.post('/desk/sign-in', { _csrf: csrf, username: user, password: demoPassword, next: '/desk' });
    expect(res.status).toBe(303);
    expect(this.cookies.has('desk_session')).toBe(true);
  }
}
