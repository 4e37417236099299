// The case page: summary, the actions this user may take, why it is major, what changed since the last
// review, the draft, and the record.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import type { CasePageData } from '../case-data.js';
import { Layout } from '../layout.js';
import { ActionForms } from './parts/action-forms.js';
import { CaseSummary, MajorReasons } from './parts/case-summary.js';
import { DiffView } from './parts/diff-view.js';
import { DraftView } from './parts/draft-view.js';
import { HistoryView } from './parts/history-view.js';
import type { RefusedForm } from './parts/event-form.js';
import { PartyForms, partyFormEvents } from './parts/party-forms.js';
import { DutyForms, dutyFormEvents } from './parts/duty-forms.js';
import { TransferForms, transferFormEvents } from './parts/transfer-forms.js';
import { PartyPanel } from './parts/party-panel.js';
import { DocumentsView } from './parts/documents-view.js';

/** Props: the loaded case and an optional notice (after an action). */
export interface CasePageProps {
  desk: DeskContext;
  data: CasePageData;
  notice?: string;
  /** A form the service or the form check refused: shown again, open, with its errors and values. */
  refused?: RefusedForm;
}

/** The case page. */
export const CasePage: FC<CasePageProps> = ({ desk, data, notice, refused }) => {
  const { view } = data;
  const isReviewer = desk.user?.roles.includes('reviewer') ?? false;
  // A refused content form shows its message inside the form; a refused one-click action, above the actions.
  const ownForm = refused && [...partyFormEvents, ...dutyFormEvents, ...transferFormEvents].some((e) => e === refused.type);
  const refusal = refused && !ownForm ? refused.errors?.form : undefined;
  return (
    <Layout desk={desk} title={view.title} current="queue">
      {notice ? (
        <div class="notice success" role="status">
          {notice}
        </div>
      ) : null}
      <CaseSummary desk={desk} data={data} />
      <ActionForms desk={desk} view={view} isReviewer={isReviewer} reviewers={data.reviewers} refusal={refusal}>
        <PartyForms desk={desk} view={view} today={data.today} people={data.people} refused={refused} files={data.files} />
        <DutyForms desk={desk} view={view} today={data.today} preview={data.publicationPreview} refused={refused} />
        <TransferForms desk={desk} view={view} today={data.today} people={data.people} refused={refused} />
      </ActionForms>
      <PartyPanel desk={desk} view={view} names={data.names} />
      <DocumentsView desk={desk} data={data} />
      <MajorReasons desk={desk} data={data} />
      {data.lastReviewed ? (
        <DiffView desk={desk} before={data.lastReviewed} after={{ version: view.draft.version, content: data.draft }} files={data.files} />
      ) : null}
      <DraftView desk={desk} draft={data.draft} version={view.draft.version} hash={view.draft.hash} files={data.files} />
      <HistoryView desk={desk} history={data.history} names={data.names} files={data.files} />
    </Layout>
  );
};
