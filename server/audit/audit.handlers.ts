// The handlers of the auditor's API (contracts in audit.routes.ts). Each asks its access rule first (after the
// request is valid), then reads; only POST /checkpoints writes, through the checkpoint store.
import type { Services } from '../services.js';
import { zipCaseFile } from '../evidence/case-zip.js';
import type { CheckpointStore } from '../../db/audit/audit-checkpoints.js';
import { currentCredentials } from '../../db/audit/audit-credentials.js';
import { answerProblem, apiRouter } from '../http/openapi.js';
import { printablePageCsp } from '../http/security-headers.js';
import { canReadCaseFile, canVerifyRecord } from '../access/access-rules.js';
import { lookupCase } from '../access/case-lookup.js';
import type { AuditSigner } from './signing-key.js';
import { verifyDatabase } from './verify.js';
import { loadChain } from './chain-loader.js';
import { chainPersons } from './fault-facts.js';
import { renderResponsibilitySvg, responsibilitySvgStyles } from './responsibility-svg.js';
import { loadCaseExport } from './case-export.js';
import { caseFileStyles, renderCaseFilePage } from './case-file-page.js';
import { buildTimeline } from './timeline.js';
import {
  createCheckpointRoute,
  exportCaseRoute,
  exportCheckpointsRoute,
  responsibilityRoute,
  timelineRoute,
  verifyRoute,
} from './audit.routes.js';

/** The printable case file's CSP: no script, nothing external, only its own two inline stylesheets. */
const caseFileCsp = printablePageCsp([caseFileStyles, responsibilitySvgStyles]);

/** /api/v1/audit/*. */
export function auditApi(services: Services, deps: { signer: AuditSigner; checkpoints: CheckpointStore }) {
  return apiRouter()
    .openapi(createCheckpointRoute, async (c) => {
      const access = canVerifyRecord(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      const checkpoint = await deps.checkpoints.create(deps.signer.key, deps.signer.source, c.var.user.id, services.now().toISOString());
      if (!checkpoint)
        return answerProblem(c, {
          kind: 'invalid_transition',
          code: 'record_empty',
          detail: 'The record is empty: there is nothing to sign.',
        });
      return c.json({ ...checkpoint, keySource: deps.signer.source }, 201);
    })
    .openapi(exportCheckpointsRoute, async (c) => {
      const access = canVerifyRecord(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      c.header('Content-Disposition', 'attachment; filename="checkpoints.json"');
      const items = await deps.checkpoints.list();
      const { publicKey, source: keySource } = deps.signer;
      return c.json(
        {
          kind: 'legal-review/checkpoints' as const,
          version: 1 as const,
          exportedAt: services.now().toISOString(),
          publicKey,
          keySource,
          items,
        },
        200,
      );
    })
    .openapi(verifyRoute, async (c) => {
      const access = canVerifyRecord(c.var.user);
      if (!access.ok) return answerProblem(c, access.error);
      // Only pinned keys are trusted when any are pinned: a checkpoint re-signed with another key is an issue.
      return c.json(
        await verifyDatabase(services.database, { workers: 2, trustedKeys: deps.signer.pinned, evidenceDir: services.evidence.files.dir }),
        200,
      );
    });
}

/** Per-case audit routes, mounted at /api/v1 beside the case API. */
export function auditCaseApi(services: Services) {
  const caseFile = (user: Parameters<typeof canReadCaseFile>[0], id: string) => lookupCase(services.store, user, id, canReadCaseFile);
  return apiRouter()
    .openapi(responsibilityRoute, async (c) => {
      const found = await caseFile(c.var.user, c.req.valid('param').id);
      if (!found.ok) return answerProblem(c, found.error);
      const chain = (await loadChain({ store: services.store, client: services.database.client }, found.value.id))!;
      if (c.req.valid('query').format === 'svg')
        return c.body(renderResponsibilitySvg(chain), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
      return c.json({ ...chain, persons: chainPersons(chain) }, 200);
    })
    .openapi(timelineRoute, async (c) => {
      const found = await caseFile(c.var.user, c.req.valid('param').id);
      if (!found.ok) return answerProblem(c, found.error);
      const names = new Map([...(await currentCredentials(services.database.client))].map(([id, cr]) => [id, cr.displayName]));
      return c.json({ items: buildTimeline(await services.store.events(found.value.id, true), names) }, 200);
    })
    .openapi(exportCaseRoute, async (c) => {
      const found = await caseFile(c.var.user, c.req.valid('param').id);
      if (!found.ok) return answerProblem(c, found.error);
      const data = (await loadCaseExport(services, found.value.id, c.var.user.displayName))!;
      const format = c.req.valid('query').format;
      if (format === 'json') return c.json(data, 200);
      if (format === 'zip') return (await zipCaseFile(c, services, data)) as never;
      c.header('Content-Security-Policy', caseFileCsp);
      return c.html(await renderCaseFilePage(data, renderResponsibilitySvg(data.responsibility)));
    });
}
