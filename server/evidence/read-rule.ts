// The one rule of what counts as reading a case (调阅, seed §9(2)): every successful GET of a path under a
// case, through the API or the desk, is a read of that case, logged with who, when, what and from where.
// The API and the desk both install `logCaseReads`; nothing else decides what is logged.
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { User } from '../../db/users/user-store.js';
import { clientAddress } from '../users/client-address.js';
import type { ReadLog } from './read-log.js';

/** What a path reads: the case, the resource (`case`, `events`, `evidence`, …) and the item within it. */
export interface CaseRead {
  caseId: string;
  resource: string;
  target: string | null;
}

/** Case paths of the API (`/api/v1/cases/:id/...`) and the desk (`/desk/cases/:id/...`, `/desk/audit/cases/:id/...`). */
const casePath = /^\/(?:api\/v1|desk(?:\/audit)?)\/cases\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/;

/** The read a request path stands for, or null when it is not under one case. */
export function caseReadOf(path: string, query: URLSearchParams): CaseRead | null {
  const match = casePath.exec(path);
  if (!match) return null;
  const [, caseId, sub, item] = match;
  const resource = (sub ?? 'case').replace(/\.(json|html)$/, '');
  const target = item ?? (resource === 'export' ? (query.get('format') ?? 'json') : sub?.includes('.') ? sub.split('.')[1]! : null);
  return { caseId: safeDecode(caseId!), resource, target: target && safeDecode(target) };
}

/** A percent-decoded segment, or the raw text when it is not valid percent-encoding (`%` alone, say). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Case ids in a list answer (`{items: [{id}]}`), read from a copy of the response. */
async function listedCases(c: Context): Promise<string[]> {
  try {
    const body = (await c.res.clone().json()) as { items?: { id?: unknown }[] };
    return (body.items ?? []).map((i) => String(i.id));
  } catch {
    return [];
  }
}

/**
 * Logs every successful GET under a case for the user `userOf` finds; `lists` also logs each case a list
 * answer (GET /cases) carried, since its views include each case's draft.
 */
export function logCaseReads(
  log: ReadLog,
  options: { channel: 'api' | 'desk'; trustedProxyHops: number; userOf: (c: Context) => User | null | undefined; list?: string },
): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status >= 400) return;
    const user = options.userOf(c);
    if (!user) return;
    const url = new URL(c.req.url);
    const route = url.pathname.slice(0, 500);
    const base = { userId: user.id, channel: options.channel, route, address: clientAddress(c, options.trustedProxyHops) };
    const read = caseReadOf(url.pathname, url.searchParams);
    const range = c.req.header('Range')?.slice(0, 100);
    if (read) log.note({ ...base, ...read, target: range && read.resource === 'evidence' ? `${read.target} ${range}` : read.target });
    else if (url.pathname === options.list) {
      for (const caseId of await listedCases(c)) log.note({ ...base, caseId, resource: 'case', target: 'list' });
    }
  });
}
