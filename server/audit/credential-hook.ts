// Effect hook of the audit module: with every accepted case event, snapshot the actor's certificate and
// qualification numbers in the same transaction (the record itself carries only the validity flags).
import { eventIdMarker, type RowGroup } from '../../db/core/writer.js';
import type { AcceptedChange } from '../cases/case-service.js';

const columns = [
  'event_id',
  'user_id',
  'display_name',
  'certificate_no',
  'certificate_valid_until',
  'qualification_no',
  'qualification_valid_until',
] as const;

/**
 * The snapshot row for the entry an accepted change appends (none for the scheduler), as rows the writer
 * merges into one INSERT per batch; the writer puts the entry's record id where the marker stands.
 */
export function credentialSnapshotHook(change: AcceptedChange): RowGroup[] {
  if (change.event.actor.roles.includes('system')) return [];
  const u = change.user;
  return [
    {
      table: 'credential_snapshots',
      columns,
      rows: [[eventIdMarker, u.id, u.displayName, u.certificateNo, u.certificateValidUntil, u.qualificationNo, u.qualificationValidUntil]],
    },
  ];
}
