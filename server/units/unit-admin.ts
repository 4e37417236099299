// Administration of units and staff (admin only, asked of the access module by the handlers): create and
// change units, name their 主要负责人, create users in a unit, change roles, unit and credentials, deactivate.
// Invariant: every reference (parent, unit, head) names something that exists, or nothing is written.
import type { UnitStore, Unit, NewUnit, UnitPatch } from '../../db/units/unit-store.js';
import { DuplicateUsernameError, type NewUser, type User, type UserPatch, type UserStore } from '../../db/users/user-store.js';
import type { StaffPolicy } from '../policy/policy.schema.js';
import { fail, ok, type DomainError, type Result } from '../shared/result.js';
import { certificateWarnings, type CertificateWarning } from './certificates.js';

export interface UnitAdminDeps {
  units: UnitStore;
  users: UserStore;
  policy: StaffPolicy;
  now: () => Date;
}

/** A user as the staff list shows them: no secret, with their certificate warnings. */
export type Staff = Omit<User, 'unitPath' | 'unitKind'> & { warnings: CertificateWarning[] };

const unitNotFound = (id: string): DomainError => ({ kind: 'not_found', code: 'unit_not_found', detail: `No unit ${id}.` });
const unknown = (code: string, detail: string): DomainError => ({ kind: 'validation', code, detail });

/** Creates the unit and staff administration over the stores. */
export function createUnitAdmin(deps: UnitAdminDeps) {
  const today = () => deps.now().toISOString().slice(0, 10);
  const toStaff = ({ unitPath: _p, unitKind: _k, ...user }: User): Staff => ({
    ...user,
    warnings: certificateWarnings(user, today(), deps.policy.certificateWarningDays),
  });
  const unitExists = async (id: string) => (await deps.units.get(id)) !== null;

  return {
    toStaff,
    async createUnit(input: NewUnit): Promise<Result<Unit>> {
      const made = await deps.units.create(input);
      return made ? ok(made) : fail(unknown('unknown_parent', `No unit ${input.parentId} to place the new unit under.`));
    },
    async updateUnit(id: string, patch: UnitPatch): Promise<Result<Unit>> {
      if (!(await unitExists(id))) return fail(unitNotFound(id));
      if (patch.headUserId && !(await deps.users.byId(patch.headUserId)))
        return fail(unknown('unknown_user', `No user ${patch.headUserId}.`));
      return ok((await deps.units.update(id, patch))!);
    },
    async listStaff(): Promise<Staff[]> {
      return (await deps.users.list()).map(toStaff);
    },
    async createStaff(input: NewUser & { unitId: string }): Promise<Result<Staff>> {
      if (!(await unitExists(input.unitId))) return fail(unknown('unknown_unit', `No unit ${input.unitId}.`));
      try {
        return ok(toStaff(await deps.users.create(input)));
      } catch (error) {
        if (!(error instanceof DuplicateUsernameError)) throw error;
        return fail({ kind: 'conflict', code: 'username_taken', detail: `The username ${input.username} is taken.` });
      }
    },
    async updateStaff(id: string, patch: UserPatch): Promise<Result<Staff>> {
      if (!(await deps.users.byId(id))) return fail({ kind: 'not_found', code: 'user_not_found', detail: `No user ${id}.` });
      if (patch.unitId && !(await unitExists(patch.unitId))) return fail(unknown('unknown_unit', `No unit ${patch.unitId}.`));
      return ok(toStaff((await deps.users.update(id, patch))!));
    },
    /** Deactivates the user and ends every token and desk session of theirs at once. */
    async deactivateStaff(id: string): Promise<Result<Staff>> {
      const { found } = await deps.users.deactivate(id);
      if (!found) return fail({ kind: 'not_found', code: 'user_not_found', detail: `No user ${id}.` });
      return ok(toStaff((await deps.users.byId(id))!));
    },
    /** The staff of `within` (a unit path; null: everyone) whose certificates warn today. */
    async expiring(within: string | null): Promise<Staff[]> {
      const all = await deps.users.list();
      return all
        .filter((u) => u.active && (within === null || (u.unitPath ?? '').startsWith(within)))
        .map(toStaff)
        .filter((s) => s.warnings.length > 0);
    },
  };
}
export type UnitAdmin = ReturnType<typeof createUnitAdmin>;
