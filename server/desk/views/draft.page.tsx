// The handler's draft form (决定代拟稿): open a case (立案) or revise its draft, in sections for the party,
// facts, evidence, legal basis and proposed measures. Every limit comes from the API's schema (maxlength
// and a counter per field); errors are marked on their field, in the page's language.
import type { FC } from 'hono/jsx';
import { DraftContentSchema, ProposedKindSchema } from '../../../machines/case/draft.schema.js';
import type { DeskContext } from '../session.js';
import type { DraftFieldError, DraftFormValues } from '../draft-form.js';
import { rowsFor } from '../draft-form.js';
import { CsrfField, Layout } from '../layout.js';

const shape = DraftContentSchema.shape;
/** The schema's maximum lengths, so the form's limits are the API's. */
export const draftLimits = {
  title: shape.title.maxLength ?? 300,
  party_name: shape.party.shape.name.maxLength ?? 200,
  facts: shape.facts.maxLength ?? 20000,
  basis: shape.legalBasis.element.maxLength ?? 500,
  evidence_kind: shape.evidence.element.shape.kind.maxLength ?? 100,
  evidence_desc: shape.evidence.element.shape.description.maxLength ?? 4000,
  discretion: 500,
};

/** Props: the action (open or revise), the values, the errors, and the case version for If-Match. */
export interface DraftPageProps {
  desk: DeskContext;
  title: string;
  action: string;
  version?: number;
  values: DraftFormValues;
  errors?: Record<string, DraftFieldError>;
}

type FieldProps = {
  desk: DeskContext;
  name: string;
  label: string;
  max: number;
  values: DraftFormValues;
  errors?: Record<string, DraftFieldError>;
  area?: boolean;
  required?: boolean;
};

const errorText = (desk: DeskContext, e: DraftFieldError) =>
  e.kind === 'required' ? desk.t.forms.required : e.kind === 'tooLong' ? desk.t.forms.tooLong(e.max) : desk.t.forms.invalidValue;

/** One text field with its limit, live counter and error. */
const TextField: FC<FieldProps> = ({ desk, name, label, max, values, errors, area, required }) => {
  const error = errors?.[name];
  const value = values[name] ?? '';
  const described = [`${name}-count`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id: name,
    name,
    maxlength: max,
    required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': described,
    'data-counter': `${name}-count`,
  };
  return (
    <div class="field">
      <label for={name}>{label}</label>
      {area ? <textarea {...common}>{value}</textarea> : <input type="text" {...common} value={value} />}
      <p class="counter" id={`${name}-count`} aria-live="polite">
        {desk.t.forms.counter([...value].length, max)}
      </p>
      {error ? (
        <p class="field-error" id={`${name}-error`}>
          {errorText(desk, error)}
        </p>
      ) : null}
    </div>
  );
};

/** The draft form page. */
export const DraftPage: FC<DraftPageProps> = ({ desk, title, action, version, values, errors }) => {
  const { t } = desk;
  const d = t.draftForm;
  const rows = rowsFor(values);
  const f = (name: string, label: string, max: number, extra: Partial<FieldProps> = {}) => (
    <TextField desk={desk} name={name} label={label} max={max} values={values} errors={errors} {...extra} />
  );
  return (
    <Layout desk={desk} title={title} current="queue">
      {errors && Object.keys(errors).length ? (
        <div class="notice error" role="alert" data-problem="malformed_request">
          <p>{t.forms.invalid}</p>
        </div>
      ) : null}
      <form method="post" action={action} class="card" data-form="draft">
        <CsrfField desk={desk} />
        {version === undefined ? null : <input type="hidden" name="version" value={String(version)} />}
        {f('title', t.case.title, draftLimits.title, { required: true })}
        <fieldset>
          <legend>{t.case.party}</legend>
          {f('party_name', d.partyName, draftLimits.party_name, { required: true })}
          <label class="choice">
            <input type="radio" name="party_kind" value="organization" checked={values.party_kind !== 'person'} />
            {t.case.organization}
          </label>
          <label class="choice">
            <input type="radio" name="party_kind" value="person" checked={values.party_kind === 'person'} />
            {t.case.person}
          </label>
        </fieldset>
        {f('facts', t.case.facts, draftLimits.facts, { area: true, required: true })}
        <fieldset>
          <legend>{t.case.evidence}</legend>
          <p class="hint">{d.rowsHint}</p>
          {Array.from({ length: rows.evidence }, (_, i) => (
            <div class="member-row" data-evidence-row={i}>
              {f(`evidence_kind_${i}`, `${t.case.evidenceKind} ${i + 1}`, draftLimits.evidence_kind)}
              {f(`evidence_desc_${i}`, `${t.case.evidenceDesc} ${i + 1}`, draftLimits.evidence_desc, { area: true })}
              {values[`evidence_files_${i}`] ? (
                <input type="hidden" name={`evidence_files_${i}`} value={values[`evidence_files_${i}`]} />
              ) : null}
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.case.legalBasis}</legend>
          <p class="hint">{d.rowsHint}</p>
          {Array.from({ length: rows.basis }, (_, i) => f(`basis_${i}`, `${t.case.legalBasis} ${i + 1}`, draftLimits.basis))}
        </fieldset>
        <fieldset>
          <legend>{t.case.proposed}</legend>
          <label for="proposed_kind">{d.measure}</label>
          <select id="proposed_kind" name="proposed_kind">
            {ProposedKindSchema.options.map((k) => (
              <option value={k} selected={values.proposed_kind === k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
          <label for="amount">{d.amount}</label>
          <input
            type="text"
            inputmode="decimal"
            id="amount"
            name="amount"
            value={values.amount ?? ''}
            maxlength={16}
            aria-invalid={errors?.amount ? 'true' : undefined}
          />
          {errors?.amount ? <p class="field-error">{errorText(desk, errors.amount)}</p> : null}
          {f('discretion', t.case.discretion, draftLimits.discretion)}
          <label class="choice">
            <input type="checkbox" name="public_interest" value="yes" checked={Boolean(values.public_interest)} />
            {t.reasons.public_interest}
          </label>
          <label class="choice">
            <input type="checkbox" name="complex" value="yes" checked={Boolean(values.complex)} />
            {t.reasons.complex}
          </label>
        </fieldset>
        <p>
          <button type="submit" class="primary">
            {version === undefined ? d.openSubmit : d.reviseSubmit}
          </button>
        </p>
      </form>
    </Layout>
  );
};
