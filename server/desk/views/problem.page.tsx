// The page shown when a desk request is refused: what happened, that nothing changed, and a way back.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { Layout } from '../layout.js';

/** Props: the message to show and where to go next. */
export interface ProblemPageProps {
  desk: DeskContext;
  message: string;
  /** Stable problem code, kept in the page for tests and support (`data-problem`). */
  code: string;
  backHref: string;
  backLabel: string;
  /** Further sentences (what changed, that nothing was changed). */
  lines?: string[];
  /** The problem's help page (/problems/<code>). */
  helpHref?: string;
}

/** A refusal page with an alert the screen reader announces. */
export const ProblemPage: FC<ProblemPageProps> = ({ desk, message, code, backHref, backLabel, lines, helpHref }) => (
  <Layout desk={desk} title={desk.t.errors.title}>
    <div class="notice error" role="alert" data-problem={code}>
      <p>{message}</p>
      {(lines ?? []).map((line) => (
        <p>{line}</p>
      ))}
    </div>
    <p>
      <a href={backHref}>{backLabel}</a>
    </p>
    {helpHref ? (
      <p>
        <a href={helpHref}>{desk.t.refusal.help}</a>
      </p>
    ) : null}
  </Layout>
);
