// The 查封、扣押 case page: summary, clocks with their overdue marks, the actions this user may take now, the
// latest written opinion, the draft decision (art 24) and the record (办理记录).
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { Layout } from '../layout.js';
import { HistoryView } from '../views/parts/history-view.js';
import type { CoercionPageData } from './coercion-data.js';
import { CoercionClocks, CoercionDraftView, CoercionOpinionView, CoercionSummary } from './coercion-parts.js';
import { CoercionForms, type RefusedCoercionForm } from './coercion-forms.js';

/** The page; `notice` after an accepted form, `refused` to reopen a form with its errors. */
export const CoercionPage: FC<{ desk: DeskContext; data: CoercionPageData; notice?: string; refused?: RefusedCoercionForm }> = (p) => (
  <Layout desk={p.desk} title={p.desk.t.coercion.pageTitle(p.data.view.title)} current="queue">
    {p.notice ? (
      <div class="notice success" role="status">
        {p.notice}
      </div>
    ) : null}
    <CoercionSummary desk={p.desk} data={p.data} />
    <CoercionClocks desk={p.desk} data={p.data} />
    <CoercionForms desk={p.desk} data={p.data} refused={p.refused} />
    <CoercionOpinionView desk={p.desk} data={p.data} />
    <CoercionDraftView desk={p.desk} data={p.data} />
    <HistoryView desk={p.desk} history={p.data.history} names={p.data.names} />
  </Layout>
);
