// The forms of the admin's units and staff page: a new unit, a new user, and per user a change of roles, unit
// and credentials and a deactivation. Each posts to the desk route that maps it onto the administration API.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { CsrfField } from '../layout.js';
import { unitKinds, type Unit } from '../../../db/units/unit-store.js';
import { userRoles, type UserRole } from '../../../db/users/user-store.js';
import type { Staff } from '../../units/unit-admin.js';

type Props = { desk: DeskContext; units: Unit[] };

const UnitSelect: FC<Props & { name: string; id: string; selected?: string | null; none?: string }> = ({
  desk,
  units,
  name,
  id,
  selected,
  none,
}) => (
  <select name={name} id={id}>
    {none ? <option value="">{none}</option> : null}
    {units.map((u) => (
      <option value={u.id} selected={u.id === selected}>
        {`${u.name}（${desk.t.staff.kinds[u.kind]}）`}
      </option>
    ))}
  </select>
);

const RoleBoxes: FC<{ desk: DeskContext; prefix: string; held?: readonly UserRole[] }> = ({ desk, prefix, held = [] }) => (
  <fieldset>
    <legend>{desk.t.staff.roles}</legend>
    {userRoles.map((r) => (
      <label>
        <input type="checkbox" name="roles" value={r} id={`${prefix}-role-${r}`} checked={held.includes(r)} /> {desk.t.roles[r]}
      </label>
    ))}
  </fieldset>
);

const Credentials: FC<{ desk: DeskContext; prefix: string; staff?: Staff }> = ({ desk, prefix, staff }) => {
  const t = desk.t.staff;
  const pair = (legend: string, no: string, until: string, noValue?: string | null, untilValue?: string | null) => (
    <fieldset>
      <legend>{legend}</legend>
      <label for={`${prefix}-${no}`}>{t.number}</label>
      <input id={`${prefix}-${no}`} name={no} value={noValue ?? ''} maxlength={100} />
      <label for={`${prefix}-${until}`}>{t.validUntil}</label>
      <input id={`${prefix}-${until}`} name={until} type="date" value={untilValue ?? ''} />
    </fieldset>
  );
  return (
    <>
      {pair(t.certificate, 'certificateNo', 'certificateValidUntil', staff?.certificateNo, staff?.certificateValidUntil)}
      {pair(t.qualification, 'qualificationNo', 'qualificationValidUntil', staff?.qualificationNo, staff?.qualificationValidUntil)}
      <label for={`${prefix}-email`}>{t.email}</label>
      <input id={`${prefix}-email`} name="email" type="email" value={staff?.email ?? ''} maxlength={254} />
    </>
  );
};

/** Creates a unit under a parent (or a top unit). */
export const NewUnitForm: FC<Props> = ({ desk, units }) => {
  const t = desk.t.staff;
  return (
    <form method="post" action="/desk/admin/staff/units" data-form="new-unit">
      <CsrfField desk={desk} />
      <label for="unit-name">{t.name}</label>
      <input id="unit-name" name="name" required maxlength={200} />
      <label for="unit-kind">{t.kind}</label>
      <select id="unit-kind" name="kind">
        {unitKinds.map((k) => (
          <option value={k}>{t.kinds[k]}</option>
        ))}
      </select>
      <label for="unit-parent">{t.parent}</label>
      <UnitSelect desk={desk} units={units} name="parentId" id="unit-parent" none={t.noParent} />
      <button type="submit">{t.create}</button>
    </form>
  );
};

/** Creates a user in a unit, with roles and credentials. */
export const NewStaffForm: FC<Props> = ({ desk, units }) => {
  const t = desk.t.staff;
  return (
    <form method="post" action="/desk/admin/staff/users" data-form="new-staff">
      <CsrfField desk={desk} />
      <label for="staff-username">{t.username}</label>
      <input id="staff-username" name="username" required maxlength={100} autocomplete="off" />
      <label for="staff-name">{t.displayName}</label>
      <input id="staff-name" name="displayName" required maxlength={200} />
      <label for="staff-password">{t.password}</label>
      <input id="staff-password" name="password" type="password" required minlength={12} autocomplete="new-password" />
      <label for="staff-unit">{t.unit}</label>
      <UnitSelect desk={desk} units={units} name="unitId" id="staff-unit" />
      <RoleBoxes desk={desk} prefix="new" />
      <Credentials desk={desk} prefix="new" />
      <button type="submit">{t.create}</button>
    </form>
  );
};

/** Changes a user's roles, unit and credentials; deactivates an active user. */
export const StaffEditForms: FC<Props & { staff: Staff }> = ({ desk, units, staff }) => {
  const t = desk.t.staff;
  const prefix = `u-${staff.id}`;
  return (
    <details>
      <summary>{t.edit}</summary>
      <form method="post" action={`/desk/admin/staff/users/${staff.id}`} data-form="edit-staff">
        <CsrfField desk={desk} />
        <label for={`${prefix}-unit`}>{t.unit}</label>
        <UnitSelect desk={desk} units={units} name="unitId" id={`${prefix}-unit`} selected={staff.unitId} />
        <RoleBoxes desk={desk} prefix={prefix} held={staff.roles} />
        <Credentials desk={desk} prefix={prefix} staff={staff} />
        <button type="submit">{t.save}</button>
      </form>
      {staff.active ? (
        <form method="post" action={`/desk/admin/staff/users/${staff.id}/deactivate`} data-form="deactivate-staff">
          <CsrfField desk={desk} />
          <p class="muted">{t.deactivateHint}</p>
          <button type="submit">{t.deactivate}</button>
        </form>
      ) : null}
    </details>
  );
};
