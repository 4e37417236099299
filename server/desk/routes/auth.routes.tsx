// Sign-in, sign-out and the language switch. Sign-in goes through the same throttled sign-in service as the
// API and swaps the anonymous CSRF seed for a new session token (stored hashed), so a token planted before
// sign-in is worthless after it. Sign-out everywhere ends every session and bearer token of the user.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Services } from '../../services.js';
import type { SessionStore } from '../../../db/users/session-store.js';
import type { DomainError } from '../../shared/result.js';
import { TokenRequestSchema } from '../../users/auth.routes.js';
import { clientAddress } from '../../users/client-address.js';
import { cookieNames, safeNext, setDeskCookie, type DeskEnv } from '../session.js';
import { parseLang } from '../i18n/index.js';
import { field, type FormBody } from '../form-commands.js';
import { renderPage } from '../render.js';
import { SignInPage, type SignInRefusal } from '../views/sign-in.page.js';

type T = DeskEnv['Variables']['desk']['t'];
const HOUR_MS = 60 * 60 * 1000;

/** The notice for a `reason` query value; unknown values (including `constructor` and the like) show none. */
function reasonMessage(t: T, reason: string | undefined): string | undefined {
  const messages: Record<string, string> = {
    expired: t.signIn.expired,
    required: t.signIn.required,
    signedOut: t.flash.signedOut,
    signedOutAll: t.signIn.signedOutAll,
  };
  return reason !== undefined && Object.hasOwn(messages, reason) ? messages[reason] : undefined;
}

/** A form field as sent, untrimmed (passwords may begin or end with a space, as in the API). */
const rawField = (form: FormBody, key: string): string => (typeof form[key] === 'string' ? form[key] : '');

/** The page's status and message for a refused sign-in. */
function refusalOf(t: T, error: DomainError): { status: ContentfulStatusCode; refusal: SignInRefusal } {
  const wait = error.retryAfterSeconds === undefined ? '' : ` ${t.signIn.retryAfter(Math.ceil(error.retryAfterSeconds / 60))}`;
  if (error.kind === 'locked') return { status: 423, refusal: { code: error.code, message: t.signIn.locked + wait } };
  if (error.kind === 'throttled') return { status: 429, refusal: { code: error.code, message: t.signIn.throttled + wait } };
  return { status: 401, refusal: { code: error.code, message: t.signIn.failed } };
}

/** Signs the user in from the form, or renders the form again with the refusal. */
async function signIn(c: Context<DeskEnv>, services: Services, sessions: SessionStore, demo: boolean): Promise<Response> {
  const form = await c.req.parseBody({ all: true });
  const next = safeNext(field(form, 'next'));
  const username = field(form, 'username');
  const input = TokenRequestSchema.safeParse({ username, password: rawField(form, 'password') });
  const policy = services.policy.signIn;
  const result = input.success ? await services.signIn.signIn({ ...input.data, address: clientAddress(c, policy.trustedProxyHops) }) : null;
  if (!result?.ok) {
    const error: DomainError = result?.error ?? {
      kind: 'unauthorized',
      code: 'bad_credentials',
      detail: 'Name and password are required.',
    };
    const { status, refusal } = refusalOf(c.var.desk.t, error);
    if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
    return renderPage(c, <SignInPage desk={c.var.desk} next={next} refusal={refusal} username={username} demo={demo} />, status);
  }
  const ttlMs = policy.sessionTtlHours * HOUR_MS;
  const { token } = await sessions.create(result.value.id, ttlMs);
  setDeskCookie(c, cookieNames.session, token, c.var.desk.secure, Math.floor(ttlMs / 1000));
  return c.redirect(next, 303);
}

/** Ends this session, or with `scope=all` every session and bearer token of the signed-in user. */
async function signOut(c: Context<DeskEnv>, services: Services, sessions: SessionStore): Promise<Response> {
  const form = await c.req.parseBody({ all: true });
  const everywhere = field(form, 'scope') === 'all' && c.var.desk.user !== null;
  const token = getCookie(c, cookieNames.session);
  if (everywhere) await services.users.revokeAll(c.var.desk.user!.id);
  else if (token) await sessions.destroy(token);
  deleteCookie(c, cookieNames.session, { path: '/', secure: c.var.desk.secure });
  return c.redirect(`/desk/sign-in?reason=${everywhere ? 'signedOutAll' : 'signedOut'}`, 303);
}

/** The routes that work without a session. */
export function authRoutes(services: Services, sessions: SessionStore, options: { demo: boolean }) {
  return new Hono<DeskEnv>()
    .get('/sign-in', async (c) => {
      const next = safeNext(c.req.query('next'));
      if (c.var.desk.user) return c.redirect(next, 303);
      const message = reasonMessage(c.var.desk.t, c.req.query('reason'));
      return renderPage(c, <SignInPage desk={c.var.desk} next={next} message={message} demo={options.demo} />);
    })
    .post('/sign-in', (c) => signIn(c, services, sessions, options.demo))
    .post('/sign-out', (c) => signOut(c, services, sessions))
    .post('/lang', async (c) => {
      const form = await c.req.parseBody({ all: true });
      setDeskCookie(c, cookieNames.lang, parseLang(field(form, 'lang')), c.var.desk.secure, 365 * 24 * 3600);
      return c.redirect(safeNext(field(form, 'next')), 303);
    });
}
