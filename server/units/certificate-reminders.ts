// Certificate reminders (证件到期提醒) in the inbox and, with SMTP configured, by e-mail: once a day the leading
// process finds every active holder whose 执法证 or 法律职业资格 ends within the warning period or has ended,
// and tells the holder and every administrator (who renews it). Invariant: one reminder per person, credential,
// end date and stage (ending soon, ended); a renewed credential (a new end date) is reminded afresh.
import type { NotificationStore } from '../../db/notifications/notification-store.js';
import type { UserStore } from '../../db/users/user-store.js';
import { canAdministerStaff } from '../access/admin-rules.js';
import { chinaDate } from '../deadlines/deadline-rules.js';
import { createRounds } from '../shared/rounds.js';
import { certificateWarnings } from './certificates.js';

export interface CertificateReminderDeps {
  users: Pick<UserStore, 'list'>;
  notifications: Pick<NotificationStore, 'remindOnce'>;
  warningDays: number;
  /** Whether SMTP is configured: reminders then queue their e-mail copy too. */
  mail: boolean;
  now: () => Date;
}

/** Reminder kinds as the inbox and the mail name them. */
export const certificateReminderKinds = { ending: 'certificate_ending', ended: 'certificate_ended' } as const;

/** A day between rounds: a credential's stage changes by the day. */
const roundIntervalMs = 24 * 3_600_000;

/** The reminders of one round (a China day), written once each; answers how many were new. */
export async function remindCertificates(deps: CertificateReminderDeps): Promise<number> {
  const at = deps.now().toISOString();
  const today = chinaDate(deps.now());
  const users = (await deps.users.list()).filter((u) => u.active);
  const admins = users.filter((u) => canAdministerStaff(u).ok).map((u) => u.id);
  const rows = users.flatMap((holder) =>
    certificateWarnings(holder, today, deps.warningDays).flatMap((w) => {
      const kind = w.expired ? certificateReminderKinds.ended : certificateReminderKinds.ending;
      const detail = { credential: w.kind, number: w.number, validUntil: w.validUntil, holderId: holder.id, holder: holder.displayName };
      return [...new Set([holder.id, ...admins])].map((userId) => ({ userId, kind, detail, at }));
    }),
  );
  return deps.notifications.remindOnce(rows, deps.mail);
}

/** The daily rounds; server/main.ts starts and stops them in the leading process, tests call `runOnce`. */
export function createCertificateReminders(deps: CertificateReminderDeps) {
  return createRounds(() => remindCertificates(deps), { intervalMs: roundIntervalMs, name: 'certificate reminders' });
}
export type CertificateReminders = ReturnType<typeof createCertificateReminders>;
