// The Simplified Chinese messages of the criminal transfer's forms (行刑衔接: 专案组报告, 移送, 公安机关答复, 复议,
// 立案监督, 移交, 问题线索): the default language and the source of the type the English catalog must match.

export const transferZhCN = {
  officers: '专案组成员（至少两名持有效执法证的执法人员）',
  officer: (n: number) => `成员 ${n}`,
  report: '调查报告（涉嫌犯罪的事实、证据及移送建议）',
  recipient: '移送的公安机关',
  materials: '移送的案卷材料（每行一项）',
  seizedItems: '涉案物品清单（每行一项：物品名称，数量；无涉案物品则留空）',
  seizedItemsHint: '例如：涉案车辆，1辆',
  expertReports: '检验报告或者鉴定结论（每行一项，可留空）',
  result: '公安机关的决定',
  results: { filed: '立案', not_filed: '不予立案' },
  receivedOn: '收到公安机关通知书的日期',
  receivedOnHint: '填写本机关收到立案或不予立案通知书之日，不得晚于今天。',
  answerReasons: '不予立案的理由（可留空）',
  handedOverOn: '移交日期',
  handedOverOnHint: '自收到立案通知书之日起3日内移交涉案物品和材料（移送规定第十二条），不得早于收到通知书之日、晚于今天。',
  receivedBy: '公安机关接收人（办理交接手续）',
  handoverMaterials: '移交的材料（每行一项）',
  handoverItems: '移交的涉案物品（每行一项：物品名称，数量；无涉案物品则留空）',
  request: '提请复议的理由',
  supervision: '检察院立案监督的情况',
  supervisionResults: {
    requested: '已建议检察院立案监督',
    filing_ordered: '检察院已通知公安机关立案',
    not_filing_upheld: '检察院认为不予立案正确',
  },
  note: '说明',
  clueRecipient: '接收线索的纪检监察机关',
  clueSummary: '问题线索摘要',
};
export type TransferMessages = typeof transferZhCN;
