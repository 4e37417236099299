// The article each rule of the case machine enforces: every guard and every refusal code names its legal
// source here, so docs/law-map.md can be generated from the code and a rule without an article fails a test.
// Sources: 行政处罚法 (2021); 《交通运输行政执法程序规定》 (交通运输部令2019年第9号, 2021) as "交通";
// 国办发〔2018〕118号 as "118号"; the seed 宁交执法监〔2024〕30号 as "seed"; see DOMAIN.md.

/** Guards of the case machine → the articles they enforce. */
export const guardArticles = {
  isActorPermitted: ['行政处罚法 art 42, 55 (执法证)', '行政处罚法 art 58 ¶2 (法律职业资格)', '交通 arts 12–14 (回避)'],
  isDraftHashCurrent: ['seed §9(3) (未经法制审核或者审核未通过的，不得作出决定: the exact draft)'],
  isReviewOutcomeConsistent: ['交通 art 72 (书面审核意见, seven items)', '118号 (十三)', '行政处罚法 art 27, 82 (移送)'],
  isApprovedDraftCurrent: ['行政处罚法 art 58', '交通 art 71', 'seed §9(3)'],
  isReviewNotRequired: ['行政处罚法 art 58 (only major decisions need legal review)'],
  isDiscussionHeldWhenRequired: ['行政处罚法 art 57 ¶2', '交通 art 76 (集体讨论)'],
  isOutcomeConsistentWithReview: [
    '行政处罚法 art 82 (以罚代刑)',
    '移送规定 art 11',
    '行政处罚法 art 58 (the decision is the reviewed draft’s)',
    '交通 art 73 (four outcomes)',
  ],
  areDutiesDone: ['行政处罚法 art 61 (送达)', '行政处罚法 art 48; 118号 (六) (公示)', 'seed §22 (备案)', '交通 art 122 (结案)'],
  isCaseOpen: ['seed §9(2) (全过程记录: notices only on open cases)'],
  hasAssignedReviewer: ['118号 (十三) (the review body names its reviewer)'],
  isAssignedReviewer: ['交通 arts 12–14 (回避 of the assigned reviewer)'],
  isApprovingReviewer: ['交通 arts 12–14 (回避 voids the reviewer’s own opinion)'],
  isPublicationRequired: ['行政处罚法 art 48', '118号 (六)', 'seed §9(1)'],
  isFilingRequired: ['seed §22 (major 处罚 and 强制 decisions; the outcomes filed are policy [T])'],
  isLegalDateInOrder: [
    '交通 art 17 (periods count from the document’s date)',
    '交通 art 18 (送达回证: the date signed is the service date)',
  ],
  isHearingWindowOver: [
    '交通 art 82 (5 days from receipt of the 违法行为通知书)',
    '交通 art 17 (start day not counted)',
    '行政处罚法 art 64(1), art 85',
  ],
  isNoHeavierThanNoticed: [
    '行政处罚法 art 45 ¶2 (不得因当事人陈述、申辩而给予更重的处罚)',
    '交通 art 70 ¶2, art 81',
    '行政处罚法 art 44 (告知 of the proposed penalty)',
  ],
  isHearingNoticeLongEnough: ['交通 art 83 (听证通知书 7 days before the hearing)', '行政处罚法 art 64(2), art 85'],
  isHearingStaffIndependent: [
    '交通 art 84 (本案调查人员 may not host or record the hearing)',
    '行政处罚法 art 64(4)',
    '交通 arts 12–14 (回避)',
  ],
  isWithinPartyRightsPeriod: ['行政处罚法 art 45 (陈述申辩 heard; no cut-off before the decision)', '交通 art 70'],
  isBeforeDecision: ['交通 arts 12–14 (回避 of those who handle, review or decide the case)'],
  isRecusalApplicationPending: ['交通 art 14 (the 负责人 decides the party’s 回避 application)'],
  isGrantAgainstAssignedReviewer: ['交通 arts 12–14 (a granted 回避 releases the assigned reviewer)'],
  isGrantAgainstApprovingReviewer: ['交通 arts 12–14 (a granted 回避 voids the reviewer’s own opinion)'],
  isHandlerRecused: ['交通 arts 12–14 (a recused handler is replaced)', '行政处罚法 art 42 (certified officers handle the case)'],
  isServiceRequired: ['行政处罚法 art 61 (送达 of the 决定书)', '移送规定 arts 6–8 (a transfer sends a 移送书, not a 决定书)'],
  isSignOffRequired: ['118号 (十三) (法制审核机构 opinion; local sign-off [T])'],
  isSignOffAgreed: ['118号 (十三) (法制审核机构 opinion; local sign-off [T])'],
  isReturnStanding: ['118号 (十四) (异议 and 协调 of a return)', '118号 (十三) (存在问题: the handler corrects)'],
  isDecisionExtensible: ['交通 art 78 (one extension of 30 days, approved by the 负责人)'],
  isDiscussionPanelValid: ['行政处罚法 art 57 ¶2', '交通 art 76 (集体讨论)', '交通 arts 12–14 (回避)', 'seed §9(3)'],
  hasRequiredAvRecord: ['seed §9(2) (音像记录: 举行听证, 留置送达, 公告送达)', '118号 (八)', '交通 art 54'],
  // The criminal transfer: 《行政执法机关移送涉嫌犯罪案件的规定》 (国务院令第310号, 2020) as "移送规定".
  isTransferTeamValid: ['移送规定 art 5 (专案组 of at least two officers)', '行政处罚法 art 42 (执法证)'],
  isTransferAnswerDated: ['移送规定 arts 8–9 (立案 or 不予立案 notified to the agency)', 'seed §9(2) (dates as on the documents)'],
  isHandoverDated: [
    '移送规定 art 12 (涉案物品和材料 handed over within 3 days of the 立案通知书)',
    'seed §9(2) (dates as on the documents)',
  ],
  isAnswerFiled: ['移送规定 art 8 (公安机关 立案)', '移送规定 art 11 (no 以罚代刑 once filed)'],
  isSupervisionOrdered: ['移送规定 art 9 ¶2, art 14 (人民检察院 立案监督)'],
  isTransferFrom: ['移送规定 art 5 (a refusal with reasons: the administrative case goes on where it was)'],
  isResumeTo: ['移送规定 art 9 (不予立案)', '行政处罚法 art 27 ¶1 (the administrative case continues)', '交通 art 71 (a fresh review)'],
} satisfies Record<string, readonly string[]>;

/** Refusal codes of the case rules → the articles they enforce. */
export const refusalArticles = {
  wrong_role: ['seed §9(3) (承办, 审核 and 决定 are separate duties)'],
  not_handler: ['交通 art 23 (the investigating officers act on their case)'],
  no_certificate: ['行政处罚法 art 42, 55', '交通 art 23'],
  no_qualification: ['行政处罚法 art 58 ¶2', '交通 art 71 ¶2'],
  self_review: ['市场监管行政处罚程序规定 art 49 (办案人员不得作为审核人员)', 'DOMAIN §1.5'],
  recused: ['行政处罚法 art 43', '交通 arts 12–14'],
  not_assigned_reviewer: ['118号 (十三)'],
  self_assignment_only: ['118号 (十三) (a reviewer claims only for themself; a head assigns)'],
  review_outcome_inconsistent: ['交通 art 72', '118号 (十三)', '行政处罚法 art 27, 82', '移送规定 art 11'],
  own_recusal: ['交通 art 14 (nobody decides their own 回避)'],
  legal_date_invalid: ['交通 art 17', '交通 art 18 (送达回证)', 'seed §9(2) (全过程记录: dates as on the documents)'],
  hearing_window_open: ['交通 art 82', '交通 art 17', '行政处罚法 art 64(1), art 85'],
  penalty_heavier_after_notice: ['行政处罚法 art 45 ¶2', '交通 art 70 ¶2, art 81'],
  hearing_notice_too_short: ['交通 art 83', '行政处罚法 art 64(2)'],
  hearing_staff_not_independent: ['交通 art 84', '行政处罚法 art 64(4)'],
  recusal_application_not_pending: ['交通 art 14'],
  reviewer_may_not_decide: ['seed §9(3) (审核 and 决定 are separate duties)', '118号 (十四)'],
  self_sign_off: ['118号 (十三) (the 法制审核机构 answers for its opinion)'],
  decision_outcome_inconsistent: ['行政处罚法 art 82 (以罚代刑)', '移送规定 art 11', '行政处罚法 art 58', '交通 art 73'],
  discussion_invalid: ['行政处罚法 art 57 ¶2', '交通 art 76 (集体讨论)', '交通 arts 12–14 (回避)'],
  av_record_required: ['seed §9(2) (全过程记录: 音像记录)', '118号 (八)'],
  transfer_team_invalid: ['移送规定 art 5 (专案组 of at least two officers)', '行政处罚法 art 42 (执法证)'],
} satisfies Record<string, readonly string[]>;

/** Exported rule functions of case.rules.ts, decision.rules.ts, av-record.rules.ts and transfer.rules.ts → their articles. */
export const ruleArticles = {
  hasRoleFor: ['seed §9(3) (承办, 审核 and 决定 are separate duties)'],
  actingRole: ['seed §9(2) (全过程记录: the role each act was done in)'],
  refuseRole: ['seed §9(3) (承办, 审核 and 决定 are separate duties)'],
  refuseActor: ['行政处罚法 art 42, 43, 55, 58 ¶2', '交通 arts 12–14, 23', 'seed §9(3)'],
  refuseOpening: ['行政处罚法 art 42', '交通 art 23 (立案 by certified officers)'],
  refuseReviewOutcome: ['交通 art 72', '118号 (十三)', '行政处罚法 art 27, 82'],
  refuseContent: ['交通 art 72, 73, 76', '行政处罚法 art 57, 82'],
  isDraftHashCurrent: ['seed §9(3)'],
  isApprovedDraftCurrent: ['行政处罚法 art 58', '交通 art 71', 'seed §9(3)'],
  isDiscussionHeldWhenRequired: ['行政处罚法 art 57 ¶2', '交通 art 76'],
  isOutcomeConsistentWithReview: ['行政处罚法 art 82', '移送规定 art 11'],
  areDutiesDone: ['行政处罚法 art 48, 61', 'seed §22', '交通 art 122'],
  resolveOutcome: ['交通 art 73 (处罚, 不予处罚 (轻微 / 事实不成立), 移送)'],
  isDecisionExtensible: ['交通 art 78'],
  procedureOf: ['118号 (十三), (十四) (local review procedure [T])', '交通 art 76'],
  proposedOutcome: ['交通 art 73', '行政处罚法 art 57'],
  refuseDecisionOutcome: ['行政处罚法 art 58, 82', '移送规定 art 11', '交通 art 73'],
  refuseDiscussion: ['行政处罚法 art 57 ¶2', '交通 art 76', '交通 arts 12–14'],
  isAvRecordRequired: ['seed §9(2) (音像记录: the policy names the events)', '118号 (八)'],
  isAudioVisual: ['seed §9(2) (音像记录: audio or video)', '118号 (八)'],
  refuseMissingAvRecord: ['seed §9(2) (全过程记录: 音像记录)', '118号 (八)', '交通 art 54'],
  // transfer.rules.ts
  refuseTransferTeam: ['移送规定 art 5', '行政处罚法 art 42'],
  refuseTransferContent: ['移送规定 arts 5, 8–9'],
  isTransferFrom: ['移送规定 art 5 (refusal: back where the case was)'],
  resumeTarget: ['移送规定 art 9', '行政处罚法 art 27 ¶1', '交通 art 71 (the decision follows a fresh review)'],
  isReviewRequiredAfterTransfer: ['交通 art 71 (疑难复杂 cases are reviewed)', 'seed §9(3)'],
  isSupervisionOrdered: ['移送规定 art 9 ¶2, art 14'],
  isAnswerFiled: ['移送规定 art 8'],
} satisfies Record<string, readonly string[]>;

/** Request schemas whose refusals (HTTP 400) are rules of law → their articles. */
export const schemaArticles = {
  MeasureSchema: ['行政处罚法 art 9 (处罚种类: an amount for fines and confiscations, a duration for 暂扣 and 停产停业)'],
  MeasureListSchema: ['行政处罚法 art 9 (one decision may combine kinds)'],
  ReviewItemsSchema: ['交通 art 72 (the seven items of the written opinion)'],
  DecisionOutcomeSchema: ['交通 art 73', '行政处罚法 art 33, 57'],
  DiscussionMemberSchema: ['行政处罚法 art 57 ¶2', '交通 art 76'],
  PoliceAnswerSchema: ['移送规定 arts 8–9 (立案 or 不予立案)'],
  SupervisionResultSchema: ['移送规定 art 9 ¶2, art 14 (立案监督)'],
} satisfies Record<string, readonly string[]>;
