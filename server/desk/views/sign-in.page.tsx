// The sign-in page: user name and password, with the reason the user was sent here.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { CsrfField, Layout } from '../layout.js';

/** Why the last attempt was refused: the problem code (kept in `data-problem`) and the sentence shown. */
export interface SignInRefusal {
  code: string;
  message: string;
}

/** Props: where to go after sign-in, a message, and why the last attempt was refused. */
export interface SignInPageProps {
  desk: DeskContext;
  next: string;
  message?: string;
  refusal?: SignInRefusal;
  username?: string;
  /** Show the demo users hint (demo mode only). */
  demo?: boolean;
}

/** The sign-in form. */
export const SignInPage: FC<SignInPageProps> = ({ desk, next, message, refusal, username, demo }) => {
  const { t } = desk;
  const failed = refusal !== undefined;
  return (
    <Layout desk={desk} title={t.signIn.title}>
      {refusal ? (
        <div class="notice error" role="alert" id="sign-in-error" data-problem={refusal.code}>
          {refusal.message}
        </div>
      ) : null}
      {message && !failed ? (
        <div class="notice" role="status">
          {message}
        </div>
      ) : null}
      <form method="post" action="/desk/sign-in" class="card">
        <CsrfField desk={desk} />
        <input type="hidden" name="next" value={next} />
        <label for="username">{t.signIn.username}</label>
        <input
          type="text"
          id="username"
          name="username"
          autocomplete="username"
          required
          value={username ?? ''}
          aria-describedby={failed ? 'sign-in-error' : undefined}
        />
        <label for="password">{t.signIn.password}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
        <p>
          <button type="submit" class="primary">
            {t.signIn.submit}
          </button>
        </p>
      </form>
      {demo ? <p class="hint">{t.signIn.demoHint}</p> : null}
    </Layout>
  );
};
