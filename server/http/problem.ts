// RFC 9457 problem details: the only place that maps error kinds to HTTP statuses (the desk's pages use it
// too). Domain kinds come from server/shared/result.ts; the transport kinds (a body too large, of the wrong
// media type) arise in server/http before any domain code runs.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError, DomainErrorKind } from '../shared/result.js';
import { problemEntry } from './problems/catalogue.js';
import { problemLangOf, type ProblemLang } from './problems/language.js';

/** Refusals of the transport itself, decided here before a route runs. */
/** `internal` is the last line's 500 (app.onError), never a domain answer. */
export type TransportErrorKind = 'payload_too_large' | 'unsupported_media_type' | 'internal';
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
  internal: 500,
};

// Used only for a code the catalogue lacks (a test keeps that from happening for codes in the source).
const zhTitles: Record<ProblemKind, string> = {
  unauthorized: '需要登录',
  validation: '请求格式不正确',
  not_found: '找不到',
  forbidden: '无权执行此操作',
  invalid_transition: '当前阶段不允许此操作',
  conflict: '冲突',
  throttled: '尝试过于频繁',
  locked: '账户已被锁定',
  payload_too_large: '请求内容过大',
  unsupported_media_type: '不支持的内容类型',
  range_not_satisfiable: '请求的字节范围无效',
  internal: '系统出错',
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
  internal: 'Internal error',
};

/** The HTTP status of an error kind. */
export const statusOf = (kind: ProblemKind): ContentfulStatusCode => statuses[kind];

/** The problem `type` URI for a stable error code. */
export const problemType = (code: string): string => `/problems/${code.replace(/_/g, '-')}`;

/** The title and detail of `error` in `lang`: English keeps the occurrence's own detail; Chinese explains the code. */
function localised(error: ProblemError, lang: ProblemLang): { title: string; detail: string } {
  const entry = problemEntry(error.code)?.[lang];
  if (lang === 'en') return { title: entry?.title ?? titles[error.kind], detail: error.detail };
  const fields = error.errors?.length ? ` 出错的字段：${error.errors.map((e) => e.path || '(body)').join('、')}。` : '';
  return { title: entry?.title ?? zhTitles[error.kind], detail: (entry?.help ?? `${zhTitles[error.kind]}。`) + fields };
}

/** The problem body for an error in `lang` (default Chinese), extensions such as `allowedEvents` included. */
export function problemBody(error: ProblemError, instance?: string, lang: ProblemLang = 'zh-CN') {
  const { kind, code, detail: _detail, ...extensions } = error;
  return {
    type: problemType(code),
    ...localised(error, lang),
    status: statuses[kind],
    code,
    ...(instance ? { instance } : {}),
    ...extensions,
  };
}

/** Answers with `application/problem+json` in the language `Accept-Language` prefers (zh-CN by default). */
export function problem(c: Context, error: ProblemError): Response {
  const lang = problemLangOf(c.req.header('accept-language'));
  const body = problemBody(error, new URL(c.req.url).pathname, lang);
  return c.body(JSON.stringify(body), body.status, {
    'Content-Type': 'application/problem+json',
    'Content-Language': lang,
    Vary: 'Accept-Language',
  });
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
