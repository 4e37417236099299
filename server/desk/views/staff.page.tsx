// The admin's units and staff page: certificates expiring within the policy's warning days (or expired) first,
// then the unit tree with its heads, the staff with their roles, units and credentials, and the forms.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../session.js';
import { Layout } from '../layout.js';
import type { Unit } from '../../../db/units/unit-store.js';
import type { Staff } from '../../units/unit-admin.js';
import { NewStaffForm, NewUnitForm, StaffEditForms } from './staff-forms.js';

export interface StaffPageProps {
  desk: DeskContext;
  units: Unit[];
  staff: Staff[];
  warningDays: number;
}

/** The warnings of one user, as sentences. */
function warningsOf(desk: DeskContext, s: Staff): string[] {
  const t = desk.t.staff;
  return s.warnings.map((w) => {
    const what = `${w.kind === 'certificate' ? t.certificate : t.qualification} ${w.number}`;
    return w.expired ? t.expired(what) : t.expiring(what, w.daysLeft);
  });
}

const Warnings: FC<{ desk: DeskContext; staff: Staff[]; days: number }> = ({ desk, staff, days }) => {
  const t = desk.t.staff;
  const warned = staff.filter((s) => s.active && s.warnings.length > 0);
  return (
    <section aria-labelledby="warnings-heading">
      <h2 id="warnings-heading">{t.expiringTitle(days)}</h2>
      {warned.length ? (
        <ul class="notice warn" data-warnings>
          {warned.map((s) => (
            <li data-warning={s.username}>{`${s.displayName}（${s.username}）：${warningsOf(desk, s).join('；')}`}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t.noWarnings}</p>
      )}
    </section>
  );
};

/** The tree of units below `parentId`, with each unit's head. */
const Tree: FC<{ desk: DeskContext; units: Unit[]; staff: Staff[]; parentId: string | null }> = ({ desk, units, staff, parentId }) => {
  const children = units.filter((u) => u.parentId === parentId);
  if (children.length === 0) return null;
  const nameOf = (id: string | null) => staff.find((s) => s.id === id)?.displayName ?? '';
  return (
    <ul>
      {children.map((u) => (
        <li data-unit={u.id}>
          {`${u.name}（${desk.t.staff.kinds[u.kind]}）`}
          {u.headUserId ? ` · ${desk.t.staff.head}：${nameOf(u.headUserId)}` : ''}
          <Tree desk={desk} units={units} staff={staff} parentId={u.id} />
        </li>
      ))}
    </ul>
  );
};

const credential = (no: string | null, until: string | null) => (no ? `${no}${until ? ` · ${until}` : ''}` : '—');

/** The page. */
export const StaffPage: FC<StaffPageProps> = ({ desk, units, staff, warningDays }) => {
  const t = desk.t.staff;
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? '—';
  return (
    <Layout desk={desk} title={t.title} current="staff">
      <Warnings desk={desk} staff={staff} days={warningDays} />
      <section aria-labelledby="units-heading">
        <h2 id="units-heading">{t.units}</h2>
        <Tree desk={desk} units={units} staff={staff} parentId={null} />
        <h3>{t.newUnit}</h3>
        <NewUnitForm desk={desk} units={units} />
      </section>
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t.staff}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.displayName}</th>
              <th scope="col">{t.roles}</th>
              <th scope="col">{t.unit}</th>
              <th scope="col">{t.certificate}</th>
              <th scope="col">{t.qualification}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.edit}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr data-staff={s.username} data-active={String(s.active)}>
                <td>{`${s.displayName}（${s.username}）`}</td>
                <td>{s.roles.map((r) => desk.t.roles[r]).join('、')}</td>
                <td>{unitName(s.unitId)}</td>
                <td>{credential(s.certificateNo, s.certificateValidUntil)}</td>
                <td>{credential(s.qualificationNo, s.qualificationValidUntil)}</td>
                <td>{s.active ? t.active : t.inactive}</td>
                <td>
                  <StaffEditForms desk={desk} units={units} staff={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t.newStaff}</h3>
        <NewStaffForm desk={desk} units={units} />
      </section>
    </Layout>
  );
};
