// The auditor's pages under /desk/audit, added to the desk through `deskExtensions`, so they sit behind
// the desk's session, CSRF check and sign-in. Invariant: every page answers only whom the access module's
// rules allow (`canOpenDeskPage(…, 'audit')`, `canReadCaseFile`, `canVerifyRecord`). All reads; no writes.
import { Hono, type Context } from 'hono';
import type { Services } from '../../services.js';
import type { DeskExtension } from '../desk.routes.js';
import { signedIn, type DeskEnv } from '../session.js';
import { renderPage } from '../render.js';
import type { VerifyReport } from '../../../db/audit/audit-verify.js';
import { canOpenDeskPage, canReadAccessLog, canReadCaseFile, canVerifyRecord } from '../../access/access-rules.js';
import { lookupCase, readableInquiries } from '../../access/case-lookup.js';
import { verifyDatabase } from '../../audit/verify.js';
import { loadCaseExport } from '../../audit/case-export.js';
import { renderCaseFilePage } from '../../audit/case-file-page.js';
import { renderResponsibilitySvg } from '../../audit/responsibility-svg.js';
import { refusalPage, requireAccess } from './audit-access.js';
import { listAuditCases, listOpenInquiries } from './audit-data.js';
import { auditCss, caseFileCss, caseFileForDesk, svgForDesk } from './audit-styles.js';
import { AuditHomePage } from './views/audit-home.page.js';
import { AuditCasePage } from './views/audit-case.page.js';
import { AccessLogPageView } from './views/access-log.page.js';
import { accessLogOf } from '../../evidence/access-log.js';

const css = (text: string) => (c: Context<DeskEnv>) => c.body(text, 200, { 'Content-Type': 'text/css; charset=utf-8' });

/** The home page, with the verification report when one was just run. */
async function home(c: Context<DeskEnv>, services: Services, report: VerifyReport | null): Promise<Response> {
  const user = signedIn(c);
  const query = (c.req.query('q') ?? '').slice(0, 100);
  const [cases, inquiries] = await Promise.all([listAuditCases(services, user, query), listOpenInquiries(services)]);
  const shown = await readableInquiries(services.store, user, inquiries);
  const canVerify = canVerifyRecord(user).ok;
  return renderPage(
    c,
    <AuditHomePage desk={c.var.desk} cases={cases} query={query} inquiries={shown} report={report} canVerify={canVerify} />,
  );
}

/** The case's export for the signed-in user, or the desk's refusal page (404 for a case they may not see). */
async function exportOrRefusal(c: Context<DeskEnv>, services: Services) {
  const user = signedIn(c);
  const found = await lookupCase(services.store, user, c.req.param('id') ?? '', canReadCaseFile);
  if (found.ok) return (await loadCaseExport(services, found.value.id, user.displayName))!;
  const { t } = c.var.desk;
  return refusalPage(c, found, found.error.kind === 'not_found' ? t.errors.notFound : t.audit.forbidden)!;
}

/** The /desk/audit sub-app. */
export function auditDeskRoutes(services: Services) {
  return (
    new Hono<DeskEnv>()
      .use(
        '*',
        requireAccess(
          (user) => canOpenDeskPage(user, 'audit'),
          (desk) => desk.t.audit.forbidden,
        ),
      )
      .get('/static/audit.css', css(auditCss))
      .get('/static/case-file.css', css(caseFileCss))
      .get('/', (c) => home(c, services, null))
      // Read-only, but a POST: it costs real work (seconds on a large record), so a link or prefetch must not start it.
      .post(
        '/verify',
        requireAccess(canVerifyRecord, (desk) => desk.t.audit.verifyForbidden),
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
        const data = await exportOrRefusal(c, services);
        if (data instanceof Response) return data;
        return renderPage(
          c,
          <AuditCasePage desk={c.var.desk} data={data} svg={svgForDesk(renderResponsibilitySvg(data.responsibility))} />,
        );
      })
      .get('/cases/:id/access-log', async (c) => {
        const found = await lookupCase(services.store, c.var.desk.user!, c.req.param('id'), canReadAccessLog);
        if (!found.ok) return refusalPage(c, { ok: false, error: found.error }, c.var.desk.t.evidence.accessLogForbidden)!;
        const row = found.value;
        const after = Math.max(0, Number.parseInt(c.req.query('after') ?? '0', 10) || 0);
        const page = await accessLogOf(services, row.id, { after, limit: 200 });
        return renderPage(c, <AccessLogPageView desk={c.var.desk} caseId={row.id} title={row.title} page={page} />);
      })
      .get('/cases/:id/export.json', async (c) => {
        const data = await exportOrRefusal(c, services);
        if (data instanceof Response) return data;
        const name = `case-${data.case.id.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
        return c.json(data, 200, { 'Content-Disposition': `attachment; filename="${name}"` });
      })
      .get('/cases/:id/export.html', async (c) => {
        const data = await exportOrRefusal(c, services);
        if (data instanceof Response) return data;
        return c.html(caseFileForDesk(await renderCaseFilePage(data, renderResponsibilitySvg(data.responsibility))));
      })
  );
}

/** Mounts the auditor's pages at /desk/audit (registered in `deskExtensions`). */
export const auditDesk: DeskExtension = (desk, services) => {
  desk.route('/audit', auditDeskRoutes(services));
};
