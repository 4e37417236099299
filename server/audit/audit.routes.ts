// Auditor routes: signed checkpoints (create, export), whole-record verification, and per case the
// responsibility chain (JSON or SVG), the timeline and the case-file export (JSON or printable HTML).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AuthEnv } from '../http/auth.js';
import type { Services } from '../services.js';
import type { UserRole } from '../../db/users/user-store.js';
import { problem, validationProblem } from '../http/problem.js';
import type { CheckpointStore } from '../../db/audit/audit-checkpoints.js';
import type { AuditSigner } from './signing-key.js';
import { verifyDatabase } from './verify.js';
import { loadChain } from './chain-loader.js';
import { chainPersons } from './fault-facts.js';
import { renderResponsibilitySvg } from './responsibility-svg.js';
import { loadCaseExport } from './case-export.js';
import { renderCaseFilePage } from './case-file-page.js';
import { buildTimeline } from './timeline.js';
import { currentCredentials } from '../../db/audit/audit-credentials.js';

const FormatSchema = z.object({ format: z.enum(['json', 'html']).default('json') });
const ChainFormatSchema = z.object({ format: z.enum(['json', 'svg']).default('json') });
const auditors: UserRole[] = ['auditor', 'admin'];
const caseReaders: UserRole[] = ['auditor', 'admin', 'head'];

/** A 403 problem unless the caller holds one of `roles`. */
export function refuseRoles(c: Context<AuthEnv>, roles: UserRole[]): Response | null {
  if (c.var.user.roles.some((r) => roles.includes(r))) return null;
  return problem(c, { kind: 'forbidden', code: 'wrong_role', detail: `Only ${roles.join(', ')} may do this.` });
}

async function caseOr404(c: Context<AuthEnv>, services: Services): Promise<Response | null> {
  if (await services.store.get(c.req.param('id')!)) return null;
  return problem(c, { kind: 'not_found', code: 'case_not_found', detail: `No case ${c.req.param('id')}.` });
}

/** /api/v1/audit/* routes. */
export function auditRoutes(services: Services, deps: { signer: AuditSigner; checkpoints: CheckpointStore }) {
  return new Hono<AuthEnv>()
    .post('/checkpoints', async (c) => {
      const refused = refuseRoles(c, auditors);
      if (refused) return refused;
      const checkpoint = await deps.checkpoints.create(deps.signer.key, deps.signer.source, c.var.user.id, services.now().toISOString());
      if (!checkpoint)
        return problem(c, { kind: 'invalid_transition', code: 'record_empty', detail: 'The record is empty: there is nothing to sign.' });
      return c.json({ ...checkpoint, keySource: deps.signer.source }, 201);
    })
    .get('/checkpoints', async (c) => {
      const refused = refuseRoles(c, auditors);
      if (refused) return refused;
      c.header('Content-Disposition', 'attachment; filename="checkpoints.json"');
      return c.json({
        kind: 'legal-review/checkpoints',
        version: 1,
        exportedAt: services.now().toISOString(),
        publicKey: deps.signer.publicKey,
        keySource: deps.signer.source,
        items: await deps.checkpoints.list(),
      });
    })
    .get('/verify', async (c) => {
      const refused = refuseRoles(c, auditors);
      if (refused) return refused;
      // Only pinned keys are trusted when any are pinned: a checkpoint re-signed with another key is an issue.
      return c.json(
        await verifyDatabase(services.database, { workers: 2, trustedKeys: deps.signer.pinned, evidenceDir: services.evidence.files.dir }),
      );
    });
}

/** Per-case audit routes, mounted at /api/v1 beside the case routes. */
export function auditCaseRoutes(services: Services) {
  return new Hono<AuthEnv>()
    .get('/cases/:id/responsibility', async (c) => {
      const query = ChainFormatSchema.safeParse(c.req.query());
      if (!query.success) return validationProblem(c, query.error.issues);
      const refused = (await caseOr404(c, services)) ?? refuseRoles(c, caseReaders);
      if (refused) return refused;
      const chain = (await loadChain({ store: services.store, client: services.database.client }, c.req.param('id')))!;
      if (query.data.format === 'svg')
        return c.body(renderResponsibilitySvg(chain), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
      return c.json({ ...chain, persons: chainPersons(chain) });
    })
    .get('/cases/:id/timeline', async (c) => {
      const refused = (await caseOr404(c, services)) ?? refuseRoles(c, caseReaders);
      if (refused) return refused;
      const names = new Map([...(await currentCredentials(services.database.client))].map(([id, cr]) => [id, cr.displayName]));
      return c.json({ items: buildTimeline(await services.store.events(c.req.param('id'), true), names) });
    })
    .get('/cases/:id/export', async (c) => {
      const query = FormatSchema.safeParse(c.req.query());
      if (!query.success) return validationProblem(c, query.error.issues);
      const refused = (await caseOr404(c, services)) ?? refuseRoles(c, caseReaders);
      if (refused) return refused;
      const data = (await loadCaseExport(services, c.req.param('id'), c.var.user.displayName))!;
      if (query.data.format === 'json') return c.json(data);
      return c.html(await renderCaseFilePage(data, renderResponsibilitySvg(data.responsibility)));
    });
}
