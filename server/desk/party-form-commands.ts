// Turns the desk's forms for the party's rights and the duties (service, receipt, hearing, 回避, publication,
// filing) into the same `CaseCommand`s the API accepts. Only completeness is checked here; every rule (dates in
// order, the 7-day hearing notice, who may host) is the machine's, and its refusal comes back from the service.
import { CaseCommandSchema, type CaseCommand } from '../../machines/case/case.events.js';
import { field, recordsOf, type FormBody, type FormErrors, type FormResult } from './form-commands.js';

/** Builds the command from `fields` (form name → command key); a missing required field is reported by name. */
function build(
  type: string,
  form: FormBody,
  required: string[],
  optional: string[],
  shape: (v: Record<string, string>) => object,
): FormResult<CaseCommand> {
  const values = Object.fromEntries([...required, ...optional].map((name) => [name, field(form, name)]));
  const errors: FormErrors = {};
  for (const name of required) if (!values[name]) errors[name] = 'required';
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = CaseCommandSchema.safeParse({ type, ...shape(values) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: { form: 'invalid' } };
}

const serviceFields = ['service_method', 'service_date', 'service_recipient'];
const service = (v: Record<string, string>) => ({
  method: v.service_method,
  date: v.service_date,
  recipient: v.service_recipient,
  ...(v.service_receiptRef ? { receiptRef: v.service_receiptRef } : {}),
});
const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});

/** The command of a party-rights or duty form, or null when `type` is not one of them. */
export function partyCommandFromForm(form: FormBody): FormResult<CaseCommand> | null {
  const type = field(form, 'type');
  switch (type) {
    case 'notice.send':
      return build(type, form, serviceFields, ['service_receiptRef'], (v) => ({ service: service(v) }));
    case 'notice.receipt':
      return build(type, form, ['receivedOn'], [], (v) => ({ receivedOn: v.receivedOn }));
    case 'hearing.schedule':
      return build(type, form, ['date', 'place', 'hostId', 'recorderId', 'noticeServedOn'], [], (v) => v);
    case 'hearing.adjourn':
      return build(type, form, ['reason'], [], (v) => v);
    case 'hearing.hold': {
      // The records ticked (音像记录); the service judges whether they suffice.
      const records = recordsOf(form);
      return build(type, form, ['transcript', 'heldOn'], [], (v) => ({ ...v, ...(records.length ? { records } : {}) }));
    }
    case 'recusal.apply':
      return build(type, form, ['againstId', 'reason', 'appliedOn'], [], (v) => v);
    case 'recusal.decide':
      return build(type, form, ['applicationNo', 'granted', 'reason'], [], (v) => ({
        applicationNo: Number(v.applicationNo),
        granted: v.granted === 'yes',
        reason: v.reason,
      }));
    case 'handler.assign':
      return build(type, form, ['handlerId'], [], (v) => v);
    case 'decision.serve':
      return build(type, form, [...serviceFields, 'service_receiptRef'], [], (v) => ({ service: service(v) }));
    case 'publication.publish':
      return build(type, form, [], ['publishedOn'], (v) => optional('publishedOn', v.publishedOn));
    case 'publication.withdraw':
      return build(type, form, ['reason'], ['withdrawnOn'], (v) => ({ reason: v.reason, ...optional('withdrawnOn', v.withdrawnOn) }));
    case 'filing.submit':
      return build(type, form, ['recipient', 'reportNo', 'filedOn'], [], (v) => v);
    default:
      return null;
  }
}
