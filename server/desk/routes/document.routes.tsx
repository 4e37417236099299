// The desk's printable documents of a case: its 审核意见书 and 决定书, read through the same document reader
// as the API (so the same people may read them) and served with a linked stylesheet under the desk's CSP.
import { Hono, type Context } from 'hono';
import type { Services } from '../../services.js';
import type { DomainError } from '../../shared/result.js';
import { signedIn, type DeskEnv } from '../session.js';
import { errorPage, messagePage } from '../render.js';
import { renderDecisionPage } from '../../documents/decision-page.js';
import { renderOpinionPage } from '../../documents/opinion-page.js';
import { renderTransferPage } from '../../documents/transfer-page.js';
import { renderHandoverPage } from '../../documents/handover-page.js';

/** Where the documents' stylesheet is served (the desk's CSP allows no inline styles). */
export const documentCssPath = '/desk/static/documents.css';

function refusal(c: Context<DeskEnv>, error: DomainError, caseId: string): Promise<Response> {
  const law = c.var.desk.t.law.documents;
  if (error.code === 'not_case_reader') return messagePage(c, 403, error.code, law.forbidden, caseId);
  if (error.code === 'document_not_found') return messagePage(c, 404, error.code, law.notFound, caseId);
  return errorPage(c, error, caseId);
}

/** Routes under /desk/cases/:id for the documents. */
export function documentDeskRoutes(services: Services) {
  return new Hono<DeskEnv>()
    .get('/:id/opinions/:number', async (c) => {
      const id = c.req.param('id');
      const result = await services.documentReader.opinion(signedIn(c), id, c.req.param('number'));
      if (!result.ok) return refusal(c, result.error, id);
      return c.html(await renderOpinionPage(result.value, result.value.trail, { styleHref: documentCssPath }));
    })
    .get('/:id/decision-document', async (c) => {
      const id = c.req.param('id');
      const result = await services.documentReader.decision(signedIn(c), id);
      if (!result.ok) return refusal(c, result.error, id);
      return c.html(await renderDecisionPage(result.value, { styleHref: documentCssPath }));
    })
    .get('/:id/transfer-document', async (c) => {
      const id = c.req.param('id');
      const result = await services.documentReader.transfer(signedIn(c), id);
      if (!result.ok) return refusal(c, result.error, id);
      return c.html(await renderTransferPage(result.value, { styleHref: documentCssPath }));
    })
    .get('/:id/handover-document', async (c) => {
      const id = c.req.param('id');
      const result = await services.documentReader.handover(signedIn(c), id);
      if (!result.ok) return refusal(c, result.error, id);
      return c.html(await renderHandoverPage(result.value, { styleHref: documentCssPath }));
    });
}
