// The handlers of the units and staff API (contracts in units.routes.ts): validated request, access rule,
// administration service, answer.
import type { Services } from '../services.js';
import { answerProblem, apiRouter, respond } from '../http/openapi.js';
import { canAdministerStaff, canReadCertificateWarnings } from '../access/access-rules.js';
import {
  certificateWarningsRoute,
  createStaffRoute,
  createUnitRoute,
  deactivateStaffRoute,
  listStaffRoute,
  listUnitsRoute,
  updateStaffRoute,
  updateUnitRoute,
} from './units.routes.js';

/** The units and staff API, mounted at /api/v1 behind bearer auth. */
export function unitApi(services: Services) {
  const admin = services.unitAdmin;
  return apiRouter()
    .openapi(listUnitsRoute, async (c) => c.json({ items: await services.units.list() }, 200))
    .openapi(createUnitRoute, async (c) => {
      const body = c.req.valid('json');
      const access = canAdministerStaff(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return respond(c, await admin.createUnit(body), 201);
    })
    .openapi(updateUnitRoute, async (c) => {
      const body = c.req.valid('json');
      const access = canAdministerStaff(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return respond(c, await admin.updateUnit(c.req.valid('param').id, body), 200);
    })
    .openapi(listStaffRoute, async (c) => {
      const access = canAdministerStaff(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return c.json({ items: await admin.listStaff() }, 200);
    })
    .openapi(createStaffRoute, async (c) => {
      const body = c.req.valid('json');
      const access = canAdministerStaff(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return respond(c, await admin.createStaff(body), 201);
    })
    .openapi(updateStaffRoute, async (c) => {
      const body = c.req.valid('json');
      const access = canAdministerStaff(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return respond(c, await admin.updateStaff(c.req.valid('param').id, body), 200);
    })
    .openapi(deactivateStaffRoute, async (c) => {
      const access = canAdministerStaff(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return respond(c, await admin.deactivateStaff(c.req.valid('param').id), 200);
    })
    .openapi(certificateWarningsRoute, async (c) => {
      const access = canReadCertificateWarnings(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      return c.json({ items: await admin.expiring(access.within) }, 200);
    });
}
