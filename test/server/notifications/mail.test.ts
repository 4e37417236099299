// Notification e-mail through the real stack and a real SMTP server started here: an assignment to a reviewer
// with an address is mailed (recipient, Chinese subject, the case named); with the SMTP server down the command
// still succeeds, the inbox has the message and the mail stays queued until a later round after the backoff,
// also across a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, openTestApp, type TestApp } from '../../helpers/test-app.js';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.js';
import { caseInReview, sendOk } from '../desk/desk-fixtures.js';
import { mailBackoffMs } from '../../../server/notifications/mailer.js';
import { parseEnv } from '../../../server/env.js';

let now = new Date('2026-11-30T02:00:00Z');
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

const smtpVars = (port: number) => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_TLS: 'none',
  SMTP_FROM: 'review@example.gov.cn',
});

async function appWithSmtp(port: number): Promise<TestApp> {
  const t = await createTestApp({
    now: () => now,
    envVars: smtpVars(port),
  });
  opened.push(t);
  const set = await t.call('PATCH', `/api/v1/users/${t.users.reviewer2.id}`, 'admin1', { email: 'reviewer2@example.gov.cn' });
  expect(set.status).toBe(200);
  return t;
}

async function sink(port = 0): Promise<SmtpSink> {
  const s = await startSmtpSink(port);
  opened.push(s);
  return s;
}

/** Reads the mail queue columns of the reviewer's newest notification. */
async function queued(t: TestApp) {
  const rs = await t.services.database.client.execute({
    sql: 'SELECT mail_status, mail_attempts FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT 1',
    args: [t.users.reviewer2.id],
  });
  return { status: rs.rows[0]?.mail_status, attempts: Number(rs.rows[0]?.mail_attempts) };
}

describe('notification e-mail', () => {
  it('refuses an SMTP configuration without a sender, or a login without its password, at boot', () => {
    expect(() => parseEnv({ NODE_ENV: 'test', SMTP_HOST: 'mail.example.gov.cn' })).toThrow(/SMTP_FROM: required when SMTP_HOST is set/);
    expect(() => parseEnv({ NODE_ENV: 'test', SMTP_USER: 'review' })).toThrow(/SMTP_PASSWORD: SMTP_USER and SMTP_PASSWORD go together/);
    expect(() => parseEnv({ NODE_ENV: 'test', SMTP_TLS: 'maybe' })).toThrow(/SMTP_TLS/);
  });

  it('mails an assignment to the reviewer’s address: Chinese subject, the case named in the body', async () => {
    const smtp = await sink();
    const t = await appWithSmtp(smtp.port);
    const c = await caseInReview(t, { title: '某公司超标排放案' });
    await sendOk(t, c.id, 'head1', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    expect(await t.services.mailer.runOnce()).toBe(1);
    expect(smtp.received.map((m) => m.to)).toEqual([['reviewer2@example.gov.cn']]);
    const raw = smtp.received[0]!.raw;
    expect(decodeWords(raw)).toContain('Subject: 【法制审核】分配给您审核「某公司超标排放案」');
    expect(decodeBody(raw)).toContain('某公司超标排放案');
    expect(await queued(t)).toEqual({ status: 'sent', attempts: 1 });
  });

  it('refuses an address that is not one (400) and changes nothing', async () => {
    const t = await appWithSmtp(1);
    const res = await t.call('PATCH', `/api/v1/users/${t.users.reviewer1.id}`, 'admin1', { email: 'not an address' });
    expect(res.status).toBe(400);
    const rs = await t.services.database.client.execute({ sql: 'SELECT email FROM users WHERE id = ?', args: [t.users.reviewer1.id] });
    expect(rs.rows[0]?.email ?? null).toBeNull();
  });

  it('keeps the command and the inbox when SMTP is down, and mails after the server comes up', async () => {
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.close();
    const t = await appWithSmtp(port);
    const c = await caseInReview(t, { title: '某厂无证经营案' });
    await sendOk(t, c.id, 'head1', { type: 'review.assign', reviewerId: t.users.reviewer2.id });
    expect(await t.services.mailer.runOnce()).toBe(1);
    expect(await queued(t)).toEqual({ status: 'pending', attempts: 1 });
    const inbox = await (await t.call('GET', '/api/v1/notifications', 'reviewer2')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'assigned', caseId: c.id });
    const smtp = await sink(port);
    expect(await t.services.mailer.runOnce()).toBe(0); // the backoff has not passed yet
    now = new Date(now.getTime() + mailBackoffMs(1));
    expect(await t.services.mailer.runOnce()).toBe(1);
    expect(smtp.received.map((m) => m.to)).toEqual([['reviewer2@example.gov.cn']]);
    expect(decodeBody(smtp.received[0]!.raw)).toContain('某厂无证经营案');
    expect(await queued(t)).toEqual({ status: 'sent', attempts: 2 });
  });

  it('keeps a pending mail across a restart, and the restarted server sends it', async () => {
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.close();
    const first = await appWithSmtp(port);
    const c = await caseInReview(first, { title: '某站重启后送达案' });
    await sendOk(first, c.id, 'head1', { type: 'review.assign', reviewerId: first.users.reviewer2.id });
    expect(await first.services.mailer.runOnce()).toBe(1);
    opened.splice(opened.indexOf(first), 1);
    await first.close();
    const smtp = await sink(port);
    const second = await openTestApp(first.dbPath, { now: () => now, envVars: smtpVars(port) });
    opened.push(second);
    now = new Date(now.getTime() + mailBackoffMs(1));
    expect(await second.services.mailer.runOnce()).toBe(1);
    expect(smtp.received.map((m) => m.to)).toEqual([['reviewer2@example.gov.cn']]);
    expect(decodeBody(smtp.received[0]!.raw)).toContain('某站重启后送达案');
    expect(await queued(second)).toEqual({ status: 'sent', attempts: 2 });
  });
});

/** The message's headers, unfolded, with RFC 2047 encoded words (the subject) decoded. */
function decodeWords(raw: string): string {
  const head = raw
    .slice(0, raw.search(/\r?\n\r?\n/))
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?');
  return head.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQ(text.replace(/_/g, ' ')),
  );
}

/** The body, decoded from quoted-printable or base64 as its header says. */
function decodeBody(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const [head, body] = [raw.slice(0, split), raw.slice(split)];
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return decodeQ(body.replace(/=\r?\n/g, ''));
  return body;
}

function decodeQ(text: string): string {
  return Buffer.from(
    text.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}
