// Loads what the responsibility chain is built from: a case's accepted record entries, the credential
// snapshots beside them, current credentials as a fallback, and the decided outcome.
import type { Services } from '../services.js';
import { currentCredentials, snapshotsForStream } from '../../db/audit/audit-credentials.js';
import { buildResponsibilityChain, type ResponsibilityChain } from './responsibility.js';

/** The chain of `caseId`, or null when there is no such case. */
export async function loadChain(services: Services, caseId: string): Promise<ResponsibilityChain | null> {
  const row = await services.store.get(caseId);
  if (!row) return null;
  const client = services.database.client;
  const [entries, snapshots, current, decided] = await Promise.all([
    services.store.events(caseId, false),
    snapshotsForStream(client, caseId),
    currentCredentials(client),
    client.execute({ sql: 'SELECT outcome FROM decisions WHERE case_id = ?', args: [caseId] }),
  ]);
  const outcome = decided.rows[0]?.outcome;
  return buildResponsibilityChain(caseId, entries, snapshots, current, outcome == null ? null : String(outcome));
}
