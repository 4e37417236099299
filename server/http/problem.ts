// RFC 9457 problem details: the only place that maps domain error kinds to HTTP statuses.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError, DomainErrorKind } from '../shared/result.js';

const statusOf: Record<DomainErrorKind, ContentfulStatusCode> = {
  unauthorized: 401,
  validation: 400,
  not_found: 404,
  forbidden: 403,
  invalid_transition: 422,
  conflict: 409,
  throttled: 429,
  locked: 423,
  too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
};

const titleOf: Record<DomainErrorKind, string> = {
  unauthorized: 'Authentication required',
  validation: 'Malformed request',
  not_found: 'Not found',
  forbidden: 'Forbidden',
  invalid_transition: 'Event not allowed in the current state',
  conflict: 'Conflict',
  throttled: 'Too many attempts',
  locked: 'Account locked',
  too_large: 'Content too large',
  unsupported_media_type: 'Unsupported media type',
  range_not_satisfiable: 'Range not satisfiable',
};

/** The problem `type` URI for a stable error code. */
export const problemType = (code: string): string => `/problems/${code.replace(/_/g, '-')}`;

/** The problem body for a domain error (extensions such as `allowedEvents` included). */
export function problemBody(error: DomainError, instance?: string) {
  const { kind, code, detail, ...extensions } = error;
  return {
    type: problemType(code),
    title: titleOf[kind],
    status: statusOf[kind],
    detail,
    code,
    ...(instance ? { instance } : {}),
    ...extensions,
  };
}

/** Answers with `application/problem+json`. */
export function problem(c: Context, error: DomainError): Response {
  const body = problemBody(error, new URL(c.req.url).pathname);
  return c.body(JSON.stringify(body), body.status, { 'Content-Type': 'application/problem+json' });
}

/** A 400 from zod issues, listing each as `{path, message}`. */
export function validationProblem(c: Context, issues: { path: PropertyKey[]; message: string }[]): Response {
  return problem(c, {
    kind: 'validation',
    code: 'malformed_request',
    detail: issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`).join('; '),
    ...({ errors: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) } as object),
  } as DomainError);
}
