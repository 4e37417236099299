// The request and response shapes of the units and staff administration API (zod, and so the OpenAPI document).
import { z } from 'zod';
import { unitKinds } from '../../db/units/unit-store.js';
import { userRoles } from '../../db/users/user-store.js';

const Name = z.string().trim().min(1).max(200);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const CredentialNo = z.string().trim().min(1).max(100);

export const UnitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(unitKinds).meta({ description: 'detachment (支队), brigade (大队), office (科室), review (法制审核机构)' }),
    parentId: z.string().nullable(),
    path: z.string().meta({ description: 'The unit and its ancestors, `/<root>/…/<unit>/`; fixed at creation' }),
    headUserId: z.string().nullable().meta({ description: 'The 主要负责人' }),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Unit' });
export const UnitListSchema = z.object({ items: z.array(UnitSchema) }).meta({ id: 'UnitList' });
export const NewUnitSchema = z
  .strictObject({ name: Name, kind: z.enum(unitKinds), parentId: z.string().min(1).max(200).nullable() })
  .meta({ id: 'NewUnit' });
export const UnitPatchSchema = z
  .strictObject({ name: Name.optional(), headUserId: z.string().min(1).max(200).nullable().optional(), active: z.boolean().optional() })
  .meta({ id: 'UnitPatch' });

export const CertificateWarningSchema = z
  .object({
    kind: z.enum(['certificate', 'qualification']),
    number: z.string(),
    validUntil: z.string(),
    daysLeft: z.number().int(),
    expired: z.boolean(),
  })
  .meta({ id: 'CertificateWarning' });
export const StaffSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(userRoles)),
    unitId: z.string().nullable(),
    certificateNo: z.string().nullable(),
    certificateValidUntil: z.string().nullable(),
    qualificationNo: z.string().nullable(),
    qualificationValidUntil: z.string().nullable(),
    email: z.string().nullable(),
    active: z.boolean(),
    warnings: z.array(CertificateWarningSchema),
  })
  .meta({ id: 'Staff' });
export const StaffListSchema = z.object({ items: z.array(StaffSchema) }).meta({ id: 'StaffList' });

const credentials = {
  certificateNo: CredentialNo.nullable().optional().meta({ description: '执法证 number' }),
  certificateValidUntil: Day.nullable().optional(),
  qualificationNo: CredentialNo.nullable().optional().meta({ description: '法律职业资格 number' }),
  qualificationValidUntil: Day.nullable().optional(),
  email: z.email().max(254).nullable().optional().meta({ description: 'where notifications are also mailed (SMTP)' }),
};
export const NewStaffSchema = z
  .strictObject({
    username: z.string().trim().min(1).max(100),
    displayName: Name,
    password: z.string().min(12).max(200),
    roles: z.array(z.enum(userRoles)).min(1).max(6),
    unitId: z.string().min(1).max(200),
    ...credentials,
  })
  .meta({ id: 'NewStaff' });
export const StaffPatchSchema = z
  .strictObject({
    displayName: Name.optional(),
    roles: z.array(z.enum(userRoles)).min(1).max(6).optional(),
    unitId: z.string().min(1).max(200).optional(),
    ...credentials,
  })
  .meta({ id: 'StaffPatch' });
