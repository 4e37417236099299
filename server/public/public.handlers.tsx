// The handlers of the public register and the publication preview (contracts in public.routes.ts). Who may read
// is the access module's (canReadPublicRegister, canPreviewPublication); the content is built by the same
// function the clerk publishes with, so the preview is exactly what `publication.publish` records.
import type { Env } from 'hono';
import type { Services } from '../services.js';
import { answerProblem, apiRouter } from '../http/openapi.js';
import { canPreviewPublication, canReadPublicRegister } from '../access/access-rules.js';
import { lookupCase } from '../access/case-lookup.js';
import { publicationContent } from './publication-content.js';
import { PublicDecisionsPage, publicPageStyles, type PublicEntry } from './public-page.js';
import { printablePageCsp } from '../http/security-headers.js';
import { listPublicDecisions, publicationPreview } from './public.routes.js';

const pageCsp = printablePageCsp([publicPageStyles]);

/** Mounted at /public, outside the bearer-auth API. */
export function publicApi(services: Services) {
  return apiRouter<Env>().openapi(listPublicDecisions, async (c) => {
    const access = canReadPublicRegister();
    if (!access.ok) return answerProblem(c, access.error);
    const { limit, offset, format } = c.req.valid('query');
    const page = await services.publications.listed(limit, offset);
    const items = page.items.map((r) => ({ id: r.caseId, publishedOn: r.publishedOn, content: r.content })) as PublicEntry[];
    if (format === 'html') {
      // Without its own CSP the default one (style-src 'self') would block the page's inline stylesheet.
      c.header('Content-Security-Policy', pageCsp);
      return c.html(<PublicDecisionsPage items={items} total={page.total} offset={offset} limit={limit} />);
    }
    return c.json({ items, total: page.total, limit, offset }, 200);
  });
}

/** Mounted under /api/v1/cases behind bearer auth. */
export function publicationPreviewApi(services: Services) {
  return apiRouter().openapi(publicationPreview, async (c) => {
    const found = await lookupCase(services.store, c.var.user, c.req.valid('param').id, canPreviewPublication);
    if (!found.ok) return answerProblem(c, found.error);
    const loaded = await services.cases.load(found.value.id);
    const content = loaded && publicationContent(loaded.snapshot.context, loaded.draft, services.policy.publication);
    if (!content)
      return answerProblem(c, { kind: 'invalid_transition', code: 'case_not_decided', detail: 'The case has no decision to publish.' });
    return c.json(content, 200);
  });
}
