// The queue (待办队列): tabs with counts, one search-and-filter form, 20 rows a page and a keyset pager.
// Every link keeps the filters; the form is a GET, so a search is a bookmarkable address.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import type { QueueRow } from '../queue-data.js';
import type { QueueFilters, TabKey } from '../queue-tabs.js';
import { deadlineFilters } from '../../../db/cases/case-queue-store.js';
import type { StateName } from '../i18n/zh-CN.js';
import { Layout } from '../layout.js';
import { CaseTable } from './parts/case-table.js';
import { AuditorPanel, type AuditorSummary } from './parts/auditor-panel.js';

/** Props: the tab shown, every tab's count, the page's rows and where the next page starts. */
export interface WorkQueueProps {
  desk: DeskContext;
  tab: TabKey;
  counts: Record<string, number>;
  filters: QueueFilters;
  rows: QueueRow[];
  nextCursor: string | null;
  page: number;
  now: Date;
  notice?: string;
  auditor?: AuditorSummary;
}

/** The queue address for `tab` with `filters` (and a cursor and page number when paging). */
export function queueHref(tab: TabKey, filters: QueueFilters, cursor?: string, page?: number): string {
  const params = new URLSearchParams({ tab });
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v));
  if (cursor) params.set('cursor', cursor);
  if (page) params.set('page', String(page));
  return `/desk?${params.toString()}`;
}

const Tabs: FC<{ desk: DeskContext; tab: TabKey; counts: Record<string, number>; filters: QueueFilters }> = ({
  desk,
  tab,
  counts,
  filters,
}) => (
  <nav class="tabs" aria-label={desk.t.queue.tabsLabel}>
    <ul>
      {Object.keys(counts).map((key) => (
        <li>
          <a href={queueHref(key as TabKey, filters)} aria-current={key === tab ? 'page' : undefined} data-tab={key}>
            {desk.t.queue.tabCount(desk.t.queue.tabs[key] ?? key, counts[key] ?? 0)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

const Select: FC<{ id: string; label: string; value?: string; any: string; options: [string, string][] }> = (p) => (
  <div class="field">
    <label for={p.id}>{p.label}</label>
    <select id={p.id} name={p.id}>
      <option value="">{p.any}</option>
      {p.options.map(([value, label]) => (
        <option value={value} selected={p.value === value}>
          {label}
        </option>
      ))}
    </select>
  </div>
);

const FilterForm: FC<{ desk: DeskContext; tab: TabKey; filters: QueueFilters }> = ({ desk, tab, filters }) => {
  const q = desk.t.queue;
  const states = Object.entries(desk.t.states) as [StateName, string][];
  return (
    <search aria-label={q.filters}>
      <form method="get" action="/desk" class="card filters">
        <input type="hidden" name="tab" value={tab} />
        <div class="field wide">
          <label for="q">{q.search}</label>
          <input type="search" id="q" name="q" value={filters.q ?? ''} maxlength={100} aria-describedby="q-hint" />
          <p class="hint" id="q-hint">
            {q.searchHint}
          </p>
        </div>
        <Select id="state" label={q.stateFilter} value={filters.state} any={q.any} options={states} />
        <Select
          id="deadline"
          label={q.deadlineFilter}
          value={filters.deadline}
          any={q.any}
          options={deadlineFilters.map((d) => [d, q.deadlineOptions[d] ?? d])}
        />
        <Select
          id="major"
          label={q.majorFilter}
          value={filters.major}
          any={q.any}
          options={[
            ['true', q.yes],
            ['false', q.no],
          ]}
        />
        <div class="field">
          <label for="from">{q.from}</label>
          <input type="date" id="from" name="from" value={filters.from ?? ''} />
        </div>
        <div class="field">
          <label for="to">{q.to}</label>
          <input type="date" id="to" name="to" value={filters.to ?? ''} />
        </div>
        <div class="field buttons">
          <button type="submit" class="primary">
            {q.apply}
          </button>
          <a href={queueHref(tab, {})}>{q.clear}</a>
        </div>
      </form>
    </search>
  );
};

/** The queue page. */
export const WorkQueuePage: FC<WorkQueueProps> = (p) => {
  const { desk } = p;
  const q = desk.t.queue;
  const total = p.counts[p.tab] ?? 0;
  return (
    <Layout desk={desk} title={q.title} current="queue">
      {p.notice ? (
        <div class="notice success" role="status">
          {p.notice}
        </div>
      ) : null}
      {p.auditor ? <AuditorPanel desk={desk} summary={p.auditor} /> : null}
      {desk.user?.roles.includes('handler') ? (
        <p>
          <a class="button" href="/desk/cases/new">
            {desk.t.draftForm.openLink}
          </a>
        </p>
      ) : null}
      <Tabs desk={desk} tab={p.tab} counts={p.counts} filters={p.filters} />
      <FilterForm desk={desk} tab={p.tab} filters={p.filters} />
      <section aria-labelledby="section-tab" data-section={p.tab}>
        <h2 id="section-tab">{q.tabs[p.tab]}</h2>
        {p.rows.length ? (
          <CaseTable desk={desk} rows={p.rows} caption={q.pageCaption(total, p.page)} now={p.now} />
        ) : (
          <p class="muted">{q.empty}</p>
        )}
        {p.nextCursor || p.page > 1 ? (
          <nav class="pager" aria-label={q.pager}>
            {p.page > 1 ? <a href={queueHref(p.tab, p.filters)}>{q.first}</a> : null}
            {p.nextCursor ? (
              <a href={queueHref(p.tab, p.filters, p.nextCursor, p.page + 1)} rel="next">
                {q.next}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
};
