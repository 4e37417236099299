// /api/v1/cases/:id/opinions and /decision-document: the issued 审核意见书 and 决定书, as JSON or as a
// printable Chinese page. Each handler reads top to bottom: parse (400), read through the document reader, map.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import type { Result } from '../shared/result.js';
import { renderDecisionPage } from '../documents/decision-page.js';
import { renderOpinionPage } from '../documents/opinion-page.js';

/** `?format=json` (default) or `?format=html`. */
export const DocumentFormatQuerySchema = z.object({ format: z.enum(['json', 'html']).default('json') });
const NumberSchema = z.string().min(1).max(100);

/** The value as JSON, or its printable page as HTML; a refusal as a problem. */
async function answer<T>(c: Context, result: Result<T>, html: (value: T) => Promise<string>): Promise<Response> {
  if (!result.ok) return problem(c, result.error);
  const query = DocumentFormatQuerySchema.safeParse(c.req.query());
  if (!query.success) return validationProblem(c, query.error.issues);
  return query.data.format === 'html' ? c.html(await html(result.value)) : c.json(result.value as object);
}

/** The document routes, mounted under /api/v1/cases behind bearer auth. */
export function documentRoutes(services: Services) {
  return new Hono<AuthEnv>()
    .get('/:id/opinions', async (c) => {
      const result = await services.documentReader.opinions(c.var.user, c.req.param('id'));
      return result.ok ? c.json({ items: result.value }) : problem(c, result.error);
    })
    .get('/:id/opinions/:number', async (c) => {
      const number = NumberSchema.safeParse(c.req.param('number'));
      if (!number.success) return validationProblem(c, number.error.issues);
      const result = await services.documentReader.opinion(c.var.user, c.req.param('id'), number.data);
      return answer(c, result, (v) => renderOpinionPage(v, v.trail));
    })
    .get('/:id/decision-document', async (c) => {
      const result = await services.documentReader.decision(c.var.user, c.req.param('id'));
      return answer(c, result, (v) => renderDecisionPage(v));
    });
}
