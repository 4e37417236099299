// What the server checks and adds before a case event that cites evidence files reaches the machine: every
// file a draft or a record list names must be a file of this case with that SHA-256 (422 otherwise), and
// records are stamped with their stored media types and whether the policy requires an audio-visual one.
import type { CaseEvent, RecordStamp, StampedRecord } from '../../machines/case/case.events.js';
import type { DraftContent, FileRef } from '../../machines/case/draft.schema.js';
import { isAvRecordRequired, type AvRecordRequirement } from '../../machines/case/av-record.rules.js';
import type { EvidenceStore } from '../../db/evidence/evidence-store.js';
import { fail, ok, type Result } from '../shared/result.js';

export interface EvidenceStampDeps {
  store: EvidenceStore;
  /** The policy's table of events that need an audio-visual record. */
  avRecords: readonly AvRecordRequirement[];
}

/** Every file a draft cites, in order. */
export function draftFiles(draft: DraftContent): FileRef[] {
  return draft.evidence.flatMap((e) => e.files ?? []);
}

/** Each reference resolved to this case's stored file, or 422 naming the first that is not one. */
export async function resolveFiles(store: EvidenceStore, caseId: string, refs: readonly FileRef[]): Promise<Result<StampedRecord[]>> {
  const rows = new Map((await store.many(caseId, [...new Set(refs.map((r) => r.evidenceId))])).map((r) => [r.id, r]));
  const out: StampedRecord[] = [];
  for (const ref of refs) {
    const row = rows.get(ref.evidenceId);
    if (!row) {
      const detail = `Evidence ${ref.evidenceId} is not a file of this case; upload it to this case first.`;
      return fail({ kind: 'invalid_transition', code: 'evidence_not_in_case', detail, fields: [ref.evidenceId] });
    }
    if (row.sha256 !== ref.sha256) {
      const detail = `Evidence ${ref.evidenceId} has SHA-256 ${row.sha256}, not ${ref.sha256}.`;
      return fail({ kind: 'invalid_transition', code: 'evidence_hash_mismatch', detail, fields: [ref.evidenceId] });
    }
    out.push({ evidenceId: row.id, sha256: row.sha256, mediaType: row.mediaType });
  }
  return ok(out);
}

/** Checks the files a draft cites belong to `caseId` (at 立案 no file can: the case does not exist yet). */
export async function checkDraftFiles(store: EvidenceStore, caseId: string, draft: DraftContent): Promise<Result<DraftContent>> {
  const resolved = await resolveFiles(store, caseId, draftFiles(draft));
  return resolved.ok ? ok(draft) : resolved;
}

/** The event with its evidence checked and its records stamped; other events pass unchanged. */
export async function stampEvidence(deps: EvidenceStampDeps, caseId: string, event: CaseEvent): Promise<Result<CaseEvent>> {
  if (event.type === 'draft.revise') {
    const checked = await checkDraftFiles(deps.store, caseId, event.draft);
    return checked.ok ? ok(event) : checked;
  }
  const sent = (event as { records?: FileRef[] }).records;
  const required = isAvRecordRequired(deps.avRecords, event as { type: string; method?: unknown });
  if (sent === undefined && !required) return ok(event);
  const records = await resolveFiles(deps.store, caseId, sent ?? []);
  if (!records.ok) return records;
  const stamp: RecordStamp = { records: records.value, ...(required ? { avRecordRequired: true } : {}) };
  return ok({ ...event, ...stamp } as CaseEvent);
}
