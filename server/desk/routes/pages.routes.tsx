// The list pages: the queue (待办队列), the head's decisions and the clerk's duties, each open to whom
// `canOpenDeskPage` allows.
import { Hono, type Context } from 'hono';
import { caseEventTypes, type CaseEventType } from '../../../machines/case/case.events.js';
import type { Services } from '../../services.js';
import { signedIn, type DeskEnv } from '../session.js';
import { loadQueue } from '../queue-data.js';
import { renderPage } from '../render.js';
import { canOpenDeskPage, type DeskPageKey } from '../../access/access-rules.js';
import { requireAccess } from '../audit/audit-access.js';
import { QueuePage } from '../views/queue.page.js';
import { ClerkPage } from '../views/clerk.page.js';

/** The "done" notice after a redirect (`?done=<event type>`), for known event types only. */
export function doneNotice(c: Context<DeskEnv>): string | undefined {
  const done = c.req.query('done');
  const { t } = c.var.desk;
  return done && (caseEventTypes as readonly string[]).includes(done) ? t.flash.done(t.events[done as CaseEventType]) : undefined;
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
      const sections = await loadQueue(services, signedIn(c));
      return renderPage(c, <QueuePage desk={c.var.desk} sections={sections} now={services.now()} notice={doneNotice(c)} />);
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
