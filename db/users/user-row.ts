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
  /** The unit (所属单位) the user works in; null for a user made before units existed. */
  unitId: string | null;
  /** That unit's place in the tree (`/<root>/…/<unit>/`), which the access rules compare with a case's. */
  unitPath: string | null;
  /** That unit's kind: a reviewer in a `review` unit (法制审核机构) serves the unit above it and its sub-units. */
  unitKind: string | null;
  /** Where notifications are also mailed when SMTP is configured; null: the desk inbox only. */
  email: string | null;
}

/** The `users` columns `toUser` reads (with `unit_path`, see `userSelect`): everything but the password hash. */
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
  'unit_id',
  'email',
] as const;

/** The select list of a user read from `users` under `alias`: its columns and its unit's path. */
export function userSelect(alias = 'users'): string {
  const columns = userColumns.map((c) => `${alias}.${c}`).join(', ');
  const unit = (column: string) => `(SELECT units.${column} FROM units WHERE units.id = ${alias}.unit_id)`;
  return `${columns}, ${unit('path')} AS unit_path, ${unit('kind')} AS unit_kind`;
}

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
    unitId: opt(r.unit_id),
    unitPath: opt(r.unit_path),
    email: opt(r.email),
    unitKind: opt(r.unit_kind),
  };
}

/** Whether a credential with this number and expiry date is valid on the day of `at`. */
export function isCredentialValid(no: string | null, validUntil: string | null, at: string): boolean {
  return no !== null && validUntil !== null && validUntil >= at.slice(0, 10);
}
