// The review desk's Simplified Chinese message catalog: the default language and the source of the
// `Messages` type, so a key missing from any other catalog fails `tsc`.
import type { CaseEventType, DecisionOutcome, ReviewItemKey, Role } from '../../../machines/case/case.events.js';
import type { MajorReason } from '../../../machines/case/major-catalog.js';
import type { ProposedKind } from '../../../machines/case/draft.schema.js';
import type { ChainLink, LinkStep } from '../../audit/responsibility.js';

/** Record entry types a history can show: every event plus `case.open`. */
export type HistoryType = CaseEventType | 'case.open';
/** Top-level case states shown to people. */
export type StateName = 'investigating' | 'noticed' | 'hearingRequested' | 'ready' | 'inReview' | 'correcting' | 'awaitingDecision' | 'decided' | 'closed' | 'withdrawn';

export const zhCN = {
  app: { name: '法制审核工作台', org: '西宁市交通运输综合行政执法', skip: '跳到主要内容' },
  nav: { label: '主导航', queue: '待办队列', head: '负责人决定', clerk: '送达公示备案', audit: '审计与评查', signOut: '退出登录', signedInAs: (name: string) => `当前用户：${name}` },
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
  audit: {
    title: '审计与案卷评查', forbidden: '只有监督人员、负责人和管理员可以查看审计页面。', verifyForbidden: '只有监督人员和管理员可以校验全部记录。',
    cases: '案件', search: '按案由或案件编号查找', searchSubmit: '查找', clearSearch: '显示全部案件',
    casesCaption: (n: number) => `共 ${n} 件，已作出决定和已结案的案件在前`, noCases: '没有符合条件的案件。',
    idCol: '案件编号', majorCol: '重大执法决定', updatedCol: '最后更新', yes: '是', no: '否',
    verify: '全部记录完整性校验', verifyIntro: '重新计算全部记录的哈希链，核对签名检查点和各案件的版本。校验只读，不改变任何数据。',
    verifyRun: '校验全部记录', verifyNotRun: '本页尚未运行校验。', verifyOk: '全部记录完整，未发现篡改。',
    verifyBroken: '记录校验未通过：记录可能被篡改。', entriesChecked: '已校验记录（条）', headEntry: '最新记录',
    checkpointsChecked: '已核对的签名检查点（个）', streamsChecked: '已核对版本的案件和追究（个）', issueCount: '发现的问题（个）',
    firstBroken: '第一条异常记录', firstCheckpointIssue: '检查点问题', elapsed: (ms: number) => `用时 ${ms} 毫秒`,
    entryRef: (id: number, caseId: string, type: string) => `记录 #${id}（${caseId}，${type}）`,
    problems: { hash_mismatch: '内容与哈希不符', prev_mismatch: '与前一条记录的链接不符', gap: '记录缺失', reorder: '记录顺序被改动' } as Record<string, string>,
    openInquiries: '进行中的责任追究', noInquiries: '没有进行中的责任追究。', openedOn: (date: string) => `${date}启动`,
    caseTitle: (title: string) => `案卷评查：${title}`, overview: '基本情况', decision: '决定',
    decidedOn: (version: number, date: string) => `依据第 ${version} 稿于 ${date} 作出`, noDecision: '尚未作出决定。',
    timeline: '办案时间线', timelineCaption: (n: number, refused: number) => `共 ${n} 条记录，其中被拒绝的尝试 ${refused} 条`,
    entryCol: '记录号', timeCol: '时间', eventCol: '环节', actorCol: '人员（角色）', draftCol: '代拟稿', summaryCol: '内容摘要', resultCol: '结果',
    draftVersion: (v: number) => `第 ${v} 稿`, accepted: '已记录', refused: '被拒绝',
    chain: '责任链', chainFigure: '责任链图：每个角色一条泳道，按记录顺序排列；下表以文字列出同一责任链。',
    chainCaption: '责任链（与上图内容相同）', noChain: '尚无责任链环节。', stepCol: '环节', personCol: '人员', roleCol: '角色',
    attestedCol: '承诺或意见', credentialCol: '证件', recordCol: '记录',
    steps: {
      proposal: '提出代拟稿', hearing: '听证', attestation: '送审承诺', assignment: '指定审核人员', recusal: '回避',
      review: '法制审核', discussion: '集体讨论', discussion_view: '讨论成员意见', decision: '决定',
    } satisfies Record<LinkStep, string>,
    chainRoles: { handler: '承办人', reviewer: '法制审核人员', head: '负责人', discussant: '集体讨论成员' } satisfies Record<ChainLink['role'], string>,
    certificate: (no: string, valid: boolean) => `执法证 ${no}${valid ? '（有效）' : '（无效）'}`,
    qualification: (no: string, valid: boolean) => `法律职业资格 ${no}${valid ? '（有效）' : '（无效）'}`,
    caseVerify: '本案记录校验', caseVerifyOk: '本案记录完整，未发现篡改。', caseVerifyBroken: '本案记录校验未通过：记录可能被篡改。',
    caseEntries: (n: number) => `已校验本案记录 ${n} 条：每条记录的哈希，及其与前一条记录的链接。`,
    checkpoint: (seq: number, at: string, signed: boolean, matches: boolean) => `最近的签名检查点：记录 #${seq}，${at}；签名${signed ? '有效' : '无效'}，哈希${matches ? '一致' : '不一致'}。`,
    noCheckpoint: '本案最后一条记录之后尚无签名检查点。', issueCol: '问题',
    inquiries: '复议、诉讼与责任追究', noCaseInquiries: '本案没有复议、诉讼结果或责任追究。',
    inquiryVerifyOk: '该追究的记录完整，未发现篡改。', inquiryVerifyBroken: '该追究的记录校验未通过：记录可能被篡改。',
    forums: { reconsideration: '行政复议', litigation: '行政诉讼' } as Record<string, string>,
    results: { changed: '变更', revoked: '撤销', confirmed_illegal: '确认违法', confirmed_void: '确认无效' } as Record<string, string>,
    inquiryStates: { open: '追究中', determined: '已认定', closed: '已办结' } as Record<string, string>,
    inquiryOutcome: (forum: string, body: string, ref: string, result: string) => `${forum}（${body}，${ref}）：决定被${result}`,
    conclusion: '认定结论', exports: '导出', exportJson: '下载案卷数据（JSON）', exportHtml: '打开打印版案卷（HTML）',
    exportHint: '打印版案卷可直接用浏览器打印（A4）。',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every language catalog must have: the same keys as zh-CN, with any wording. */
export type Messages = Widen<typeof zhCN>;
