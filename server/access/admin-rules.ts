// Who administers the organisation and its delivery: units, staff and certificates, webhooks and their delivery
// log. Pure functions of the user, like every rule in server/access.
import type { User } from '../../db/users/user-store.js';
import type { Access } from './access-rules.js';

const adminOnly = (detail: string): Access => ({ ok: false, error: { kind: 'forbidden', code: 'admin_only', detail } });

/** Creating and changing units and users, roles and credentials (admin). */
export function canAdministerStaff(user: User): Access {
  return user.roles.includes('admin') ? { ok: true } : adminOnly('Only an administrator manages units and staff.');
}

/**
 * Certificate warnings: admins see everyone's; a head (负责人) those of their unit and its sub-units (`within`
 * is that unit's path; null: everyone).
 */
export function canReadCertificateWarnings(user: User): { ok: true; within: string | null } | Extract<Access, { ok: false }> {
  if (user.roles.includes('admin')) return { ok: true, within: null };
  if (user.roles.includes('head') && user.unitPath) return { ok: true, within: user.unitPath };
  return {
    ok: false,
    error: { kind: 'forbidden', code: 'wrong_role', detail: 'Certificate warnings are for administrators and heads (负责人) of a unit.' },
  };
}

/** Registering webhooks, and reading their delivery log and dead letters (admin). */
export function canAdministerWebhooks(user: User): Access {
  return user.roles.includes('admin') ? { ok: true } : adminOnly('Only an administrator registers webhooks and reads their deliveries.');
}

/**
 * Reports per unit: auditors and admins read every unit's (`within` null); heads and clerks their unit and its
 * sub-units; anyone else is refused like the bureau's reports.
 */
export function canReadUnitReports(user: User): { ok: true; within: string | null } | Extract<Access, { ok: false }> {
  if (user.roles.some((r) => r === 'auditor' || r === 'admin')) return { ok: true, within: null };
  if (user.roles.some((r) => r === 'head' || r === 'clerk') && user.unitPath) return { ok: true, within: user.unitPath };
  return {
    ok: false,
    error: { kind: 'forbidden', code: 'reports_forbidden', detail: 'Reports are for heads, clerks, auditors and admins.' },
  };
}
