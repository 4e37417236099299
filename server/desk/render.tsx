// Turning views and domain results into HTTP answers for the desk: full HTML documents, and refusal
// pages whose status comes from the API's own kind → status map (server/http/problem.ts), so they agree.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DomainError } from '../shared/result.js';
import { statusOf } from '../http/problem.js';
import type { DeskEnv } from './session.js';
import { ProblemPage } from './views/problem.page.js';

/** Answers with a complete HTML document. */
export async function renderPage(
  c: Context<DeskEnv>,
  node: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  // A hono/jsx element renders through toString(), which is async only if an async component is inside.
  const text = await ((await node) as { toString(): string | Promise<string> }).toString();
  return c.html(`<!DOCTYPE html>${text}`, status);
}

/** A refusal page for a domain error; `caseId` makes the way back lead to the case. */
export function errorPage(c: Context<DeskEnv>, error: Pick<DomainError, 'kind' | 'code'>, caseId?: string): Promise<Response> {
  const { t } = c.var.desk;
  const message = {
    unauthorized: t.signIn.required,
    validation: t.errors.validation,
    not_found: t.errors.notFound,
    forbidden: t.errors.forbidden,
    invalid_transition: t.errors.notAllowed,
    conflict: t.errors.conflict,
    throttled: t.signIn.throttled,
    locked: t.signIn.locked,
    payload_too_large: t.errors.tooLarge,
    unsupported_media_type: t.errors.validation,
    range_not_satisfiable: t.errors.notFound,
  }[error.kind];
  const back = caseId ? `/desk/cases/${encodeURIComponent(caseId)}` : '/desk';
  return renderPage(
    c,
    <ProblemPage
      desk={c.var.desk}
      message={message}
      code={error.code}
      backHref={back}
      backLabel={caseId ? t.errors.reload : t.errors.back}
    />,
    statusOf(error.kind),
  );
}

/** The 403 page for a form without a valid CSRF token. */
export function csrfRefusal(c: Context<DeskEnv>): Promise<Response> {
  const { t } = c.var.desk;
  return renderPage(
    c,
    <ProblemPage desk={c.var.desk} message={t.errors.csrf} code="csrf_failed" backHref="/desk" backLabel={t.errors.back} />,
    403,
  );
}

/** A refusal page with a custom message (e.g. no review form for this user). */
export function messagePage(
  c: Context<DeskEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  caseId?: string,
): Promise<Response> {
  const { t } = c.var.desk;
  const back = caseId ? `/desk/cases/${encodeURIComponent(caseId)}` : '/desk';
  return renderPage(
    c,
    <ProblemPage desk={c.var.desk} message={message} code={code} backHref={back} backLabel={caseId ? t.case.back : t.errors.back} />,
    status,
  );
}
