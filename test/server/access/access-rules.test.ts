// The access rules as pure functions, table-driven over every role (plus a user with two roles and one
// with none), and the refusals they produce through the real app: status, problem type, nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User, UserRole } from '../../../db/users/user-store.js';
import * as rules from '../../../server/access/access-rules.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { openedCase } from './matrix-fixtures.js';

const userWith = (...roles: UserRole[]): User => ({
  id: `u-${roles.join('-') || 'none'}`,
  username: roles.join('+') || 'nobody',
  displayName: 'x',
  roles,
  certificateNo: null,
  certificateValidUntil: null,
  qualificationNo: null,
  qualificationValidUntil: null,
  active: true,
  unitId: 'z',
  unitPath: '/z/',
  unitKind: 'detachment',
  email: null,
});
// A case of the users' own unit, sent for review: within every role's reach, so only the role rules decide.
const subject: rules.CaseSubject = {
  id: 'case-1',
  unitPath: '/z/',
  handlerId: 'someone',
  reviewerId: null,
  status: 'inReview',
  snapshot: { value: 'inReview', status: 'active', context: {} },
};
/** A case handled by `u-own-handler`, assigned to `u-own-reviewer`, with an opinion by `u-old-reviewer`. */
const documents = {
  ...subject,
  snapshot: {
    value: 'inReview',
    status: 'active',
    context: { handlerId: 'u-own-handler', reviewerId: 'u-own-reviewer', reviewers: ['u-old-reviewer'] },
  },
} as unknown as rules.DocumentSubject;
const roleRules: [string, string, (u: User) => rules.Access, UserRole[]][] = [
  ['canReadCaseFile', 'wrong_role', (u) => rules.canReadCaseFile(u, subject), ['auditor', 'head', 'admin']],
  ['canReadCaseRecord with refusals', 'wrong_role', (u) => rules.canReadCaseRecord(u, subject, true), ['auditor', 'head', 'admin']],
  ['canVerifyRecord', 'wrong_role', rules.canVerifyRecord, ['auditor', 'admin']],
  ['canReadReports', 'reports_forbidden', rules.canReadReports, ['head', 'clerk', 'auditor', 'admin']],
  ['canSubmitReport', 'reports_forbidden', rules.canSubmitReport, ['head', 'clerk']],
  ['canListDeadlines', 'deadlines_forbidden', rules.canListDeadlines, ['head', 'clerk']],
  ['canSeeReportReminders', 'wrong_role', rules.canSeeReportReminders, ['head']],
  ['canReadCalendarYears', 'calendar_years_forbidden', rules.canReadCalendarYears, ['head', 'admin']],
  ['canAdministerCalendar', 'admin_only', rules.canAdministerCalendar, ['admin']],
  [
    'canReadDocuments(opinion) of a case not theirs',
    'not_case_reader',
    (u) => rules.canReadDocuments(u, documents, 'opinion'),
    ['head', 'auditor'],
  ],
  [
    'canReadDocuments(decision) of a case not theirs',
    'not_case_reader',
    (u) => rules.canReadDocuments(u, documents, 'decision'),
    ['head', 'auditor', 'clerk'],
  ],
  ['canOpenDeskPage(head)', 'wrong_role', (u) => rules.canOpenDeskPage(u, 'head'), ['head']],
  ['canOpenDeskPage(clerk)', 'wrong_role', (u) => rules.canOpenDeskPage(u, 'clerk'), ['clerk']],
  ['canOpenDeskPage(audit)', 'wrong_role', (u) => rules.canOpenDeskPage(u, 'audit'), ['auditor', 'head', 'admin']],
];
const allRoles: UserRole[] = ['handler', 'reviewer', 'head', 'clerk', 'auditor', 'admin'];

describe('access rules', () => {
  it.each(roleRules)('%s refuses every other role with 403 %s', (_name, code, rule, allowed) => {
    for (const role of allRoles) {
      const access = rule(userWith(role));
      if (allowed.includes(role)) expect(access, role).toEqual({ ok: true });
      else expect(access, role).toMatchObject({ ok: false, error: { kind: 'forbidden', code } });
    }
    expect(rule(userWith()).ok).toBe(false);
    expect(rule(userWith('handler', allowed[0]!)).ok).toBe(true);
  });

  it('lets every role read a case of its own unit sent for review, its accepted record and the queue page', () => {
    for (const role of allRoles) {
      expect(rules.canReadCase(userWith(role), subject).ok).toBe(true);
      expect(rules.canReadCaseRecord(userWith(role), subject, false).ok).toBe(true);
      expect(rules.canOpenDeskPage(userWith(role), 'queue').ok).toBe(true);
    }
  });

  it("lets the case's handler and its reviewers, present and past, read its documents, whatever their roles", () => {
    for (const id of ['u-own-handler', 'u-own-reviewer', 'u-old-reviewer']) {
      const user = { ...userWith('handler'), id };
      expect(rules.canReadDocuments(user, documents, 'opinion').ok, id).toBe(true);
      expect(rules.canReadDocuments(user, documents, 'decision').ok, id).toBe(true);
    }
  });

  it('names every code it refuses with in accessCodes', () => {
    const codes = roleRules.flatMap(([, , rule]) => allRoles.map((r) => rule(userWith(r)))).flatMap((a) => (a.ok ? [] : [a.error.code]));
    for (const code of [...codes, rules.caseNotFound('x').code]) expect(rules.accessCodes).toContain(code);
  });
});

describe('refusals through the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the record with refusals to a handler with 403 wrong-role, as the timeline, and records nothing', async () => {
    const c = await openedCase(t);
    const before = await t.services.store.events(c.id, true);
    for (const path of [`/api/v1/cases/${c.id}/events?include=refused`, `/api/v1/cases/${c.id}/timeline`]) {
      const res = await t.call('GET', path, 'handler1');
      expect([res.status, (await res.json()).type], path).toEqual([403, '/problems/wrong-role']);
    }
    expect(await t.services.store.events(c.id, true)).toEqual(before);
    expect((await t.call('GET', `/api/v1/cases/${c.id}/events?include=refused`, 'head1')).status).toBe(200);
  });

  it('answers 404 case-not-found on every case read for an unknown case, whatever the role', async () => {
    const paths = ['', '/events', '/events?include=refused', '/drafts', '/deadlines', '/timeline', '/export', '/responsibility'];
    for (const user of ['handler1', 'auditor1'] as const) {
      for (const path of paths) {
        const res = await t.call('GET', `/api/v1/cases/no-such-case${path}`, user);
        expect([res.status, (await res.json()).type], `${user} ${path}`).toEqual([404, '/problems/case-not-found']);
      }
    }
    const inquiry = await t.call('GET', '/api/v1/inquiries/no-such-inquiry/events?include=refused', 'auditor1');
    expect([inquiry.status, (await inquiry.json()).type]).toEqual([404, '/problems/inquiry-not-found']);
  });
});
