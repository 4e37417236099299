// The review-law actions of a case page, each shown only when the caller's allowedEvents hold it: request
// and supply materials (补充材料), object to a return and coordinate it (118号 (十四)), sign an opinion off,
// extend the decision period (交通 art 78). Forms check completeness only; the machine decides.
import type { FC } from 'hono/jsx';
import type { CaseEventType } from '../../../../machines/case/case.events.js';
import type { CaseView } from '../../../cases/case-view.js';
import type { DeskContext } from '../../session.js';
import { formatDateTime } from '../../i18n/index.js';
import { CsrfField } from '../../layout.js';

/** The review-law event types this panel offers. */
export const lawEvents: CaseEventType[] = [
  'review.requestMaterials',
  'materials.supplement',
  'review.object',
  'review.coordinate',
  'review.signOff',
  'decision.extend',
];

const Hidden: FC<{ desk: DeskContext; view: CaseView; type: CaseEventType }> = ({ desk, view, type }) => (
  <>
    <CsrfField desk={desk} />
    <input type="hidden" name="type" value={type} />
    <input type="hidden" name="version" value={String(view.version)} />
  </>
);

const Text: FC<{ id: string; name: string; label: string }> = ({ id, name, label }) => (
  <>
    <label for={id}>{label}</label>
    <textarea id={id} name={name} required></textarea>
  </>
);

const Card: FC<{ desk: DeskContext; view: CaseView; type: CaseEventType; title: string; submit: string; children?: unknown }> = (p) => (
  <details class="card" data-action={p.type}>
    <summary>{p.title}</summary>
    <form method="post" action={`/desk/cases/${p.view.id}/events`}>
      <Hidden desk={p.desk} view={p.view} type={p.type} />
      {p.children}
      <p>
        <button type="submit" class="secondary">
          {p.submit}
        </button>
      </p>
    </form>
  </details>
);

/** What the record says is pending: the materials requested, the objection and its coordination, the extension. */
export const LawNotices: FC<{ desk: DeskContext; view: CaseView }> = ({ desk, view }) => {
  const law = desk.t.law;
  const at = (iso: string) => formatDateTime(iso, desk.lang);
  const m = view.materials;
  const d = view.dispute;
  const x = view.decisionExtension;
  return (
    <>
      {m ? (
        <p class="notice" data-notice="materials">
          {m.suppliedAt ? law.materials.supplied(at(m.suppliedAt)) : law.materials.requested(at(m.requestedAt), m.request)}
        </p>
      ) : null}
      {d ? (
        <p class="notice" data-notice="dispute">
          {law.dispute.objected(at(d.at), d.reason)}
        </p>
      ) : null}
      {d?.coordination ? (
        <p class="notice" data-notice="coordination">
          {law.dispute.coordinated(at(d.coordination.at), law.dispute.results[d.coordination.result] ?? d.coordination.result)}
        </p>
      ) : null}
      {x ? (
        <p class="notice" data-notice="extension">
          {law.extension.granted(at(x.at), x.reason)}
        </p>
      ) : null}
      {view.state === 'inReview' && view.review && view.procedure.opinionSignOff ? <p class="notice">{law.signOff.pending}</p> : null}
    </>
  );
};

/** The forms of the review-law events the caller may send now. */
export const LawForms: FC<{ desk: DeskContext; view: CaseView }> = ({ desk, view }) => {
  const law = desk.t.law;
  const can = (type: CaseEventType) => view.allowedEvents.includes(type);
  return (
    <>
      {can('review.requestMaterials') ? (
        <Card desk={desk} view={view} type="review.requestMaterials" title={law.materials.title} submit={law.materials.submit}>
          <Text id="materials-request" name="request" label={law.materials.request} />
        </Card>
      ) : null}
      {can('materials.supplement') ? (
        <Card
          desk={desk}
          view={view}
          type="materials.supplement"
          title={law.materials.supplementTitle}
          submit={law.materials.submitSupplement}
        >
          <Text id="materials-note" name="note" label={law.materials.note} />
          <label class="choice">
            <input type="checkbox" name="attestation" value="yes" required />
            {desk.t.forms.attestation}
          </label>
        </Card>
      ) : null}
      {can('review.object') ? (
        <Card desk={desk} view={view} type="review.object" title={law.dispute.objectTitle} submit={law.dispute.objectSubmit}>
          <Text id="objection-reason" name="reason" label={law.dispute.reason} />
        </Card>
      ) : null}
      {can('review.coordinate') ? (
        <Card desk={desk} view={view} type="review.coordinate" title={law.dispute.coordinateTitle} submit={law.dispute.coordinateSubmit}>
          <label for="coordination-result">{law.dispute.result}</label>
          <select id="coordination-result" name="result" required>
            {Object.entries(law.dispute.results).map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
          <Text id="coordination-note" name="note" label={law.dispute.note} />
        </Card>
      ) : null}
      {can('review.signOff') ? (
        <Card desk={desk} view={view} type="review.signOff" title={law.signOff.title} submit={law.signOff.submit}>
          <fieldset>
            <legend>{law.signOff.title}</legend>
            <label class="choice">
              <input type="radio" name="agree" value="yes" required />
              {law.signOff.agree}
            </label>
            <label class="choice">
              <input type="radio" name="agree" value="no" />
              {law.signOff.disagree}
            </label>
          </fieldset>
          <label for="sign-off-comment">{law.signOff.comment}</label>
          <textarea id="sign-off-comment" name="comment"></textarea>
        </Card>
      ) : null}
      {can('decision.extend') ? (
        <Card desk={desk} view={view} type="decision.extend" title={law.extension.title} submit={law.extension.submit}>
          <Text id="extension-reason" name="reason" label={law.extension.reason} />
        </Card>
      ) : null}
    </>
  );
};
