// The actions panel of a case page: one control per event in the caller's allowedEvents, and nothing
// else. Review outcomes and decisions open their own pages; simple events post from here.
import type { Child, FC } from 'hono/jsx';
import type { CaseEventType } from '../../../../machines/case/case.events.js';
import type { CaseView } from '../../../cases/case-view.js';
import type { DeskContext } from '../../session.js';
import type { HistoryType } from '../../i18n/zh-CN.js';
import { CsrfField } from '../../layout.js';
import { QuickAction } from './case-table.js';
import type { FormErrorKey } from '../../form-commands.js';
import { partyFormEvents } from './party-forms.js';
import { dutyFormEvents } from './duty-forms.js';
import { transferFormEvents } from './transfer-forms.js';
import { LawForms, LawNotices, lawEvents } from './law-forms.js';
import { sizeText, type CaseFiles } from './evidence-file.js';

// Events with content (service, dates, people) have their own forms (party-forms.tsx, duty-forms.tsx).
const quickEvents: CaseEventType[] = ['hearing.request', 'rights.waive', 'rights.lapse', 'case.close', 'transfer.approve'];
const textEvents: Partial<Record<CaseEventType, 'reason' | 'summary' | 'transcript'>> = {
  'case.withdraw': 'reason',
  // The head's answers on a criminal transfer (移送规定 arts 5, 9): a refusal gives its reasons.
  'transfer.refuse': 'reason',
  'transfer.resume': 'reason',
};

/** A form with one required text field, e.g. the recusal declaration (回避), folded until opened. */
export const TextAction: FC<{
  desk: DeskContext;
  view: CaseView;
  type: CaseEventType;
  field: 'reason' | 'summary' | 'transcript';
  title?: string;
  label?: string;
  submit?: string;
  /** The case's files, offered as records (音像记录) to tick; none: no record list. */
  files?: CaseFiles;
}> = (p) => {
  const { t } = p.desk;
  const id = `${p.type.replace('.', '-')}-${p.field}`;
  return (
    <details class="card" data-action={p.type}>
      <summary>{p.title ?? t.events[p.type as HistoryType]}</summary>
      <form method="post" action={`/desk/cases/${p.view.id}/events`}>
        <CsrfField desk={p.desk} />
        <input type="hidden" name="type" value={p.type} />
        <input type="hidden" name="version" value={String(p.view.version)} />
        <label for={id}>{p.label ?? t.forms[p.field]}</label>
        <textarea id={id} name={p.field} required></textarea>
        {p.files ? <RecordChoice desk={p.desk} files={p.files} /> : null}
        <p>
          <button type="submit" class="secondary">
            {p.submit ?? t.forms.submit}
          </button>
        </p>
      </form>
    </details>
  );
};

/** Checkboxes for the case's files, audio and video first: the records an event carries. */
export const RecordChoice: FC<{ desk: DeskContext; files: CaseFiles }> = ({ desk, files }) => {
  const e = desk.t.evidence;
  const av = (type: string) => (type.startsWith('audio/') || type.startsWith('video/') ? 0 : 1);
  const rows = [...files.byId.values()].sort((a, b) => av(a.mediaType) - av(b.mediaType));
  return (
    <fieldset data-records>
      <legend>{e.records}</legend>
      <p class="hint">{e.recordsHint}</p>
      {rows.length === 0 ? <p class="muted">{e.noRecords}</p> : null}
      {rows.map((f) => (
        <label class="choice">
          <input type="checkbox" name="records" value={`${f.id}:${f.sha256}`} />
          {`${f.filename}（${f.mediaType}，${sizeText(f.size)}）`}
        </label>
      ))}
    </fieldset>
  );
};

/** The head's form: assign a reviewer (指定审核人员) from the reviewers on file. */
const AssignReviewer: FC<{ desk: DeskContext; view: CaseView; reviewers: { id: string; name: string }[] }> = ({
  desk,
  view,
  reviewers,
}) => (
  <form method="post" action={`/desk/cases/${view.id}/events`} class="card" data-action="review.assign">
    <CsrfField desk={desk} />
    <input type="hidden" name="type" value="review.assign" />
    <input type="hidden" name="version" value={String(view.version)} />
    <label for="assign-reviewer">{desk.t.review.assignLabel}</label>
    <select id="assign-reviewer" name="reviewerId" required>
      {reviewers.map((r) => (
        <option value={r.id} selected={r.id === view.reviewerId}>
          {r.name}
        </option>
      ))}
    </select>
    <p>
      <button type="submit" class="secondary">
        {desk.t.review.assignSubmit}
      </button>
    </p>
  </form>
);

const SubmitForReview: FC<{ desk: DeskContext; view: CaseView }> = ({ desk, view }) => (
  <form method="post" action={`/desk/cases/${view.id}/events`} class="card" data-action="review.submit">
    <CsrfField desk={desk} />
    <input type="hidden" name="type" value="review.submit" />
    <input type="hidden" name="version" value={String(view.version)} />
    <label class="choice">
      <input type="checkbox" name="attestation" value="yes" required />
      {desk.t.forms.attestation}
    </label>
    <p>
      <button type="submit" class="secondary">
        {desk.t.events['review.submit']}
      </button>
    </p>
  </form>
);

/** The actions section for `view` (already filtered to this user by allowedEvents); `children` are the content forms. */
export const ActionForms: FC<{
  desk: DeskContext;
  view: CaseView;
  isReviewer: boolean;
  reviewers?: { id: string; name: string }[];
  refusal?: FormErrorKey;
  children?: Child;
}> = ({ desk, view, isReviewer, reviewers, refusal, children }) => {
  const { t } = desk;
  const allowed = new Set(view.allowedEvents);
  const contentForms = [...partyFormEvents, ...dutyFormEvents, ...transferFormEvents].some((e) => allowed.has(e));
  const canReview = ['review.approve', 'review.return', 'review.refer'].some((e) => allowed.has(e as CaseEventType));
  const canDecide = allowed.has('decision.issue') || allowed.has('discussion.record');
  const canClaim = allowed.has('review.assign') && isReviewer && view.reviewerId === null;
  const canAssign = allowed.has('review.assign') && !isReviewer && (reviewers?.length ?? 0) > 0;
  const canEditDraft = allowed.has('draft.revise');
  const quick = quickEvents.filter((e) => allowed.has(e));
  const texts = (Object.keys(textEvents) as CaseEventType[]).filter((e) => allowed.has(e));
  const law = lawEvents.some((e) => allowed.has(e));
  const any =
    canReview ||
    canDecide ||
    canClaim ||
    canAssign ||
    canEditDraft ||
    contentForms ||
    quick.length > 0 ||
    texts.length > 0 ||
    allowed.has('review.submit') ||
    law;
  return (
    <section aria-labelledby="actions-heading" data-allowed={view.allowedEvents.join(' ')}>
      <h2 id="actions-heading">{t.case.actions}</h2>
      <LawNotices desk={desk} view={view} />
      {!any ? <p class="muted">{t.case.noActions}</p> : null}
      {refusal ? (
        <p class="error-text" role="alert" data-refusal={refusal}>
          {t.forms[refusal]}
        </p>
      ) : null}
      <div class="actions-list">
        {canReview ? (
          <a class="button" href={`/desk/cases/${view.id}/review`}>
            {t.case.openReview}
          </a>
        ) : null}
        {canDecide ? (
          <a class="button" href={`/desk/cases/${view.id}/decide`}>
            {t.case.openDecide}
          </a>
        ) : null}
        {canEditDraft ? (
          <a class="button" href={`/desk/cases/${view.id}/draft`}>
            {t.case.editDraft}
          </a>
        ) : null}
        {canClaim ? <QuickAction desk={desk} caseId={view.id} version={view.version} type="review.assign" label={t.review.claim} /> : null}
        {quick.map((e) => (
          <QuickAction desk={desk} caseId={view.id} version={view.version} type={e} label={t.events[e]} />
        ))}
      </div>
      {canAssign ? <AssignReviewer desk={desk} view={view} reviewers={reviewers ?? []} /> : null}
      {allowed.has('review.submit') ? <SubmitForReview desk={desk} view={view} /> : null}
      {children}
      <LawForms desk={desk} view={view} />
      {texts.map((e) => (
        <TextAction desk={desk} view={view} type={e} field={textEvents[e]!} />
      ))}
    </section>
  );
};
