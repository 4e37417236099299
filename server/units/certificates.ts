// Certificate warnings: a 执法证 (enforcement certificate) or 法律职业资格 (legal qualification) that expires within
// the policy's warning period, or has expired. Pure: the day is an argument, so the warning is testable.
import type { User } from '../../db/users/user-store.js';

export type CertificateKind = 'certificate' | 'qualification';

/** One warning: which credential, its number and end date, and the days left (negative once expired). */
export interface CertificateWarning {
  kind: CertificateKind;
  number: string;
  validUntil: string;
  daysLeft: number;
  expired: boolean;
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** The warnings of `user` on `today` (YYYY-MM-DD): credentials ending within `warningDays` days, or ended. */
export function certificateWarnings(
  user: Pick<User, 'certificateNo' | 'certificateValidUntil' | 'qualificationNo' | 'qualificationValidUntil'>,
  today: string,
  warningDays: number,
): CertificateWarning[] {
  const held: [CertificateKind, string | null, string | null][] = [
    ['certificate', user.certificateNo, user.certificateValidUntil],
    ['qualification', user.qualificationNo, user.qualificationValidUntil],
  ];
  return held.flatMap(([kind, number, validUntil]) => {
    if (!number || !validUntil) return [];
    const daysLeft = daysBetween(today, validUntil);
    return daysLeft <= warningDays ? [{ kind, number, validUntil, daysLeft, expired: daysLeft < 0 }] : [];
  });
}
