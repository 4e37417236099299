// The handlers of the documents API (contracts in documents.routes.ts). Who may read is decided by the
// access module (`canReadDocuments`) inside the document reader; a printable page carries a CSP that allows
// only its own inline stylesheet, by hash.
import type { Services } from '../services.js';
import { answerProblem, apiRouter } from '../http/openapi.js';
import { printablePageCsp } from '../http/security-headers.js';
import { documentStyles } from '../documents/document-page.js';
import { renderDecisionPage } from '../documents/decision-page.js';
import { renderOpinionPage } from '../documents/opinion-page.js';
import { renderTransferPage } from '../documents/transfer-page.js';
import { renderHandoverPage } from '../documents/handover-page.js';
import {
  getDecisionDocumentRoute,
  getHandoverDocumentRoute,
  getOpinionRoute,
  getTransferDocumentRoute,
  listOpinionsRoute,
} from './documents.routes.js';

const pageCsp = printablePageCsp([documentStyles]);
const pageHeaders = { 'Content-Security-Policy': pageCsp };

/** The document routes, mounted under /api/v1/cases behind bearer auth. */
export function documentApi(services: Services) {
  const reader = services.documentReader;
  return apiRouter()
    .openapi(listOpinionsRoute, async (c) => {
      const result = await reader.opinions(c.var.user, c.req.valid('param').id);
      return result.ok ? c.json({ items: result.value }, 200) : answerProblem(c, result.error);
    })
    .openapi(getOpinionRoute, async (c) => {
      const { id, number } = c.req.valid('param');
      const result = await reader.opinion(c.var.user, id, number);
      if (!result.ok) return answerProblem(c, result.error);
      if (c.req.valid('query').format === 'json') return c.json(result.value, 200);
      return c.html(await renderOpinionPage(result.value, result.value.trail), 200, pageHeaders) as never;
    })
    .openapi(getDecisionDocumentRoute, async (c) => {
      const result = await reader.decision(c.var.user, c.req.valid('param').id);
      if (!result.ok) return answerProblem(c, result.error);
      if (c.req.valid('query').format === 'json') return c.json(result.value, 200);
      return c.html(await renderDecisionPage(result.value), 200, pageHeaders) as never;
    })
    .openapi(getTransferDocumentRoute, async (c) => {
      const result = await reader.transfer(c.var.user, c.req.valid('param').id);
      if (!result.ok) return answerProblem(c, result.error);
      if (c.req.valid('query').format === 'json') return c.json(result.value, 200);
      return c.html(await renderTransferPage(result.value), 200, pageHeaders) as never;
    })
    .openapi(getHandoverDocumentRoute, async (c) => {
      const result = await reader.handover(c.var.user, c.req.valid('param').id);
      if (!result.ok) return answerProblem(c, result.error);
      if (c.req.valid('query').format === 'json') return c.json(result.value, 200);
      return c.html(await renderHandoverPage(result.value), 200, pageHeaders) as never;
    });
}
