// A case's timeline for auditors (案卷评查): every record entry, accepted or refused, with who, what, when
// and on which draft version. Pure: built from the record entries and a map of display names.
import { draftOf } from '../../machines/case/draft.schema.js';
import { eventLabel, outcomeLabel, proposalLabel, roleLabel } from './event-labels.js';
import type { RecordedEntry } from './responsibility.js';

export interface TimelineItem {
  entryId: number;
  hash: string;
  seq: number | null;
  at: string;
  type: string;
  label: string;
  actorId: string;
  actorName: string;
  role: string | null;
  roleLabel: string;
  draftVersion: number;
  draftHash: string | null;
  accepted: boolean;
  refusal: { code: string; detail: string } | null;
  summary: string;
}

const clip = (text: unknown, max = 120): string => {
  const s = typeof text === 'string' ? text : '';
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

/** A one-line summary of what the entry says (opinion, outcome, reason), without repeating the label. */
export function summarize(type: string, payload: Record<string, unknown>, names: Map<string, string> = new Map()): string {
  switch (type) {
    case 'case.open':
    case 'draft.revise': {
      const draft = payload.draft as { title?: string } | undefined;
      return `${draft?.title ?? ''}：拟${proposalLabel(draft)}`;
    }
    case 'materials.supplement':
      return `${clip(payload.note)}${payload.draft ? `；修改代拟稿：拟${proposalLabel(payload.draft)}` : ''}`;
    case 'review.requestMaterials':
      return clip(payload.request);
    case 'review.object':
    case 'decision.extend':
      return clip(payload.reason);
    case 'review.coordinate':
      return clip(payload.note);
    case 'machine.migrate':
      return `流程版本 ${String(payload.from)} → ${String(payload.to)}`;
    case 'review.signOff':
      return payload.agree ? '同意签发' : '不同意签发';
    case 'statement.record':
      return clip(payload.summary);
    case 'hearing.hold':
      return clip(payload.transcript);
    case 'review.approve':
    case 'review.return':
    case 'review.refer':
      return clip(payload.opinion);
    case 'review.assign':
      return `审核人员 ${names.get(String(payload.reviewerId)) ?? String(payload.reviewerId ?? '')}`;
    case 'discussion.record':
      return `结论：${clip(payload.conclusion)}`;
    case 'decision.issue':
      return payload.outcome ? outcomeLabel(String(payload.outcome)) : '按代拟稿';
    case 'conflict.declare':
    case 'publication.withdraw':
    case 'case.withdraw':
      return clip(payload.reason);
    case 'deadline.notify':
      return `${String(payload.kind ?? '')} ${String(payload.status ?? '')} ${String(payload.dueDate ?? '')}`;
    default:
      return '';
  }
}

/** The timeline of one case (entries oldest first; refused attempts included and marked). */
export function buildTimeline(entries: RecordedEntry[], names: Map<string, string>): TimelineItem[] {
  let version = 0;
  let currentHash: string | null = null;
  const versions = new Map<string, number>();
  return entries.map((e) => {
    if (e.accepted && draftOf({ type: e.type, ...(e.payload as object) }) !== null && e.draftHash !== currentHash) {
      version += 1;
      currentHash = e.draftHash;
      if (e.draftHash) versions.set(e.draftHash, version);
    }
    // A refused attempt is filed under the hash it carried (a stale one, say), not under the current draft.
    const sent = (e.payload as { draftHash?: unknown } | null)?.draftHash;
    const carried = !e.accepted && typeof sent === 'string' ? sent : e.draftHash;
    const refusal = e.refusal as { code?: string; detail?: string } | null;
    return {
      entryId: e.id,
      hash: e.hash,
      seq: e.seq,
      at: e.at,
      type: e.type,
      label: eventLabel(e.type),
      actorId: e.actorId,
      actorName: names.get(e.actorId) ?? e.actorId,
      role: e.actorRole,
      roleLabel: roleLabel(e.actorRole),
      draftVersion: (carried && versions.get(carried)) || version,
      draftHash: carried,
      accepted: e.accepted,
      refusal: refusal ? { code: String(refusal.code ?? ''), detail: String(refusal.detail ?? '') } : null,
      summary: summarize(e.type, (e.payload ?? {}) as Record<string, unknown>, names),
    };
  });
}
