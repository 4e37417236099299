// The case page's forms for a criminal transfer (行刑衔接, 移送规定 arts 5–12, 19): the 专案组's report, the
// sending with the 移送书's lists, the police's answer as the agency received it, the handover after a 立案
// (art 12), the 复议 request, the procuratorate's supervision and a clue to 纪检监察. Shown only for events in the caller's allowedEvents.
import type { FC } from 'hono/jsx';
import type { CaseEventType } from '../../../../machines/case/case.events.js';
import type { CaseView } from '../../../cases/case-view.js';
import type { Person } from './party-forms.js';
import type { DeskContext } from '../../session.js';
import { TEAM_ROWS } from '../../transfer-form-commands.js';
import { EventForm, stateFor, type RefusedForm } from './event-form.js';
import { Field, FieldError, PersonSelect, type FormState } from './party-fields.js';

interface Props {
  desk: DeskContext;
  view: CaseView;
  today: string;
  people: Person[];
  refused?: RefusedForm;
}

/** Event types these forms post (the plain actions list leaves them out). */
export const transferFormEvents: CaseEventType[] = [
  'transfer.report',
  'transfer.send',
  'transfer.answer',
  'transfer.handover',
  'transfer.reconsider',
  'transfer.supervise',
  'clue.transfer',
];

/** A labelled choice among fixed values (a select of id → label, like the person select). */
const Choice: FC<{ desk: DeskContext; id: string; name: string; label: string; state: FormState; options: Record<string, string> }> = (
  p,
) => <PersonSelect {...p} people={Object.entries(p.options).map(([id, name]) => ({ id, name }))} />;

const ReportForm: FC<Props> = ({ desk, view, people, refused }) => {
  const tr = desk.t.transfer;
  const state = stateFor(refused, 'transfer.report');
  // Handlers only: the rule (two certified officers) is the machine's, but no one else could pass it.
  const handlers = people.filter((p) => p.roles.includes('handler'));
  return (
    <EventForm desk={desk} view={view} type="transfer.report" state={state}>
      <fieldset>
        <legend>{tr.officers}</legend>
        <FieldError desk={desk} name="officers" state={state} />
        {Array.from({ length: TEAM_ROWS }, (_, i) => (
          <PersonSelect
            desk={desk}
            id={`transfer-officer-${i}`}
            name={`officers_${i}`}
            label={tr.officer(i + 1)}
            state={state}
            people={handlers}
          />
        ))}
      </fieldset>
      <Field desk={desk} id="transfer-report" name="report" label={tr.report} kind="textarea" state={state} />
    </EventForm>
  );
};

const SendForm: FC<Props> = ({ desk, view, refused }) => {
  const tr = desk.t.transfer;
  const state = stateFor(refused, 'transfer.send');
  return (
    <EventForm desk={desk} view={view} type="transfer.send" state={state}>
      <Field desk={desk} id="transfer-recipient" name="recipient" label={tr.recipient} state={state} />
      <Field desk={desk} id="transfer-materials" name="materials" label={tr.materials} kind="textarea" state={state} />
      <Field
        desk={desk}
        id="transfer-items"
        name="seizedItems"
        label={tr.seizedItems}
        hint={tr.seizedItemsHint}
        kind="textarea"
        required={false}
        state={state}
      />
      <Field
        desk={desk}
        id="transfer-reports"
        name="expertReports"
        label={tr.expertReports}
        kind="textarea"
        required={false}
        state={state}
      />
    </EventForm>
  );
};

const AnswerForm: FC<Props> = ({ desk, view, today, refused }) => {
  const tr = desk.t.transfer;
  const state = stateFor(refused, 'transfer.answer');
  return (
    <EventForm desk={desk} view={view} type="transfer.answer" state={state}>
      <Choice desk={desk} id="answer-result" name="result" label={tr.result} state={state} options={tr.results} />
      <Field
        desk={desk}
        id="answer-received"
        name="receivedOn"
        label={tr.receivedOn}
        hint={tr.receivedOnHint}
        kind="date"
        max={today}
        value={today}
        state={state}
      />
      <Field desk={desk} id="answer-reasons" name="reasons" label={tr.answerReasons} kind="textarea" required={false} state={state} />
    </EventForm>
  );
};

// art 12: the handover after the police's 立案, dated as it happened, with who signed for it and the lists.
const HandoverForm: FC<Props> = ({ desk, view, today, refused }) => {
  const tr = desk.t.transfer;
  const state = stateFor(refused, 'transfer.handover');
  return (
    <EventForm desk={desk} view={view} type="transfer.handover" state={state}>
      <Field
        desk={desk}
        id="handover-date"
        name="handedOverOn"
        label={tr.handedOverOn}
        hint={tr.handedOverOnHint}
        kind="date"
        max={today}
        value={today}
        state={state}
      />
      <Field desk={desk} id="handover-received-by" name="receivedBy" label={tr.receivedBy} state={state} />
      <Field desk={desk} id="handover-materials" name="materials" label={tr.handoverMaterials} kind="textarea" state={state} />
      <Field
        desk={desk}
        id="handover-items"
        name="seizedItems"
        label={tr.handoverItems}
        hint={tr.seizedItemsHint}
        kind="textarea"
        required={false}
        state={state}
      />
    </EventForm>
  );
};

/** Every transfer form this user may send now. */
export const TransferForms: FC<Props> = (props) => {
  const { desk, view, refused } = props;
  const tr = desk.t.transfer;
  const allowed = new Set(view.allowedEvents);
  const supervise = stateFor(refused, 'transfer.supervise');
  const clue = stateFor(refused, 'clue.transfer');
  const reconsider = stateFor(refused, 'transfer.reconsider');
  return (
    <>
      {allowed.has('transfer.report') ? <ReportForm {...props} /> : null}
      {allowed.has('transfer.send') ? <SendForm {...props} /> : null}
      {allowed.has('transfer.answer') ? <AnswerForm {...props} /> : null}
      {allowed.has('transfer.handover') ? <HandoverForm {...props} /> : null}
      {allowed.has('transfer.reconsider') ? (
        <EventForm desk={desk} view={view} type="transfer.reconsider" state={reconsider}>
          <Field desk={desk} id="reconsider-request" name="request" label={tr.request} kind="textarea" state={reconsider} />
        </EventForm>
      ) : null}
      {allowed.has('transfer.supervise') ? (
        <EventForm desk={desk} view={view} type="transfer.supervise" state={supervise}>
          <Choice
            desk={desk}
            id="supervise-result"
            name="result"
            label={tr.supervision}
            state={supervise}
            options={tr.supervisionResults}
          />
          <Field desk={desk} id="supervise-note" name="note" label={tr.note} kind="textarea" state={supervise} />
        </EventForm>
      ) : null}
      {allowed.has('clue.transfer') ? (
        <EventForm desk={desk} view={view} type="clue.transfer" state={clue}>
          <Field desk={desk} id="clue-recipient" name="recipient" label={tr.clueRecipient} state={clue} />
          <Field desk={desk} id="clue-summary" name="summary" label={tr.clueSummary} kind="textarea" state={clue} />
        </EventForm>
      ) : null}
    </>
  );
};
