// Review-desk sessions and CSRF protection, reusable by any page module (desk, audit): who is signed in,
// which language they read, and the CSRF token every form must carry. Invariant: no POST under a desk
// route is handled unless its `_csrf` field matches the token derived from the caller's own cookie.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { getCookie, setCookie } from 'hono/cookie';
import type { User } from '../../db/users/user-store.js';
import type { SessionStore } from '../../db/users/session-store.js';
import { messagesFor, parseLang, type Lang, type Messages } from './i18n/index.js';

/** Cookie names: the session token, the anonymous CSRF seed (before sign-in) and the language. */
export const cookieNames = { session: 'desk_session', anon: 'desk_anon', lang: 'desk_lang' } as const;

/** What every desk page knows about its caller. */
export interface DeskContext {
  user: User | null;
  /** The CSRF token to embed in forms (hidden field `_csrf`). */
  csrf: string;
  lang: Lang;
  t: Messages;
  /** A session cookie was sent but no longer names a live session. */
  expired: boolean;
  secure: boolean;
  /** Path and query of this request, for links back here (language switch). */
  path: string;
}
export type DeskEnv = { Variables: { desk: DeskContext } };

/**
 * The CSRF token bound to a secret cookie value: a SHA-256 with a purpose prefix, so the token in a page
 * reveals nothing usable and another site, unable to read our cookies, cannot compute it.
 */
export function csrfFor(seed: string): string {
  return createHash('sha256').update(`desk-csrf\u0000${seed}`).digest('base64url');
}

/** Sets a desk cookie: HttpOnly, SameSite=Strict, whole site, Secure when configured. */
export function setDeskCookie(c: Context, name: string, value: string, secure: boolean, maxAgeSeconds?: number): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  });
}

const seedPattern = /^[A-Za-z0-9_-]{32,64}$/;

/** Resolves the session, language and CSRF token for every desk request; adds protective headers. */
export function deskSession(sessions: SessionStore, options: { secure: boolean }): MiddlewareHandler<DeskEnv> {
  return createMiddleware<DeskEnv>(async (c, next) => {
    // Idempotent: a page module mounted beside the desk may apply it again on the same request.
    if (c.get('desk')) return next();
    const lang = parseLang(getCookie(c, cookieNames.lang));
    const token = getCookie(c, cookieNames.session);
    const found = token && seedPattern.test(token) ? await sessions.find(token) : null;
    let seed = found ? token! : getCookie(c, cookieNames.anon);
    if (!seed || !seedPattern.test(seed)) {
      seed = randomBytes(32).toString('base64url');
      setDeskCookie(c, cookieNames.anon, seed, options.secure);
    }
    const url = new URL(c.req.url);
    c.set('desk', {
      user: found?.user ?? null,
      csrf: csrfFor(seed),
      lang,
      t: messagesFor(lang),
      expired: Boolean(token) && !found,
      secure: options.secure,
      path: url.pathname + url.search,
    });
    await next();
    // A route may set its own policy: an evidence file must be framable by the desk's own review page.
    if (!c.res.headers.has('Content-Security-Policy')) {
      c.header(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
    }
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
  });
}

/** True when the submitted token equals the expected one (constant-time compare). */
export function isCsrfValid(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses any non-GET request whose form lacks the caller's CSRF token, answering with `refuse`. */
export function requireCsrf(refuse: (c: Context<DeskEnv>) => Response | Promise<Response>): MiddlewareHandler<DeskEnv> {
  return createMiddleware<DeskEnv>(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = c.req.header('Content-Type') ?? '';
    const form = /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(type) ? await c.req.parseBody({ all: true }) : {};
    if (!isCsrfValid(c.var.desk.csrf, form._csrf)) return refuse(c);
    await next();
  });
}

/** A local desk path to return to after sign-in; anything else (other sites, `//host`) becomes `/desk`. */
export function safeNext(value: string | undefined | null): string {
  return value && /^\/desk(\/[^/\\]|$|\?)/.test(value) && !value.includes('//') ? value : '/desk';
}

/** Sends anyone without a session to the sign-in page, remembering where they were going (GET only). */
export function requireUser(): MiddlewareHandler<DeskEnv> {
  return createMiddleware<DeskEnv>(async (c, next) => {
    if (c.var.desk.user) return next();
    const url = new URL(c.req.url);
    const next_ = c.req.method === 'GET' ? safeNext(url.pathname + url.search) : '/desk';
    const reason = c.var.desk.expired ? 'expired' : 'required';
    return c.redirect(`/desk/sign-in?reason=${reason}&next=${encodeURIComponent(next_)}`, 303);
  });
}

/** The signed-in user of a route behind `requireUser` (throws if used elsewhere: a wiring bug). */
export function signedIn(c: Context<DeskEnv>): User {
  const user = c.var.desk.user;
  if (!user) throw new Error('signedIn() used on a route without requireUser()');
  return user;
}
