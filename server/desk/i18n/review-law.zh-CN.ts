// Simplified Chinese wording of the review-law parts of the desk: 补充材料, 异议与协调, 签发, 延长决定期限,
// 集体讨论 with members, and the printable 审核意见书 and 决定书. Spread into the zh-CN catalog as `law`.

export const zhCNLaw = {
  duration: (days: number) => `期限：${days} 日`,
  materials: {
    title: '要求补充材料',
    request: '需补充的材料及理由',
    submit: '要求补充材料（审核期限暂停）',
    requested: (date: string, request: string) => `审核人员于 ${date} 要求补充材料：${request}`,
    supplied: (date: string) => `承办人已于 ${date} 补充材料。`,
    supplementTitle: '补充材料',
    note: '补充的材料或证据说明',
    submitSupplement: '提交补充材料（审核期限恢复计算）',
  },
  dispute: {
    objectTitle: '对退回意见提出异议',
    reason: '异议理由',
    objectSubmit: '提出异议，报请负责人协调',
    objected: (date: string, reason: string) => `承办人于 ${date} 对退回意见提出异议：${reason}`,
    coordinateTitle: '协调审核分歧（国办发〔2018〕118号（十四））',
    result: '协调结果',
    results: { return_upheld: '维持审核意见，承办机构按意见纠正', handler_upheld: '采纳承办机构意见，可重新送审' } as Record<
      string,
      string
    >,
    note: '协调意见',
    coordinateSubmit: '记录协调结果',
    coordinated: (date: string, result: string) => `负责人于 ${date} 协调：${result}`,
  },
  signOff: {
    title: '签发审核意见',
    agree: '同意签发',
    disagree: '不同意签发，退回审核人员',
    comment: '签发意见（可不填）',
    submit: '确认',
    pending: '审核意见待法制审核机构负责人签发后生效。',
  },
  extension: {
    title: '延长决定期限（《交通运输行政执法程序规定》第七十八条）',
    reason: '延长理由',
    submit: '批准延长',
    granted: (date: string, reason: string) => `已于 ${date} 批准延长决定期限：${reason}`,
  },
  discussion: {
    chair: '主持人',
    member: (n: number) => `参加人员 ${n}`,
    user: '人员',
    none: '（不选）',
    vote: '表决意见',
    votes: { agree: '同意', disagree: '不同意', abstain: '弃权' } as Record<string, string>,
    opinion: '发言意见',
    quorumHint: (n: number) => `至少 ${n} 名负责人参加；主持人须为参加人员之一。未选择人员的行将被忽略。`,
  },
  documents: {
    heading: '审核意见书与决定书',
    none: '暂无文书。',
    opinion: (number: string) => `法制审核意见书 ${number}`,
    decision: (number: string) => `决定书 ${number}`,
    transfer: (number: string) => `涉嫌犯罪案件移送书 ${number}`,
    handover: (number: string) => `涉案物品和材料移交清单 ${number}`,
    printHint: '文书页面可直接用浏览器打印（A4）。',
    forbidden: '只有本案承办人、审核人员、负责人和监督人员可以查看本案文书。',
    notFound: '找不到该文书。',
  },
};
export type LawMessages = typeof zhCNLaw;
