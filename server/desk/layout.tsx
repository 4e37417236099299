// The page frame every desk page (and any later page module) renders in: language, skip link,
// header with navigation, language switch and sign-out, then one <main> landmark.
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { DeskContext } from './session.js';
import { DeskNav } from './nav.js';

/** Props of the layout: the request's desk context, the page title and the nav key of this page. */
export interface LayoutProps {
  desk: DeskContext;
  title: string;
  current?: string;
}

/** A hidden CSRF field; every form includes one. */
export const CsrfField: FC<{ desk: DeskContext }> = ({ desk }) => <input type="hidden" name="_csrf" value={desk.csrf} />;

const LangSwitch: FC<{ desk: DeskContext }> = ({ desk }) => (
  <form method="post" action="/desk/lang">
    <CsrfField desk={desk} />
    <input type="hidden" name="lang" value={desk.lang === 'en' ? 'zh-CN' : 'en'} />
    <input type="hidden" name="next" value={desk.path} />
    <button
      type="submit"
      class="linkish"
      lang={desk.lang === 'en' ? 'zh-CN' : 'en'}
      aria-label={`${desk.t.lang.label}: ${desk.t.lang.switchTo}`}
    >
      {desk.t.lang.switchTo}
    </button>
  </form>
);

const SignOut: FC<{ desk: DeskContext }> = ({ desk }) => (
  <form method="post" action="/desk/sign-out">
    <CsrfField desk={desk} />
    <button type="submit" class="linkish">
      {desk.t.nav.signOut}
    </button>{' '}
    <button type="submit" class="linkish" name="scope" value="all">
      {desk.t.nav.signOutAll}
    </button>
  </form>
);

/** The full HTML page. */
export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ desk, title, current, children }) => {
  const { t, user } = desk;
  return (
    <html lang={desk.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.app.name}`}</title>
        <link rel="stylesheet" href="/desk/static/desk.css" />
        <script src="/desk/static/counter.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t.app.skip}
        </a>
        <header class="top">
          <a class="brand" href="/desk">
            {t.app.name}
          </a>
          {user ? <DeskNav user={user} t={t} lang={desk.lang} current={current} /> : null}
          <div class="tools">
            {user ? <span class="who">{t.nav.signedInAs(user.displayName)}</span> : null}
            <LangSwitch desk={desk} />
            {user ? <SignOut desk={desk} /> : null}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
};
