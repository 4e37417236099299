// The auditor's pages under /desk/audit, added to the desk through `deskExtensions`, so they sit behind
// the desk's session, CSRF check and sign-in. Invariant: nothing here answers a user outside
// `auditReaders`, and the whole-record verification runs only for `recordVerifiers`. All reads; no writes.
import { Hono, type Context } from 'hono';
import type { Services } from '../../services.js';
import type { DeskExtension } from '../desk.routes.js';
import { signedIn, type DeskEnv } from '../session.js';
import { messagePage, renderPage } from '../render.js';
import type { VerifyReport } from '../../../db/audit/audit-verify.js';
import { verifyDatabase } from '../../audit/verify.js';
import { loadCaseExport } from '../../audit/case-export.js';
import { renderCaseFilePage } from '../../audit/case-file-page.js';
import { renderResponsibilitySvg } from '../../audit/responsibility-svg.js';
import { auditReaders, holdsRole, recordVerifiers, requireRoles } from './audit-access.js';
import { listAuditCases, listOpenInquiries } from './audit-data.js';
import { auditCss, caseFileCss, caseFileForDesk, svgForDesk } from './audit-styles.js';
import { AuditHomePage } from './views/audit-home.page.js';
import { AuditCasePage } from './views/audit-case.page.js';
import { AccessLogPageView } from './views/access-log.page.js';
import { accessLogOf, readLogReaders } from '../../evidence/access-log.js';

const css = (text: string) => (c: Context<DeskEnv>) => c.body(text, 200, { 'Content-Type': 'text/css; charset=utf-8' });

/** The home page, with the verification report when one was just run. */
async function home(c: Context<DeskEnv>, services: Services, report: VerifyReport | null): Promise<Response> {
  const query = (c.req.query('q') ?? '').slice(0, 100);
  const [cases, inquiries] = await Promise.all([listAuditCases(services, query), listOpenInquiries(services)]);
  const canVerify = holdsRole(signedIn(c), recordVerifiers);
  return renderPage(
    c,
    <AuditHomePage desk={c.var.desk} cases={cases} query={query} inquiries={inquiries} report={report} canVerify={canVerify} />,
  );
}

/** The case's export for the signed-in user, or the desk's 404 page. */
async function exportOr404(c: Context<DeskEnv>, services: Services) {
  const data = await loadCaseExport(services, c.req.param('id')!, signedIn(c).displayName);
  return data ?? messagePage(c, 404, 'case_not_found', c.var.desk.t.errors.notFound);
}

/** The /desk/audit sub-app. */
export function auditDeskRoutes(services: Services) {
  return (
    new Hono<DeskEnv>()
      .use(
        '*',
        requireRoles(auditReaders, (desk) => desk.t.audit.forbidden),
      )
      .get('/static/audit.css', css(auditCss))
      .get('/static/case-file.css', css(caseFileCss))
      .get('/', (c) => home(c, services, null))
      // Read-only, but a POST: it costs real work (seconds on a large record), so a link or prefetch must not start it.
      .post(
        '/verify',
        requireRoles(recordVerifiers, (desk) => desk.t.audit.verifyForbidden),
        async (c) =>
          home(
            c,
            services,
            await verifyDatabase(services.database, {
              workers: 2,
              trustedKeys: services.signer.pinned,
              evidenceDir: services.evidence.files.dir,
            }),
          ),
      )
      .get('/cases/:id', async (c) => {
        const data = await exportOr404(c, services);
        if (data instanceof Response) return data;
        return renderPage(
          c,
          <AuditCasePage desk={c.var.desk} data={data} svg={svgForDesk(renderResponsibilitySvg(data.responsibility))} />,
        );
      })
      .get(
        '/cases/:id/access-log',
        requireRoles(readLogReaders, (desk) => desk.t.evidence.accessLogForbidden),
        async (c) => {
          const row = await services.store.get(c.req.param('id'));
          if (!row) return messagePage(c, 404, 'case_not_found', c.var.desk.t.errors.notFound);
          const after = Math.max(0, Number.parseInt(c.req.query('after') ?? '0', 10) || 0);
          const page = await accessLogOf(services, row.id, { after, limit: 200 });
          return renderPage(c, <AccessLogPageView desk={c.var.desk} caseId={row.id} title={row.title} page={page} />);
        },
      )
      .get('/cases/:id/export.json', async (c) => {
        const data = await exportOr404(c, services);
        if (data instanceof Response) return data;
        const name = `case-${data.case.id.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
        return c.json(data, 200, { 'Content-Disposition': `attachment; filename="${name}"` });
      })
      .get('/cases/:id/export.html', async (c) => {
        const data = await exportOr404(c, services);
        if (data instanceof Response) return data;
        return c.html(caseFileForDesk(await renderCaseFilePage(data, renderResponsibilitySvg(data.responsibility))));
      })
  );
}

/** Mounts the auditor's pages at /desk/audit (registered in `deskExtensions`). */
export const auditDesk: DeskExtension = (desk, services) => {
  desk.route('/audit', auditDeskRoutes(services));
};
