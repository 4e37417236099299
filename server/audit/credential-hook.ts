// Effect hook of the audit module: with every accepted case event, snapshot the actor's certificate and
// qualification numbers in the same transaction (the record itself carries only the validity flags).
import type { InStatement } from '@libsql/client';
import type { AcceptedChange } from '../services/case-service.js';
import { snapshotLatestEntryStatement } from '../../db/audit-credentials.js';

/** The snapshot statement for the entry an accepted change appends (none for the scheduler). */
export function credentialSnapshotHook(change: AcceptedChange): InStatement[] {
  if (change.event.actor.roles.includes('system')) return [];
  return [snapshotLatestEntryStatement(change.caseId, change.event.actor.id)];
}
