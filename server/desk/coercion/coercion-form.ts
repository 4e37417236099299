// Turns a 查封、扣押 desk form into the `CoercionCommand` the API accepts, checked by the API's own schema.
// Invariant: forms only collect fields; every rule (who, when, what content) stays in the machine's rules.
import { CoercionCommandSchema, CoercionReviewItemKeys, type CoercionCommand } from '../../../machines/coercion/coercion.events.js';
import type { User } from '../../../db/users/user-store.js';
import { field, type FormBody, type FormErrors, type FormResult } from '../form-commands.js';

/** A date field when filled (blank: the server stamps today, as the API does when it is omitted). */
const optionalDate = (form: FormBody, key: string) => (field(form, key) ? { [key]: field(form, key) } : {});

function validated(command: unknown): FormResult<CoercionCommand> {
  const parsed = CoercionCommandSchema.safeParse(command);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: { form: 'invalid' } };
}

/** The fields named in `keys` that are blank, as `required` errors (null when all are filled). */
function missing(form: FormBody, keys: string[]): FormErrors | null {
  const errors: FormErrors = Object.fromEntries(keys.filter((k) => !field(form, k)).map((k) => [k, 'required' as const]));
  return Object.keys(errors).length ? errors : null;
}

/** The written opinion: the outcome, the opinion and the seven items (passed, or a finding). */
function reviewCommand(form: FormBody): FormResult<CoercionCommand> {
  const errors: FormErrors = missing(form, ['outcome', 'opinion']) ?? {};
  const items: Record<string, { passed: boolean; finding?: string }> = {};
  for (const key of CoercionReviewItemKeys) {
    const mark = field(form, `item_${key}`);
    if (mark !== 'passed' && mark !== 'finding') errors[`item_${key}`] = 'itemRequired';
    else items[key] = mark === 'passed' ? { passed: true } : { passed: false, finding: field(form, `finding_${key}`) };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const outcome = field(form, 'outcome');
  if (outcome === 'approve')
    return validated({ type: 'review.approve', draftHash: field(form, 'draftHash'), opinion: field(form, 'opinion'), items });
  if (outcome === 'return') return validated({ type: 'review.return', opinion: field(form, 'opinion'), items });
  return { ok: false, errors: { outcome: 'invalid' } };
}

/** The form types the page posts: the events, plus `review` (approve or return by the `outcome` field). */
const builders: Record<string, (form: FormBody, user: User) => FormResult<CoercionCommand>> = {
  'review.submit': (form) =>
    field(form, 'attestation') === 'yes'
      ? validated({ type: 'review.submit', attestation: true })
      : { ok: false, errors: { attestation: 'required' } },
  // Without a chosen reviewer the form is the claim button: the signed-in reviewer assigns themself.
  'review.assign': (form, user) => validated({ type: 'review.assign', reviewerId: field(form, 'reviewerId') || user.id }),
  review: (form) => reviewCommand(form),
  'decision.issue': (form) =>
    validated({
      type: 'decision.issue',
      draftHash: field(form, 'draftHash'),
      ...optionalDate(form, 'decidedOn'),
      ...optionalDate(form, 'implementedOn'),
    }),
  'measure.extend': (form) => {
    const errors = missing(form, ['days', 'reason']);
    if (errors) return { ok: false, errors };
    const days = /^\d{1,3}$/.test(field(form, 'days')) ? Number(field(form, 'days')) : Number.NaN;
    return validated({ type: 'measure.extend', days, reason: field(form, 'reason'), ...optionalDate(form, 'noticeServedOn') });
  },
  'measure.conclude': (form) =>
    missing(form, ['result', 'reason']) === null
      ? validated({
          type: 'measure.conclude',
          result: field(form, 'result'),
          reason: field(form, 'reason'),
          ...optionalDate(form, 'concludedOn'),
        })
      : { ok: false, errors: missing(form, ['result', 'reason'])! },
  'filing.submit': (form) => validated({ type: 'filing.submit', ...optionalDate(form, 'filedOn') }),
  'case.close': () => validated({ type: 'case.close' }),
  'case.withdraw': (form) =>
    field(form, 'reason')
      ? validated({ type: 'case.withdraw', reason: field(form, 'reason') })
      : { ok: false, errors: { reason: 'required' } },
};

/** The command a posted form asks for; an unknown `type` is a form error, never a guess. */
export function coercionCommandFromForm(form: FormBody, user: User): FormResult<CoercionCommand> {
  const type = field(form, 'type');
  // Own keys only: a posted `constructor` or `__proto__` must not reach Object.prototype.
  return Object.hasOwn(builders, type) ? builders[type]!(form, user) : { ok: false, errors: { form: 'invalid' } };
}
