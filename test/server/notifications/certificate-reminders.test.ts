// Certificate reminders (证件到期提醒) through the real stack and a real SMTP server: a 执法证 ending within the
// warning period reminds its holder and the administrators once, in the inbox and by mail; a later round the
// same day adds nothing; the day it has ended, the "ended" reminder follows; a renewed certificate reminds
// afresh only when it too comes near its end; an inactive holder is not reminded.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type DemoUserName, type TestApp } from '../../helpers/test-app.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';

let now = new Date('2026-11-30T02:00:00Z');
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

async function appWithSmtp(): Promise<{ t: TestApp; smtp: SmtpSink }> {
  const smtp = await startSmtpSink();
  opened.push(smtp);
  const t = await createTestApp({
    now: () => now,
    envVars: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'none', SMTP_FROM: 'review@example.gov.cn' },
  });
  opened.push(t);
  return { t, smtp };
}

const patch = async (t: TestApp, who: DemoUserName, body: Record<string, unknown>) =>
  expect((await t.call('PATCH', `/api/v1/users/${t.users[who].id}`, 'admin1', body)).status).toBe(200);

/** The reminders in `who`'s inbox about `holder`'s credentials, oldest first (read from the store: the test's clock outlives API tokens). */
async function remindersOf(t: TestApp, who: DemoUserName, holder: DemoUserName) {
  const { items } = await t.services.notifications.inbox(t.users[who].id, 500);
  return items.filter((i) => i.kind.startsWith('certificate_') && i.detail.holderId === t.users[holder].id).reverse();
}

/** Whether `who`'s inbox, read through the API, holds `text`. */
async function inboxHas(t: TestApp, who: DemoUserName, text: string): Promise<boolean> {
  const res = await t.call('GET', '/api/v1/notifications', who);
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json()).includes(text);
}

describe('certificate reminders', () => {
  it('reminds the holder and the administrators once, by inbox and mail, then again when it has ended', async () => {
    now = new Date('2026-11-30T02:00:00Z');
    const { t, smtp } = await appWithSmtp();
    await patch(t, 'handler1', { certificateValidUntil: '2026-12-10', email: 'handler1@example.gov.cn' });
    await patch(t, 'admin1', { email: 'admin1@example.gov.cn' });
    expect(await t.services.certificateReminders.runOnce()).toBeGreaterThanOrEqual(2);
    for (const who of ['handler1', 'admin1'] as const) {
      const got = await remindersOf(t, who, 'handler1');
      expect(got.map((r) => r.kind)).toEqual(['certificate_ending']);
      expect(got[0]!.detail).toMatchObject({ credential: 'certificate', validUntil: '2026-12-10' });
    }
    expect(await inboxHas(t, 'handler1', 'certificate_ending')).toBe(true);
    expect(await t.services.certificateReminders.runOnce()).toBe(0);
    expect(await t.services.mailer.runOnce()).toBeGreaterThanOrEqual(2);
    const mailed = smtp.received.filter((m) => m.to.includes('handler1@example.gov.cn') || m.to.includes('admin1@example.gov.cn'));
    expect(mailed.map((m) => m.to[0]).sort()).toEqual(['admin1@example.gov.cn', 'handler1@example.gov.cn']);

    now = new Date('2026-12-11T02:00:00Z');
    await t.services.certificateReminders.runOnce();
    expect((await remindersOf(t, 'handler1', 'handler1')).map((r) => r.kind)).toEqual(['certificate_ending', 'certificate_ended']);
    expect(await t.services.certificateReminders.runOnce()).toBe(0);
  });

  it('reminds a renewed certificate only near its new end, and never an inactive holder', async () => {
    now = new Date('2026-11-30T02:00:00Z');
    const { t } = await appWithSmtp();
    await patch(t, 'handler3', { certificateValidUntil: '2026-12-06' });
    expect((await t.call('POST', `/api/v1/users/${t.users.handler3.id}/deactivate`, 'admin1')).status).toBe(200);
    await t.services.certificateReminders.runOnce();
    expect(await remindersOf(t, 'admin1', 'handler3')).toEqual([]);
    await patch(t, 'handler2', { certificateValidUntil: '2026-12-05' });
    await t.services.certificateReminders.runOnce();
    await patch(t, 'handler2', { certificateValidUntil: '2027-12-05' });
    await t.services.certificateReminders.runOnce();
    expect((await remindersOf(t, 'handler2', 'handler2')).map((r) => r.detail.validUntil)).toEqual(['2026-12-05']);
    now = new Date('2027-11-20T02:00:00Z');
    await t.services.certificateReminders.runOnce();
    expect((await remindersOf(t, 'handler2', 'handler2')).map((r) => r.detail.validUntil)).toEqual(['2026-12-05', '2027-12-05']);
  });
});
