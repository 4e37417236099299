// Turns desk form posts into the same `CaseCommand`s the API accepts, validated by the same zod schema.
// Invariant: a form can only ever produce a command the API could have received; the rules stay in the service.
import { CaseCommandSchema, ReviewItemKeys, type CaseCommand, type ReviewItemKey } from '../../machines/case/case.events.js';
import type { User } from '../../db/users/user-store.js';

/** A parsed form body (hono `parseBody({ all: true })`). */
export type FormBody = Record<string, unknown>;
/** Message keys of `t.forms` that a field error can name. */
export type FormErrorKey =
  | 'required'
  | 'itemRequired'
  | 'findingRequired'
  | 'approveNeedsAllPassed'
  | 'returnNeedsFinding'
  | 'referralNeedsCrime'
  | 'referralNeedsPowers'
  | 'memberRequired'
  | 'invalid';
export type FormErrors = Record<string, FormErrorKey>;
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** Member rows on the collective discussion form. */
export const DISCUSSION_ROWS = 5;

/** A trimmed single text value of a form field ('' when absent). */
export function field(form: FormBody, key: string): string {
  const value = form[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** The case version the form was rendered at (sent as If-Match), or null when missing or malformed. */
export function versionOf(form: FormBody): number | null {
  const v = field(form, 'version');
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

function validated(command: unknown): FormResult<CaseCommand> {
  const parsed = CaseCommandSchema.safeParse(command);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: { form: 'invalid' } };
}

const withText = (type: string, key: 'reason' | 'summary' | 'transcript', form: FormBody): FormResult<CaseCommand> => {
  const text = field(form, key);
  return text ? validated({ type, [key]: text }) : { ok: false, errors: { [key]: 'required' } };
};

/** The files ticked on a form (`records` values `evidenceId:sha256`), at most 50 as the API allows. */
function recordsOf(form: FormBody): { evidenceId: string; sha256: string }[] {
  const raw = form.records;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  return values.slice(0, 50).map((v) => {
    const [evidenceId = '', sha256 = ''] = v.split(':');
    return { evidenceId, sha256 };
  });
}

/** hearing.hold: the transcript and the records ticked (the service judges whether they suffice). */
function hearingCommand(form: FormBody): FormResult<CaseCommand> {
  const transcript = field(form, 'transcript');
  if (!transcript) return { ok: false, errors: { transcript: 'required' } };
  const records = recordsOf(form);
  return validated({ type: 'hearing.hold', transcript, ...(records.length ? { records } : {}) });
}

function discussionCommand(form: FormBody): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  const members: { name: string; opinion: string }[] = [];
  for (let i = 0; i < DISCUSSION_ROWS; i++) {
    const name = field(form, `member_name_${i}`);
    const opinion = field(form, `member_opinion_${i}`);
    if (name && opinion) members.push({ name, opinion });
    else if (name) errors[`member_opinion_${i}`] = 'required';
    else if (opinion) errors[`member_name_${i}`] = 'required';
  }
  if (members.length === 0 && Object.keys(errors).length === 0) errors.members = 'memberRequired';
  const conclusion = field(form, 'conclusion');
  if (!conclusion) errors.conclusion = 'required';
  return Object.keys(errors).length ? { ok: false, errors } : validated({ type: 'discussion.record', members, conclusion });
}

/** The command a generic action form posts (every event but the review outcomes and draft revisions). */
export function commandFromForm(form: FormBody, user: User): FormResult<CaseCommand> {
  const type = field(form, 'type');
  switch (type) {
    case 'review.assign':
      // A reviewer's claim names no one (themself); a head's form names the reviewer. The machine's rule
      // (self_assignment_only) decides who may name whom.
      return validated({ type, reviewerId: field(form, 'reviewerId') || user.id });
    case 'conflict.declare':
    case 'publication.withdraw':
    case 'case.withdraw':
      return withText(type, 'reason', form);
    case 'statement.record':
      return withText(type, 'summary', form);
    case 'hearing.hold':
      return hearingCommand(form);
    case 'review.submit':
      return field(form, 'attestation') === 'yes'
        ? validated({ type, attestation: true })
        : { ok: false, errors: { attestation: 'required' } };
    case 'discussion.record':
      return discussionCommand(form);
    case 'decision.issue': {
      const outcome = field(form, 'outcome');
      return validated({ type, draftHash: field(form, 'draftHash'), ...(outcome ? { outcome } : {}) });
    }
    case 'notice.send':
    case 'hearing.request':
    case 'rights.waive':
    case 'rights.lapse':
    case 'decision.serve':
    case 'publication.publish':
    case 'filing.submit':
    case 'case.close':
      return validated({ type });
    default:
      return { ok: false, errors: { form: 'invalid' } };
  }
}

/** What the reviewer entered, kept to re-show the form after a validation error. */
export interface ReviewFormValues {
  items: Record<ReviewItemKey, { choice: 'passed' | 'finding' | ''; finding: string }>;
  outcome: 'approve' | 'return' | 'refer' | '';
  /** Where a referral (建议移送) sends the case. */
  target: 'judicial' | 'competent_authority' | '';
  opinion: string;
  draftHash: string;
}

/** Reads the review form. */
export function reviewValuesFromForm(form: FormBody): ReviewFormValues {
  const items = Object.fromEntries(
    ReviewItemKeys.map((key) => {
      const choice = field(form, `item_${key}`);
      return [key, { choice: choice === 'passed' || choice === 'finding' ? choice : '', finding: field(form, `finding_${key}`) }];
    }),
  ) as ReviewFormValues['items'];
  const outcome = field(form, 'outcome');
  const target = field(form, 'target');
  return {
    items,
    target: target === 'judicial' || target === 'competent_authority' ? target : '',
    opinion: field(form, 'opinion'),
    draftHash: field(form, 'draftHash'),
    outcome: outcome === 'approve' || outcome === 'return' || outcome === 'refer' ? outcome : '',
  };
}

/**
 * The review command (同意 / 存在问题 / 建议移送) with its seven items, or the fields still empty. Only
 * completeness is checked here (what the API's schema answers 400 to); whether the outcome agrees with the
 * items is the machine's rule, and its refusal comes back from the service (see `contentErrors`).
 */
export function reviewCommand(values: ReviewFormValues): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  for (const key of ReviewItemKeys) if (!values.items[key].choice) errors[`item_${key}`] = 'itemRequired';
  if (!values.outcome) errors.outcome = 'required';
  if (values.outcome === 'refer' && !values.target) errors.target = 'required';
  if (!values.opinion) errors.opinion = 'required';
  if (Object.keys(errors).length) return { ok: false, errors };
  const items = Object.fromEntries(
    ReviewItemKeys.map((key) => {
      const { choice, finding } = values.items[key];
      return [key, choice === 'passed' ? { passed: true } : { passed: false, ...(finding ? { finding } : {}) }];
    }),
  );
  const byOutcome = { approve: { draftHash: values.draftHash }, return: {}, refer: { target: values.target } }[
    values.outcome as 'approve' | 'return' | 'refer'
  ];
  return validated({ type: `review.${values.outcome}`, opinion: values.opinion, items, ...byOutcome });
}

const reasonMessage: Record<string, FormErrorKey> = {
  approve_with_failed_items: 'approveNeedsAllPassed',
  return_without_failed_item: 'returnNeedsFinding',
  finding_missing: 'findingRequired',
  referral_needs_crime_finding: 'referralNeedsCrime',
  referral_needs_powers_finding: 'referralNeedsPowers',
};

/** Form errors for a content refusal from the service: its reason, on the fields the rule named. */
export function contentErrors(error: { reason?: string; fields?: string[] }): FormErrors | null {
  const message = error.reason ? reasonMessage[error.reason] : undefined;
  if (!message) return null;
  const errors: FormErrors = {};
  for (const path of error.fields ?? []) {
    const [head, key, leaf] = path.split('.');
    if (head === 'items' && key) errors[leaf === 'finding' ? `finding_${key}` : `item_${key}`] = message;
    else if (head) errors[head] = message;
  }
  return errors;
}
