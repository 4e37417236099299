// Labelled inputs of the party-rights forms, each with its error message tied to it (aria-describedby), so a
// refused form comes back with the fields the rule named marked, and the values the user typed kept.
import type { FC } from 'hono/jsx';
import { ServiceMethodSchema } from '../../../../machines/case/party.schemas.js';
import type { DeskContext } from '../../session.js';
import type { FormErrors } from '../../form-commands.js';

/** What a form shows after a refused post: the errors by field and the values sent. */
export interface FormState {
  errors?: FormErrors;
  values?: Record<string, string>;
}

/** The error message of field `name`, if any. */
export const FieldError: FC<{ desk: DeskContext; name: string; state: FormState }> = ({ desk, name, state }) => {
  const key = state.errors?.[name];
  return key ? (
    <p class="error-text" id={`err-${name}`}>
      {desk.t.forms[key]}
    </p>
  ) : null;
};

interface InputProps {
  desk: DeskContext;
  id: string;
  name: string;
  label: string;
  state: FormState;
  kind?: 'text' | 'date' | 'textarea';
  required?: boolean;
  hint?: string;
  /** For dates: the latest allowed (legal dates are never in the future). */
  max?: string;
  value?: string;
}

/** One labelled input (text, date or textarea). */
export const Field: FC<InputProps> = (p) => {
  const invalid = p.state.errors?.[p.name] !== undefined;
  const described = [p.hint ? `hint-${p.id}` : '', invalid ? `err-${p.name}` : ''].filter(Boolean).join(' ') || undefined;
  const value = p.state.values?.[p.name] ?? p.value ?? '';
  const common = {
    id: p.id,
    name: p.name,
    required: p.required !== false,
    'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': described,
  };
  return (
    <div>
      <label for={p.id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`hint-${p.id}`}>
          {p.hint}
        </p>
      ) : null}
      <FieldError desk={p.desk} name={p.name} state={p.state} />
      {p.kind === 'textarea' ? (
        <textarea {...common}>{value}</textarea>
      ) : (
        <input type={p.kind ?? 'text'} value={value} max={p.kind === 'date' ? p.max : undefined} {...common} />
      )}
    </div>
  );
};

/** A select of people (id → name). */
export const PersonSelect: FC<{
  desk: DeskContext;
  id: string;
  name: string;
  label: string;
  state: FormState;
  people: { id: string; name: string }[];
}> = (p) => {
  const chosen = p.state.values?.[p.name] ?? '';
  const invalid = p.state.errors?.[p.name] !== undefined;
  return (
    <div>
      <label for={p.id}>{p.label}</label>
      <FieldError desk={p.desk} name={p.name} state={p.state} />
      <select
        id={p.id}
        name={p.name}
        required
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `err-${p.name}` : undefined}
      >
        <option value="">—</option>
        {p.people.map((person) => (
          <option value={person.id} selected={person.id === chosen}>
            {person.name}
          </option>
        ))}
      </select>
    </div>
  );
};

/** How a document was served: method, receipt date, recipient and the 送达回证 number (交通 art 18). */
export const ServiceFieldset: FC<{ desk: DeskContext; prefix: string; state: FormState; today: string; receiptRequired: boolean }> = (
  p,
) => {
  const { party } = p.desk.t;
  const chosen = p.state.values?.service_method ?? 'direct';
  return (
    <fieldset>
      <legend>{party.service}</legend>
      <div>
        <label for={`${p.prefix}-method`}>{party.method}</label>
        <select id={`${p.prefix}-method`} name="service_method" required>
          {ServiceMethodSchema.options.map((m) => (
            <option value={m} selected={m === chosen}>
              {party.methods[m]}
            </option>
          ))}
        </select>
      </div>
      <Field
        desk={p.desk}
        id={`${p.prefix}-date`}
        name="service_date"
        label={party.serviceDate}
        hint={party.serviceDateHint}
        kind="date"
        max={p.today}
        value={p.today}
        state={p.state}
      />
      <Field desk={p.desk} id={`${p.prefix}-recipient`} name="service_recipient" label={party.recipient} state={p.state} />
      <Field
        desk={p.desk}
        id={`${p.prefix}-receipt`}
        name="service_receiptRef"
        label={party.receiptRef}
        state={p.state}
        required={p.receiptRequired}
      />
    </fieldset>
  );
};
