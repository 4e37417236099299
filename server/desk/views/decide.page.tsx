// The head's page for one case: the approved draft and its review opinion, collective discussion
// (集体讨论) with each member's opinion, and the decision form that shows and posts the hash it decides on.
import type { FC } from 'hono/jsx';
import type { DecisionOutcome } from '../../../machines/case/case.events.js';
import type { DeskContext } from '../session.js';
import type { CasePageData } from '../case-data.js';
import type { FormErrors } from '../form-commands.js';
import { formatDateTime } from '../i18n/index.js';
import { CsrfField, Layout } from '../layout.js';
import { DraftView } from './parts/draft-view.js';
import { Field } from './parts/party-fields.js';
import { DiscussionForm } from './parts/discussion-form.js';

/** Props: the case and the discussion form's errors and values after a failed post. */
export interface DecidePageProps {
  desk: DeskContext;
  data: CasePageData;
  errors?: FormErrors;
  values?: Record<string, string>;
}

const ReviewBox: FC<{ desk: DeskContext; data: CasePageData }> = ({ desk, data }) => {
  const { t } = desk;
  const r = data.latestReview;
  if (!r || r.type === 'review.return') return null;
  return (
    <section aria-labelledby="approved-heading" class="card">
      <h2 id="approved-heading">{r.type === 'review.refer' ? t.head.referred : t.head.approved}</h2>
      <dl class="facts">
        <dt>{t.case.hash}</dt>
        <dd class="hash">{r.draftHash}</dd>
        <dt>{t.head.reviewOpinion}</dt>
        <dd>{r.opinion}</dd>
        <dt>{t.case.reviewer}</dt>
        <dd>{`${data.names.get(r.reviewerId) ?? r.reviewerId} · ${formatDateTime(r.at, desk.lang)}`}</dd>
      </dl>
    </section>
  );
};

const DecisionForm: FC<{ desk: DeskContext; data: CasePageData; errors?: FormErrors }> = ({ desk, data, errors }) => {
  const { t } = desk;
  const { view } = data;
  const hash = view.review?.draftHash ?? view.draft.hash;
  // Every outcome of 交通 art 73 is offered; the machine refuses one that the review and draft do not support.
  const preferred: DecisionOutcome = view.review?.outcome === 'referred' ? 'transfer' : view.proposedOutcome;
  const options: DecisionOutcome[] = ['penalty', 'no_penalty_minor', 'no_penalty_unfounded', 'transfer'];
  if (!options.includes(preferred)) options.unshift(preferred);
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t.head.decide}</h2>
      <form method="post" action={`/desk/cases/${view.id}/events`} class="card" data-action="decision.issue">
        <CsrfField desk={desk} />
        <input type="hidden" name="type" value="decision.issue" />
        <input type="hidden" name="version" value={String(view.version)} />
        <input type="hidden" name="draftHash" value={hash} />
        <p>{t.head.decideOn}</p>
        <p class="hash" id="decide-hash">
          {hash}
        </p>
        <label for="outcome">{t.head.outcome}</label>
        {errors?.outcome ? (
          <p class="error-text" id="err-outcome">
            {t.forms[errors.outcome]}
          </p>
        ) : null}
        <select id="outcome" name="outcome" aria-describedby={errors?.outcome ? 'err-outcome' : undefined}>
          {options.map((o) => (
            <option value={o} selected={o === preferred}>
              {t.outcomes[o]}
            </option>
          ))}
        </select>
        <Field
          desk={desk}
          id="decided-on"
          name="decidedOn"
          label={t.party.decidedOn}
          kind="date"
          max={data.today}
          value={data.today}
          state={{}}
        />
        <Field desk={desk} id="document-no" name="documentNo" label={t.party.documentNo} state={{}} required={false} />
        <p>
          <button type="submit" class="primary" aria-describedby="decide-hash">
            {t.head.decideSubmit}
          </button>
        </p>
      </form>
    </section>
  );
};

/** The decide page. */
export const DecidePage: FC<DecidePageProps> = (props) => {
  const { desk, data } = props;
  const { t } = desk;
  const { view } = data;
  const discussionHeld = view.discussion !== null && view.discussion.draftHash === view.draft.hash;
  return (
    <Layout desk={desk} title={t.head.caseTitle(view.title)} current="head">
      {props.errors ? (
        <div class="notice error" role="alert">
          {t.forms.invalid}
        </div>
      ) : null}
      <p>
        <a href={`/desk/cases/${view.id}`}>{t.case.back}</a>
      </p>
      <ReviewBox desk={desk} data={data} />
      <section aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">{t.head.discussion}</h2>
        {discussionHeld ? <p>{t.head.discussionHeld}</p> : view.major.discussionRequired ? <p>{t.head.discussionNeeded}</p> : null}
        {view.allowedEvents.includes('discussion.record') ? (
          <DiscussionForm desk={desk} data={data} errors={props.errors} values={props.values} />
        ) : null}
      </section>
      {view.allowedEvents.includes('decision.issue') ? <DecisionForm desk={desk} data={data} errors={props.errors} /> : null}
      <DraftView desk={desk} draft={data.draft} version={view.draft.version} hash={view.draft.hash} files={data.files} />
    </Layout>
  );
};
