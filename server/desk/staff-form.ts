// Maps the admin desk's unit and staff forms onto the administration API's request shapes and schemas
// (server/units/units.schemas.ts), so a form is checked by the same schema and written by the same service
// as the API call. Field mapping only: an empty credential or e-mail field clears it, no rule lives here.
import type { z } from 'zod';
import { NewStaffSchema, NewUnitSchema, StaffPatchSchema } from '../units/units.schemas.js';

/** A parsed form body (`parseBody({ all: true })`): repeated fields arrive as arrays. */
export type FormBody = Record<string, string | File | (string | File)[]>;

const text = (v: FormBody[string] | undefined): string => (typeof v === 'string' ? v.trim() : '');
const orNull = (v: FormBody[string] | undefined): string | null => text(v) || null;
const list = (v: FormBody[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

const credentials = (form: FormBody) => ({
  certificateNo: orNull(form.certificateNo),
  certificateValidUntil: orNull(form.certificateValidUntil),
  qualificationNo: orNull(form.qualificationNo),
  qualificationValidUntil: orNull(form.qualificationValidUntil),
  email: orNull(form.email),
});

/** The create-unit form as the API's NewUnit body, checked by its schema. */
export function unitFromForm(form: FormBody): z.ZodSafeParseResult<z.infer<typeof NewUnitSchema>> {
  return NewUnitSchema.safeParse({ name: text(form.name), kind: text(form.kind), parentId: orNull(form.parentId) });
}

/** The create-user form as the API's NewStaff body, checked by its schema. */
export function staffFromForm(form: FormBody): z.ZodSafeParseResult<z.infer<typeof NewStaffSchema>> {
  return NewStaffSchema.safeParse({
    username: text(form.username),
    displayName: text(form.displayName),
    password: typeof form.password === 'string' ? form.password : '',
    roles: list(form.roles),
    unitId: text(form.unitId),
    ...credentials(form),
  });
}

/** The change-user form (roles, unit, credentials) as the API's StaffPatch body, checked by its schema. */
export function staffPatchFromForm(form: FormBody): z.ZodSafeParseResult<z.infer<typeof StaffPatchSchema>> {
  return StaffPatchSchema.safeParse({ roles: list(form.roles), unitId: text(form.unitId), ...credentials(form) });
}
