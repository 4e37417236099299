// One probe per row of the matrix in docs/access.md: the request a role makes on that route or page. API
// probes carry the role's bearer token; desk probes go through that role's signed-in DeskClient.
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { ReviewItemKeys } from '../../../machines/case/case.events.js';
import { sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import type { DeskClient } from '../desk/desk-client.js';
import { assignedCase, decidedCase, openedCase, type MatrixWorld } from './matrix-fixtures.js';
import { samplePng } from '../../../server/demo/sample-files.js';
import { demoUnitIds } from '../../../server/demo/demo-units.js';
import { notificationRows } from '../../../db/notifications/notification-store.js';
import { coercionDraft } from '../coercion/coercion-fixtures.js';
import { licenceDraft } from '../licence/licence-fixtures.js';
import { executionDraft } from '../execution/execution-fixtures.js';

export interface ProbeContext {
  t: TestApp;
  world: MatrixWorld;
  user: DemoUserName;
  desk: DeskClient;
}
type Probe = (p: ProbeContext) => Promise<Response>;

const api = (method: string, path: (w: MatrixWorld) => string, body?: (p: ProbeContext) => unknown | Promise<unknown>): Probe => {
  return async (p) => p.t.call(method, path(p.world), p.user, body ? await body(p) : undefined);
};
const page =
  (path: (w: MatrixWorld) => string): Probe =>
  (p) =>
    p.desk.get(path(p.world));
const form = async (p: ProbeContext, path: string, fields: Record<string, string>) =>
  p.desk.post(path, { _csrf: await p.desk.csrf('/desk'), ...fields });

const approval = (hash: string, version: number) => ({
  ...Object.fromEntries(ReviewItemKeys.map((k) => [`item_${k}`, 'passed'])),
  outcome: 'approve',
  opinion: '同意。',
  draftHash: hash,
  version: String(version),
});

/** A dead webhook delivery, made through the stores (a registered endpoint, a message, attempts used up). */
async function deadDelivery(t: TestApp): Promise<number> {
  const at = t.services.now().toISOString();
  await t.services.webhooks.register({
    url: 'https://203.0.113.10/dead',
    events: ['*'],
    secret: 'dead-secret-1234567',
    createdBy: 'matrix',
    at,
  });
  await openedCase(t);
  await t.services.webhooks.fanOut(Date.now(), at);
  const [due] = await t.services.webhooks.due(Number.MAX_SAFE_INTEGER, 1);
  await t.services.webhooks.recordAttempt({ deliveryId: due!.id, at, status: 500, error: 'HTTP 500', outcome: 'dead', nextAttemptAt: 0 });
  // Later probes must not find this endpoint's other pending deliveries first.
  for (const d of await t.services.webhooks.due(Number.MAX_SAFE_INTEGER, 1000))
    await t.services.webhooks.recordAttempt({ deliveryId: d.id, at, status: 500, error: 'HTTP 500', outcome: 'dead', nextAttemptAt: 0 });
  return due!.id;
}

/** A message in `user`'s inbox (written as an assignment would write it). */
async function messageFor(t: TestApp, user: DemoUserName): Promise<number> {
  const rows = notificationRows([
    { userId: t.users[user].id, kind: 'assigned', caseId: null, detail: {}, at: t.services.now().toISOString() },
  ]);
  await t.services.writer.write({ entries: [], rows: [rows] });
  return (await t.services.notifications.inbox(t.users[user].id, 1)).items[0]!.id;
}

/** A new 查封扣押 case of handler1 (the 支队's handler), in drafting. */
async function coercionCase(t: TestApp): Promise<string> {
  const res = await t.call('POST', '/api/v1/coercion-cases', 'handler1', coercionDraft(t));
  if (res.status !== 201) throw new Error(`coercion case not opened: ${res.status}`);
  return (await res.json()).id;
}

/** A new 撤销 case of handler1 (the 支队's handler), in drafting. */
async function licenceCase(t: TestApp): Promise<string> {
  const res = await t.call('POST', '/api/v1/licence-cases', 'handler1', licenceDraft());
  if (res.status !== 201) throw new Error(`licence case not opened: ${res.status}`);
  return (await res.json()).id;
}

/** A new 行政强制执行 case of handler1 (the 支队's handler), waiting for its 催告. */
async function executionCase(t: TestApp): Promise<string> {
  const res = await t.call('POST', '/api/v1/execution-cases', 'handler1', executionDraft());
  if (res.status !== 201) throw new Error(`execution case not opened: ${res.status}`);
  return (await res.json()).id;
}

/** Every row of the matrix, keyed as in the doc's first column (without the † mark). */
/** The desk draft form's fields for a valid draft. */
const deskDraft = {
  title: '矩阵探测案',
  party_name: '西宁某公司',
  party_kind: 'organization',
  facts: '超限运输。',
  evidence_kind_0: '检测记录',
  evidence_desc_0: '称重检测单',
  basis_0: '《公路安全保护条例》第三十条',
  proposed_kind: 'fine',
  amount: '1000',
};

export const probes: Record<string, Probe> = {
  'POST /api/v1/auth/revoke': async (p) => {
    // A token of its own, so the probe does not revoke the one the other probes use.
    const token = await p.t.services.users.issueToken(p.t.users[p.user].id);
    return p.t.app.request('/api/v1/auth/revoke', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  },
  'POST /api/v1/cases': api(
    'POST',
    () => '/api/v1/cases',
    () => sampleDraft(),
  ),
  'GET /api/v1/cases': api('GET', () => '/api/v1/cases'),
  'GET /api/v1/cases/:id': api('GET', (w) => `/api/v1/cases/${w.decidedId}`),
  'PUT /api/v1/cases/:id/draft': api(
    'PUT',
    (w) => `/api/v1/cases/${w.draftingId}/draft`,
    () => sampleDraft(),
  ),
  'POST /api/v1/cases/:id/events': async (p) =>
    p.t.call('POST', `/api/v1/cases/${(await openedCase(p.t)).id}/events`, p.user, noticeSend(onClockOf(p.t)(0))),
  'GET /api/v1/cases/:id/events': api('GET', (w) => `/api/v1/cases/${w.decidedId}/events`),
  'GET /api/v1/cases/:id/events?include=refused': api('GET', (w) => `/api/v1/cases/${w.decidedId}/events?include=refused`),
  'GET /api/v1/cases/:id/drafts': api('GET', (w) => `/api/v1/cases/${w.decidedId}/drafts`),
  'GET /api/v1/cases/:id/deadlines': api('GET', (w) => `/api/v1/cases/${w.decidedId}/deadlines`),
  'GET /api/v1/cases/:id/responsibility': api('GET', (w) => `/api/v1/cases/${w.decidedId}/responsibility`),
  'GET /api/v1/cases/:id/timeline': api('GET', (w) => `/api/v1/cases/${w.decidedId}/timeline`),
  'GET /api/v1/cases/:id/export': api('GET', (w) => `/api/v1/cases/${w.decidedId}/export`),
  'GET /api/v1/cases/:id/export?format=html': api('GET', (w) => `/api/v1/cases/${w.decidedId}/export?format=html`),
  'GET /api/v1/cases/:id/export?format=zip': api('GET', (w) => `/api/v1/cases/${w.decidedId}/export?format=zip`),
  'POST /api/v1/cases/:id/evidence': async (p) =>
    p.t.app.request(`/api/v1/cases/${p.world.draftingId}/evidence?filename=photo.png`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${p.t.tokens[p.user]}`, 'Content-Type': 'image/png' },
      body: samplePng() as unknown as BodyInit,
    }),
  'GET /api/v1/cases/:id/evidence': api('GET', (w) => `/api/v1/cases/${w.decidedId}/evidence`),
  'GET /api/v1/cases/:id/evidence/:evidenceId': api('GET', (w) => `/api/v1/cases/${w.decidedId}/evidence/${w.evidenceId}`),
  'GET /api/v1/cases/:id/publication-preview': api('GET', (w) => `/api/v1/cases/${w.decidedId}/publication-preview`),
  'GET /api/v1/cases/:id/opinions': api('GET', (w) => `/api/v1/cases/${w.decidedId}/opinions`),
  'GET /api/v1/cases/:id/opinions/:number': api(
    'GET',
    (w) => `/api/v1/cases/${w.decidedId}/opinions/${encodeURIComponent(w.opinionNumber)}`,
  ),
  'GET /api/v1/cases/:id/opinions/:number?format=html': api(
    'GET',
    (w) => `/api/v1/cases/${w.decidedId}/opinions/${encodeURIComponent(w.opinionNumber)}?format=html`,
  ),
  'GET /api/v1/cases/:id/decision-document': api('GET', (w) => `/api/v1/cases/${w.decidedId}/decision-document`),
  'GET /api/v1/cases/:id/decision-document?format=html': api('GET', (w) => `/api/v1/cases/${w.decidedId}/decision-document?format=html`),
  'GET /api/v1/cases/:id/transfer-document': api('GET', (w) => `/api/v1/cases/${w.transferredId}/transfer-document`),
  'GET /api/v1/cases/:id/handover-document': api('GET', (w) => `/api/v1/cases/${w.transferredId}/handover-document`),
  'GET /api/v1/cases/:id/transfer-document?format=html': api(
    'GET',
    (w) => `/api/v1/cases/${w.transferredId}/transfer-document?format=html`,
  ),
  'GET /api/v1/cases/:id/access-log': api('GET', (w) => `/api/v1/cases/${w.decidedId}/access-log`),
  'GET /api/v1/machines': api('GET', () => '/api/v1/machines'),
  'POST /api/v1/coercion-cases': async (p) =>
    p.t.call('POST', '/api/v1/coercion-cases', p.user, coercionDraft(p.t, { officers: [p.t.users[p.user].id, p.t.users.handler2.id] })),
  'GET /api/v1/coercion-cases/:id': async (p) => p.t.call('GET', `/api/v1/coercion-cases/${await coercionCase(p.t)}`, p.user),
  'POST /api/v1/coercion-cases/:id/events': async (p) =>
    p.t.call('POST', `/api/v1/coercion-cases/${await coercionCase(p.t)}/events`, p.user, { type: 'review.submit', attestation: true }),
  'POST /api/v1/licence-cases': async (p) => p.t.call('POST', '/api/v1/licence-cases', p.user, licenceDraft()),
  'GET /api/v1/licence-cases/:id': async (p) => p.t.call('GET', `/api/v1/licence-cases/${await licenceCase(p.t)}`, p.user),
  'POST /api/v1/licence-cases/:id/events': async (p) =>
    p.t.call('POST', `/api/v1/licence-cases/${await licenceCase(p.t)}/events`, p.user, { type: 'notice.serve' }),
  'POST /api/v1/execution-cases': async (p) => p.t.call('POST', '/api/v1/execution-cases', p.user, executionDraft()),
  'GET /api/v1/execution-cases/:id': async (p) => p.t.call('GET', `/api/v1/execution-cases/${await executionCase(p.t)}`, p.user),
  'POST /api/v1/execution-cases/:id/events': async (p) =>
    p.t.call('POST', `/api/v1/execution-cases/${await executionCase(p.t)}/events`, p.user, {
      type: 'notice.serve',
      periodDays: 10,
      manner: '自行拆除',
      rightsStated: true,
    }),
  'POST /api/v1/cases/:id/migrate': api(
    'POST',
    (w) => `/api/v1/cases/${w.draftingId}/migrate`,
    () => ({ toVersion: 1_000_000 }),
  ),
  'POST /api/v1/cases/:id/outcomes': async (p) =>
    p.t.call('POST', `/api/v1/cases/${await decidedCase(p.t)}/outcomes`, p.user, {
      forum: 'litigation',
      result: 'changed',
      causes: ['discretion'],
      body: '西宁市中级人民法院',
      documentRef: '（2026）青01行终1号',
      decidedOn: onClockOf(p.t)(0),
    }),
  'GET /api/v1/calendar/add-working-days': api('GET', () => '/api/v1/calendar/add-working-days?from=2026-09-30&days=3'),
  'GET /api/v1/calendar/count-working-days': api('GET', () => '/api/v1/calendar/count-working-days?from=2026-09-30&to=2026-10-12'),
  'GET /api/v1/calendar/days/:date': api('GET', () => '/api/v1/calendar/days/2026-10-08'),
  'GET /api/v1/calendar/years': api('GET', () => '/api/v1/calendar/years'),
  'PUT /api/v1/calendar/years/:year': api(
    'PUT',
    () => '/api/v1/calendar/years/2090',
    () => ({
      source: 'https://www.gov.cn/zhengce/content/2089-12/01/content_0000.htm',
      holidays: ['2090-01-02'],
      workdays: [],
    }),
  ),
  'GET /api/v1/calendar/overrides': api('GET', () => '/api/v1/calendar/overrides'),
  'POST /api/v1/calendar/overrides': api(
    'POST',
    () => '/api/v1/calendar/overrides',
    () => ({
      date: '2090-03-01',
      working: false,
      note: '矩阵测试',
    }),
  ),
  'GET /api/v1/deadlines': api('GET', () => '/api/v1/deadlines'),
  'GET /api/v1/reports/monthly': api('GET', () => '/api/v1/reports/monthly?month=2026-04'),
  'GET /api/v1/reports/annual': api('GET', () => '/api/v1/reports/annual?year=2025'),
  'GET /api/v1/reports/units/monthly': api('GET', () => '/api/v1/reports/units/monthly?month=2026-04'),
  'GET /api/v1/reports/units/annual': api('GET', () => '/api/v1/reports/units/annual?year=2025'),
  'POST /api/v1/reports/submissions': api(
    'POST',
    () => '/api/v1/reports/submissions',
    () => ({ kind: 'monthly', period: '2026-03' }),
  ),
  'POST /api/v1/audit/checkpoints': api('POST', () => '/api/v1/audit/checkpoints'),
  'GET /api/v1/audit/checkpoints': api('GET', () => '/api/v1/audit/checkpoints'),
  'GET /api/v1/audit/verify': api('GET', () => '/api/v1/audit/verify'),
  'GET /api/v1/inquiries': api('GET', () => '/api/v1/inquiries'),
  'GET /api/v1/inquiries/grounds': api('GET', () => '/api/v1/inquiries/grounds'),
  'GET /api/v1/inquiries/:id': api('GET', (w) => `/api/v1/inquiries/${w.inquiryId}`),
  'POST /api/v1/inquiries/:id/events': api(
    'POST',
    (w) => `/api/v1/inquiries/${w.inquiryId}/events`,
    () => ({
      type: 'exemption.claim',
      grounds: ['unclear_basis'],
      statement: '本人已尽审慎义务。',
    }),
  ),
  'GET /api/v1/inquiries/:id/events': api('GET', (w) => `/api/v1/inquiries/${w.inquiryId}/events`),
  'GET /api/v1/inquiries/:id/events?include=refused': api('GET', (w) => `/api/v1/inquiries/${w.inquiryId}/events?include=refused`),
  'GET /api/v1/units': api('GET', () => '/api/v1/units'),
  'POST /api/v1/units': api(
    'POST',
    () => '/api/v1/units',
    () => ({ name: '矩阵测试科', kind: 'office', parentId: demoUnitIds.detachment }),
  ),
  'PATCH /api/v1/units/:id': api(
    'PATCH',
    () => `/api/v1/units/${demoUnitIds.huangyuan}`,
    () => ({ name: '湟源县交通运输执法大队' }),
  ),
  'GET /api/v1/users': api('GET', () => '/api/v1/users'),
  'POST /api/v1/users': api(
    'POST',
    () => '/api/v1/users',
    (p) => ({
      username: `matrix-${p.user}`,
      displayName: '矩阵',
      password: 'matrix-password-1',
      roles: ['clerk'],
      unitId: demoUnitIds.huangyuan,
    }),
  ),
  'PATCH /api/v1/users/:id': async (p) => p.t.call('PATCH', `/api/v1/users/${p.t.users.handler2.id}`, p.user, { displayName: '李承办' }),
  'POST /api/v1/users/:id/deactivate': async (p) => {
    const made = await p.t.services.users.create({ username: `leaver-${p.user}`, password: 'leaver-password', roles: ['clerk'] });
    return p.t.call('POST', `/api/v1/users/${made.id}/deactivate`, p.user);
  },
  'GET /api/v1/certificate-warnings': api('GET', () => '/api/v1/certificate-warnings'),
  'POST /api/v1/webhooks': api(
    'POST',
    () => '/api/v1/webhooks',
    () => ({ url: 'https://203.0.113.10/hook', events: ['*'], secret: 'matrix-webhook-secret' }),
  ),
  'GET /api/v1/webhooks': api('GET', () => '/api/v1/webhooks'),
  'GET /api/v1/webhooks/deliveries': api('GET', () => '/api/v1/webhooks/deliveries?status=dead'),
  'POST /api/v1/webhooks/deliveries/:id/retry': async (p) =>
    p.t.call('POST', `/api/v1/webhooks/deliveries/${await deadDelivery(p.t)}/retry`, p.user),
  'GET /api/v1/notifications': api('GET', () => '/api/v1/notifications'),
  'POST /api/v1/notifications/:id/read': async (p) =>
    p.t.call('POST', `/api/v1/notifications/${await messageFor(p.t, p.user)}/read`, p.user),
  'POST /api/v1/notifications/read-all': api('POST', () => '/api/v1/notifications/read-all'),
  'GET /desk/inbox': page(() => '/desk/inbox'),
  'POST /desk/inbox/read-all': (p) => form(p, '/desk/inbox/read-all', {}),
  'GET /desk/admin/webhooks': page(() => '/desk/admin/webhooks'),
  'POST /desk/admin/webhooks/deliveries/:id/retry': async (p) =>
    form(p, `/desk/admin/webhooks/deliveries/${await deadDelivery(p.t)}/retry`, {}),
  'GET /desk/admin/staff': page(() => '/desk/admin/staff'),
  'POST /desk/admin/staff/units': (p) =>
    form(p, '/desk/admin/staff/units', { name: `矩阵中队 ${p.user}`, kind: 'office', parentId: demoUnitIds.huangyuan }),
  'POST /desk/admin/staff/users': (p) =>
    form(p, '/desk/admin/staff/users', {
      username: `desk-matrix-${p.user}`,
      displayName: '矩阵',
      password: 'matrix-password-1',
      roles: 'clerk',
      unitId: demoUnitIds.huangyuan,
    }),
  'POST /desk/admin/staff/users/:id': (p) =>
    form(p, `/desk/admin/staff/users/${p.t.users.handler2.id}`, { roles: 'handler', unitId: p.t.users.handler2.unitId ?? '' }),
  'POST /desk/admin/staff/users/:id/deactivate': async (p) => {
    const made = await p.t.services.users.create({ username: `desk-leaver-${p.user}`, password: 'leaver-password', roles: ['clerk'] });
    return form(p, `/desk/admin/staff/users/${made.id}/deactivate`, {});
  },
  'GET /desk': page(() => '/desk'),
  'GET /desk/head': page(() => '/desk/head'),
  'GET /desk/clerk': page(() => '/desk/clerk'),
  'GET /desk/cases/:id': page((w) => `/desk/cases/${w.decidedId}`),
  'GET /desk/cases/:id/evidence/:evidenceId': page((w) => `/desk/cases/${w.decidedId}/evidence/${w.evidenceId}`),
  'GET /desk/cases/:id/opinions/:number': page((w) => `/desk/cases/${w.decidedId}/opinions/${encodeURIComponent(w.opinionNumber)}`),
  'GET /desk/cases/:id/decision-document': page((w) => `/desk/cases/${w.decidedId}/decision-document`),
  'GET /desk/cases/:id/transfer-document': page((w) => `/desk/cases/${w.transferredId}/transfer-document`),
  'GET /desk/cases/:id/handover-document': page((w) => `/desk/cases/${w.transferredId}/handover-document`),
  'GET /desk/cases/:id/review': page((w) => `/desk/cases/${w.inReviewId}/review`),
  'POST /desk/cases/:id/review': async (p) => {
    const c = await assignedCase(p.t);
    return form(p, `/desk/cases/${c.id}/review`, approval(c.draft.hash, c.version));
  },
  'GET /desk/cases/:id/decide': page((w) => `/desk/cases/${w.readyId}/decide`),
  'POST /desk/cases/:id/events': async (p) => {
    const c = await openedCase(p.t);
    const service = { service_method: 'direct', service_date: onClockOf(p.t)(0), service_recipient: '当事人' };
    return form(p, `/desk/cases/${c.id}/events`, { type: 'notice.send', version: String(c.version), ...service });
  },
  'GET /desk/coercion-cases/:id': async (p) => p.desk.get(`/desk/coercion-cases/${await coercionCase(p.t)}`),
  'POST /desk/coercion-cases/:id/events': async (p) => {
    const id = await coercionCase(p.t);
    return form(p, `/desk/coercion-cases/${id}/events`, { type: 'review.submit', attestation: 'yes', version: '1' });
  },
  'GET /desk/cases/new': page(() => '/desk/cases/new'),
  'POST /desk/cases': (p) => form(p, '/desk/cases', deskDraft),
  'GET /desk/cases/:id/draft': page((w) => `/desk/cases/${w.draftingId}/draft`),
  'POST /desk/cases/:id/draft': async (p) => {
    const c = await openedCase(p.t);
    return form(p, `/desk/cases/${c.id}/draft`, { ...deskDraft, version: String(c.version) });
  },
  'GET /desk/audit': page(() => '/desk/audit'),
  'POST /desk/audit/verify': (p) => form(p, '/desk/audit/verify', {}),
  'GET /desk/audit/cases/:id': page((w) => `/desk/audit/cases/${w.decidedId}`),
  'GET /desk/audit/cases/:id/access-log': page((w) => `/desk/audit/cases/${w.decidedId}/access-log`),
  'GET /desk/audit/cases/:id/export.json': page((w) => `/desk/audit/cases/${w.decidedId}/export.json`),
  'GET /desk/audit/cases/:id/export.html': page((w) => `/desk/audit/cases/${w.decidedId}/export.html`),
  'GET /desk/audit/static/audit.css': page(() => '/desk/audit/static/audit.css'),
  'GET /desk/audit/static/case-file.css': page(() => '/desk/audit/static/case-file.css'),
};
