// The problems catalogue: for every stable problem code the API or the desk can answer with, its title and
// an explanation (what it means and what to do) in Simplified Chinese and English. problem.ts localises
// bodies from it and /problems/<code> renders its help page; a test fails for a code missing here.

/** One language's text of a problem. */
export interface ProblemText {
  title: string;
  /** What happened and what to do; also the Chinese `detail` of a problem body. */
  help: string;
}

/** A problem in both languages. */
export interface ProblemEntry {
  'zh-CN': ProblemText;
  en: ProblemText;
}

const e = (zhTitle: string, zhHelp: string, enTitle: string, enHelp: string): ProblemEntry => ({
  'zh-CN': { title: zhTitle, help: zhHelp },
  en: { title: enTitle, help: enHelp },
});

/** Every problem code, snake_case as in `DomainError.code`; the type URI is `/problems/<code-with-dashes>`. */
export const problemCatalogue: Record<string, ProblemEntry> = {
  malformed_request: e(
    '请求格式不正确',
    '请求的参数、请求头或请求体不符合接口约定，未作任何更改。errors 列出每个出错的字段。',
    'Malformed request',
    'A parameter, header or the body does not match the API contract; nothing was changed. `errors` lists each field at fault.',
  ),
  malformed_form: e(
    '表单格式不正确',
    '提交的表单无法解析，未作任何更改。请刷新页面后重试。',
    'Malformed form',
    'The form could not be parsed; nothing was changed. Reload the page and try again.',
  ),
  malformed_multipart: e(
    '上传格式不正确',
    '上传请求不是有效的 multipart/form-data，未作任何更改。',
    'Malformed upload',
    'The upload is not valid multipart/form-data; nothing was changed.',
  ),
  missing_version: e(
    '缺少案件版本',
    '表单未带案件版本，无法确认您看到的是最新情况，未作任何更改。请重新打开案件。',
    'Case version missing',
    'The form did not carry the case version, so it cannot be checked against the current case; nothing was changed. Reopen the case.',
  ),
  bad_cursor: e(
    '分页游标无效',
    'cursor 参数不是本服务器签发的分页游标（或属于另一种排序），未作任何更改。请去掉 cursor 从第一页开始。',
    'Invalid cursor',
    'The `cursor` is not one this server issued (or belongs to another order); nothing was changed. Start again from the first page without `cursor`.',
  ),
  unauthorized: e(
    '需要登录',
    '请求未带有效的令牌或会话。请先登录或获取令牌。',
    'Authentication required',
    'The request carries no valid token or session. Sign in or obtain a token first.',
  ),
  bad_credentials: e(
    '用户名或密码不正确',
    '用户名或密码不正确，未登录。',
    'Wrong username or password',
    'The username or password is wrong; you are not signed in.',
  ),
  sign_in_throttled: e(
    '登录尝试过于频繁',
    '登录尝试过于频繁，请在 retryAfterSeconds 秒后再试。',
    'Too many sign-in attempts',
    'Too many sign-in attempts; try again after `retryAfterSeconds` seconds.',
  ),
  account_locked: e(
    '账户已被临时锁定',
    '登录失败次数过多，账户已被临时锁定，请在 retryAfterSeconds 秒后再试或联系管理员。',
    'Account locked',
    'Too many failed sign-ins locked the account; try again after `retryAfterSeconds` seconds or ask an administrator.',
  ),
  csrf_failed: e(
    '表单已失效',
    '表单的 CSRF 校验失败（表单过期或来源无法验证），未作任何更改。请刷新页面后重试。',
    'Form expired',
    'The form failed its CSRF check (expired, or its origin cannot be verified); nothing was changed. Reload the page and try again.',
  ),
  wrong_role: e(
    '角色无权执行此操作',
    '您的角色不能执行此操作或查看此内容，未作任何更改。',
    'Not allowed for your role',
    'Your role may not do this or see this; nothing was changed.',
  ),
  not_handler: e(
    '只有承办人可以执行此操作',
    '此操作只能由本案承办人（或规定的负责人）执行，未作任何更改。',
    'Only the handler may do this',
    'Only the handler of the case (or, where stated, a head) may do this; nothing was changed.',
  ),
  no_certificate: e(
    '缺少有效的执法证',
    '执行此操作需要有效的行政执法证件，未作任何更改。',
    'Enforcement certificate required',
    'A valid enforcement certificate (执法证) is required; nothing was changed.',
  ),
  no_qualification: e(
    '缺少法律职业资格',
    '法制审核人员须具备有效的法律职业资格，未作任何更改。',
    'Legal qualification required',
    'Legal review needs a valid legal qualification (法律职业资格); nothing was changed.',
  ),
  self_review: e(
    '办案人员不得审核或决定本案',
    '本案承办人不得作为本案的审核人员或决定人，未作任何更改。',
    'Handler may not review or decide',
    'The handler of a case may not review or decide it; nothing was changed.',
  ),
  recused: e(
    '已声明回避',
    '该人员已就本案声明回避，不能再审核本案，未作任何更改。',
    'Recused',
    'This person declared a conflict of interest (回避) on this case and may not review it; nothing was changed.',
  ),
  not_assigned_reviewer: e(
    '本案已分配给其他审核人员',
    '本案由另一位审核人员负责，未作任何更改。请打开案件查看当前审核人员。',
    'Assigned to another reviewer',
    'The case is assigned to another reviewer; nothing was changed. Open the case to see who reviews it now.',
  ),
  self_assignment_only: e(
    '审核人员只能认领给自己',
    '审核人员只能把案件认领给自己；指定他人须由负责人操作，未作任何更改。',
    'Reviewers claim only for themselves',
    'A reviewer may only claim a case for themself; assigning someone else is for a head. Nothing was changed.',
  ),
  unknown_reviewer: e(
    '审核人员不存在',
    '指定的审核人员不存在，未作任何更改。',
    'Unknown reviewer',
    'No such reviewer; nothing was changed.',
  ),
  event_not_allowed: e(
    '当前阶段不允许此操作',
    '本案已处于其他阶段，此操作现在不可用，未作任何更改。allowedEvents 列出您现在可以执行的操作。',
    'Not allowed in the current state',
    'The case is in a state where this is not possible; nothing was changed. `allowedEvents` lists what you may do now.',
  ),
  migration_not_newer: e(
    '目标版本不是更新版本',
    '案件只能迁移到其流程机器的更新版本，未作任何更改。GET /api/v1/machines 列出已部署的版本。',
    'Target version is not newer',
    'A case moves only to a newer version of its machine; nothing was changed. GET /api/v1/machines lists the deployed versions.',
  ),
  machine_version_unknown: e(
    '流程版本未部署',
    '没有部署该版本的流程机器，未作任何更改。GET /api/v1/machines 列出已部署的版本。',
    'Machine version not deployed',
    'No such version of the machine is deployed; nothing was changed. GET /api/v1/machines lists the deployed versions.',
  ),
  migration_not_available: e(
    '没有成文的迁移规则',
    '这两个版本之间没有成文的迁移规则，案件继续按其立案时的版本办理，未作任何更改。',
    'No documented migration',
    'No documented mapping moves a case between these versions; the case keeps the rules it was opened under. Nothing was changed.',
  ),
  migration_refused: e(
    '本案不能迁移',
    '迁移规则拒绝了本案（例如本案所处阶段在新版本中不存在），案件继续按原版本办理，未作任何更改。',
    'This case cannot be migrated',
    'The mapping refuses this case (for example, its state has no counterpart in the new version); it keeps its version. Nothing was changed.',
  ),
  case_ended: e(
    '案件已结束',
    '案件已结案或已撤销，不能再操作，未作任何更改。',
    'Case ended',
    'The case is closed or withdrawn; nothing was changed.',
  ),
  case_not_decided: e(
    '案件尚未作出决定',
    '本案尚无决定，无法记录决定被撤销或变更，未作任何更改。',
    'Case not decided',
    'The case has no decision to be overturned; nothing was changed.',
  ),
  version_mismatch: e(
    '案件已被他人更新',
    '您看到的案件版本已过期（If-Match 与当前版本不符），未作任何更改。currentVersion 为当前版本，请重新读取案件后再操作。',
    'Case changed meanwhile',
    'The version you saw is stale (If-Match does not match); nothing was changed. `currentVersion` is the version now: read the case again.',
  ),
  stale_draft_hash: e(
    '代拟稿已变更',
    '请求所依据的代拟稿指纹不是当前代拟稿的指纹：代拟稿在此期间被修改，原有审核结论对新稿无效，未作任何更改。currentDraftHash 为当前指纹。',
    'Draft changed',
    'The draft hash sent is not the current draft’s: the draft was revised, and an earlier review does not cover the new one. Nothing was changed; `currentDraftHash` is the current hash.',
  ),
  review_outcome_inconsistent: e(
    '审核意见与审核事项不一致',
    '总体意见与七项审核事项的结论不一致（例如同意时有“存在问题”的事项），未作任何更改。fields 指出出错的事项。',
    'Opinion contradicts the items',
    'The overall opinion contradicts the seven review items (e.g. approval with an item that has a finding); nothing was changed. `fields` names the items.',
  ),
  av_record_required: e(
    '缺少音像记录',
    '举行听证须附至少一份音频或视频记录，未作任何更改。',
    'AV record required',
    'A hearing needs at least one audio or video record; nothing was changed.',
  ),
  transfer_team_invalid: e(
    '专案组不符合要求',
    '移送涉嫌犯罪案件须由至少两名持有效执法证的执法人员组成专案组提出（《行政执法机关移送涉嫌犯罪案件的规定》第五条），未作任何更改。fields 指出有问题的人员。',
    'Transfer team invalid',
    'A criminal transfer is proposed by a case team of at least two officers, each holding a valid enforcement certificate (移送规定 art 5); nothing was changed. `fields` names the officer at fault.',
  ),
  idempotency_key_reuse: e(
    '幂等键已用于其他请求',
    '同一 Idempotency-Key 已用于内容不同的请求，未作任何更改。请为新请求使用新的键。',
    'Idempotency key reused',
    'This Idempotency-Key was used for a different request; nothing was changed. Use a new key for a new request.',
  ),
  case_not_found: e('找不到该案件', '案件不存在，或您无权知道它的存在。', 'Case not found', 'No such case, or one you may not know of.'),
  inquiry_not_found: e(
    '找不到该责任追究',
    '责任追究不存在，或您无权查看其案件。',
    'Inquiry not found',
    'No such inquiry, or one whose case you may not read.',
  ),
  route_not_found: e(
    '接口不存在',
    '没有这个接口地址或方法。请查看 /openapi.json。',
    'No such route',
    'No route for this method and path; see /openapi.json.',
  ),
  page_not_found: e('页面不存在', '工作台没有这个页面。', 'Page not found', 'The desk has no such page.'),
  no_review_form: e(
    '不能填写审核意见',
    '您不能对本案填写审核意见（例如您是承办人，或本案未分配给您）。',
    'No review form for you',
    'You may not review this case (e.g. you handle it, or it is assigned to someone else).',
  ),
  no_decide_form: e(
    '不能作出决定',
    '您现在不能对本案作出决定或记录集体讨论。',
    'No decision form for you',
    'You may not decide this case or record its discussion now.',
  ),
  reports_forbidden: e(
    '无权查看或报送报表',
    '统计报表只对负责人、文书人员、监督人员和管理员开放。',
    'Reports not available to you',
    'Reports are for heads, clerks, auditors and admins.',
  ),
  deadlines_forbidden: e(
    '无权查看期限列表',
    '跨案件的期限列表只对负责人和文书人员开放。',
    'Deadline list not available to you',
    'The cross-case deadline list is for heads and clerks.',
  ),
  calendar_years_forbidden: e(
    '无权查看已载入的节假日年份',
    '已载入的节假日年份只对负责人和管理员开放。',
    'Calendar years not available to you',
    'The loaded holiday years are for heads and admins.',
  ),
  admin_only: e(
    '只有管理员可以执行此操作',
    '此操作只对管理员开放，未作任何更改。',
    'Administrators only',
    'Only an administrator may do this; nothing was changed.',
  ),
  date_out_of_range: e(
    '日期超出日历范围',
    '所问日期超出工作日日历的范围，未作任何更改。',
    'Date out of range',
    'The date falls outside the working-day calendar; nothing was changed.',
  ),
  unknown_region: e('地区日历不存在', '没有该地区的工作日日历。', 'Unknown region', 'No working-day calendar for that region.'),
  unknown_ground: e(
    '免责事由不存在',
    '所称的尽职免责事由不在规则文件中，未作任何更改。',
    'Unknown exemption ground',
    'The exemption ground is not in the rules file; nothing was changed.',
  ),
  inquiry_open: e(
    '已有进行中的责任追究',
    '本案已有一项尚未办结的责任追究，未作任何更改。',
    'Inquiry already open',
    'An inquiry on this case is still open; nothing was changed.',
  ),
  allocations_incomplete: e(
    '责任分配不完整',
    '认定须对责任链中的每一个人恰好分配一次，未作任何更改。',
    'Allocations incomplete',
    'The determination must allocate every person in the chain exactly once; nothing was changed.',
  ),
  not_in_chain: e(
    '不在责任链中',
    '只有责任链中的人员可以主张尽职免责，未作任何更改。',
    'Not in the chain',
    'Only a person in the responsibility chain may claim an exemption; nothing was changed.',
  ),
  supervisor_in_chain: e(
    '监督人员在责任链中',
    '认定责任的监督人员不得是被认定人员之一，未作任何更改。',
    'Supervisor in the chain',
    'The supervisor may not be one of the persons whose fault is determined; nothing was changed.',
  ),
  record_empty: e('记录为空', '记录为空，没有可签名的内容。', 'Record empty', 'The record is empty: there is nothing to sign.'),
  evidence_not_found: e(
    '找不到该证据',
    '证据不存在，或不属于您可以查看的案件。',
    'Evidence not found',
    'No such evidence, or not of a case you may read.',
  ),
  evidence_not_in_case: e(
    '证据不属于本案',
    '代拟稿引用的证据文件不属于本案，未作任何更改。',
    'Evidence of another case',
    'The draft cites evidence that does not belong to this case; nothing was changed.',
  ),
  evidence_hash_mismatch: e(
    '证据指纹不符',
    '代拟稿中的 SHA-256 与该证据文件不符，未作任何更改。',
    'Evidence hash mismatch',
    'The SHA-256 in the draft does not match the evidence file; nothing was changed.',
  ),
  evidence_file_missing: e(
    '证据文件缺失',
    '证据的存储文件缺失，请联系管理员。',
    'Evidence file missing',
    'The stored file of this evidence is missing; ask an administrator.',
  ),
  bad_filename: e(
    '文件名无效',
    '上传的文件名无效，未作任何更改。',
    'Invalid file name',
    'The uploaded file name is not valid; nothing was changed.',
  ),
  file_too_large: e(
    '文件过大',
    '上传的文件超过该类型的大小上限，未作任何更改。',
    'File too large',
    'The file exceeds the size limit for its type; nothing was changed.',
  ),
  export_too_large: e(
    '导出内容过大',
    '案卷导出超过大小上限，未作任何更改。',
    'Export too large',
    'The case-file export exceeds the size limit; nothing was changed.',
  ),
  media_type_mismatch: e(
    '文件类型不符',
    '文件内容与声明的类型不符，未作任何更改。',
    'Media type mismatch',
    'The file’s bytes are not of the declared type; nothing was changed.',
  ),
  payload_too_large: e(
    '请求内容过大',
    '请求体超过大小上限，未作任何更改。',
    'Payload too large',
    'The request body exceeds the size limit; nothing was changed.',
  ),
  unsupported_media_type: e(
    '不支持的内容类型',
    '请求体须为 JSON（Content-Type: application/json），未作任何更改。',
    'Unsupported media type',
    'The body must be JSON (Content-Type: application/json); nothing was changed.',
  ),
  range_not_satisfiable: e(
    '请求的字节范围无效',
    '请求的字节范围超出文件长度。',
    'Range not satisfiable',
    'The requested byte range lies outside the file.',
  ),
  not_case_reader: e(
    '无权查看本案',
    '您不是本案的承办人、审核人员、负责人或审计人员，不能查看本案的文书或记录。',
    'Not a reader of this case',
    "You are not the case's handler, reviewer, a head or an auditor, so you may not read its documents or records.",
  ),
  legal_date_invalid: e(
    '法律日期不正确',
    '文书上的日期晚于今天，或早于其所依据的日期（立案、签收或决定之日）。请按文书上的日期填写，未作任何更改。',
    'Legal date not valid',
    'A document date is later than today or earlier than the date it follows (opening, receipt or decision). Enter the date on the document; nothing was changed.',
  ),
  unknown_user: e(
    '人员不存在',
    '所填人员不是本系统的用户，未作任何更改。请从列表中选择。',
    'No such person',
    'The person named is not a user of this system; nothing was changed. Choose from the list.',
  ),
  unknown_member: e(
    '讨论成员不存在',
    '集体讨论的成员中有人不是本系统的用户，未作任何更改。',
    'Unknown discussion member',
    'A member of the collective discussion is not a user of this system; nothing was changed.',
  ),
  document_not_found: e(
    '文书不存在',
    '本案没有所请求的文书（审核意见书或决定书尚未出具）。',
    'Document not found',
    'The case has no such document (the review opinion or decision has not been issued yet).',
  ),
  own_recusal: e(
    '不能决定针对本人的回避申请',
    '负责人不能决定针对自己的回避申请，应由其他负责人决定（《交通运输行政执法程序规定》第十三条）。',
    'Own recusal application',
    'A head may not decide an application for their own recusal (回避); another head decides it (交通 art 13).',
  ),
  reviewer_may_not_decide: e(
    '审核人员不能作出决定',
    '您对本案出具了审核意见，不能再作为负责人作出决定。',
    'Reviewer may not decide',
    'You gave a review opinion on this case, so you may not decide it as head.',
  ),
  self_sign_off: e(
    '不能签发本人的审核意见',
    '审核意见应由法制审核机构负责人签发，出具意见的人员不能签发自己的意见。',
    'Own opinion sign-off',
    'The author of a review opinion may not sign it off; the head of the legal-review body does.',
  ),
  decision_outcome_inconsistent: e(
    '决定与审核意见不一致',
    '决定种类须与审核通过的代拟稿一致；建议移送后只能作出移送决定。如需改变，请修改代拟稿并重新审核。',
    'Decision inconsistent with the review',
    "The decision must be the reviewed draft's outcome; after a referral only a transfer may be decided. To change it, revise the draft and have it reviewed again.",
  ),
  discussion_invalid: e(
    '集体讨论记录不符合要求',
    '集体讨论须有足够的负责人参加，主持人须为成员，承办人、审核人员和回避人员不得参加。',
    'Collective discussion not valid',
    'A collective discussion needs enough heads, a chair among the members, and no handler, reviewer or recused person.',
  ),
  hearing_notice_too_short: e(
    '听证通知期限不足',
    '听证通知书应在举行听证七日前送达（《交通运输行政执法程序规定》第八十三条）。',
    'Hearing notice too short',
    'The hearing notice must be served seven days before the hearing (交通 art 83).',
  ),
  hearing_staff_not_independent: e(
    '听证主持人或记录人不符合要求',
    '本案调查人员和回避人员不得主持或记录听证（《交通运输行政执法程序规定》第八十四条）。',
    'Hearing staff not independent',
    "The case's investigators and recused persons may not host or record the hearing (交通 art 84).",
  ),
  hearing_window_open: e(
    '听证申请期限尚未届满',
    '当事人申请听证的期限尚未届满，不能认定其放弃权利。',
    'Hearing-request period still open',
    "The party's period to request a hearing has not ended, so the right has not lapsed.",
  ),
  penalty_heavier_after_notice: e(
    '告知后不得加重处罚',
    '告知后修改代拟稿不得加重处罚；如需加重，应重新送达违法行为通知书，当事人的权利重新起算。',
    'Heavier penalty after notice',
    "A draft revised after notice may not make the penalty heavier; serve a new notice of violation, which restarts the party's rights.",
  ),
  recusal_application_not_pending: e(
    '回避申请已处理',
    '该回避申请已经作出决定，不能再次决定。',
    'Recusal application decided',
    'That recusal application has already been decided.',
  ),
  unit_not_found: e(
    '单位不存在',
    '没有该单位（或上级单位），未作任何更改。请从单位列表中选择。',
    'Unit not found',
    'No such unit (or parent unit); nothing was changed. Pick one from the list of units.',
  ),
  user_not_found: e(
    '用户不存在',
    '没有该用户，未作任何更改。请从用户列表中选择。',
    'User not found',
    'No such user; nothing was changed. Pick one from the list of users.',
  ),
  username_taken: e(
    '用户名已被使用',
    '已有用户使用该用户名，未作任何更改。请换一个用户名。',
    'Username taken',
    'Another user already has this username; nothing was changed. Choose another.',
  ),
  webhook_url_refused: e(
    '推送地址不被接受',
    '推送地址须为 http 或 https，且不得指向内网或本机地址（除非部署时设置 WEBHOOK_ALLOW_PRIVATE）；未作任何更改。',
    'Webhook URL refused',
    'The URL must be http or https and must not point to a private or loopback address unless the deployment sets WEBHOOK_ALLOW_PRIVATE; nothing was changed.',
  ),
  dead_delivery_not_found: e(
    '没有该失败投递',
    '没有编号为此的失败（死信）投递，可能已重新投递或已送达；未作任何更改。',
    'Dead delivery not found',
    'There is no dead delivery with this id; it may have been retried or delivered already. Nothing was changed.',
  ),
  notification_not_found: e(
    '通知不存在',
    '没有该通知，或它不是您的通知；未作任何更改。',
    'Notification not found',
    'No such notification, or it is not yours; nothing was changed.',
  ),
  concurrent_update: e(
    '案件记录正在更新',
    '提交期间本案记录被其他请求多次更新，本次未作任何更改。请稍后重新提交。',
    'Record kept changing',
    'The case record changed several times over while this command was being written; nothing was changed. Send it again.',
  ),
  coercion_object_excluded: e(
    '不得查封、扣押的财物',
    '代拟稿列入了公民个人及其所扶养家属的生活必需品，依《行政强制法》第二十三条第一款不得查封、扣押，未作任何更改。fields 指出该财物。',
    'Object may not be sealed or seized',
    'The draft lists a living necessity of a citizen or their dependants, which 行政强制法 art 23 ¶1 forbids to seal or seize; nothing was changed. `fields` names the object.',
  ),
  coercion_officers_too_few: e(
    '实施人员不足两名',
    '查封、扣押应当由两名以上行政执法人员实施（《行政强制法》第十八条第二项），请列明两名不同的执法人员；未作任何更改。',
    'Fewer than two officers',
    'Sealing or seizure is carried out by two or more enforcement officers (行政强制法 art 18(2)); name two different officers. Nothing was changed.',
  ),
  coercion_period_expired: e(
    '查封、扣押期限已届满',
    '延长决定应当在查封、扣押期限内作出并书面告知当事人（《行政强制法》第二十五条）；期限已届满，不能再延长，未作任何更改。请依第二十七条、第二十八条作出处理决定或者解除。',
    'Period already over',
    'An extension must be decided and told to the party within the period (行政强制法 art 25); the period is over, so it cannot be extended. Nothing was changed; conclude or release the measure (arts 27–28).',
  ),
  licence_grounds_mismatch: e(
    '决定理由与决定类型不符',
    '撤销应当依据《行政许可法》第六十九条的情形，撤回应当依据第八条第二款的情形，且事实应当能够认定；代拟稿所列理由属于其他决定类型或者未能认定，未作任何更改。fields 指出有误之处。',
    'Grounds do not fit the outcome',
    'A 撤销 rests on 行政许可法 art 69 grounds and a 撤回 on art 8 ¶2 grounds, established by the facts; the draft names grounds of another outcome or not established. Nothing was changed; `fields` names what is wrong.',
  ),
  licence_revocation_barred: e(
    '撤销可能对公共利益造成重大损害',
    '代拟稿载明撤销将对公共利益造成重大损害，依《行政许可法》第六十九条第三款不予撤销；未作任何更改。请改为不予撤销。',
    'Revocation would harm the public interest',
    'The draft states that revocation would cause major harm to the public interest; 行政许可法 art 69 ¶3 forbids revoking then. Nothing was changed; decide 不予撤销 instead.',
  ),
  licence_not_revoke_unfounded: e(
    '不予撤销缺少法定理由',
    '撤销情形已经认定的，不予撤销须载明撤销将对公共利益造成的重大损害（《行政许可法》第六十九条第三款）；以欺骗、贿赂等不正当手段取得的许可应当撤销（第二款）。未作任何更改。',
    'No lawful reason not to revoke',
    'With the grounds established, 不予撤销 must state the major harm to the public interest a revocation would cause (行政许可法 art 69 ¶3); a licence obtained by fraud or bribery shall be revoked (¶2). Nothing was changed.',
  ),
  licence_notice_mismatch: e(
    '与已告知的决定不一致',
    '已向被许可人告知拟作出的决定及其事实、理由和依据（《行政许可法》第七条、第三十六条）；代拟稿改变了决定类型或者增加了未告知的理由，未作任何更改。',
    'Differs from the notice served',
    'The licensee was told of the intended outcome and its grounds (行政许可法 arts 7, 36); the draft changes the outcome or adds grounds it was not told of. Nothing was changed.',
  ),
  licence_statements_pending: e(
    '陈述、申辩期限未届满',
    '被许可人尚在陈述、申辩期限内且尚未陈述或者放弃（《行政许可法》第七条、第三十六条），不能结束听取意见；未作任何更改。',
    'Statements still open',
    'The licensee is still within its period to state its case and has neither stated it nor waived it (行政许可法 arts 7, 36); the hearing cannot close yet. Nothing was changed.',
  ),
  execution_amount_missing: e(
    '未载明金额',
    '涉及金钱给付的，催告书和执行决定应当有明确的金额（《行政强制法》第三十五条第三项）；未作任何更改。fields 指出缺少金额的字段。',
    'Amount missing',
    'Where money is owed, the 催告 and the decision state the amount (行政强制法 art 35(3)); nothing was changed. `fields` names the field.',
  ),
  execution_route_mismatch: e(
    '执行方式与途径不一致',
    '该事项不属于本案的执行途径（自行强制执行、代履行或者申请人民法院强制执行），或者代履行的途径与方式不一致；未作任何更改。',
    'Not of this route',
    'The event or draft does not fit the case route (enforcement by the agency, 代履行, or application to the court); nothing was changed.',
  ),
  execution_time_missing: e(
    '未载明强制执行时间',
    '强制执行决定应当载明强制执行的方式和时间（《行政强制法》第三十七条第二款第三项）；未作任何更改。',
    'Time of execution missing',
    'The decision states how and when it is executed (行政强制法 art 37 ¶2(3)); nothing was changed.',
  ),
  execution_surcharge_over_amount: e(
    '加处罚款超过金钱给付义务数额',
    '加处罚款或者滞纳金的数额不得超出金钱给付义务的数额（《行政强制法》第四十五条第二款）；未作任何更改。',
    'Surcharge over the amount owed',
    'A surcharge or late fee may not exceed the money owed (行政强制法 art 45 ¶2); nothing was changed.',
  ),
  execution_duty_changed: e(
    '执行的义务不得变更',
    '本案执行的行政决定及其义务在立案时确定，修改代拟稿不得变更；如需执行其他决定，请另行立案。未作任何更改。',
    'Duty may not change',
    'The decision and duty a case enforces are fixed when it opens; open a new case for another. Nothing was changed.',
  ),
  execution_notice_period_running: e(
    '催告期限未届满',
    '经催告，当事人逾期仍不履行的，才可以作出强制执行决定（《行政强制法》第三十七条第一款）；申请人民法院强制执行应在催告书送达十日后（第五十四条）。期限届满前不能决定，未作任何更改。',
    'The 催告 period is still running',
    'Enforcement may be decided only after the party let the 催告 period pass (行政强制法 art 37 ¶1); a court application only ten days after the 催告 was served (art 54). Nothing was changed.',
  ),
  execution_statement_not_adopted: e(
    '成立的陈述申辩尚未采纳',
    '当事人提出的事实、理由或者证据成立的，行政机关应当采纳（《行政强制法》第三十六条）。请先修改代拟稿，再作决定；未作任何更改。',
    'A statement that holds is not adopted yet',
    'Facts, reasons or evidence of the party that hold must be adopted (行政强制法 art 36): revise the draft before deciding. Nothing was changed.',
  ),
  execution_rest_day: e(
    '不得在夜间或者法定节假日实施',
    '行政机关不得在夜间或者法定节假日实施行政强制执行，情况紧急的除外（《行政强制法》第四十三条第一款）；请改期或者载明紧急情况的理由。未作任何更改。',
    'No execution at night or on a rest day',
    'No execution at night or on a statutory holiday unless urgent (行政强制法 art 43 ¶1); choose another time or state the urgency. Nothing was changed.',
  ),
  execution_court_deadline_passed: e(
    '申请人民法院强制执行的期限已过',
    '应当自期限届满之日起三个月内申请人民法院强制执行（《行政强制法》第五十三条）；期限已过，未作任何更改。',
    'Court application deadline passed',
    'The court is applied to within three months of the end of the remedy period (行政强制法 art 53); that time has passed. Nothing was changed.',
  ),
  execution_reminder_missing: e(
    '代履行前未催告',
    '代履行三日前，应当催告当事人履行（《行政强制法》第五十一条第二项）；请先送达催告，三日后再实施。未作任何更改。',
    'No reminder three days before 代履行',
    'Three days before a 代履行 the party is reminded to perform (行政强制法 art 51(2)); serve the reminder and carry it out three days later. Nothing was changed.',
  ),
  internal: e(
    '系统出错',
    '服务器出错；除非请求已被确认，否则未作任何更改。',
    'Internal error',
    'The server failed; nothing was changed by this request unless it was acknowledged.',
  ),
};

/** The catalogue entry of `code`, if it has one. */
export function problemEntry(code: string): ProblemEntry | undefined {
  return Object.hasOwn(problemCatalogue, code) ? problemCatalogue[code] : undefined;
}
