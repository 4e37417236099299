// The queue (待办队列): for each of the user's roles, the cases waiting for them, most urgent first.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { sectionKeys, type QueueRow, type SectionKey } from '../queue-data.js';
import { Layout } from '../layout.js';
import { CaseTable } from './parts/case-table.js';

/** Props: the sections to show (absent sections are not for this user) and an optional notice. */
export interface QueuePageProps {
  desk: DeskContext;
  sections: Partial<Record<SectionKey, QueueRow[]>>;
  now: Date;
  notice?: string;
  title?: string;
  current?: string;
}

/** Titles of the queue sections. */
export function sectionTitle(desk: DeskContext, key: SectionKey): string {
  const q = desk.t.queue;
  return { mine: q.mine, claimable: q.claimable, decide: q.decide, duties: q.duties, handled: q.handled }[key];
}

/** The queue page. */
export const QueuePage: FC<QueuePageProps> = ({ desk, sections, now, notice, title, current }) => (
  <Layout desk={desk} title={title ?? desk.t.queue.title} current={current ?? 'queue'}>
    {notice ? (
      <div class="notice success" role="status">
        {notice}
      </div>
    ) : null}
    {sectionKeys
      .filter((key) => sections[key])
      .map((key) => {
        const rows = sections[key]!;
        return (
          <section aria-labelledby={`section-${key}`} data-section={key}>
            <h2 id={`section-${key}`}>{sectionTitle(desk, key)}</h2>
            {rows.length ? (
              <CaseTable desk={desk} rows={rows} caption={desk.t.queue.caption(rows.length)} now={now} />
            ) : (
              <p class="muted">{desk.t.queue.empty}</p>
            )}
          </section>
        );
      })}
  </Layout>
);
