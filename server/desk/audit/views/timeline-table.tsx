// A case's timeline as a table: every record entry, accepted or refused, with who, what, when and on
// which draft version and hash. Refused attempts are marked in words and by row style.
import type { FC } from 'hono/jsx';
import type { Role } from '../../../../machines/case/case.events.js';
import type { TimelineItem } from '../../../audit/timeline.js';
import type { DeskContext } from '../../session.js';
import type { HistoryType } from '../../i18n/zh-CN.js';
import { formatDateTime } from '../../i18n/index.js';
import { recordLang } from './record-lang.js';
import { problemEntry } from '../../../http/problems/catalogue.js';
import { problemType } from '../../../http/problem.js';

const short = (hash: string | null): string => (hash ? `${hash.slice(0, 8)}…` : '—');

const Result: FC<{ desk: DeskContext; item: TimelineItem }> = ({ desk, item }) => {
  const { t } = desk;
  if (item.accepted) return <span class="badge accepted">{t.audit.accepted}</span>;
  return (
    <>
      <span class="badge refused">{t.audit.refused}</span>
      {item.refusal ? (
        <>
          <br />
          <a href={problemType(item.refusal.code)}>{problemEntry(item.refusal.code)?.[desk.lang].title ?? item.refusal.code}</a>{' '}
          <code>{item.refusal.code}</code>
        </>
      ) : null}
    </>
  );
};

/** The timeline table with a caption counting entries and refusals. */
export const TimelineTable: FC<{ desk: DeskContext; items: TimelineItem[] }> = ({ desk, items }) => {
  const { t, lang } = desk;
  const refused = items.filter((i) => !i.accepted).length;
  return (
    <table class="timeline">
      <caption>{t.audit.timelineCaption(items.length, refused)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.audit.entryCol}</th>
          <th scope="col">{t.audit.timeCol}</th>
          <th scope="col">{t.audit.eventCol}</th>
          <th scope="col">{t.audit.actorCol}</th>
          <th scope="col">{t.audit.draftCol}</th>
          <th scope="col">{t.audit.summaryCol}</th>
          <th scope="col">{t.audit.resultCol}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            class={item.accepted ? undefined : 'refused'}
            data-entry={item.entryId}
            data-type={item.type}
            data-accepted={String(item.accepted)}
          >
            <td class="nowrap">
              <span class="hash">
                {`#${item.entryId}`}
                <br />
                {short(item.hash)}
              </span>
            </td>
            <td class="nowrap">{formatDateTime(item.at, lang)}</td>
            <td>{t.events[item.type as HistoryType] ?? item.label}</td>
            <td>{`${item.actorName}（${t.roles[item.role as Role] ?? item.roleLabel}）`}</td>
            <td class="nowrap">
              {t.audit.draftVersion(item.draftVersion)}
              <br />
              <span class="hash">{short(item.draftHash)}</span>
            </td>
            <td lang={recordLang(desk)}>{item.summary}</td>
            <td>
              <Result desk={desk} item={item} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
