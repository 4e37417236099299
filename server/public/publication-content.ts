// Builds what a decision's publication (公示) says, from the decided draft and the decision: 执法机关, 执法对象,
// 执法类别, 执法结论 (seed §9(1)), with the decision's 文号 and date, redacted by the policy's rules. The clerk
// publishes exactly this; the preview shows the same function's output.
import type { CaseContext } from '../../machines/case/case.context.js';
import { measuresOf, type DraftContent, type Measure } from '../../machines/case/draft.schema.js';
import type { PublicationContent } from '../../machines/case/party.schemas.js';
import type { PublicationPolicy } from '../policy/publication-policy.schema.js';
import { maskName, redact } from './redaction.js';

const measureLabels: Record<Measure['kind'], string> = {
  fine: '罚款',
  confiscation: '没收违法所得、非法财物',
  license_revocation: '吊销许可证件',
  suspension: '责令停产停业',
  warning: '警告',
  no_penalty: '不予行政处罚',
  public_criticism: '通报批评',
  confiscate_gains: '没收违法所得',
  confiscate_property: '没收非法财物',
  license_withholding: '暂扣许可证件',
  qualification_downgrade: '降低资质等级',
  business_restriction: '限制开展生产经营活动',
  closure: '责令关闭',
  practice_restriction: '限制从业',
};

/** One measure in words, e.g. 罚款人民币150000元. */
function measureText(m: Measure): string {
  const amount = m.amountYuan === undefined ? '' : `人民币${m.amountYuan}元`;
  const duration = m.durationDays === undefined ? '' : `${m.durationDays}日`;
  return `${measureLabels[m.kind]}${amount}${duration}`;
}

/**
 * 执法结论: the measures of a 处罚, 移送司法机关 for a transfer, and 不予行政处罚 for every other outcome (the
 * 不予处罚 kinds, however many the decision distinguishes).
 */
export function conclusionOf(outcome: string, draft: DraftContent): string {
  if (outcome === 'transfer') return '移送司法机关';
  if (outcome !== 'penalty') return '不予行政处罚';
  return `给予行政处罚：${measuresOf(draft)
    .filter((m) => m.kind !== 'no_penalty')
    .map(measureText)
    .join('；')}`;
}

/** The content to publish for the decided `draft`; null before a decision. */
export function publicationContent(context: CaseContext, draft: DraftContent, policy: PublicationPolicy): PublicationContent | null {
  const decision = context.decision;
  if (!decision) return null;
  const { redaction } = policy;
  const party =
    draft.party.kind === 'person' && redaction.maskPersonName ? maskName(draft.party.name, redaction.compoundSurnames) : draft.party.name;
  const facts = redact(draft.facts, draft.party, redaction);
  const conclusion = redact(conclusionOf(decision.outcome, draft), draft.party, redaction);
  const applied = new Set([...facts.applied, ...conclusion.applied]);
  if (party !== draft.party.name) applied.add('person_name');
  return {
    agency: policy.agency,
    party,
    category: policy.category,
    conclusion: conclusion.text,
    facts: facts.text,
    legalBasis: draft.legalBasis,
    documentNo: decision.documentNo,
    decidedOn: decision.decidedOn,
    redactedBy: [...applied].sort(),
  };
}
