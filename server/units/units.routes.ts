// The contracts of the units and staff API under /api/v1: the unit tree (read by every signed-in user, changed
// by admins), staff with roles, unit and credentials (admins), and certificate warnings (admins; heads for their
// units). Handlers: units.handlers.ts.
import { createRoute } from '@hono/zod-openapi';
import { IdParamsSchema } from '../http/params.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';
import {
  NewStaffSchema,
  NewUnitSchema,
  StaffListSchema,
  StaffPatchSchema,
  StaffSchema,
  UnitListSchema,
  UnitPatchSchema,
  UnitSchema,
} from './units.schemas.js';

export const listUnitsRoute = createRoute({
  method: 'get',
  path: '/units',
  operationId: 'listUnits',
  summary: 'The organisation units (单位), parents before children',
  responses: { 200: jsonResponse(UnitListSchema, 'Units'), ...problems(401) },
});

export const createUnitRoute = createRoute({
  method: 'post',
  path: '/units',
  operationId: 'createUnit',
  summary: 'Create a unit under a parent (admins); its place in the tree is fixed',
  request: { body: jsonBody(NewUnitSchema) },
  responses: { 201: jsonResponse(UnitSchema, 'The new unit'), ...problems(400, 401, 403, 413, 415) },
});

export const updateUnitRoute = createRoute({
  method: 'patch',
  path: '/units/{id}',
  operationId: 'updateUnit',
  summary: 'Rename a unit, name its 主要负责人, or deactivate it (admins)',
  request: { params: IdParamsSchema, body: jsonBody(UnitPatchSchema) },
  responses: { 200: jsonResponse(UnitSchema, 'The unit'), ...problems(400, 401, 403, 404, 413, 415) },
});

export const listStaffRoute = createRoute({
  method: 'get',
  path: '/users',
  operationId: 'listStaff',
  summary: 'Every user with roles, unit, credentials and certificate warnings (admins)',
  responses: { 200: jsonResponse(StaffListSchema, 'Users'), ...problems(401, 403) },
});

export const createStaffRoute = createRoute({
  method: 'post',
  path: '/users',
  operationId: 'createStaff',
  summary: 'Create a user in a unit (admins)',
  request: { body: jsonBody(NewStaffSchema) },
  responses: { 201: jsonResponse(StaffSchema, 'The new user'), ...problems(400, 401, 403, 409, 413, 415) },
});

export const updateStaffRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  operationId: 'updateStaff',
  summary: "Change a user's name, roles, unit, 执法证 or 法律职业资格 (admins)",
  request: { params: IdParamsSchema, body: jsonBody(StaffPatchSchema) },
  responses: { 200: jsonResponse(StaffSchema, 'The user'), ...problems(400, 401, 403, 404, 413, 415) },
});

export const deactivateStaffRoute = createRoute({
  method: 'post',
  path: '/users/{id}/deactivate',
  operationId: 'deactivateStaff',
  summary: 'Deactivate a user; their tokens and desk sessions end at once (admins)',
  request: { params: IdParamsSchema },
  responses: { 200: jsonResponse(StaffSchema, 'The user, inactive'), ...problems(400, 401, 403, 404) },
});

export const certificateWarningsRoute = createRoute({
  method: 'get',
  path: '/certificate-warnings',
  operationId: 'listCertificateWarnings',
  summary: 'Users whose 执法证 or 法律职业资格 ends within the policy’s warning period or has ended (admins: all; heads: their units)',
  responses: { 200: jsonResponse(StaffListSchema, 'Users with warnings'), ...problems(401, 403) },
});
