// The read-only parts of a 查封、扣押 case page: the summary, the clocks with their overdue marks, the draft
// decision (art 24 contents, the objects, the period) and the latest written opinion with its seven items.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { formatDate, formatYuan } from '../i18n/index.js';
import { stateLabel } from '../views/parts/case-table.js';
import { CoercionReviewItemKeys } from '../../../machines/coercion/coercion.events.js';
import type { CoercionPageData } from './coercion-data.js';

type Props = { desk: DeskContext; data: CoercionPageData };
const nameOf = (data: CoercionPageData, id: string | null) => (id ? (data.names.get(id) ?? id) : null);

/** The case at a glance: kind, state, version, handler, reviewer, whether review is required, the measure's period. */
export const CoercionSummary: FC<Props> = ({ desk, data }) => {
  const { t } = desk;
  const c = t.coercion;
  const { view } = data;
  return (
    <dl class="facts card" data-state={view.state} data-version={view.version} data-kind="coercion">
      <dt>{c.measure}</dt>
      <dd>{`${c.measures[view.draft.measure] ?? view.draft.measure} · ${c.kind}`}</dd>
      <dt>{t.case.state}</dt>
      <dd>
        <span class="badge state">{stateLabel(desk, view.state)}</span>
        {` ${t.case.version(view.version)}`}
      </dd>
      <dt>{t.case.handler}</dt>
      <dd>{nameOf(data, view.handlerId)}</dd>
      <dt>{t.case.reviewer}</dt>
      <dd>{nameOf(data, view.reviewerId) ?? t.case.unassigned}</dd>
      <dt>{t.case.major}</dt>
      <dd data-major={String(view.major.isMajor)}>{view.major.isMajor ? c.major : c.minor}</dd>
      {view.period ? (
        <>
          <dt>{c.implementedOn}</dt>
          <dd>{formatDate(view.period.implementedOn, desk.lang)}</dd>
          <dt>{c.endsOn}</dt>
          <dd>
            {formatDate(view.period.endsOn, desk.lang)}
            {view.period.extension
              ? `；${c.extension(view.period.extension.days, formatDate(view.period.extension.endsOn, desk.lang))}`
              : ''}
          </dd>
        </>
      ) : null}
      {view.conclusion ? (
        <>
          <dt>{c.conclusion}</dt>
          <dd>{`${c.results[view.conclusion.result] ?? view.conclusion.result}，${formatDate(view.conclusion.concludedOn, desk.lang)}${view.conclusion.withinPeriod ? '' : c.outsidePeriod}`}</dd>
        </>
      ) : null}
      {view.duties.filedOn ? (
        <>
          <dt>{t.deadlineKinds.coercionFiling}</dt>
          <dd>{c.filed(formatDate(view.duties.filedOn, desk.lang))}</dd>
        </>
      ) : null}
    </dl>
  );
};

/** The clocks (art 25 period, 备案), each with its due date and whether it is done, running or overdue. */
export const CoercionClocks: FC<Props> = ({ desk, data }) => {
  const c = desk.t.coercion;
  const { clocks } = data.view;
  return (
    <section aria-labelledby="clocks-heading" class="card">
      <h2 id="clocks-heading">{c.clocks}</h2>
      {clocks.length === 0 ? <p class="muted">{c.noClocks}</p> : null}
      <ul>
        {clocks.map((k) => (
          <li data-clock={k.kind} data-overdue={String(k.overdue)}>
            <strong>{c.clockKinds[k.kind] ?? k.kind}</strong>
            {`：${c.clockDue(formatDate(k.dueOn, desk.lang) + (k.provisional ? desk.t.badge.provisional : ''))} · `}
            {k.overdue ? (
              <span class="badge overdue">{c.clockOverdue}</span>
            ) : (
              <span class="badge">{k.done ? c.clockDone : c.clockRunning}</span>
            )}
            <span class="muted">{` ${k.basis}`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** The draft decision as the reviewer reads it, with its SHA-256 fingerprint. */
export const CoercionDraftView: FC<Props> = ({ desk, data }) => {
  const { t } = desk;
  const c = t.coercion;
  const d = data.view.draft;
  return (
    <section aria-labelledby="draft-heading" class="card" data-draft-hash={d.hash}>
      <h2 id="draft-heading">{`${c.draft} · ${t.case.draftVersion(d.version)}`}</h2>
      <dl class="facts">
        <dt>{t.case.title}</dt>
        <dd>{d.title}</dd>
        <dt>{t.case.party}</dt>
        <dd>{`${d.party.name}（${t.case[d.party.kind]}）`}</dd>
        <dt>{c.facts}</dt>
        <dd>{d.facts}</dd>
        <dt>{c.legalBasis}</dt>
        <dd>{d.legalBasis}</dd>
        <dt>{c.period}</dt>
        <dd>{c.periodDays(d.periodDays)}</dd>
        <dt>{c.remedies}</dt>
        <dd>{d.remedies}</dd>
        <dt>{c.officers}</dt>
        <dd>{d.officers.map((id) => nameOf(data, id)).join('、')}</dd>
        <dt>{t.case.hash}</dt>
        <dd>
          <code>{d.hash}</code>
        </dd>
      </dl>
      <table>
        <caption>{c.objects}</caption>
        <thead>
          <tr>
            <th scope="col">{c.objectName}</th>
            <th scope="col">{c.objectKind}</th>
            <th scope="col">{c.objectQuantity}</th>
            <th scope="col">{c.objectValue}</th>
          </tr>
        </thead>
        <tbody>
          {d.objects.map((o) => (
            <tr>
              <td>{o.livingNecessity ? `${o.name}（${c.livingNecessity}）` : o.name}</td>
              <td>{c.objectKinds[o.kind] ?? o.kind}</td>
              <td>{o.quantity}</td>
              <td>{formatYuan(o.valueYuan, desk.lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

/** The latest written opinion: its outcome, the opinion and every item not passed with its finding. */
export const CoercionOpinionView: FC<Props> = ({ desk, data }) => {
  const op = data.latestOpinion;
  if (!op) return null;
  const c = desk.t.coercion;
  const failed = CoercionReviewItemKeys.filter((k) => op.items[k]?.passed === false);
  return (
    <section aria-labelledby="opinion-heading" class="card" data-opinion={op.type}>
      <h2 id="opinion-heading">{`${c.reviewTitle} · ${desk.t.events[op.type]}`}</h2>
      <p>{op.opinion}</p>
      <ul>
        {failed.map((k) => (
          <li data-item={k}>
            <strong>{c.items[k]}</strong>
            {`：${op.items[k]?.finding ?? ''}`}
          </li>
        ))}
      </ul>
    </section>
  );
};
