// The handlers of the evidence API (contracts in evidence.routes.ts), and the read rule around every case
// read of the API: each successful GET under a case is logged (调阅记录) by the one rule in read-rule.ts.
import type { Context } from 'hono';
import type { Services } from '../services.js';
import type { AuthEnv } from '../http/auth.js';
import { answerProblem, apiRouter } from '../http/openapi.js';
import { canReadAccessLog, canReadCase } from '../access/access-rules.js';
import { lookupCase } from '../access/case-lookup.js';
import { fail, ok, type Result } from '../shared/result.js';
import { boundaryOf, fileOf, MultipartError } from './multipart.js';
import type { UploadInput } from './evidence-service.js';
import { serveEvidence } from './serve-evidence.js';
import { logCaseReads } from './read-rule.js';
import { accessLogOf } from './access-log.js';
import { accessLogRoute, getEvidenceRoute, listEvidenceRoute, uploadEvidenceRoute } from './evidence.routes.js';

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

/** An evidence upload: its body is a file, streamed by its route under the policy's limit for its media type. */
export function isEvidenceUpload(c: Context): boolean {
  return c.req.method === 'POST' && /\/api\/v1\/cases\/[^/]+\/evidence$/.test(c.req.path);
}

/** The read rule on the API's case reads (mounted before every case route, so it wraps them all). */
export function apiReadLog(services: Services) {
  return logCaseReads(services.readLog, {
    channel: 'api',
    trustedProxyHops: services.policy.signIn.trustedProxyHops,
    userOf: (c) => (c as Context<AuthEnv>).var.user,
    list: '/api/v1/cases',
  });
}

/** The evidence API, mounted at /api/v1 behind bearer auth. */
export function evidenceApi(services: Services) {
  return apiRouter()
    .openapi(uploadEvidenceRoute, async (c) => {
      const uploaded = await services.evidence
        .upload(c.var.user, c.req.valid('param').id, () => uploadInput(c, c.req.valid('query').filename))
        .catch((error: unknown) => {
          // A form that breaks off inside the file part: nothing was kept (the store removed its temp file).
          if (error instanceof MultipartError) return fail({ kind: 'validation', code: 'malformed_multipart', detail: error.message });
          throw error;
        });
      if (!uploaded.ok) return answerProblem(c, uploaded.error);
      const { id, sha256, size, mediaType, filename } = uploaded.value;
      return c.json({ evidenceId: id, sha256, size, mediaType, filename }, 201);
    })
    .openapi(listEvidenceRoute, async (c) => {
      const found = await lookupCase(services.store, c.var.user, c.req.valid('param').id, canReadCase);
      if (!found.ok) return answerProblem(c, found.error);
      const rows = await services.evidence.list(found.value.id);
      return c.json({ items: rows.map(({ id, ...rest }) => ({ evidenceId: id, ...rest })) }, 200);
    })
    .openapi(getEvidenceRoute, async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      const found = await lookupCase(services.store, c.var.user, id, canReadCase);
      if (!found.ok) return answerProblem(c, found.error);
      const file = await services.evidence.get(id, evidenceId);
      return (file.ok ? serveEvidence(c, services.evidence.files, file.value) : answerProblem(c, file.error)) as never;
    })
    .openapi(accessLogRoute, async (c) => {
      const found = await lookupCase(services.store, c.var.user, c.req.valid('param').id, canReadAccessLog);
      if (!found.ok) return answerProblem(c, found.error);
      return c.json(await accessLogOf(services, found.value.id, c.req.valid('query')), 200);
    });
}
