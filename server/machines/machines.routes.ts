// The contracts of machine versions: `GET /api/v1/machines` (every deployed machine version with its diagram)
// and `POST /api/v1/cases/{id}/migrate` (an administrator moves a case to a newer version, on the record).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdempotencyKeySchema, IdParamsSchema, IfMatchSchema } from '../http/params.js';
import { jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { CaseViewSchema } from '../cases/case-view.schema.js';

const MachineListing = z
  .object({
    kind: z.string().meta({ description: 'The machine (cases.machine_id): case, inquiry' }),
    version: z.number().int(),
    latest: z.boolean().meta({ description: 'New streams of this kind open under this version' }),
    cases: z.number().int().meta({ description: 'Stored cases under this version' }),
    openCases: z.number().int().meta({ description: 'Of those, not yet closed or withdrawn' }),
    diagram: z.string().meta({ description: 'The statechart as Mermaid stateDiagram-v2 source, generated from the machine' }),
  })
  .meta({ id: 'MachineVersion' });

export const listMachines = createRoute({
  method: 'get',
  path: '/machines',
  operationId: 'listMachines',
  summary: 'Every deployed machine version (all versions stored cases run under are deployed), with its diagram',
  responses: { 200: jsonResponse(z.array(MachineListing), 'Machine versions, by kind then version'), ...problems(401) },
});

const MigrateCase = z
  .object({ toVersion: z.number().int().min(1).max(1_000_000).meta({ description: 'A newer version of the case machine' }) })
  .strict()
  .meta({ id: 'MigrateCase' });

export const migrateCase = createRoute({
  method: 'post',
  path: '/cases/{id}/migrate',
  operationId: 'migrateCase',
  summary: 'Move a case to a newer machine version where a documented mapping exists (an administrator; recorded)',
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchSchema, 'idempotency-key': IdempotencyKeySchema }),
    body: jsonBody(MigrateCase),
  },
  responses: {
    200: jsonResponse(CaseViewSchema, 'The case under its new version'),
    ...problems(400, 401, 403, 404, 409, 413, 415, 422),
  },
});
