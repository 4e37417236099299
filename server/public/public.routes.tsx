// The public register (`GET /public/decisions`, no sign-in): published decisions not withdrawn, as JSON or
// HTML (`?format=html`), one bounded page at a time; and, behind sign-in, the preview of what a case's
// publication would say (`GET /api/v1/cases/:id/publication-preview`), built by the same function the clerk
// publishes with.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { publicationContent } from './publication-content.js';
import { PublicDecisionsPage, type PublicEntry } from './public-page.js';

export const PublicListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'html']).default('json'),
});

/** Mounted at /public, outside the bearer-auth API. */
export function publicRoutes(services: Services) {
  return new Hono().get('/decisions', async (c) => {
    const query = PublicListQuerySchema.safeParse(c.req.query());
    if (!query.success) return validationProblem(c, query.error.issues);
    const { limit, offset, format } = query.data;
    const page = await services.publications.listed(limit, offset);
    const items = page.items.map((r) => ({ id: r.caseId, publishedOn: r.publishedOn, content: r.content })) as PublicEntry[];
    if (format === 'html') return c.html(<PublicDecisionsPage items={items} total={page.total} offset={offset} limit={limit} />);
    return c.json({ items, total: page.total, limit, offset });
  });
}

const previewers = ['clerk', 'head', 'auditor'];

/** Mounted under /api/v1/cases behind bearer auth. */
export function publicationPreviewRoutes(services: Services) {
  return new Hono<AuthEnv>().get('/:id/publication-preview', async (c) => {
    const id = c.req.param('id');
    const loaded = await services.cases.load(id);
    if (!loaded) return problem(c, { kind: 'not_found', code: 'case_not_found', detail: `No case ${id}.` });
    if (!c.var.user.roles.some((r) => previewers.includes(r))) {
      return problem(c, { kind: 'forbidden', code: 'wrong_role', detail: 'Publication previews are for clerks, heads and auditors.' });
    }
    const content = publicationContent(loaded.snapshot.context, loaded.draft, services.policy.publication);
    if (!content)
      return problem(c, { kind: 'invalid_transition', code: 'case_not_decided', detail: 'The case has no decision to publish.' });
    return c.json(content);
  });
}
