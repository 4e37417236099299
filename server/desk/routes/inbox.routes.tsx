// The inbox (/desk/inbox, every signed-in user: their own messages) and the admin's webhook delivery page
// (/desk/admin/webhooks, `canOpenDeskPage(webhooks)`), with their forms.
import { Hono } from 'hono';
import type { Services } from '../../services.js';
import { signedIn, type DeskEnv } from '../session.js';
import { renderPage } from '../render.js';
import { canOpenDeskPage } from '../../access/access-rules.js';
import { requireAccess } from '../audit/audit-access.js';
import { InboxPage } from '../views/inbox.page.js';
import { WebhooksPage } from '../views/webhooks.page.js';
import { certificateWarnings } from '../../units/certificates.js';

/** GET /desk/inbox, POST /desk/inbox/read-all, GET /desk/admin/webhooks, POST …/deliveries/:id/retry. */
export function inboxRoutes(services: Services) {
  const requireWebhooks = requireAccess(
    (user) => canOpenDeskPage(user, 'webhooks'),
    (desk) => desk.t.errors.pageForbidden,
  );
  return new Hono<DeskEnv>()
    .use('/admin/webhooks', requireWebhooks)
    .use('/admin/webhooks/*', requireWebhooks)
    .get('/inbox', async (c) => {
      const user = signedIn(c);
      const { unread, items } = await services.notifications.inbox(user.id, 100);
      const warnings = certificateWarnings(user, services.now().toISOString().slice(0, 10), services.policy.staff.certificateWarningDays);
      return renderPage(c, <InboxPage desk={c.var.desk} unread={unread} items={items} warnings={warnings} />);
    })
    .post('/inbox/read-all', async (c) => {
      await services.notifications.markRead(signedIn(c).id, null, services.now().toISOString());
      return c.redirect('/desk/inbox', 303);
    })
    .get('/admin/webhooks', async (c) => {
      const hooks = (await services.webhooks.list()).map(({ secret: _secret, ...h }) => h);
      const [deliveries, dead] = await Promise.all([services.webhooks.deliveries(null, 100), services.webhooks.deliveries('dead', 100)]);
      return renderPage(c, <WebhooksPage desk={c.var.desk} hooks={hooks} deliveries={deliveries} dead={dead} />);
    })
    .post('/admin/webhooks/deliveries/:id/retry', async (c) => {
      const now = services.now();
      await services.webhooks.revive(Number(c.req.param('id')) || 0, now.getTime(), now.toISOString());
      return c.redirect('/desk/admin/webhooks', 303);
    });
}
