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
  | 'decision'
  | 'supplement'
  | 'objection'
  | 'coordination'
  | 'sign_off';

export interface ChainLink {
  step: LinkStep;
  role: 'handler' | 'reviewer' | 'head' | 'discussant';
  actor: ChainActor | null;
  /** The person's name; for discussion members recorded before members were users, the name as recorded. */
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

type Member = { userId?: string; name?: string; vote?: string; opinion: string };

/** The links of a collective discussion: the record of it, and one view per member (a user, or a name on old records). */
function discussionLinks(
  base: Omit<ChainLink, 'draftHash' | 'draftVersion' | 'step' | 'role' | 'attested' | 'detail'>,
  p: Payload,
  member: (m: Member) => ChainActor | null,
) {
  const members = (p.members as Member[] | undefined) ?? [];
  return [
    {
      ...base,
      step: 'discussion' as const,
      role: 'head' as const,
      attested: `集体讨论结论：${String(p.conclusion)}`,
      detail: { conclusion: p.conclusion, members, chairId: p.chairId ?? null },
    },
    ...members.map((m) => {
      const actor = member(m);
      return {
        ...base,
        actor,
        name: actor?.name ?? m.name ?? m.userId ?? '',
        step: 'discussion_view' as const,
        role: 'discussant' as const,
        attested: m.vote ? `${voteLabels[m.vote] ?? m.vote}：${m.opinion}` : m.opinion,
        detail: { vote: m.vote ?? null, userId: m.userId ?? null },
      };
    }),
  ];
}

const voteLabels: Record<string, string> = { agree: '同意', disagree: '不同意', abstain: '弃权' };
const coordinationLabels: Record<string, string> = { return_upheld: '维持审核意见', handler_upheld: '采纳承办机构意见' };

/** Links of the review-law steps: supplements, objections, coordinations and sign-offs. */
function reviewLawLinks(
  entry: RecordedEntry,
  base: Omit<ChainLink, 'draftHash' | 'draftVersion' | 'step' | 'role' | 'attested' | 'detail'>,
): Omit<ChainLink, 'draftHash' | 'draftVersion'>[] {
  const p = entry.payload as Payload;
  switch (entry.type) {
    case 'materials.supplement':
      return [{ ...base, step: 'supplement', role: 'handler', attested: '补充材料，承诺材料真实、准确、完整', detail: { note: p.note } }];
    case 'review.object':
      return [{ ...base, step: 'objection', role: 'handler', attested: '对退回意见提出异议', detail: { reason: p.reason } }];
    case 'review.coordinate':
      return [
        {
          ...base,
          step: 'coordination',
          role: 'head',
          attested: `协调审核分歧：${coordinationLabels[String(p.result)] ?? ''}`,
          detail: { result: p.result, note: p.note },
        },
      ];
    case 'review.signOff':
      return [
        {
          ...base,
          step: 'sign_off',
          role: 'head',
          attested: p.agree ? '签发审核意见' : '不同意签发审核意见',
          detail: { agree: p.agree, comment: p.comment ?? null },
        },
      ];
    default:
      return [];
  }
}

/** The links one accepted entry contributes (none for entries outside the chain, such as service). */
function linksOf(
  entry: RecordedEntry,
  actor: ChainActor,
  draft: { hash: string; version: number },
  decided: string | null,
  member: (m: Member) => ChainActor | null,
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
    case 'discussion.record':
      return discussionLinks(base, p, member);
    case 'decision.issue': {
      // The machine resolves an omitted outcome from the draft; the decisions table holds what it resolved.
      const outcome = decided ?? String(p.outcome ?? '');
      return [{ ...base, step: 'decision', role: 'head', attested: `决定：${outcomeLabel(outcome)}`, detail: { outcome } }];
    }
    default:
      return reviewLawLinks(entry, base);
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
    const member = (m: Member) =>
      m.userId ? actorOf({ ...entry, actorId: m.userId, payload: {} } as RecordedEntry, new Map(), current) : null;
    for (const link of linksOf(entry, actor, { hash: draftHash, version: draftVersion }, decisionOutcome, member)) {
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
  // Discussion members are named from the users table; only the actors of entries have snapshotted credentials.
  const usedCurrent = drafts.some((d) => d.links.some((l) => l.step !== 'discussion_view' && l.actor?.credentialSource === 'current'));
  return {
    caseId,
    drafts,
    decision,
    credentialsNote: usedCurrent
      ? 'Validity flags are as vouched on the record at each event; some certificate/qualification numbers come from the users table as of now (entries written before snapshots were kept).'
      : 'Validity flags are as vouched on the record at each event; certificate/qualification numbers were snapshotted in the same transaction as each entry.',
  };
}
