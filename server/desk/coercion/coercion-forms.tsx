// The actions panel of a 查封、扣押 case page: one form per event in the caller's allowedEvents, nothing else.
// Invariant: every form posts the case version it was drawn at (If-Match) and its CSRF token; the review and
// decision forms post the draft hash shown, so the machine binds them to exactly that draft.
import type { Child, FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import type { FormErrors } from '../form-commands.js';
import { CsrfField } from '../layout.js';
import type { HistoryType } from '../i18n/zh-CN.js';
import { CoercionReviewItemKeys, type CoercionEventType } from '../../../machines/coercion/coercion.events.js';
import type { CoercionPageData } from './coercion-data.js';

/** A form the desk or the service refused: its type, and the fields at fault. */
export interface RefusedCoercionForm {
  type: string;
  errors: FormErrors;
}

type Props = { desk: DeskContext; data: CoercionPageData; refused?: RefusedCoercionForm };

const ErrorOf: FC<{ desk: DeskContext; errors?: FormErrors; name: string }> = ({ desk, errors, name }) => {
  const key = errors?.[name];
  return key ? (
    <p class="error-text" id={`${name}-error`} role="alert">
      {desk.t.forms[key]}
    </p>
  ) : null;
};

/** A folded card with a form posting `type`; open when it came back refused. */
const ActionCard: FC<Props & { type: string; title: string; children?: Child }> = (p) => {
  const errors = p.refused?.type === p.type ? p.refused.errors : undefined;
  return (
    <details class="card" data-action={p.type} id={`action-${p.type.replace('.', '-')}`} open={errors ? true : undefined}>
      <summary>{p.title}</summary>
      <form method="post" action={`/desk/coercion-cases/${p.data.view.id}/events`}>
        <CsrfField desk={p.desk} />
        <input type="hidden" name="type" value={p.type} />
        <input type="hidden" name="version" value={String(p.data.view.version)} />
        <ErrorOf desk={p.desk} errors={errors} name="form" />
        {p.children}
        <p>
          <button type="submit" class="secondary">
            {p.title}
          </button>
        </p>
      </form>
    </details>
  );
};

const DateField: FC<{ name: string; label: string; today: string }> = ({ name, label, today }) => (
  <p>
    <label for={`f-${name}`}>{label}</label>
    <input type="date" id={`f-${name}`} name={name} max={today} />
  </p>
);

const TextField: FC<{ desk: DeskContext; name: string; label: string; errors?: FormErrors }> = ({ desk, name, label, errors }) => (
  <p>
    <label for={`f-${name}`}>{label}</label>
    <textarea id={`f-${name}`} name={name} required maxlength={4000} aria-invalid={errors?.[name] ? 'true' : undefined}></textarea>
    <ErrorOf desk={desk} errors={errors} name={name} />
  </p>
);

/** The written opinion: outcome, the seven items (符合 / 存在问题 with the finding), the opinion; bound to the hash shown. */
const ReviewForm: FC<Props> = (p) => {
  const c = p.desk.t.coercion;
  const errors = p.refused?.type === 'review' ? p.refused.errors : undefined;
  return (
    <ActionCard {...p} type="review" title={c.reviewTitle}>
      <input type="hidden" name="draftHash" value={p.data.view.draft.hash} />
      <p class="muted">{`${c.draftHash}：${p.data.view.draft.hash}`}</p>
      {CoercionReviewItemKeys.map((key, i) => (
        <fieldset data-item={key}>
          <legend>{`${i + 1}. ${c.items[key]}`}</legend>
          <label>
            <input type="radio" name={`item_${key}`} value="passed" /> {c.passed}
          </label>{' '}
          <label>
            <input type="radio" name={`item_${key}`} value="finding" /> {c.finding}
          </label>
          <ErrorOf desk={p.desk} errors={errors} name={`item_${key}`} />
          <label for={`finding_${key}`}>{c.findingLabel}</label>
          <textarea id={`finding_${key}`} name={`finding_${key}`} maxlength={4000}></textarea>
        </fieldset>
      ))}
      <TextField desk={p.desk} name="opinion" label={c.opinion} errors={errors} />
      <fieldset>
        <legend>{c.outcome}</legend>
        <label>
          <input type="radio" name="outcome" value="approve" required /> {c.approve}
        </label>{' '}
        <label>
          <input type="radio" name="outcome" value="return" /> {c.giveBack}
        </label>
        <ErrorOf desk={p.desk} errors={errors} name="outcome" />
      </fieldset>
    </ActionCard>
  );
};

/** The forms of the events this user may send now, in the machine's order. */
export const CoercionForms: FC<Props> = (p) => {
  const { t } = p.desk;
  const c = t.coercion;
  const { view, today } = p.data;
  const can = (type: CoercionEventType) => view.allowedEvents.includes(type);
  const title = (type: CoercionEventType) => t.events[type as HistoryType];
  const errorsOf = (type: string) => (p.refused?.type === type ? p.refused.errors : undefined);
  const isReviewer = p.desk.user?.roles.includes('reviewer') ?? false;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t.case.actions}</h2>
      {view.allowedEvents.length === 0 ? <p>{t.case.noActions}</p> : null}
      {can('review.submit') ? (
        <ActionCard {...p} type="review.submit" title={title('review.submit')}>
          <label>
            <input type="checkbox" name="attestation" value="yes" required /> {c.attestation}
          </label>
          <ErrorOf desk={p.desk} errors={errorsOf('review.submit')} name="attestation" />
        </ActionCard>
      ) : null}
      {can('review.assign') && isReviewer && view.reviewerId === null ? <ActionCard {...p} type="review.assign" title={c.claim} /> : null}
      {can('review.assign') && !isReviewer ? (
        <ActionCard {...p} type="review.assign" title={title('review.assign')}>
          <label for="f-reviewerId">{c.reviewer}</label>
          <select id="f-reviewerId" name="reviewerId" required>
            {p.data.reviewers.map((r) => (
              <option value={r.id}>{r.name}</option>
            ))}
          </select>
        </ActionCard>
      ) : null}
      {can('review.approve') || can('review.return') ? <ReviewForm {...p} /> : null}
      {can('decision.issue') ? (
        <ActionCard {...p} type="decision.issue" title={title('decision.issue')}>
          <input type="hidden" name="draftHash" value={view.draft.hash} />
          <p class="muted">{`${c.draftHash}：${view.draft.hash}`}</p>
          <DateField name="decidedOn" label={c.decidedOn} today={today} />
          <DateField name="implementedOn" label={c.implementedOnField} today={today} />
        </ActionCard>
      ) : null}
      {can('measure.extend') ? (
        <ActionCard {...p} type="measure.extend" title={title('measure.extend')}>
          <p>
            <label for="f-days">{c.days}</label>
            <input type="number" id="f-days" name="days" min={1} max={30} required />
          </p>
          <TextField desk={p.desk} name="reason" label={c.reason} errors={errorsOf('measure.extend')} />
          <DateField name="noticeServedOn" label={c.noticeServedOn} today={today} />
        </ActionCard>
      ) : null}
      {can('measure.conclude') ? (
        <ActionCard {...p} type="measure.conclude" title={title('measure.conclude')}>
          <label for="f-result">{c.result}</label>
          <select id="f-result" name="result" required>
            {Object.entries(c.results).map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
          <TextField desk={p.desk} name="reason" label={c.reason} errors={errorsOf('measure.conclude')} />
          <DateField name="concludedOn" label={c.concludedOn} today={today} />
        </ActionCard>
      ) : null}
      {can('filing.submit') ? (
        <ActionCard {...p} type="filing.submit" title={title('filing.submit')}>
          <DateField name="filedOn" label={c.filedOn} today={today} />
        </ActionCard>
      ) : null}
      {can('case.close') ? <ActionCard {...p} type="case.close" title={title('case.close')} /> : null}
      {can('case.withdraw') ? (
        <ActionCard {...p} type="case.withdraw" title={title('case.withdraw')}>
          <TextField desk={p.desk} name="reason" label={c.reason} errors={errorsOf('case.withdraw')} />
        </ActionCard>
      ) : null}
    </section>
  );
};
