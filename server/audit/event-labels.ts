// Chinese names of record entry types, roles, states and outcomes, and Beijing-time formatting, for the
// auditor's exports. Unknown keys fall back to the key itself, so a new type still shows up rather than vanishing.
import { measuresOf, proposedOutcomeOf, type DraftContent } from '../../machines/case/draft.schema.js';

const eventLabels: Record<string, string> = {
  'case.open': '立案（提交代拟稿）',
  'machine.migrate': '迁移到新流程版本',
  'draft.revise': '修改决定代拟稿',
  'notice.send': '告知（违法行为通知书）',
  'notice.receipt': '更正通知书签收日期',
  'statement.record': '记录陈述申辩',
  'hearing.request': '申请听证',
  'hearing.schedule': '安排听证（送达听证通知书）',
  'hearing.adjourn': '听证延期',
  'hearing.hold': '举行听证',
  'rights.waive': '放弃陈述申辩或听证',
  'rights.lapse': '陈述申辩期限届满',
  'review.submit': '送审（承办人承诺材料真实完整）',
  'review.assign': '指定法制审核人员',
  'review.approve': '法制审核：同意',
  'review.return': '法制审核：退回纠正',
  'review.refer': '法制审核：建议移送',
  'conflict.declare': '声明回避',
  'recusal.apply': '当事人申请回避',
  'recusal.decide': '负责人决定回避申请',
  'handler.assign': '更换承办人',
  'discussion.record': '集体讨论',
  'decision.issue': '作出决定',
  'decision.serve': '送达决定书',
  'publication.publish': '公示',
  'publication.withdraw': '撤回公示',
  'filing.submit': '备案',
  'case.close': '结案',
  'case.withdraw': '撤销立案',
  'deadline.notify': '期限提醒',
  'review.requestMaterials': '法制审核：要求补充材料',
  'materials.supplement': '补充材料（承办人承诺材料真实完整）',
  'review.signOff': '签发法制审核意见',
  'review.object': '对退回意见提出异议',
  'review.coordinate': '负责人协调审核分歧',
  'decision.extend': '延长决定期限',
  'transfer.report': '专案组提出移送涉嫌犯罪案件',
  'transfer.approve': '负责人批准移送',
  'transfer.refuse': '负责人不批准移送',
  'transfer.send': '移送公安机关',
  'transfer.answer': '记录公安机关立案决定',
  'transfer.handover': '向公安机关移交涉案物品和材料',
  'transfer.reconsider': '提请公安机关复议',
  'transfer.supervise': '记录检察院立案监督',
  'transfer.resume': '不予立案，恢复行政处罚程序',
  'clue.transfer': '向纪检监察机关移送问题线索',
  'measure.extend': '延长查封扣押期限（行政强制法第二十五条）',
  'measure.conclude': '查封扣押处理：解除、没收或销毁（行政强制法第二十七、二十八条）',
  'inquiry.open': '复议诉讼结果登记，启动责任追究',
  'exemption.claim': '申请尽职免责',
  'withdrawal.record': '登记撤回公示',
  'inquiry.determine': '责任认定',
  'outcome.record': '登记复议诉讼结果',
};

const roleLabels: Record<string, string> = {
  handler: '承办人',
  reviewer: '法制审核人员',
  head: '负责人',
  clerk: '文书',
  auditor: '监督人员',
  admin: '管理员',
  system: '系统',
  discussant: '集体讨论成员',
};

const outcomeLabels: Record<string, string> = {
  penalty: '处罚',
  no_penalty: '不予处罚',
  no_penalty_minor: '不予处罚（违法行为轻微）',
  no_penalty_unfounded: '不予处罚（违法事实不能成立）',
  transfer: '移送司法机关',
  approved: '同意',
  returned: '退回纠正',
  referred: '建议移送',
  reconsideration: '行政复议',
  litigation: '行政诉讼',
  changed: '变更',
  revoked: '撤销',
  confirmed_illegal: '确认违法',
  confirmed_void: '确认无效',
  fine: '罚款',
  confiscation: '没收',
  license_revocation: '吊销许可证件',
  suspension: '责令停产停业',
  warning: '警告',
  public_criticism: '通报批评',
  confiscate_gains: '没收违法所得',
  confiscate_property: '没收非法财物',
  license_withholding: '暂扣许可证件',
  qualification_downgrade: '降低资质等级',
  business_restriction: '限制开展生产经营活动',
  closure: '责令关闭',
  practice_restriction: '限制从业',
  coercion_seal: '查封',
  coercion_seize: '扣押',
  released: '解除查封扣押',
  confiscated: '依法没收',
  destroyed: '依法销毁',
};

const stateLabels: Record<string, string> = {
  investigating: '调查取证',
  noticed: '已告知',
  hearingRequested: '已申请听证',
  ready: '待送审',
  inReview: '法制审核中',
  correcting: '退回纠正中',
  disputed: '退回意见异议待协调',
  awaitingDecision: '待决定',
  decided: '已决定',
  closed: '已结案',
  withdrawn: '已撤销立案',
  drafting: '拟定代拟稿',
  inForce: '查封扣押实施中',
  concluded: '查封扣押已处理',
  open: '进行中',
  determined: '已认定',
  hearing_held: '经听证',
  public_interest: '涉及重大公共利益',
  complex: '疑难复杂',
  fine_over_threshold: '较大数额罚款',
  confiscation_over_threshold: '没收较大数额',
  license_revocation: '吊销许可证件',
  suspension: '责令停产停业',
};

/** The Chinese label of a case or inquiry state, or of a reason a case is major. */
export const stateLabel = (state: string): string => stateLabels[state] ?? state;

/** `YYYY-MM-DD HH:mm:ss` in Beijing time (UTC+8, no daylight saving) of an ISO instant; '—' for none. */
export function chinaTime(at: string | null | undefined, seconds = true): string {
  if (!at) return '—';
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return new Date(ms + 8 * 3_600_000)
    .toISOString()
    .replace('T', ' ')
    .slice(0, seconds ? 19 : 16);
}

/**
 * What a recorded draft proposes, in words (拟罚款 150000 元；暂扣许可证件 30 日), whatever its shape: read
 * through `measuresOf`, with a fallback for records that are not valid drafts.
 */
export function proposalLabel(draft: unknown): string {
  const d = draft as DraftContent | undefined;
  if (!d?.proposed) return '';
  const outcome = proposedOutcomeOf(d);
  if (outcome !== 'penalty' && !('kind' in d.proposed)) return outcomeLabel(outcome);
  return measuresOf(d)
    .map(
      (m) =>
        `${outcomeLabel(m.kind)}${m.amountYuan === undefined ? '' : ` ${m.amountYuan} 元`}${m.durationDays === undefined ? '' : ` ${m.durationDays} 日`}`,
    )
    .join('；');
}

/** The Chinese label of a record entry type. */
export const eventLabel = (type: string): string => eventLabels[type] ?? type;
/** The Chinese label of a role. */
export const roleLabel = (role: string | null): string => (role ? (roleLabels[role] ?? role) : '—');
/** The Chinese label of a decision, review or court/reconsideration outcome. */
export const outcomeLabel = (outcome: string): string => outcomeLabels[outcome] ?? outcome;
