// Evidence API under /api/v1: upload a file to a case (raw body or multipart `file`), list and fetch a
// case's files (with range requests), the case's read log for auditors, and the case file as a ZIP. Every
// successful GET under a case is logged here by the one read rule (read-rule.ts), for the other routes too.
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import { problem, validationProblem } from '../http/problem.js';
import { refuseRoles } from '../audit/audit.routes.js';
import { loadCaseExport } from '../audit/case-export.js';
import { renderCaseFilePage } from '../audit/case-file-page.js';
import { renderResponsibilitySvg } from '../audit/responsibility-svg.js';
import { fail, ok, type Result } from '../shared/result.js';
import { boundaryOf, fileOf, MultipartError } from './multipart.js';
import type { UploadInput } from './evidence-service.js';
import { serveEvidence, contentDisposition } from './serve-evidence.js';
import { logCaseReads } from './read-rule.js';
import { caseBundle } from './case-bundle.js';
import { zipSize, zipStream } from './zip-stream.js';
import { accessLogOf, readLogReaders } from './access-log.js';

const UploadQuerySchema = z.object({ filename: z.string().max(1000).optional() });
const AccessLogQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** The request body as chunks; the stream is not cancelled when reading stops early (the server drains it). */
function bodyChunks(c: Context): AsyncIterable<Uint8Array> {
  const body = c.req.raw.body as (ReadableStream<Uint8Array> & { values(o: { preventCancel: boolean }): AsyncIterable<Uint8Array> }) | null;
  return body ? body.values({ preventCancel: true }) : (async function* () {})();
}

/** The upload as the request carries it: a raw body with its Content-Type, or the `file` part of a form. */
async function uploadInput(c: Context, filename: string | undefined): Promise<Result<UploadInput>> {
  const type = c.req.header('Content-Type');
  const boundary = boundaryOf(type);
  const length = c.req.header('Content-Length');
  if (!boundary) {
    return ok({ body: bodyChunks(c), contentType: type, filename, declaredLength: length ? Number(length) : undefined });
  }
  try {
    const part = await fileOf(bodyChunks(c), boundary);
    return ok({ body: part.body, contentType: part.contentType ?? undefined, filename: filename ?? part.filename });
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    return fail({ kind: 'validation', code: 'malformed_multipart', detail: error.message });
  }
}

/** 404 unless the case exists. */
async function caseOr404(c: Context, services: Services): Promise<Response | null> {
  if (await services.store.get(c.req.param('id')!)) return null;
  return problem(c, { kind: 'not_found', code: 'case_not_found', detail: `No case ${c.req.param('id')}.` });
}

/** The evidence routes, mounted at /api/v1 before the other case routes (the read log wraps them all). */
export function evidenceRoutes(services: Services) {
  return new Hono<AuthEnv>()
    .use(
      '*',
      logCaseReads(services.readLog, {
        channel: 'api',
        trustedProxyHops: services.policy.signIn.trustedProxyHops,
        userOf: (c) => (c as Context<AuthEnv>).var.user,
        list: '/api/v1/cases',
      }),
    )
    .post('/cases/:id/evidence', async (c) => {
      const query = UploadQuerySchema.safeParse(c.req.query());
      if (!query.success) return validationProblem(c, query.error.issues);
      const uploaded = await services.evidence
        .upload(c.var.user, c.req.param('id'), () => uploadInput(c, query.data.filename))
        .catch((error: unknown) => {
          // A form that breaks off inside the file part: nothing was kept (the store removed its temp file).
          if (error instanceof MultipartError) return fail({ kind: 'validation', code: 'malformed_multipart', detail: error.message });
          throw error;
        });
      if (!uploaded.ok) return problem(c, uploaded.error);
      const { id, sha256, size, mediaType, filename } = uploaded.value;
      return c.json({ evidenceId: id, sha256, size, mediaType, filename }, 201);
    })
    .get('/cases/:id/evidence', async (c) => {
      const missing = await caseOr404(c, services);
      if (missing) return missing;
      const rows = await services.evidence.list(c.req.param('id'));
      return c.json({ items: rows.map(({ id, ...rest }) => ({ evidenceId: id, ...rest })) });
    })
    .get('/cases/:id/evidence/:evidenceId', async (c) => {
      const found = await services.evidence.get(c.req.param('id'), c.req.param('evidenceId'));
      return found.ok ? serveEvidence(c, services.evidence.files, found.value) : problem(c, found.error);
    })
    .get('/cases/:id/access-log', async (c) => {
      const query = AccessLogQuerySchema.safeParse(c.req.query());
      if (!query.success) return validationProblem(c, query.error.issues);
      const refused = (await caseOr404(c, services)) ?? refuseRoles(c, [...readLogReaders]);
      if (refused) return refused;
      return c.json(await accessLogOf(services, c.req.param('id'), query.data));
    })
    .get('/cases/:id/export', async (c, next) => {
      // Only the ZIP is answered here; JSON and HTML stay with the audit routes.
      if (c.req.query('format') !== 'zip') return next();
      const refused = (await caseOr404(c, services)) ?? refuseRoles(c, ['auditor', 'admin', 'head']);
      if (refused) return refused;
      const data = (await loadCaseExport(services, c.req.param('id'), c.var.user.displayName))!;
      const html = await renderCaseFilePage(data, renderResponsibilitySvg(data.responsibility));
      const entries = await caseBundle(data, html, services.evidence.files);
      if (!entries.ok) return problem(c, entries.error);
      const stream = Readable.toWeb(Readable.from(zipStream(entries.value, new Date(data.exportedAt)))) as ReadableStream<Uint8Array>;
      return c.body(stream, 200, {
        'Content-Type': 'application/zip',
        'Content-Length': String(zipSize(entries.value)),
        'Content-Disposition': contentDisposition(`case-${data.case.id}.zip`, 'attachment'),
      });
    });
}
