// One probe per row of the matrix in docs/access.md: the request a role makes on that route or page. API
// probes carry the role's bearer token; desk probes go through that role's signed-in DeskClient.
import { noticeSend, onClockOf } from '../../helpers/party-commands.js';
import { ReviewItemKeys } from '../../../machines/case/case.events.js';
import { sampleDraft, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import type { DeskClient } from '../desk/desk-client.js';
import { assignedCase, decidedCase, openedCase, type MatrixWorld } from './matrix-fixtures.js';
import { samplePng } from '../../../server/demo/sample-files.js';

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
  'GET /api/v1/cases/:id/transfer-document?format=html': api(
    'GET',
    (w) => `/api/v1/cases/${w.transferredId}/transfer-document?format=html`,
  ),
  'GET /api/v1/cases/:id/access-log': api('GET', (w) => `/api/v1/cases/${w.decidedId}/access-log`),
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
  'GET /desk': page(() => '/desk'),
  'GET /desk/head': page(() => '/desk/head'),
  'GET /desk/clerk': page(() => '/desk/clerk'),
  'GET /desk/cases/:id': page((w) => `/desk/cases/${w.decidedId}`),
  'GET /desk/cases/:id/evidence/:evidenceId': page((w) => `/desk/cases/${w.decidedId}/evidence/${w.evidenceId}`),
  'GET /desk/cases/:id/opinions/:number': page((w) => `/desk/cases/${w.decidedId}/opinions/${encodeURIComponent(w.opinionNumber)}`),
  'GET /desk/cases/:id/decision-document': page((w) => `/desk/cases/${w.decidedId}/decision-document`),
  'GET /desk/cases/:id/transfer-document': page((w) => `/desk/cases/${w.transferredId}/transfer-document`),
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
