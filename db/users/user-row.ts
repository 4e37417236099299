// The user as the rest of the engine sees it, read from a `users` row. No secret leaves this mapping:
// the password hash stays in the row.

export const userRoles = ['handler', 'reviewer', 'head', 'clerk', 'auditor', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  certificateNo: string | null;
  certificateValidUntil: string | null;
  qualificationNo: string | null;
  qualificationValidUntil: string | null;
  active: boolean;
}

/** The `users` columns `toUser` reads: everything but the password hash, which only `authenticate` selects. */
export const userColumns = [
  'id',
  'username',
  'display_name',
  'roles',
  'certificate_no',
  'certificate_valid_until',
  'qualification_no',
  'qualification_valid_until',
  'active',
] as const;

/** The user in a `users` row (or a join that selected `userColumns`). */
export function toUser(r: Record<string, unknown>): User {
  const opt = (v: unknown): string | null => (v == null ? null : String(v));
  return {
    id: String(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    roles: JSON.parse(String(r.roles)) as UserRole[],
    certificateNo: opt(r.certificate_no),
    certificateValidUntil: opt(r.certificate_valid_until),
    qualificationNo: opt(r.qualification_no),
    qualificationValidUntil: opt(r.qualification_valid_until),
    active: Number(r.active) === 1,
  };
}

/** Whether a credential with this number and expiry date is valid on the day of `at`. */
export function isCredentialValid(no: string | null, validUntil: string | null, at: string): boolean {
  return no !== null && validUntil !== null && validUntil >= at.slice(0, 10);
}
