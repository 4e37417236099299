// The review form (法制审核): the seven statutory items (DOMAIN §1.2), each passed or with a finding, the
// overall opinion (同意 / 存在问题 / 建议移送) on the exact draft hash shown, and the recusal declaration.
import type { FC } from 'hono/jsx';
import { ReviewItemKeys, type ReviewItemKey } from '../../../machines/case/case.events.js';
import type { DeskContext } from '../session.js';
import type { CasePageData } from '../case-data.js';
import type { FormErrors, ReviewFormValues } from '../form-commands.js';
import { CsrfField, Layout } from '../layout.js';
import { DraftView } from './parts/draft-view.js';
import { DiffView } from './parts/diff-view.js';
import { TextAction } from './parts/action-forms.js';
import { MajorReasons } from './parts/case-summary.js';
import { CaseCommandSchema } from '../../../machines/case/case.events.js';

/** The opinion's limit, read from the API's event schema (review.return) so the form cannot drift from it. */
const opinionMax =
  (
    CaseCommandSchema.options.find((o) => o.shape.type.value === 'review.return')?.shape as
      | { opinion?: { maxLength?: number | null } }
      | undefined
  )?.opinion?.maxLength ?? 20000;
import { LawForms } from './parts/law-forms.js';

/** Props: the case, what was entered before (after a validation error) and the field errors. */
export interface ReviewPageProps {
  desk: DeskContext;
  data: CasePageData;
  values?: ReviewFormValues;
  errors?: FormErrors;
}

const ErrorText: FC<{ desk: DeskContext; id: string; errors?: FormErrors; name: string }> = ({ desk, id, errors, name }) =>
  errors?.[name] ? (
    <p class="error-text" id={id}>
      {desk.t.forms[errors[name]]}
    </p>
  ) : null;

const ItemFieldset: FC<{ desk: DeskContext; item: ReviewItemKey; index: number; values?: ReviewFormValues; errors?: FormErrors }> = ({
  desk,
  item,
  index,
  values,
  errors,
}) => {
  const { t } = desk;
  const v = values?.items[item];
  const invalid = Boolean(errors?.[`item_${item}`] || errors?.[`finding_${item}`]);
  return (
    <fieldset class={invalid ? 'invalid' : undefined} data-item={item} aria-describedby={invalid ? `err-${item}` : undefined}>
      <legend>{`${index + 1}. ${t.items[item]}`}</legend>
      <ErrorText desk={desk} id={`err-${item}`} errors={errors} name={`item_${item}`} />
      <label class="choice">
        <input type="radio" name={`item_${item}`} value="passed" required checked={v?.choice === 'passed'} />
        {item === 'crimeTransfer' ? t.review.crimeNo : t.review.passed}
      </label>
      <label class="choice">
        <input type="radio" name={`item_${item}`} value="finding" checked={v?.choice === 'finding'} />
        {item === 'crimeTransfer' ? t.review.crimeYes : t.review.finding}
      </label>
      <label for={`finding_${item}`}>{t.review.findingLabel}</label>
      <ErrorText desk={desk} id={`err-finding-${item}`} errors={errors} name={`finding_${item}`} />
      <textarea
        class="short"
        id={`finding_${item}`}
        name={`finding_${item}`}
        aria-invalid={errors?.[`finding_${item}`] ? 'true' : undefined}
        aria-describedby={errors?.[`finding_${item}`] ? `err-finding-${item}` : undefined}
      >
        {v?.finding ?? ''}
      </textarea>
    </fieldset>
  );
};

const Overall: FC<{ desk: DeskContext; values?: ReviewFormValues; errors?: FormErrors }> = ({ desk, values, errors }) => {
  const { t } = desk;
  const outcomes = [
    ['approve', t.review.approve],
    ['return', t.review.return],
    ['refer', t.review.refer],
  ] as const;
  return (
    <fieldset
      class={errors?.outcome || errors?.opinion ? 'invalid' : undefined}
      aria-describedby={errors?.outcome ? 'err-outcome' : undefined}
    >
      <legend>{t.review.overall}</legend>
      <ErrorText desk={desk} id="err-outcome" errors={errors} name="outcome" />
      {outcomes.map(([value, label]) => (
        <label class="choice">
          <input type="radio" name="outcome" value={value} required checked={values?.outcome === value} />
          {label}
        </label>
      ))}
      <label for="target">{t.review.target}</label>
      <ErrorText desk={desk} id="err-target" errors={errors} name="target" />
      <select id="target" name="target" aria-describedby={errors?.target ? 'err-target' : undefined}>
        <option value="">{t.review.targetNone}</option>
        <option value="judicial" selected={values?.target === 'judicial'}>
          {t.review.targetJudicial}
        </option>
        <option value="competent_authority" selected={values?.target === 'competent_authority'}>
          {t.review.targetAuthority}
        </option>
      </select>
      <label for="opinion">{t.review.opinion}</label>
      <p class="hint" id="opinion-hint">
        {t.review.opinionHint}
      </p>
      <ErrorText desk={desk} id="err-opinion" errors={errors} name="opinion" />
      <textarea
        id="opinion"
        name="opinion"
        required
        maxlength={opinionMax}
        data-counter="opinion-count"
        aria-invalid={errors?.opinion ? 'true' : undefined}
        aria-describedby={errors?.opinion ? 'opinion-hint opinion-count err-opinion' : 'opinion-hint opinion-count'}
      >
        {values?.opinion ?? ''}
      </textarea>
      <p class="counter" id="opinion-count" aria-live="polite">
        {desk.t.forms.counter([...(values?.opinion ?? '')].length, opinionMax)}
      </p>
    </fieldset>
  );
};

/** The review page. */
export const ReviewPage: FC<ReviewPageProps> = ({ desk, data, values, errors }) => {
  const { t } = desk;
  const { view } = data;
  const hasErrors = errors && Object.keys(errors).length > 0;
  return (
    <Layout desk={desk} title={t.review.title(view.title)} current="queue">
      {hasErrors ? (
        <div class="notice error" role="alert">
          {t.forms.invalid}
        </div>
      ) : null}
      <p>
        <a href={`/desk/cases/${view.id}`}>{t.case.back}</a>
      </p>
      <MajorReasons desk={desk} data={data} />
      {data.latestReview?.type === 'review.return' ? (
        <section class="card" aria-labelledby="previous-return" data-previous-return>
          <h2 id="previous-return">{t.review.previousReturn}</h2>
          <p>{data.latestReview.opinion}</p>
        </section>
      ) : null}
      {data.lastReviewed ? (
        <DiffView desk={desk} before={data.lastReviewed} after={{ version: view.draft.version, content: data.draft }} files={data.files} />
      ) : data.latestReview ? (
        <p class="notice" data-unchanged>
          {t.review.unchanged}
        </p>
      ) : null}
      <DraftView desk={desk} draft={data.draft} version={view.draft.version} hash={view.draft.hash} files={data.files} />
      <form method="post" action={`/desk/cases/${view.id}/review`} id="review-form">
        <CsrfField desk={desk} />
        <input type="hidden" name="version" value={String(view.version)} />
        <input type="hidden" name="draftHash" value={view.draft.hash} />
        <h2>{t.review.items}</h2>
        <p>
          {`${t.review.subject}：${t.case.draftVersion(view.draft.version)}`} <span class="hash">{view.draft.hash}</span>
        </p>
        {ReviewItemKeys.map((item, index) => (
          <ItemFieldset desk={desk} item={item} index={index} values={values} errors={errors} />
        ))}
        <Overall desk={desk} values={values} errors={errors} />
        <p>
          <button type="submit" class="primary">
            {t.review.submit}
          </button>
        </p>
      </form>
      {view.allowedEvents.includes('review.requestMaterials') ? (
        <section aria-labelledby="materials-heading">
          <h2 id="materials-heading">{t.law.materials.title}</h2>
          <LawForms desk={desk} view={view} />
        </section>
      ) : null}
      {view.allowedEvents.includes('conflict.declare') ? (
        <section aria-labelledby="recusal-heading">
          <h2 id="recusal-heading">{t.case.actions}</h2>
          <TextAction
            desk={desk}
            view={view}
            type="conflict.declare"
            field="reason"
            title={t.review.recusal}
            label={t.review.recusalReason}
            submit={t.review.recusalSubmit}
          />
        </section>
      ) : null}
    </Layout>
  );
};
