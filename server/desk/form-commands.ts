// Turns desk form posts into the same `CaseCommand`s the API accepts, validated by the same zod schema.
// Invariant: a form can only ever produce a command the API could have received; the rules stay in the service.
import { CaseCommandSchema, ReviewItemKeys, type CaseCommand, type ReviewItemKey } from '../../machines/case/case.events.js';
import type { User } from '../../db/users/user-store.js';
import { partyCommandFromForm } from './party-form-commands.js';
import { transferCommandFromForm } from './transfer-form-commands.js';

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
  | 'dateInFuture'
  | 'dateBeforePrior'
  | 'windowOpen'
  | 'heavierAfterNotice'
  | 'noticeTooShort'
  | 'staffBarred'
  | 'notPending'
  | 'unknownUser'
  | 'decisionAfterReferral'
  | 'decisionNotAsProposed'
  | 'quorumNotMet'
  | 'chairNotMember'
  | 'chairNotEligible'
  | 'memberNotEligible'
  | 'memberConflicted'
  | 'teamTooSmall'
  | 'officerUncertified'
  | 'itemLineInvalid'
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

const withText = (type: string, key: 'reason' | 'summary' | 'transcript' | 'request', form: FormBody): FormResult<CaseCommand> => {
  const text = field(form, key);
  return text ? validated({ type, [key]: text }) : { ok: false, errors: { [key]: 'required' } };
};

/** The files ticked on a form (`records` values `evidenceId:sha256`), at most 50 as the API allows. */
export function recordsOf(form: FormBody): { evidenceId: string; sha256: string }[] {
  const raw = form.records;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  return values.slice(0, 50).map((v) => {
    const [evidenceId = '', sha256 = ''] = v.split(':');
    return { evidenceId, sha256 };
  });
}

/** The discussion form: rows of (person, vote, opinion), the chair and the conclusion; empty rows are ignored. */
function discussionCommand(form: FormBody): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  const members: { userId: string; vote: string; opinion: string }[] = [];
  for (let i = 0; i < DISCUSSION_ROWS; i++) {
    const userId = field(form, `member_user_${i}`);
    const vote = field(form, `member_vote_${i}`);
    const opinion = field(form, `member_opinion_${i}`);
    if (!userId) {
      if (opinion) errors[`member_user_${i}`] = 'required';
      continue;
    }
    if (!vote) errors[`member_vote_${i}`] = 'required';
    if (!opinion) errors[`member_opinion_${i}`] = 'required';
    members.push({ userId, vote, opinion });
  }
  if (members.length === 0 && Object.keys(errors).length === 0) errors.members = 'memberRequired';
  const chairId = field(form, 'chairId');
  if (!chairId) errors.chairId = 'required';
  const conclusion = field(form, 'conclusion');
  if (!conclusion) errors.conclusion = 'required';
  return Object.keys(errors).length ? { ok: false, errors } : validated({ type: 'discussion.record', members, chairId, conclusion });
}

/** The review-law actions with more than one text field: supplement, coordination, sign-off. */
function lawCommand(type: string, form: FormBody): FormResult<CaseCommand> {
  const errors: FormErrors = {};
  const need = (key: string) => {
    const value = field(form, key);
    if (!value) errors[key] = 'required';
    return value;
  };
  if (type === 'materials.supplement') {
    const note = need('note');
    if (field(form, 'attestation') !== 'yes') errors.attestation = 'required';
    return Object.keys(errors).length ? { ok: false, errors } : validated({ type, note, attestation: true });
  }
  if (type === 'review.coordinate') {
    const result = need('result');
    const note = need('note');
    return Object.keys(errors).length ? { ok: false, errors } : validated({ type, result, note });
  }
  const agree = need('agree');
  const comment = field(form, 'comment');
  if (Object.keys(errors).length) return { ok: false, errors };
  return validated({ type, agree: agree === 'yes', ...(comment ? { comment } : {}) });
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
    case 'case.withdraw':
      return withText(type, 'reason', form);
    case 'statement.record':
      return withText(type, 'summary', form);
    case 'review.submit':
      return field(form, 'attestation') === 'yes'
        ? validated({ type, attestation: true })
        : { ok: false, errors: { attestation: 'required' } };
    case 'discussion.record':
      return discussionCommand(form);
    case 'review.requestMaterials':
      return withText(type, 'request', form);
    case 'review.object':
    case 'decision.extend':
      return withText(type, 'reason', form);
    case 'materials.supplement':
    case 'review.coordinate':
    case 'review.signOff':
      return lawCommand(type, form);
    case 'decision.issue': {
      const dated = Object.fromEntries(['outcome', 'decidedOn', 'documentNo'].map((k) => [k, field(form, k)]).filter(([, v]) => v));
      return validated({ type, draftHash: field(form, 'draftHash'), ...dated });
    }
    case 'transfer.resume':
      return withText(type, 'reason', form);
    case 'transfer.refuse': {
      const reasons = field(form, 'reason');
      return reasons ? validated({ type, reasons }) : { ok: false, errors: { reason: 'required' } };
    }
    case 'hearing.request':
    case 'rights.waive':
    case 'rights.lapse':
    case 'case.close':
    case 'transfer.approve':
      return validated({ type });
    default:
      return partyCommandFromForm(form) ?? transferCommandFromForm(form) ?? { ok: false, errors: { form: 'invalid' } };
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
  date_in_future: 'dateInFuture',
  date_before_prior: 'dateBeforePrior',
  window_open: 'windowOpen',
  window_provisional: 'windowOpen',
  heavier_than_noticed: 'heavierAfterNotice',
  notice_too_short: 'noticeTooShort',
  host_barred: 'staffBarred',
  recorder_barred: 'staffBarred',
  no_pending_application: 'notPending',
  unknown_user: 'unknownUser',
  decision_after_referral: 'decisionAfterReferral',
  decision_not_as_proposed: 'decisionNotAsProposed',
  quorum_not_met: 'quorumNotMet',
  chair_not_member: 'chairNotMember',
  chair_not_eligible: 'chairNotEligible',
  member_not_eligible: 'memberNotEligible',
  member_conflicted: 'memberConflicted',
  team_too_small: 'teamTooSmall',
  officer_uncertified: 'officerUncertified',
};

/** The form rows of the discussion members the command lists, in order (empty rows are skipped). */
export function memberRows(form: FormBody): number[] {
  return Array.from({ length: DISCUSSION_ROWS }, (_, i) => i).filter((i) => field(form, `member_user_${i}`) !== '');
}

/**
 * Form errors for a content refusal from the service: its reason, on the fields the rule named. `rows` maps a
 * member's place in the command to its row on the form.
 */
export function contentErrors(error: { code?: string; reason?: string; fields?: string[] }, rows: number[] = []): FormErrors | null {
  const message = reasonMessage[error.reason ?? error.code ?? ''];
  if (!message) return null;
  const errors: FormErrors = {};
  for (const path of error.fields ?? []) {
    const [head, key, leaf] = path.split('.');
    if (head === 'items' && key) errors[leaf === 'finding' ? `finding_${key}` : `item_${key}`] = message;
    else if (head === 'members' && key !== undefined) errors[`member_user_${rows[Number(key)] ?? key}`] = message;
    // A nested field (service.date) is one form field (service_date).
    else if (head) errors[key ? `${head}_${key}` : head] = message;
  }
  if (Object.keys(errors).length === 0) errors.form = message;
  return errors;
}
