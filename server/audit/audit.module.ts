// The audit module: credential snapshots with every accepted event, signed checkpoints (on demand and
// hourly), verification, responsibility chains, case-file exports and accountability inquiries.
import type { ServerModule } from '../mounts.js';
import type { Services } from '../services.js';
import { createCheckpointStore, recordHead } from '../../db/audit/audit-checkpoints.js';
import { createInquiryStore } from '../../db/audit/inquiry-store.js';
import { credentialSnapshotHook } from './credential-hook.js';
import { auditSigner, type AuditSigner } from './signing-key.js';
import { loadFaultRules } from './fault-rules.js';
import { createInquiryService } from './inquiry-service.js';
import { auditCaseRoutes, auditRoutes } from './audit.routes.js';
import { inquiryRoutes } from './inquiries.routes.js';

/** How often the server signs a checkpoint of the record head by itself (only when the head moved). */
export const checkpointIntervalMs = 60 * 60 * 1000;

let timer: NodeJS.Timeout | undefined;

/** Signs the head unless the latest checkpoint already covers it; returns whether it signed. */
export async function periodicCheckpoint(services: Services, signer: AuditSigner): Promise<boolean> {
  const store = createCheckpointStore(services.database.client, services.writer);
  const [head, latest] = await Promise.all([recordHead(services.database.client), store.latest()]);
  if (!head || latest?.sequence === head.id) return false;
  return (await store.create(signer.key, signer.source, 'system', services.now().toISOString())) !== null;
}

export const auditModule: ServerModule = {
  name: 'audit',
  serviceOptions: () => ({ onAccepted: [credentialSnapshotHook] }),
  mount: (env) => {
    // Both throw while the app is built: a production server without a signing key or with bad rules never starts.
    const signer = auditSigner(env);
    const rules = loadFaultRules();
    return ({ api }, services) => {
      const store = createInquiryStore(services.database.client, services.writer);
      const inquiries = createInquiryService(services, store, rules);
      api.route('/audit', auditRoutes(services, { signer, checkpoints: createCheckpointStore(services.database.client, services.writer) }));
      api.route('/', auditCaseRoutes(services));
      api.route('/', inquiryRoutes(services, { inquiries, store, rules }));
    };
  },
  start: async (services, env) => {
    const signer = auditSigner(env);
    const tick = () =>
      periodicCheckpoint(services, signer).catch((error: unknown) => console.error('audit: periodic checkpoint failed', error));
    timer = setInterval(tick, checkpointIntervalMs);
    timer.unref();
  },
  stop: () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  },
};
