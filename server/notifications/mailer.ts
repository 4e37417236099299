// Mails the queued copies of notifications through SMTP (nodemailer), at least once: each round sends what is
// due and records the outcome; a failure is retried with exponential backoff until the last attempt. It runs
// beside commands, never inside one, so a slow or failing SMTP server delays mail and nothing else; the
// notification stays in the inbox whatever the mail does.
import { createTransport, type Transporter } from 'nodemailer';
import type { DueMail, MailQueueStore } from '../../db/notifications/mail-queue-store.js';
import type { Env } from '../env.js';
import { mailMessage } from './mail-message.js';
import { createRounds } from '../shared/rounds.js';

/** Attempts per mail and the backoff between them (not legal values: delivery tuning). */
export const mailRetry = { maxAttempts: 10, baseSeconds: 30, maxSeconds: 3600 } as const;

export interface MailerDeps {
  store: MailQueueStore;
  env: Pick<Env, 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_TLS' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'SMTP_FROM'>;
  now: () => Date;
  /** Milliseconds between rounds while running. */
  intervalMs?: number;
}

/** True when the environment configures SMTP, so new notifications queue an e-mail copy. */
export function mailConfigured(env: Pick<Env, 'SMTP_HOST'>): boolean {
  return Boolean(env.SMTP_HOST);
}

/** The delay before attempt `attempts + 1`: base · 2^(attempts − 1), capped. */
export function mailBackoffMs(attempts: number): number {
  return Math.min(mailRetry.baseSeconds * 2 ** Math.max(0, attempts - 1), mailRetry.maxSeconds) * 1000;
}

function transportOf(env: MailerDeps['env']): Transporter {
  return createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_TLS === 'tls',
    requireTLS: env.SMTP_TLS === 'starttls',
    ignoreTLS: env.SMTP_TLS === 'none',
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/** Creates the mailer; `start` and `stop` belong to server/main.ts, tests call `runOnce`. */
export function createMailer(deps: MailerDeps) {
  const transport = mailConfigured(deps.env) ? transportOf(deps.env) : null;

  async function send(mail: DueMail): Promise<void> {
    const attempts = mail.attempts + 1;
    if (!mail.to) return deps.store.record({ id: mail.id, outcome: 'skipped', attempts: mail.attempts, nextAt: 0, error: null });
    let error: string | null = null;
    try {
      await transport!.sendMail({ from: deps.env.SMTP_FROM, to: mail.to, ...mailMessage(mail) });
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : 'mail failed';
    }
    const outcome = error === null ? 'sent' : attempts >= mailRetry.maxAttempts ? 'failed' : 'pending';
    const nextAt = deps.now().getTime() + (outcome === 'pending' ? mailBackoffMs(attempts) : 0);
    await deps.store.record({ id: mail.id, outcome, attempts, nextAt, error });
  }

  async function runRound(): Promise<number> {
    if (!transport) return 0;
    const due = await deps.store.due(deps.now().getTime(), 50);
    for (const mail of due) await send(mail);
    return due.length;
  }

  const rounds = createRounds(runRound, { intervalMs: deps.intervalMs ?? 2000, name: 'mail' });
  return {
    /** Runs one round (or joins the one running); answers how many queued mails it handled. */
    runOnce: rounds.runOnce,
    start() {
      if (transport) rounds.start();
    },
    async stop() {
      await rounds.stop();
      transport?.close();
    },
  };
}
export type Mailer = ReturnType<typeof createMailer>;
