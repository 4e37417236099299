// The 法制审核意见书 as issued: a pure function from the review event and the case to the document's content.
// Invariant: the content is plain JSON with every word printed on it, so its SHA-256 binds the text itself.
import { ReviewItemKeys, type CaseEvent, type ReferralTarget } from '../../machines/case/case.events.js';
import type { DraftContent } from '../../machines/case/draft.schema.js';
import { zhCN } from '../desk/i18n/zh-CN.js';

type ReviewEvent = Extract<CaseEvent, { type: 'review.approve' | 'review.return' | 'review.refer' }>;

/** A written review opinion (书面审核意见, 交通 art 72; 118号 (十三)). */
export interface OpinionDocument {
  kind: 'legal-review/opinion';
  version: 1;
  number: string;
  issuedAt: string;
  agency: string;
  case: { id: string; title: string; party: DraftContent['party'] };
  draft: { version: number; hash: string };
  outcome: 'approved' | 'returned' | 'referred';
  outcomeLabel: string;
  target: ReferralTarget | null;
  targetLabel: string | null;
  items: { key: string; label: string; passed: boolean; finding: string | null }[];
  opinion: string;
  reviewer: { id: string; name: string; qualificationNo: string | null; qualified: boolean };
  /** Whether the opinion takes effect only once the 法制审核机构's head signs it off. */
  signOffRequired: boolean;
}

const outcomes = { 'review.approve': 'approved', 'review.return': 'returned', 'review.refer': 'referred' } as const;
const outcomeLabels = { approved: '同意', returned: '存在问题，退回补正', referred: '建议移送' } as const;
const targetLabels: Record<ReferralTarget, string> = {
  judicial: '移送司法机关（涉嫌犯罪）',
  competent_authority: '移送有权机关（超越法定权限）',
};

/** What an opinion needs beyond the event: the case, the draft judged, the reviewer and the number. */
export interface OpinionInput {
  event: ReviewEvent;
  number: string;
  agency: string;
  caseId: string;
  draft: { version: number; hash: string; content: DraftContent };
  reviewer: { name: string; qualificationNo: string | null };
  signOffRequired: boolean;
}

/** The opinion document for one review outcome. */
export function opinionDocument(input: OpinionInput): OpinionDocument {
  const { event } = input;
  const outcome = outcomes[event.type];
  const target = event.type === 'review.refer' ? event.target : null;
  return {
    kind: 'legal-review/opinion',
    version: 1,
    number: input.number,
    issuedAt: event.at,
    agency: input.agency,
    case: { id: input.caseId, title: input.draft.content.title, party: input.draft.content.party },
    draft: { version: input.draft.version, hash: input.draft.hash },
    outcome,
    outcomeLabel: outcomeLabels[outcome],
    target,
    targetLabel: target ? targetLabels[target] : null,
    items: ReviewItemKeys.map((key) => ({
      key,
      label: zhCN.items[key],
      passed: event.items[key].passed,
      finding: event.items[key].finding ?? null,
    })),
    opinion: event.opinion,
    reviewer: {
      id: event.actor.id,
      name: input.reviewer.name,
      qualificationNo: input.reviewer.qualificationNo,
      qualified: event.actor.qualified,
    },
    signOffRequired: input.signOffRequired,
  };
}
