// Why a desk form was refused, in the page's language and by what changed since the page was drawn: the
// case's state now, who reviews it now, whether the draft (and with it an approval) changed. Read from the
// fresh case, never guessed; the page links to that fresh case.
import type { Context } from 'hono';
import type { Services } from '../services.js';
import type { DomainError } from '../shared/result.js';
import { statusOf, problemType } from '../http/problem.js';
import { problemEntry } from '../http/problems/catalogue.js';
import { signedIn, type DeskEnv } from './session.js';
import { loadCase, type CasePageData } from './case-data.js';
import { renderPage } from './render.js';
import { stateLabel } from './views/parts/case-table.js';
import type { DeskContext } from './session.js';
import { ProblemPage } from './views/problem.page.js';

/** What the refused form had seen: the version and, for review and decision forms, the draft hash. */
export interface FormSaw {
  version: number | null;
  draftHash?: string;
}

/** The sentences saying what changed since the form was drawn. */
export function whatChanged(desk: DeskContext, error: Pick<DomainError, 'code'>, data: CasePageData, saw: FormSaw): string[] {
  const { t } = desk;
  const { view } = data;
  const out = [t.refusal.stateNow(stateLabel(desk, view.state))];
  const me = desk.user?.id;
  if (view.reviewerId && view.reviewerId !== me && (error.code === 'not_assigned_reviewer' || saw.version !== view.version)) {
    out.push(t.refusal.assignedTo(data.names.get(view.reviewerId) ?? view.reviewerId));
  }
  if ((saw.draftHash && saw.draftHash !== view.draft.hash) || error.code === 'stale_draft_hash') {
    out.push(t.refusal.draftChanged(view.draft.version));
    if (data.latestReview?.type === 'review.approve' && data.latestReview.draftHash !== view.draft.hash) out.push(t.refusal.approvalVoided);
  }
  return out;
}

/** The refusal page of a case form: the problem's title in the page's language, what changed, the way back. */
export async function caseRefusal(c: Context<DeskEnv>, services: Services, error: DomainError, caseId: string, saw: FormSaw) {
  const desk = c.var.desk;
  const loaded = error.kind === 'not_found' ? null : await loadCase(services, signedIn(c), caseId);
  const title = problemEntry(error.code)?.[desk.lang].title ?? desk.t.errors.title;
  const changes = loaded?.ok ? whatChanged(desk, error, loaded.value, saw) : [];
  return renderPage(
    c,
    <ProblemPage
      desk={desk}
      message={desk.lang === 'en' ? `${title}.` : `${title}。`}
      lines={[...changes, desk.t.refusal.nothingChanged]}
      code={error.code}
      helpHref={problemType(error.code)}
      backHref={loaded?.ok ? `/desk/cases/${encodeURIComponent(caseId)}` : '/desk'}
      backLabel={loaded?.ok ? desk.t.refusal.openFresh : desk.t.errors.back}
    />,
    statusOf(error.kind),
  );
}
