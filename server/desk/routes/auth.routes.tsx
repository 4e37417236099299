// Sign-in, sign-out and the language switch. Sign-in swaps the anonymous CSRF seed for a new session
// token (stored hashed), so a token planted before sign-in is worthless after it.
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Services } from '../../services.js';
import { SESSION_TTL_MS, type SessionStore } from '../../../db/users/session-store.js';
import { cookieNames, safeNext, setDeskCookie, type DeskEnv } from '../session.js';
import { parseLang } from '../i18n/index.js';
import { field } from '../form-commands.js';
import { renderPage } from '../render.js';
import { SignInPage } from '../views/sign-in.page.js';

const reasonMessage = (t: DeskEnv['Variables']['desk']['t'], reason: string | undefined) =>
  reason === 'expired'
    ? t.signIn.expired
    : reason === 'required'
      ? t.signIn.required
      : reason === 'signedOut'
        ? t.flash.signedOut
        : undefined;

/** The routes that work without a session. */
export function authRoutes(services: Services, sessions: SessionStore, options: { demo: boolean }) {
  return new Hono<DeskEnv>()
    .get('/sign-in', async (c) => {
      const next = safeNext(c.req.query('next'));
      if (c.var.desk.user) return c.redirect(next, 303);
      const message = reasonMessage(c.var.desk.t, c.req.query('reason'));
      return renderPage(c, <SignInPage desk={c.var.desk} next={next} message={message} demo={options.demo} />);
    })
    .post('/sign-in', async (c) => {
      const form = await c.req.parseBody({ all: true });
      const next = safeNext(field(form, 'next'));
      const username = field(form, 'username');
      const user = username ? await services.users.authenticate(username, field(form, 'password')) : null;
      if (!user) return renderPage(c, <SignInPage desk={c.var.desk} next={next} failed username={username} demo={options.demo} />, 401);
      const { token } = await sessions.create(user.id);
      setDeskCookie(c, cookieNames.session, token, c.var.desk.secure, Math.floor(SESSION_TTL_MS / 1000));
      return c.redirect(next, 303);
    })
    .post('/sign-out', async (c) => {
      const token = getCookie(c, cookieNames.session);
      if (token) await sessions.destroy(token);
      deleteCookie(c, cookieNames.session, { path: '/', secure: c.var.desk.secure });
      return c.redirect('/desk/sign-in?reason=signedOut', 303);
    })
    .post('/lang', async (c) => {
      const form = await c.req.parseBody({ all: true });
      setDeskCookie(c, cookieNames.lang, parseLang(field(form, 'lang')), c.var.desk.secure, 365 * 24 * 3600);
      return c.redirect(safeNext(field(form, 'next')), 303);
    });
}
