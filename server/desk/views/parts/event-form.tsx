// One folded form that posts a case event from the case page, and the state it comes back with after a refusal.
// Invariant: the form carries the case version (If-Match) and CSRF token; it opens by itself when refused.
import type { Child, FC } from 'hono/jsx';
import type { CaseEventType } from '../../../../machines/case/case.events.js';
import type { CaseView } from '../../../cases/case-view.js';
import type { DeskContext } from '../../session.js';
import type { HistoryType } from '../../i18n/zh-CN.js';
import { CsrfField } from '../../layout.js';
import type { FormState } from './party-fields.js';

/** The refused form of a case page: which event, and its errors and values. */
export interface RefusedForm extends FormState {
  type: string;
}

/** The state for the form of `type`: the refused one's, else empty. */
export function stateFor(refused: RefusedForm | undefined, type: CaseEventType): FormState {
  return refused?.type === type ? refused : {};
}

/** A `<details>` card with a form posting `type` for `view`; `open` when it came back refused. */
export const EventForm: FC<{
  desk: DeskContext;
  view: CaseView;
  type: CaseEventType;
  state: FormState;
  title?: string;
  back?: string;
  children?: Child;
}> = (p) => {
  const { t } = p.desk;
  const formError = p.state.errors?.form;
  return (
    <details class="card" data-action={p.type} id={`action-${p.type.replace('.', '-')}`} open={p.state.errors ? true : undefined}>
      <summary>{p.title ?? t.events[p.type as HistoryType]}</summary>
      <form method="post" action={`/desk/cases/${p.view.id}/events`}>
        <CsrfField desk={p.desk} />
        <input type="hidden" name="type" value={p.type} />
        <input type="hidden" name="version" value={String(p.view.version)} />
        {p.back ? <input type="hidden" name="back" value={p.back} /> : null}
        {formError ? (
          <p class="error-text" role="alert">
            {t.forms[formError]}
          </p>
        ) : null}
        {p.children}
        <p>
          <button type="submit" class="secondary">
            {p.title ?? t.events[p.type as HistoryType]}
          </button>
        </p>
      </form>
    </details>
  );
};
