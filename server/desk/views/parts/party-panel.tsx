// What the case page shows of the party's rights and the duties: the notice's receipt and the hearing-request
// period (marked provisional on an unpublished calendar), statements, a statement after the review, the hearing,
// 回避 and the party's applications, and the dates each duty was done, with a link to the public register.
import type { FC } from 'hono/jsx';
import type { CaseView } from '../../../cases/case-view.js';
import type { DeskContext } from '../../session.js';

interface Props {
  desk: DeskContext;
  view: CaseView;
  names: Map<string, string>;
}

const RightsFacts: FC<Props> = ({ desk, view }) => {
  const { party } = desk.t;
  const { rights } = view;
  if (!rights.receivedOn) return <p class="muted">{party.notNoticed}</p>;
  return (
    <dl class="facts">
      <dt>{party.receivedOn}</dt>
      <dd data-received-on={rights.receivedOn}>{rights.receivedOn}</dd>
      {rights.hearingWindow ? (
        <>
          <dt>{party.windowEnds}</dt>
          <dd data-window-ends={rights.hearingWindow.endsOn}>
            {rights.hearingWindow.endsOn}
            {rights.hearingWindow.provisional ? party.provisional : ''}
          </dd>
        </>
      ) : null}
      <dt>{party.statements(rights.statements)}</dt>
      <dd>{view.statementAfterReview ? <strong data-statement-after-review>{party.statementAfterReview}</strong> : ''}</dd>
    </dl>
  );
};

const HearingAndRecusal: FC<Props> = ({ desk, view, names }) => {
  const { party } = desk.t;
  const name = (id: string) => names.get(id) ?? id;
  const h = view.hearing;
  return (
    <dl class="facts">
      {h ? (
        <>
          <dt>{party.hearing}</dt>
          <dd data-hearing-date={h.date}>
            {party.scheduled(h.date, name(h.hostId), name(h.recorderId))}
            {h.heldOn ? `；${party.heldOn} ${h.heldOn}` : ''}
          </dd>
        </>
      ) : null}
      <dt>{party.recusals}</dt>
      <dd>{view.recusals.length ? view.recusals.map(name).join('、') : party.none}</dd>
      <dt>{party.applications}</dt>
      <dd>
        {view.recusalApplications.length ? (
          <ul>
            {view.recusalApplications.map((a) => (
              <li data-application={a.no} data-status={a.status}>
                {party.applicationLine(a.no, name(a.againstId), a.appliedOn, party.statuses[a.status] ?? a.status)}
              </li>
            ))}
          </ul>
        ) : (
          party.none
        )}
      </dd>
    </dl>
  );
};

const DutyDates: FC<Props> = ({ desk, view }) => {
  const { party } = desk.t;
  const d = view.duties;
  const lines = [
    d.servedOn ? party.servedOn(d.servedOn) : null,
    d.publishedOn ? party.publishedLine(d.publishedOn) : null,
    d.publicationWithdrawnOn ? party.withdrawnLine(d.publicationWithdrawnOn) : null,
    d.filedOn ? party.filedLine(d.filedOn) : null,
  ].filter((x): x is string => x !== null);
  if (!view.decision) return null;
  return (
    <>
      <h3>{party.dutyDates}</h3>
      <ul data-duty-dates>{lines.length ? lines.map((l) => <li>{l}</li>) : <li class="muted">{party.none}</li>}</ul>
    </>
  );
};

/** The party's rights and the duties of `view`. */
export const PartyPanel: FC<Props> = (p) => (
  <section aria-labelledby="rights-heading" class="card" data-section="rights">
    <h2 id="rights-heading">{p.desk.t.party.rights}</h2>
    <RightsFacts {...p} />
    <HearingAndRecusal {...p} />
    <DutyDates {...p} />
    <p>
      <a href="/public/decisions?format=html">{p.desk.t.party.publicPage}</a>
    </p>
  </section>
);
