// The case's record (办理记录) in order: who did what, when, in which role, with the words they wrote
// (opinions, findings, reasons, discussion members). Everything shown comes from the record itself.
import type { FC } from 'hono/jsx';
import { ReviewItemKeys, type ReviewItemKey } from '../../../../machines/case/case.events.js';
import type { DeskContext } from '../../session.js';
import type { HistoryEntry } from '../../case-data.js';
import type { HistoryType } from '../../i18n/zh-CN.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { EvidenceFile, type CaseFiles } from './evidence-file.js';

type Payload = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

const Findings: FC<{ desk: DeskContext; items: unknown }> = ({ desk, items }) => {
  const all = (items ?? {}) as Partial<Record<ReviewItemKey, { passed?: boolean; finding?: string }>>;
  const found = ReviewItemKeys.filter((k) => all[k] && all[k]!.passed === false);
  if (found.length === 0) return null;
  return (
    <ul>
      {found.map((k) => (
        <li>
          <strong>{desk.t.items[k]}</strong>
          {`：${all[k]!.finding ?? ''}`}
        </li>
      ))}
    </ul>
  );
};

const Details: FC<{ desk: DeskContext; entry: HistoryEntry; names: Map<string, string> }> = ({ desk, entry, names }) => {
  const { t } = desk;
  const p = entry.payload as Payload;
  switch (entry.type) {
    case 'review.approve':
    case 'review.return':
    case 'review.refer':
      return (
        <>
          <p>{text(p.opinion)}</p>
          <Findings desk={desk} items={p.items} />
        </>
      );
    case 'review.assign':
      return <p>{names.get(String(p.reviewerId)) ?? String(p.reviewerId)}</p>;
    case 'discussion.record': {
      // Members are users (a name only on discussions recorded before members were users).
      type Member = { userId?: string; name?: string; vote?: string; opinion: string };
      const members = Array.isArray(p.members) ? (p.members as Member[]) : [];
      const who = (m: Member) => (m.userId ? (names.get(m.userId) ?? m.userId) : (m.name ?? ''));
      const vote = (m: Member) => (m.vote ? `（${t.law.discussion.votes[m.vote] ?? m.vote}）` : '');
      return (
        <>
          <ul>
            {members.map((m) => (
              <li>{`${who(m)}${vote(m)}：${m.opinion}`}</li>
            ))}
          </ul>
          {typeof p.chairId === 'string' ? <p>{`${t.law.discussion.chair}：${names.get(p.chairId) ?? p.chairId}`}</p> : null}
          <p>{`${t.head.conclusion}：${text(p.conclusion) ?? ''}`}</p>
        </>
      );
    }
    case 'decision.issue':
      return p.outcome ? <p>{t.outcomes[p.outcome as keyof typeof t.outcomes] ?? String(p.outcome)}</p> : null;
    case 'deadline.notify': {
      const kind = t.deadlineKinds[String(p.kind)] ?? String(p.kind);
      return <p>{`${kind}：${String(p.status)}，${formatDate(String(p.dueDate), desk.lang)}`}</p>;
    }
    default: {
      const words = text(p.reason) ?? text(p.summary) ?? text(p.transcript) ?? text(p.request) ?? text(p.note);
      return words ? <p>{words}</p> : null;
    }
  }
};

/** The records (音像记录) an entry carries, each with its player and hash. */
const Records: FC<{ desk: DeskContext; entry: HistoryEntry; files?: CaseFiles }> = ({ desk, entry, files }) => {
  const records = Array.isArray(entry.payload.records) ? (entry.payload.records as { evidenceId: string; sha256: string }[]) : [];
  if (!files || records.length === 0) return null;
  return (
    <div data-records={entry.id}>
      {records.map((r) => (
        <EvidenceFile desk={desk} files={files} file={{ evidenceId: r.evidenceId, sha256: r.sha256 }} />
      ))}
    </div>
  );
};

/** The history list under an h2; `files` lets entries show the records they carry. */
export const HistoryView: FC<{ desk: DeskContext; history: HistoryEntry[]; names: Map<string, string>; files?: CaseFiles }> = ({
  desk,
  history,
  names,
  files,
}) => {
  const { t } = desk;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t.case.history}</h2>
      {history.length === 0 ? (
        <p>{t.case.noHistory}</p>
      ) : (
        <ol class="history">
          {history.map((entry) => (
            <li data-event={entry.type}>
              <strong>{t.events[entry.type as HistoryType] ?? entry.type}</strong>{' '}
              <span class="meta">
                {`${formatDateTime(entry.at, desk.lang)} · ${names.get(entry.actorId) ?? entry.actorId}`}
                {entry.actorRole ? `（${t.roles[entry.actorRole as keyof typeof t.roles] ?? entry.actorRole}）` : ''}
              </span>
              <Details desk={desk} entry={entry} names={names} />
              <Records desk={desk} entry={entry} files={files} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
