// English messages of the criminal transfer's forms, with the Chinese terms beside their English names.
import type { TransferMessages } from './transfer-zh-CN.js';

export const transferEn: TransferMessages = {
  officers: 'Case team (专案组: at least two officers with a valid 执法证)',
  officer: (n) => `Officer ${n}`,
  report: 'Investigation report (调查报告: the suspected crime, the evidence and the proposal to transfer)',
  recipient: 'Police authority receiving the transfer (公安机关)',
  materials: 'Case materials sent (one per line)',
  seizedItems: 'Seized items (涉案物品清单; one per line: name, quantity; leave empty when nothing was seized)',
  seizedItemsHint: 'For example: 涉案车辆，1辆',
  expertReports: 'Test or expert reports (检验报告、鉴定结论; one per line, may be empty)',
  result: "The police's decision",
  results: { filed: 'Case opened (立案)', not_filed: 'Not opened (不予立案)' },
  receivedOn: "Date the police's notice was received",
  receivedOnHint: 'The day this agency received the 立案 or 不予立案 notice; not later than today.',
  answerReasons: 'Reasons given for not opening a case (may be empty)',
  handedOverOn: 'Date of the handover',
  handedOverOnHint: 'Within 3 days of receiving the 立案 notice (移送规定 art 12); not before that day, not later than today.',
  receivedBy: 'Received at the police by (交接手续)',
  handoverMaterials: 'Materials handed over (one per line)',
  handoverItems: 'Seized items handed over (one per line: name, quantity; leave empty when nothing was seized)',
  request: 'Grounds for requesting reconsideration (提请复议)',
  supervision: "The procuratorate's supervision (立案监督)",
  supervisionResults: {
    requested: 'Supervision requested from the procuratorate',
    filing_ordered: 'The procuratorate told the police to open a case',
    not_filing_upheld: 'The procuratorate found the refusal correct',
  },
  note: 'Note',
  clueRecipient: 'Discipline inspection body receiving the clue (纪检监察机关)',
  clueSummary: 'Summary of the clue',
};
