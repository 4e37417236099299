// Test support for the deadline tests: a settable clock in China time, a stack over an existing database
// file (a restarted server), and small HTTP helpers. The stack is the real one, modules included.
import { expect } from 'vitest';
import { openTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { chinaDay } from '../../../machines/case/legal-dates.js';

/**
 * A clock the test moves; `await set('2026-03-02')` is 09:00 that day in China. Bearer tokens live 12 hours
 * of clock time, so moving the clock re-issues the tokens of the stack given to `use`.
 */
export function testClock(start: string) {
  let app: TestApp | null = null;
  const clock = {
    current: new Date(`${start}T09:00:00+08:00`),
    now: () => clock.current,
    /** Today in China on this clock: the legal date of documents sent "now". */
    today: () => chinaDay(clock.current.toISOString()),
    use(t: TestApp | null) {
      app = t;
    },
    async set(day: string, time = '09:00') {
      clock.current = new Date(`${day}T${time}:00+08:00`);
      if (!app) return;
      for (const name of Object.keys(app.users) as DemoUserName[])
        app.tokens[name] = await app.services.users.issueToken(app.users[name].id);
    },
  };
  return clock;
}

/** The real stack over an existing (or new) database file, demo users created when missing. */
export function openStack(dbPath: string, now: () => Date): Promise<TestApp> {
  return openTestApp(dbPath, { now });
}

/** Posts an event and expects it accepted; returns the case view. */
export async function send(t: TestApp, id: string, user: DemoUserName, body: Record<string, unknown>) {
  const res = await t.call('POST', `/api/v1/cases/${id}/events`, user, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** GET as `user`, expecting `status`; returns the JSON body. */
export async function getJson(t: TestApp, path: string, user: DemoUserName, status = 200) {
  const res = await t.call('GET', path, user);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(status);
  return json;
}

/** One deadline of a case by kind (the latest if several). */
export async function deadlineOf(t: TestApp, caseId: string, kind: string) {
  const { items } = await getJson(t, `/api/v1/cases/${caseId}/deadlines`, 'auditor1');
  return (items as { kind: string }[]).filter((d) => d.kind === kind).at(-1) as Record<string, unknown> | undefined;
}

/** The accepted record entries of a case of `type`. */
export async function eventsOf(t: TestApp, caseId: string, type: string) {
  const { items } = await getJson(t, `/api/v1/cases/${caseId}/events`, 'auditor1');
  return (items as { type: string; actorId: string; actorRole: string | null; payload: Record<string, unknown> }[]).filter(
    (e) => e.type === type,
  );
}
