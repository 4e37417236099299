// Loads what the responsibility chain is built from: a case's accepted record entries, the credential
// snapshots beside them, current credentials as a fallback, and the decided outcome.
import type { SqlClient } from '../../db/core/sql.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import { currentCredentials, snapshotsForStream } from '../../db/audit/audit-credentials.js';
import { buildResponsibilityChain, type ResponsibilityChain } from './responsibility.js';

/** The chain of `caseId`, or null when there is no such case. */
export async function loadChain(deps: { store: CaseStore; client: SqlClient }, caseId: string): Promise<ResponsibilityChain | null> {
  const row = await deps.store.get(caseId);
  if (!row) return null;
  const [entries, snapshots, current, outcome] = await Promise.all([
    deps.store.events(caseId, false),
    snapshotsForStream(deps.client, caseId),
    currentCredentials(deps.client),
    deps.store.decisionOutcome(caseId),
  ]);
  return buildResponsibilityChain(caseId, entries, snapshots, current, outcome);
}
