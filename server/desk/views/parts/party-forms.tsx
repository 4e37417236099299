// The case page's forms for the party's rights before the decision: notice with service, receipt correction,
// statements, hearing scheduling/adjourning/holding, 回避 (declared, applied for, decided) and a new handler.
// Each is shown only when the machine allows its event for this user; the rules stay in the machine.
import type { FC } from 'hono/jsx';
import type { CaseEventType } from '../../../../machines/case/case.events.js';
import type { CaseView } from '../../../cases/case-view.js';
import type { DeskContext } from '../../session.js';
import { EventForm, stateFor, type RefusedForm } from './event-form.js';
import { Field, PersonSelect, ServiceFieldset } from './party-fields.js';
import { RecordChoice } from './action-forms.js';
import type { CaseFiles } from './evidence-file.js';

/** Someone the forms can name (host, recorder, the person a 回避 application is against, a new handler). */
export interface Person {
  id: string;
  name: string;
  roles: string[];
}

interface Props {
  desk: DeskContext;
  view: CaseView;
  today: string;
  people: Person[];
  refused?: RefusedForm;
  /** The case's files, offered as the hearing's records (音像记录). */
  files: CaseFiles;
}

const NoticeForms: FC<Props> = ({ desk, view, today, refused }) => {
  const { party, forms } = desk.t;
  const allowed = new Set(view.allowedEvents);
  return (
    <>
      {allowed.has('notice.send') ? (
        <EventForm desk={desk} view={view} type="notice.send" state={stateFor(refused, 'notice.send')}>
          <ServiceFieldset desk={desk} prefix="notice" state={stateFor(refused, 'notice.send')} today={today} receiptRequired={false} />
        </EventForm>
      ) : null}
      {allowed.has('notice.receipt') ? (
        <EventForm desk={desk} view={view} type="notice.receipt" title={party.receipt} state={stateFor(refused, 'notice.receipt')}>
          <Field
            desk={desk}
            id="receipt-on"
            name="receivedOn"
            label={party.receivedOn}
            hint={party.receiptHint}
            kind="date"
            max={today}
            state={stateFor(refused, 'notice.receipt')}
          />
        </EventForm>
      ) : null}
      {allowed.has('statement.record') ? (
        <EventForm desk={desk} view={view} type="statement.record" state={stateFor(refused, 'statement.record')}>
          <Field
            desk={desk}
            id="statement-summary"
            name="summary"
            label={forms.summary}
            kind="textarea"
            state={stateFor(refused, 'statement.record')}
          />
        </EventForm>
      ) : null}
    </>
  );
};

const HearingForms: FC<Props> = ({ desk, view, today, people, refused, files }) => {
  const { party, forms } = desk.t;
  const allowed = new Set(view.allowedEvents);
  const schedule = stateFor(refused, 'hearing.schedule');
  return (
    <>
      {allowed.has('hearing.schedule') ? (
        <EventForm desk={desk} view={view} type="hearing.schedule" state={schedule}>
          <p class="hint">{party.hearingHint}</p>
          <Field desk={desk} id="hearing-date" name="date" label={party.hearingDate} kind="date" state={schedule} />
          <Field desk={desk} id="hearing-place" name="place" label={party.place} state={schedule} />
          <PersonSelect desk={desk} id="hearing-host" name="hostId" label={party.host} state={schedule} people={people} />
          <PersonSelect desk={desk} id="hearing-recorder" name="recorderId" label={party.recorder} state={schedule} people={people} />
          <Field
            desk={desk}
            id="hearing-notice"
            name="noticeServedOn"
            label={party.noticeServedOn}
            kind="date"
            max={today}
            state={schedule}
          />
        </EventForm>
      ) : null}
      {allowed.has('hearing.adjourn') ? (
        <EventForm desk={desk} view={view} type="hearing.adjourn" state={stateFor(refused, 'hearing.adjourn')}>
          <Field
            desk={desk}
            id="adjourn-reason"
            name="reason"
            label={party.adjournReason}
            kind="textarea"
            state={stateFor(refused, 'hearing.adjourn')}
          />
        </EventForm>
      ) : null}
      {allowed.has('hearing.hold') ? (
        <EventForm desk={desk} view={view} type="hearing.hold" state={stateFor(refused, 'hearing.hold')}>
          <Field
            desk={desk}
            id="hold-on"
            name="heldOn"
            label={party.heldOn}
            kind="date"
            max={today}
            value={view.hearing?.date}
            state={stateFor(refused, 'hearing.hold')}
          />
          <Field
            desk={desk}
            id="hold-transcript"
            name="transcript"
            label={forms.transcript}
            kind="textarea"
            state={stateFor(refused, 'hearing.hold')}
          />
          <RecordChoice desk={desk} files={files} />
        </EventForm>
      ) : null}
    </>
  );
};

const RecusalForms: FC<Props> = ({ desk, view, today, people, refused }) => {
  const { party, review } = desk.t;
  const allowed = new Set(view.allowedEvents);
  const pending = view.recusalApplications.filter((a) => a.status === 'pending');
  const decide = stateFor(refused, 'recusal.decide');
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  return (
    <>
      {allowed.has('conflict.declare') ? (
        <EventForm desk={desk} view={view} type="conflict.declare" title={review.recusal} state={stateFor(refused, 'conflict.declare')}>
          <Field
            desk={desk}
            id="conflict-reason"
            name="reason"
            label={review.recusalReason}
            kind="textarea"
            state={stateFor(refused, 'conflict.declare')}
          />
        </EventForm>
      ) : null}
      {allowed.has('recusal.apply') ? (
        <EventForm desk={desk} view={view} type="recusal.apply" state={stateFor(refused, 'recusal.apply')}>
          <PersonSelect
            desk={desk}
            id="apply-against"
            name="againstId"
            label={party.against}
            state={stateFor(refused, 'recusal.apply')}
            people={people}
          />
          <Field
            desk={desk}
            id="apply-on"
            name="appliedOn"
            label={party.appliedOn}
            kind="date"
            max={today}
            value={today}
            state={stateFor(refused, 'recusal.apply')}
          />
          <Field
            desk={desk}
            id="apply-reason"
            name="reason"
            label={party.applyReason}
            kind="textarea"
            state={stateFor(refused, 'recusal.apply')}
          />
        </EventForm>
      ) : null}
      {allowed.has('recusal.decide') && pending.length > 0 ? (
        <EventForm desk={desk} view={view} type="recusal.decide" state={decide}>
          <PersonSelect
            desk={desk}
            id="decide-application"
            name="applicationNo"
            label={party.applicationNo}
            state={decide}
            people={pending.map((a) => ({
              id: String(a.no),
              name: party.applicationLine(a.no, name(a.againstId), a.appliedOn, party.statuses.pending!),
            }))}
          />
          <fieldset>
            <legend>{party.recusal}</legend>
            <label class="choice">
              <input type="radio" name="granted" value="yes" required checked={decide.values?.granted === 'yes'} />
              {party.granted}
            </label>
            <label class="choice">
              <input type="radio" name="granted" value="no" checked={decide.values?.granted === 'no'} />
              {party.refused}
            </label>
          </fieldset>
          <Field desk={desk} id="decide-reason" name="reason" label={party.decideReason} kind="textarea" state={decide} />
        </EventForm>
      ) : null}
      {allowed.has('handler.assign') ? (
        <EventForm desk={desk} view={view} type="handler.assign" state={stateFor(refused, 'handler.assign')}>
          <PersonSelect
            desk={desk}
            id="assign-handler"
            name="handlerId"
            label={party.newHandler}
            state={stateFor(refused, 'handler.assign')}
            people={people.filter((p) => p.roles.includes('handler'))}
          />
        </EventForm>
      ) : null}
    </>
  );
};

/** Event types these forms post (the plain actions list leaves them out). */
export const partyFormEvents: CaseEventType[] = [
  'notice.send',
  'notice.receipt',
  'statement.record',
  'hearing.schedule',
  'hearing.adjourn',
  'hearing.hold',
  'conflict.declare',
  'recusal.apply',
  'recusal.decide',
  'handler.assign',
];

/** Every party-rights form this user may send now. */
export const PartyForms: FC<Props> = (p) => (
  <>
    <NoticeForms {...p} />
    <HearingForms {...p} />
    <RecusalForms {...p} />
  </>
);
