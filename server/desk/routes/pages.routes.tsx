// The list pages: the queue (待办队列), the head's decisions and the clerk's duties, each open to whom
// `canOpenDeskPage` allows.
import { Hono, type Context } from 'hono';
import { caseEventTypes, type CaseEventType } from '../../../machines/case/case.events.js';
import type { Services } from '../../services.js';
import { signedIn, type DeskEnv } from '../session.js';
import { loadQueue } from '../queue-data.js';
import { messagePage, renderPage } from '../render.js';
import { canOpenDeskPage, canVerifyRecord, type DeskPageKey } from '../../access/access-rules.js';
import { QueueFiltersSchema, tabCounts, tabPage, tabsFor } from '../queue-tabs.js';
import { WorkQueuePage } from '../views/work-queue.page.js';
import type { AuditorSummary } from '../views/parts/auditor-panel.js';
import { listOpenInquiries } from '../audit/audit-data.js';
import { requireAccess } from '../audit/audit-access.js';
import { QueuePage } from '../views/queue.page.js';
import { ClerkPage } from '../views/clerk.page.js';

/** The "done" notice after a redirect (`?done=<event type>`), for known event types only. */
export function doneNotice(c: Context<DeskEnv>): string | undefined {
  const done = c.req.query('done');
  const { t } = c.var.desk;
  return done && (caseEventTypes as readonly string[]).includes(done) ? t.flash.done(t.events[done as CaseEventType]) : undefined;
}

/** The page number shown in the caption (display only: the cursor decides the rows). */
const pageNumber = (value: string | undefined) => Math.min(Math.max(Number.parseInt(value ?? '1', 10) || 1, 1), 1_000_000);

/** The auditor's overview: the latest signed checkpoint and up to ten open inquiries. */
async function auditorSummary(services: Services): Promise<AuditorSummary> {
  const latest = await services.checkpoints.latest();
  const inquiries = (await listOpenInquiries(services)).slice(0, 10);
  return { checkpoint: latest ? { sequence: latest.sequence, at: latest.at } : null, inquiries };
}

/** Refuses a page the access module does not open to the signed-in user (the navigation hides it too). */
const requirePage = (page: DeskPageKey) =>
  requireAccess(
    (user) => canOpenDeskPage(user, page),
    (desk) => desk.t.errors.pageForbidden,
  );

/** GET /desk, /desk/head and /desk/clerk. */
export function pageRoutes(services: Services) {
  return new Hono<DeskEnv>()
    .use('/head', requirePage('head'))
    .use('/clerk', requirePage('clerk'))
    .get('/', async (c) => {
      const user = signedIn(c);
      const tabs = tabsFor(user);
      const asked = c.req.query('tab');
      const tab = tabs.find((k) => k === asked) ?? tabs[0]!;
      const filters = QueueFiltersSchema.parse(c.req.query());
      const page = await tabPage(services, user, tab, filters, c.req.query('cursor') || undefined);
      if (!page.ok) return messagePage(c, 400, page.error.code, c.var.desk.t.queue.badCursor);
      const props = {
        tab,
        filters,
        counts: await tabCounts(services, user, filters),
        rows: page.value.rows,
        nextCursor: page.value.nextCursor,
        page: pageNumber(c.req.query('page')),
        auditor: canVerifyRecord(user).ok ? await auditorSummary(services) : undefined,
      };
      return renderPage(c, <WorkQueuePage desk={c.var.desk} now={services.now()} notice={doneNotice(c)} {...props} />);
    })
    .get('/head', async (c) => {
      const sections = await loadQueue(services, signedIn(c), ['decide']);
      return renderPage(
        c,
        <QueuePage
          desk={c.var.desk}
          sections={{ decide: sections.decide ?? [] }}
          now={services.now()}
          title={c.var.desk.t.head.title}
          current="head"
          notice={doneNotice(c)}
        />,
      );
    })
    .get('/clerk', async (c) => {
      const sections = await loadQueue(services, signedIn(c), ['duties']);
      return renderPage(c, <ClerkPage desk={c.var.desk} rows={sections.duties ?? []} notice={doneNotice(c)} />);
    });
}
