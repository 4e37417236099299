// The case page's forms for the duties after a decision: service of the 决定书, publication (公示) with a
// preview of exactly the redacted content that will be published, its withdrawal, and filing (备案).
import type { FC } from 'hono/jsx';
import type { CaseEventType } from '../../../../machines/case/case.events.js';
import type { PublicationContent } from '../../../../machines/case/party.schemas.js';
import type { CaseView } from '../../../cases/case-view.js';
import type { DeskContext } from '../../session.js';
import { EventForm, stateFor, type RefusedForm } from './event-form.js';
import { Field, ServiceFieldset } from './party-fields.js';

interface Props {
  desk: DeskContext;
  view: CaseView;
  today: string;
  preview: PublicationContent | null;
  refused?: RefusedForm;
  /** The page to return to after an accepted form (`clerk`), else the case page. */
  back?: string;
}

/** The content a publication will show, field by field, with the redaction rules that applied. */
export const PublicationPreview: FC<{ desk: DeskContext; content: PublicationContent }> = ({ desk, content }) => {
  const { party } = desk.t;
  const f = party.previewFields;
  const rows: [string, string][] = [
    [f.agency, content.agency],
    [f.party, content.party],
    [f.category, content.category],
    [f.conclusion, content.conclusion],
    [f.facts, content.facts],
    [f.documentNo, content.documentNo ?? party.none],
    [f.decidedOn, content.decidedOn],
  ];
  return (
    <section aria-labelledby="preview-heading" data-preview="publication">
      <h3 id="preview-heading">{party.preview}</h3>
      <p class="hint">{party.previewHint}</p>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
        <dt>{party.redactedBy}</dt>
        <dd>{content.redactedBy.length ? content.redactedBy.join('、') : party.none}</dd>
      </dl>
    </section>
  );
};

/** Event types these forms post (the plain actions list leaves them out). */
export const dutyFormEvents: CaseEventType[] = ['decision.serve', 'publication.publish', 'publication.withdraw', 'filing.submit'];

/** Every duty form this user may send now. */
export const DutyForms: FC<Props> = ({ desk, view, today, preview, refused, back }) => {
  const { party, forms } = desk.t;
  const allowed = new Set(view.allowedEvents);
  const filing = stateFor(refused, 'filing.submit');
  return (
    <>
      {allowed.has('decision.serve') ? (
        <EventForm desk={desk} view={view} type="decision.serve" state={stateFor(refused, 'decision.serve')} back={back}>
          <ServiceFieldset desk={desk} prefix="serve" state={stateFor(refused, 'decision.serve')} today={today} receiptRequired />
        </EventForm>
      ) : null}
      {allowed.has('publication.publish') ? (
        <EventForm desk={desk} view={view} type="publication.publish" state={stateFor(refused, 'publication.publish')} back={back}>
          {preview ? <PublicationPreview desk={desk} content={preview} /> : null}
          <Field
            desk={desk}
            id="publish-on"
            name="publishedOn"
            label={party.publishedOn}
            kind="date"
            max={today}
            value={today}
            state={stateFor(refused, 'publication.publish')}
          />
        </EventForm>
      ) : null}
      {allowed.has('publication.withdraw') ? (
        <EventForm desk={desk} view={view} type="publication.withdraw" state={stateFor(refused, 'publication.withdraw')} back={back}>
          <Field
            desk={desk}
            id="withdraw-on"
            name="withdrawnOn"
            label={party.withdrawnOn}
            kind="date"
            max={today}
            value={today}
            state={stateFor(refused, 'publication.withdraw')}
          />
          <Field
            desk={desk}
            id="withdraw-reason"
            name="reason"
            label={forms.reason}
            kind="textarea"
            state={stateFor(refused, 'publication.withdraw')}
          />
        </EventForm>
      ) : null}
      {allowed.has('filing.submit') ? (
        <EventForm desk={desk} view={view} type="filing.submit" state={filing} back={back}>
          <Field desk={desk} id="filing-recipient" name="recipient" label={party.filingRecipient} state={filing} />
          <Field desk={desk} id="filing-report" name="reportNo" label={party.reportNo} state={filing} />
          <Field desk={desk} id="filing-on" name="filedOn" label={party.filedOn} kind="date" max={today} value={today} state={filing} />
        </EventForm>
      ) : null}
    </>
  );
};
