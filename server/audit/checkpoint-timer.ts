// Signs a checkpoint of the record head periodically (only when the head moved). The server's main starts
// and stops it; nothing here runs on import.
import type { Client } from '@libsql/client';
import { recordHead, type CheckpointStore } from '../../db/audit/audit-checkpoints.js';
import type { AuditSigner } from './signing-key.js';

/** How often the server signs a checkpoint of the record head by itself. */
export const checkpointIntervalMs = 60 * 60 * 1000;

export interface CheckpointDeps {
  client: Client;
  checkpoints: CheckpointStore;
  signer: AuditSigner;
  now: () => Date;
}

/** Signs the head unless the latest checkpoint already covers it; returns whether it signed. */
export async function checkpointIfMoved(deps: CheckpointDeps): Promise<boolean> {
  const [head, latest] = await Promise.all([recordHead(deps.client), deps.checkpoints.latest()]);
  if (!head || latest?.sequence === head.id) return false;
  return (await deps.checkpoints.create(deps.signer.key, deps.signer.source, 'system', deps.now().toISOString())) !== null;
}

/** The periodic checkpoint of one instance. */
export function createCheckpointTimer(deps: CheckpointDeps) {
  let timer: NodeJS.Timeout | undefined;
  return {
    start(): void {
      const tick = () => checkpointIfMoved(deps).catch((error: unknown) => console.error('audit: periodic checkpoint failed', error));
      timer = setInterval(tick, checkpointIntervalMs);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
