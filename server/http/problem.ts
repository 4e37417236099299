// RFC 9457 problem details: the only place that maps error kinds to HTTP statuses (the desk's pages use it
// too). Domain kinds come from server/shared/result.ts; the transport kinds (a body too large, of the wrong
// media type) arise in server/http before any domain code runs.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError, DomainErrorKind } from '../shared/result.js';

/** Refusals of the transport itself, decided here before a route runs. */
export type TransportErrorKind = 'payload_too_large' | 'unsupported_media_type';
export type ProblemKind = DomainErrorKind | TransportErrorKind;
/** A problem to answer with: a domain error, or a transport refusal with the same fields. */
export type ProblemError = Omit<DomainError, 'kind'> & { kind: ProblemKind; errors?: { path: string; message: string }[] };

const statuses: Record<ProblemKind, ContentfulStatusCode> = {
  unauthorized: 401,
  validation: 400,
  not_found: 404,
  forbidden: 403,
  invalid_transition: 422,
  conflict: 409,
  throttled: 429,
  locked: 423,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
};

const titles: Record<ProblemKind, string> = {
  unauthorized: 'Authentication required',
  validation: 'Malformed request',
  not_found: 'Not found',
  forbidden: 'Forbidden',
  invalid_transition: 'Event not allowed in the current state',
  conflict: 'Conflict',
  throttled: 'Too many attempts',
  locked: 'Account locked',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  range_not_satisfiable: 'Range not satisfiable',
};

/** The HTTP status of an error kind. */
export const statusOf = (kind: ProblemKind): ContentfulStatusCode => statuses[kind];

/** The problem `type` URI for a stable error code. */
export const problemType = (code: string): string => `/problems/${code.replace(/_/g, '-')}`;

/** The problem body for an error (extensions such as `allowedEvents` included). */
export function problemBody(error: ProblemError, instance?: string) {
  const { kind, code, detail, ...extensions } = error;
  return {
    type: problemType(code),
    title: titles[kind],
    status: statuses[kind],
    detail,
    code,
    ...(instance ? { instance } : {}),
    ...extensions,
  };
}

/** Answers with `application/problem+json`. */
export function problem(c: Context, error: ProblemError): Response {
  const body = problemBody(error, new URL(c.req.url).pathname);
  return c.body(JSON.stringify(body), body.status, { 'Content-Type': 'application/problem+json' });
}

/** A zod issue, or a message at a path. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** A 400 from zod issues, listing each as `{path, message}`. */
export function validationProblem(c: Context, issues: Issue[]): Response {
  const path = (i: Issue) => i.path.map(String).join('.');
  return problem(c, {
    kind: 'validation',
    code: 'malformed_request',
    detail: issues.map((i) => `${path(i) || '(body)'}: ${i.message}`).join('; '),
    errors: issues.map((i) => ({ path: path(i), message: i.message })),
  });
}
