// The review desk's Simplified Chinese message catalog: the default language and the source of the
// `Messages` type, so a key missing from any other catalog fails `tsc`.
import type { CaseEventType, DecisionOutcome, ReviewItemKey, Role } from '../../../machines/case.events.js';
import type { MajorReason } from '../../../machines/major-catalog.js';
import type { ProposedKind } from '../../../machines/draft.schema.js';

/** Record entry types a history can show: every event plus `case.open`. */
export type HistoryType = CaseEventType | 'case.open';
/** Top-level case states shown to people. */
export type StateName = 'investigating' | 'noticed' | 'hearingRequested' | 'ready' | 'inReview' | 'correcting' | 'awaitingDecision' | 'decided' | 'closed' | 'withdrawn';

export const zhCN = {
  app: { name: '法制审核工作台', org: '西宁市交通运输综合行政执法', skip: '跳到主要内容' },
  nav: { label: '主导航', queue: '待办队列', head: '负责人决定', clerk: '送达公示备案', signOut: '退出登录', signedInAs: (name: string) => `当前用户：${name}` },
  lang: { label: '语言', switchTo: 'English', current: '简体中文' },
  signIn: {
    title: '登录', username: '用户名', password: '密码', submit: '登录',
    failed: '用户名或密码不正确。', required: '请先登录。', expired: '登录已过期，请重新登录。',
    demoHint: '演示环境：用户 reviewer1、head1、clerk1、handler1 等，密码 demo-password。',
  },
  queue: {
    title: '待办队列', mine: '等待我审核的案件', claimable: '可认领的案件', handled: '我承办的案件',
    decide: '等待我决定的案件', duties: '待办的送达、公示和备案', empty: '暂无案件。',
    caseCol: '案件', partyCol: '当事人', stateCol: '状态', deadlineCol: '期限', actionCol: '操作',
    open: '查看', claim: '认领', caption: (n: number) => `共 ${n} 件`,
  },
  deadlineKinds: {
    review: '法制审核期限', reviewExtension: '延长审核期限', decision: '作出决定期限', decisionExtension: '延长决定期限',
    hearingRequest: '听证申请期限', service: '送达期限', publication: '公示期限', publicationWithdrawal: '撤回公示期限', filing: '备案期限',
  } as Record<string, string>,
  badge: {
    withKind: (kind: string, text: string) => `${kind}：${text}`,
    overdueNoDate: '已超期', dueSoonNoDate: '即将到期', provisional: '（暂定）',
    daysSinceReview: (n: number) => `审核后 ${n} 天`, daysSinceDecision: (n: number) => `决定后 ${n} 天`,
    overdue: (date: string) => `已超期（${date}截止）`, dueSoon: (date: string) => `即将到期（${date}截止）`,
    due: (date: string) => `${date}截止`, daysInReview: (n: number) => `已送审 ${n} 天`,
    daysOpen: (n: number) => `已立案 ${n} 天`, none: '无期限信息',
  },
  case: {
    title: '案由', flags: '案件特征',
    draft: '决定代拟稿', draftVersion: (v: number) => `第 ${v} 版`, hash: '代拟稿指纹（SHA-256）',
    party: '当事人', facts: '违法事实', evidence: '证据清单', evidenceKind: '证据种类', evidenceDesc: '证据说明',
    legalBasis: '法律依据', proposed: '拟作决定', amount: (yuan: string) => `金额：${yuan} 元`,
    discretion: '适用的裁量基准', noDiscretion: '未填写裁量基准条目', major: '为何属于重大执法决定',
    notMajor: '本案不属于重大执法决定，无需法制审核。', discussionRequired: '需经集体讨论决定：',
    history: '办理记录', changes: '与上次审核版本相比的修改', noHistory: '暂无记录。',
    actions: '可执行的操作', noActions: '您当前对本案没有可执行的操作。', handler: '承办人', reviewer: '审核人员',
    unassigned: '未分配', state: '状态', version: (v: number) => `案件版本 ${v}`,
    person: '自然人', organization: '法人或其他组织', back: '返回案件',
    openReview: '填写法制审核意见', openDecide: '作出决定或记录集体讨论', refused: '（被拒绝）',
  },
  states: {
    investigating: '调查取证', noticed: '已告知', hearingRequested: '已申请听证', ready: '待送审',
    inReview: '法制审核中', correcting: '退回补正', awaitingDecision: '待负责人决定', decided: '已作出决定',
    closed: '已结案', withdrawn: '已撤销立案',
  } satisfies Record<StateName, string>,
  events: {
    'case.open': '立案', 'draft.revise': '修改决定代拟稿', 'notice.send': '送达违法行为通知书',
    'statement.record': '记录陈述申辩', 'hearing.request': '当事人申请听证', 'hearing.hold': '举行听证',
    'rights.waive': '当事人放弃权利', 'rights.lapse': '陈述申辩期限届满', 'review.submit': '送交法制审核',
    'review.assign': '分配审核人员', 'review.approve': '审核同意', 'review.return': '审核退回（存在问题）',
    'review.refer': '建议移送司法机关', 'conflict.declare': '声明回避', 'discussion.record': '记录集体讨论',
    'decision.issue': '作出决定', 'decision.serve': '送达决定书', 'publication.publish': '公示',
    'publication.withdraw': '撤回公示', 'filing.submit': '报送备案', 'case.close': '结案',
    'case.withdraw': '撤销立案', 'deadline.notify': '期限提醒',
  } satisfies Record<HistoryType, string>,
  reasons: {
    fine_over_threshold: '罚款数额达到重大案件标准', confiscation_over_threshold: '没收数额达到重大案件标准',
    license_revocation: '拟吊销许可证件', suspension: '拟责令停产停业', hearing_held: '经过听证程序',
    public_interest: '涉及重大公共利益', complex: '案情疑难复杂、涉及多个法律关系',
  } satisfies Record<MajorReason, string>,
  kinds: {
    fine: '罚款', confiscation: '没收违法所得或非法财物', license_revocation: '吊销许可证件',
    suspension: '责令停产停业', warning: '警告', no_penalty: '不予处罚',
  } satisfies Record<ProposedKind, string>,
  outcomes: { penalty: '给予行政处罚', no_penalty: '不予行政处罚', transfer: '移送司法机关' } satisfies Record<DecisionOutcome, string>,
  roles: {
    handler: '承办人', reviewer: '法制审核人员', head: '负责人', clerk: '文书人员', auditor: '监督人员', admin: '管理员', system: '系统',
  } satisfies Record<Role, string>,
  items: {
    authority: '执法主体合法，执法人员具备执法资格', procedure: '执法程序合法',
    factsEvidence: '事实清楚，证据合法充分', lawDiscretion: '适用法律、法规、规章准确，裁量基准运用适当',
    withinPowers: '未超越法定权限', documents: '执法文书完备、规范', crimeTransfer: '不涉嫌犯罪、无需移送司法机关',
  } satisfies Record<ReviewItemKey, string>,
  review: {
    title: (case_: string) => `法制审核：${case_}`, items: '审核事项', passed: '符合', finding: '存在问题',
    findingLabel: '发现的问题', overall: '总体审核意见', approve: '同意', return: '存在问题，退回补正',
    refer: '建议移送司法机关', opinion: '书面审核意见', opinionHint: '退回时请写明需要纠正的问题。',
    subject: '审核对象', submit: '提交审核意见', claim: '认领本案（由我审核）',
    recusal: '回避声明', recusalReason: '回避理由', recusalSubmit: '声明回避',
  },
  head: {
    title: '负责人决定', caseTitle: (case_: string) => `决定：${case_}`, approved: '经审核同意的代拟稿',
    referred: '审核人员建议移送司法机关', reviewOpinion: '审核意见', discussion: '集体讨论',
    discussionHeld: '已就当前代拟稿进行集体讨论。', discussionNeeded: '本案须经集体讨论后方可决定。',
    member: (n: number) => `参加人员 ${n}`, memberName: '姓名', memberOpinion: '意见',
    conclusion: '讨论结论', recordDiscussion: '记录集体讨论', decide: '作出决定', outcome: '决定结果',
    decideOn: '决定所依据的代拟稿指纹', decideSubmit: '确认作出决定', membersHint: '未填写的行将被忽略。',
  },
  clerk: {
    title: '送达、公示和备案', service: '送达', publication: '公示', filing: '备案', done: (date: string) => `已完成（${date}）`,
    due: '待办', notRequired: '无需办理', withdrawn: '已撤回', decidedOn: (date: string) => `决定日期：${date}`,
  },
  diff: {
    since: (from: number, to: number) => `第 ${from} 版（上次审核）→ 第 ${to} 版`, field: '内容', before: '修改前',
    after: '修改后', none: '与上次审核版本相同。', added: '新增', removed: '删除',
  },
  forms: {
    submit: '提交', reason: '理由', summary: '陈述申辩要点', transcript: '听证笔录', attestation: '本人承诺送审材料真实、准确、完整',
    required: '此项为必填项。', invalid: '表单内容不完整，请检查标出的项目。', itemRequired: '请选择“符合”或“存在问题”。',
    findingRequired: '选择“存在问题”时请写明问题。', approveNeedsAllPassed: '同意前须所有审核事项均为“符合”。',
    returnNeedsFinding: '退回时至少须有一项“存在问题”。', memberRequired: '请至少填写一位参加人员及其意见。',
  },
  flash: { done: (label: string) => `已完成：${label}。`, signedOut: '您已退出登录。' },
  errors: {
    title: '操作未完成', back: '返回', reload: '重新打开案件，查看最新情况',
    csrf: '表单已失效或来源无法验证（CSRF 校验失败），未作任何更改。请刷新页面后重试。',
    forbidden: '您无权对本案执行此操作，未作任何更改。', notFound: '找不到该案件。',
    conflict: '本案已被他人更新，您看到的表单已过期，未作任何更改。请重新打开案件后再操作。',
    notAllowed: '本案已进入新的阶段，此操作不再可用，未作任何更改。', validation: '提交的内容不完整或格式不正确，未作任何更改。',
    noReviewForm: '您不能对本案填写审核意见（例如您是本案承办人，或本案未分配给您）。',
    pageNotFound: '页面不存在。', internal: '系统出错，未作任何更改。',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every language catalog must have: the same keys as zh-CN, with any wording. */
export type Messages = Widen<typeof zhCN>;
