// Headers every response carries: `nosniff` everywhere; `no-store` on authenticated content (the API and the
// desk) unless a route chose a cache policy; a Content-Security-Policy on every HTML page, the strictest one
// unless the page set its own (the desk's, or a printable page's with the hashes of its inline styles).
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';

/** The CSP of an HTML page that declared none: nothing runs, nothing loads but same-origin styles and images. */
export const defaultHtmlCsp =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Paths whose answers depend on who asks (bearer token or desk session). */
const authenticated = /^\/(api\/v1|desk)(\/|$)/;

/** The `'sha256-…'` source that allows one inline `<style>` element with exactly this text. */
export const styleHash = (css: string): string => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

/**
 * The CSP of a standalone printable page (the case-file export, later opinion pages): no script, no
 * external asset, no form; only the inline stylesheets given, by hash, and inline images (the SVG chain).
 */
export function printablePageCsp(styles: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src ${styles.map(styleHash).join(' ')}`,
    'img-src data:',
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Adds the headers after the route answered (so a route's own choices win). */
export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await next();
    // Names and values decided first, then set: reading `c.res.headers` keeps @hono/node-server's fast path.
    const headers = c.res.headers;
    const noStore = authenticated.test(c.req.path) && !headers.has('Cache-Control');
    const csp = !headers.has('Content-Security-Policy') && /^text\/html\b/i.test(headers.get('Content-Type') ?? '');
    try {
      headers.set('X-Content-Type-Options', 'nosniff');
      if (noStore) headers.set('Cache-Control', 'no-store');
      if (csp) headers.set('Content-Security-Policy', defaultHtmlCsp);
    } catch {
      // A response with immutable headers (e.g. Response.redirect): c.header copies it first.
      c.header('X-Content-Type-Options', 'nosniff');
      if (noStore) c.header('Cache-Control', 'no-store');
      if (csp) c.header('Content-Security-Policy', defaultHtmlCsp);
    }
  });
}
