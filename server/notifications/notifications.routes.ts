// The contracts of the inbox API under /api/v1/notifications: the caller's own messages with the unread count
// and their certificate warnings, and marking messages read. Handlers below; every user sees only their own.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { answerProblem, apiRouter, jsonResponse, problems } from '../http/openapi.js';
import type { Services } from '../services.js';
import { CertificateWarningSchema } from '../units/units.schemas.js';
import { certificateWarnings } from '../units/certificates.js';

const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().meta({ description: 'assigned, returned, due_soon, overdue, escalated, certificate_ending, certificate_ended' }),
    caseId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
const InboxSchema = z
  .object({ unread: z.number().int(), items: z.array(NotificationSchema), certificateWarnings: z.array(CertificateWarningSchema) })
  .meta({ id: 'Inbox' });

const inboxRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getInbox',
  summary: "The caller's inbox: newest messages, the unread count, and their own certificate warnings",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonResponse(InboxSchema, 'The inbox'), ...problems(400, 401) },
});
const readRoute = createRoute({
  method: 'post',
  path: '/{id}/read',
  operationId: 'markNotificationRead',
  summary: 'Mark one of the caller’s messages read',
  request: { params: z.object({ id: z.coerce.number().int().min(1) }) },
  responses: { 200: jsonResponse(z.object({ unread: z.number().int() }), 'The unread count now'), ...problems(400, 401, 404) },
});
const readAllRoute = createRoute({
  method: 'post',
  path: '/read-all',
  operationId: 'markAllNotificationsRead',
  summary: 'Mark every message of the caller read',
  responses: { 200: jsonResponse(z.object({ unread: z.number().int() }), 'The unread count now (0)'), ...problems(401) },
});

/** The inbox API, mounted under /api/v1/notifications behind bearer auth. */
export function notificationApi(services: Services) {
  const store = services.notifications;
  const unread = async (userId: string) => (await store.inbox(userId, 1)).unread;
  return apiRouter()
    .openapi(inboxRoute, async (c) => {
      const user = c.var.user;
      const inbox = await store.inbox(user.id, c.req.valid('query').limit);
      const today = services.now().toISOString().slice(0, 10);
      return c.json({ ...inbox, certificateWarnings: certificateWarnings(user, today, services.policy.staff.certificateWarningDays) }, 200);
    })
    .openapi(readRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.owns(c.var.user.id, id)))
        return answerProblem(c, { kind: 'not_found', code: 'notification_not_found', detail: `No message ${id} of yours.` });
      await store.markRead(c.var.user.id, id, services.now().toISOString());
      return c.json({ unread: await unread(c.var.user.id) }, 200);
    })
    .openapi(readAllRoute, async (c) => {
      await store.markRead(c.var.user.id, null, services.now().toISOString());
      return c.json({ unread: await unread(c.var.user.id) }, 200);
    });
}
