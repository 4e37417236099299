// The responsibility chain of a case (seed §9(3)), built purely from its accepted record entries: per draft
// version, who acted in which role, with which credentials at that moment, what they attested, on which
// draft hash and when, each linked to its record entry. Nothing here reads the case's current snapshot.
import type { CaseStore } from '../../db/cases/case-store.js';
import type { Credentials } from '../../db/audit/audit-credentials.js';
import { draftOf } from '../../machines/case/draft.schema.js';
import { outcomeLabel } from './event-labels.js';

export type RecordedEntry = Awaited<ReturnType<CaseStore['events']>>[number];

/** The person behind a link, with validity flags as vouched on the record and numbers from `credentialSource`. */
export interface ChainActor {
  id: string;
  name: string;
  roles: string[];
  certified: boolean;
  qualified: boolean;
  certificateNo: string | null;
  qualificationNo: string | null;
  /** `snapshot`: numbers taken when the entry was committed; `current`: users table now (older entries). */
  credentialSource: 'snapshot' | 'current' | 'none';
}

export type LinkStep =
  | 'proposal'
  | 'hearing'
  | 'attestation'
  | 'assignment'
  | 'recusal'
  | 'review'
  | 'discussion'
  | 'discussion_view'
  | 'decision';

export interface ChainLink {
  step: LinkStep;
  role: 'handler' | 'reviewer' | 'head' | 'discussant';
  actor: ChainActor | null;
  /** For discussion members: the name as recorded (members are not users). */
  name: string;
  attested: string;
  detail: Record<string, unknown>;
  draftHash: string;
  draftVersion: number;
  at: string;
  entry: { id: number; hash: string; type: string };
}

export interface ChainDraft {
  version: number;
  hash: string;
  authorId: string;
  at: string;
  entry: { id: number; hash: string };
  links: ChainLink[];
}

export interface ResponsibilityChain {
  caseId: string;
  drafts: ChainDraft[];
  decision: {
    draftHash: string;
    draftVersion: number;
    outcome: string;
    by: string;
    at: string;
    entry: { id: number; hash: string };
  } | null;
  credentialsNote: string;
}

interface Payload {
  actor?: { id: string; roles: string[]; certified: boolean; qualified: boolean };
  [key: string]: unknown;
}

const reviewOutcome: Record<string, string> = { 'review.approve': 'approved', 'review.return': 'returned', 'review.refer': 'referred' };

function actorOf(entry: RecordedEntry, snapshots: Map<number, Credentials>, current: Map<string, Credentials>): ChainActor {
  const vouched = (entry.payload as Payload).actor;
  const snap = snapshots.get(entry.id);
  const creds = snap ?? current.get(entry.actorId);
  return {
    id: entry.actorId,
    name: creds?.displayName ?? entry.actorId,
    roles: vouched?.roles ?? [],
    certified: vouched?.certified ?? false,
    qualified: vouched?.qualified ?? false,
    certificateNo: creds?.certificateNo ?? null,
    qualificationNo: creds?.qualificationNo ?? null,
    credentialSource: snap ? 'snapshot' : creds ? 'current' : 'none',
  };
}

/** The links one accepted entry contributes (none for entries outside the chain, such as service). */
function linksOf(
  entry: RecordedEntry,
  actor: ChainActor,
  draft: { hash: string; version: number },
  decided: string | null,
): Omit<ChainLink, 'draftHash' | 'draftVersion'>[] {
  const p = entry.payload as Payload;
  const base = { actor, name: actor.name, at: entry.at, entry: { id: entry.id, hash: entry.hash, type: entry.type } };
  switch (entry.type) {
    case 'case.open':
    case 'draft.revise':
      return [{ ...base, step: 'proposal', role: 'handler', attested: `拟办：提出决定代拟稿第${draft.version}稿`, detail: {} }];
    // A new notice that announces a new draft proposes it, as a revision would.
    case 'notice.send':
      return p.draft
        ? [{ ...base, step: 'proposal', role: 'handler', attested: `拟办：提出决定代拟稿第${draft.version}稿`, detail: {} }]
        : [];
    case 'hearing.hold':
      return [{ ...base, step: 'hearing', role: 'handler', attested: '记录听证笔录', detail: { transcript: p.transcript } }];
    case 'review.submit':
      return [
        { ...base, step: 'attestation', role: 'handler', attested: '承诺送审材料真实、准确、完整', detail: { attestation: p.attestation } },
      ];
    case 'review.assign':
      return [
        {
          ...base,
          step: 'assignment',
          role: entry.actorRole === 'head' ? 'head' : 'reviewer',
          attested: '指定法制审核人员',
          detail: { reviewerId: p.reviewerId },
        },
      ];
    case 'conflict.declare':
      return [
        {
          ...base,
          step: 'recusal',
          role: entry.actorRole === 'head' ? 'head' : 'reviewer',
          attested: '申请回避',
          detail: { reason: p.reason },
        },
      ];
    case 'review.approve':
    case 'review.return':
    case 'review.refer': {
      const outcome = reviewOutcome[entry.type]!;
      return [
        {
          ...base,
          step: 'review',
          role: 'reviewer',
          attested: `法制审核意见：${outcomeLabel(outcome)}`,
          detail: { outcome, opinion: p.opinion, items: p.items ?? null },
        },
      ];
    }
    case 'discussion.record': {
      const members = (p.members as { name: string; opinion: string }[] | undefined) ?? [];
      return [
        {
          ...base,
          step: 'discussion',
          role: 'head',
          attested: `集体讨论结论：${String(p.conclusion)}`,
          detail: { conclusion: p.conclusion, members },
        },
        ...members.map((m) => ({
          ...base,
          actor: null,
          name: m.name,
          step: 'discussion_view' as const,
          role: 'discussant' as const,
          attested: m.opinion,
          detail: {},
        })),
      ];
    }
    case 'decision.issue': {
      // The machine resolves an omitted outcome from the draft; the decisions table holds what it resolved.
      const outcome = decided ?? String(p.outcome ?? '');
      return [{ ...base, step: 'decision', role: 'head', attested: `决定：${outcomeLabel(outcome)}`, detail: { outcome } }];
    }
    default:
      return [];
  }
}

/** Builds the chain from a case's accepted entries (oldest first) and the credential numbers known for them. */
export function buildResponsibilityChain(
  caseId: string,
  entries: RecordedEntry[],
  snapshots: Map<number, Credentials>,
  current: Map<string, Credentials>,
  decisionOutcome: string | null,
): ResponsibilityChain {
  const drafts: ChainDraft[] = [];
  const versionOfHash = new Map<string, number>();
  let decision: ResponsibilityChain['decision'] = null;
  for (const entry of entries.filter((e) => e.accepted)) {
    const actor = actorOf(entry, snapshots, current);
    const carries = draftOf({ type: entry.type, ...(entry.payload as object) }) !== null;
    const isNewDraft = entry.type === 'case.open' || (carries && entry.draftHash !== drafts[drafts.length - 1]?.hash);
    if (isNewDraft && entry.draftHash) {
      drafts.push({
        version: drafts.length + 1,
        hash: entry.draftHash,
        authorId: entry.actorId,
        at: entry.at,
        entry: { id: entry.id, hash: entry.hash },
        links: [],
      });
      versionOfHash.set(entry.draftHash, drafts.length);
    }
    if (entry.type === 'draft.revise' && !isNewDraft) continue;
    const named = (entry.payload as Payload).draftHash;
    const draftHash = typeof named === 'string' ? named : (entry.draftHash ?? '');
    const draftVersion = versionOfHash.get(draftHash) ?? drafts.length;
    const target = drafts[draftVersion - 1] ?? drafts[drafts.length - 1];
    for (const link of linksOf(entry, actor, { hash: draftHash, version: draftVersion }, decisionOutcome)) {
      target?.links.push({ ...link, draftHash, draftVersion });
    }
    if (entry.type === 'decision.issue') {
      decision = {
        draftHash,
        draftVersion,
        outcome: decisionOutcome ?? String((entry.payload as Payload).outcome ?? ''),
        by: entry.actorId,
        at: entry.at,
        entry: { id: entry.id, hash: entry.hash },
      };
    }
  }
  const usedCurrent = drafts.some((d) => d.links.some((l) => l.actor?.credentialSource === 'current'));
  return {
    caseId,
    drafts,
    decision,
    credentialsNote: usedCurrent
      ? 'Validity flags are as vouched on the record at each event; some certificate/qualification numbers come from the users table as of now (entries written before snapshots were kept).'
      : 'Validity flags are as vouched on the record at each event; certificate/qualification numbers were snapshotted in the same transaction as each entry.',
  };
}
