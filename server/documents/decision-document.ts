// The 决定书 as issued: what 交通 art 77 and 行政处罚法 art 59 require it to say, built purely from the decided
// draft, the outcome and the policy. Invariant: plain JSON with every printed word, so its SHA-256 binds the text.
import type { DecisionOutcome, ReferralTarget } from '../../machines/case/case.events.js';
import { measuresOf, type DraftContent } from '../../machines/case/draft.schema.js';
import type { Policy } from '../policy/policy.schema.js';
import { zhCN } from '../desk/i18n/zh-CN.js';

/** A decision document: 行政处罚决定书, 不予行政处罚决定书 or 涉嫌犯罪案件移送书. */
export interface DecisionDocument {
  kind: 'legal-review/decision';
  version: 1;
  number: string;
  title: string;
  issuedAt: string;
  agency: string;
  case: { id: string; title: string };
  party: DraftContent['party'];
  facts: string;
  evidence: DraftContent['evidence'];
  outcome: DecisionOutcome;
  outcomeLabel: string;
  measures: { kind: string; label: string; amountYuan: number | null; durationDays: number | null }[];
  legalBasis: string[];
  /** How the 裁量基准 was applied (国办发〔2022〕27号 (十二)). */
  discretion: string | null;
  /** How and by when to comply (art 59(4)); for a transfer, where the case goes. */
  compliance: string[];
  /** Reconsideration and litigation, with their bodies and periods (art 59(5)). */
  remedies: string;
  draft: { version: number; hash: string };
  review: { opinionNumber: string | null };
  discussion: { at: string; chair: string | null } | null;
  decidedBy: { id: string; name: string };
}

const titles: Record<DecisionOutcome, string> = {
  penalty: '行政处罚决定书',
  no_penalty_minor: '不予行政处罚决定书',
  no_penalty_unfounded: '不予行政处罚决定书',
  no_penalty: '不予行政处罚决定书',
  transfer: '涉嫌犯罪案件移送书',
};

function complianceOf(outcome: DecisionOutcome, draft: DraftContent, policy: Policy, target: ReferralTarget | null): string[] {
  const docs = policy.documents;
  if (outcome === 'transfer') {
    const recipient = target === 'competent_authority' ? '有管辖权的行政机关' : docs.transfer.recipient;
    return [
      `本案涉嫌犯罪${target === 'competent_authority' ? '或者超越本机关法定权限' : ''}，依法移送${recipient}处理（《行政执法机关移送涉嫌犯罪案件的规定》第三条、第八条）。`,
      '随附：案件调查报告、涉案物品清单、有关检验报告或者鉴定意见及其他有关材料。本机关不以行政处罚代替移送（《中华人民共和国行政处罚法》第二十七条、第八十二条）。',
    ];
  }
  if (outcome === 'no_penalty_minor')
    return [
      '当事人违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚；本机关已对当事人进行教育（《中华人民共和国行政处罚法》第三十三条）。',
    ];
  if (outcome === 'no_penalty_unfounded')
    return ['违法事实不能成立，依法不予行政处罚（《中华人民共和国行政处罚法》第五十七条第一款第三项）。'];
  if (outcome === 'no_penalty') return ['依法不予行政处罚（《中华人民共和国行政处罚法》第五十七条）。'];
  const pay = policy.deadlines.payment.days;
  return measuresOf(draft).map((m) => {
    const label = zhCN.kinds[m.kind as keyof typeof zhCN.kinds] ?? m.kind;
    if (m.kind === 'fine' || m.kind === 'confiscate_gains' || m.kind === 'confiscation') {
      return `${label}：当事人应当自收到本决定书之日起${pay}日内，到指定银行或者通过电子支付系统缴纳；到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第六十七条、第七十二条）。`;
    }
    const period = m.durationDays ? `，期限${m.durationDays}日` : '';
    return `${label}：自本决定书送达之日起执行${period}。`;
  });
}

/** What a decision document needs beyond the draft: outcome, number, people and the policy. */
export interface DecisionInput {
  caseId: string;
  number: string;
  at: string;
  outcome: DecisionOutcome;
  target: ReferralTarget | null;
  draft: { version: number; hash: string; content: DraftContent };
  opinionNumber: string | null;
  discussion: { at: string; chair: string | null } | null;
  decidedBy: { id: string; name: string };
  policy: Policy;
}

/** The decision document of one decision. */
export function decisionDocument(input: DecisionInput): DecisionDocument {
  const { content } = input.draft;
  const r = input.policy.documents.remedies;
  const penalty = input.outcome === 'penalty';
  return {
    kind: 'legal-review/decision',
    version: 1,
    number: input.number,
    title: titles[input.outcome],
    issuedAt: input.at,
    agency: input.policy.documents.agency.name,
    case: { id: input.caseId, title: content.title },
    party: content.party,
    facts: content.facts,
    evidence: content.evidence,
    outcome: input.outcome,
    outcomeLabel: zhCN.outcomes[input.outcome],
    measures: penalty
      ? measuresOf(content).map((m) => ({
          kind: m.kind,
          label: zhCN.kinds[m.kind as keyof typeof zhCN.kinds] ?? m.kind,
          amountYuan: m.amountYuan ?? null,
          durationDays: m.durationDays ?? null,
        }))
      : [],
    legalBasis: content.legalBasis,
    discretion: content.discretionItem ?? null,
    compliance: complianceOf(input.outcome, content, input.policy, input.target),
    remedies:
      input.outcome === 'transfer'
        ? ''
        : `当事人如不服本决定，可以自收到本决定书之日起${r.reconsiderationDays}日内向${r.reconsiderationBody}申请行政复议，或者自收到本决定书之日起${r.litigationMonths}个月内依法向${r.court}提起行政诉讼。行政复议、行政诉讼期间，本决定不停止执行，法律另有规定的除外（《中华人民共和国行政处罚法》第七十三条）。`,
    draft: { version: input.draft.version, hash: input.draft.hash },
    review: { opinionNumber: input.opinionNumber },
    discussion: input.discussion,
    decidedBy: input.decidedBy,
  };
}
