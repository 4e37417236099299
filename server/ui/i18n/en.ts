// The review desk's English message catalog. Typed as `Messages`, so a key missing here fails `tsc`.
// Chinese legal terms stay beside the English names where reviewers know them by the Chinese.
import type { Messages } from './zh-CN.js';

export const en: Messages = {
  app: { name: 'Legal Review Desk', org: 'Xining Transport Enforcement', skip: 'Skip to main content' },
  nav: { label: 'Main navigation', queue: 'Queue', head: 'Decisions', clerk: 'Service, publication, filing', signOut: 'Sign out', signedInAs: (name) => `Signed in as ${name}` },
  lang: { label: 'Language', switchTo: '简体中文', current: 'English' },
  signIn: {
    title: 'Sign in', username: 'User name', password: 'Password', submit: 'Sign in',
    failed: 'Unknown user name or wrong password.', required: 'Please sign in first.', expired: 'Your session has expired; please sign in again.',
    demoHint: 'Demo: users reviewer1, head1, clerk1, handler1 and others, password demo-password.',
  },
  queue: {
    title: 'Queue', mine: 'Waiting for my review', claimable: 'Cases I may claim', handled: 'Cases I handle',
    decide: 'Waiting for my decision', duties: 'Service, publication and filing due', empty: 'No cases.',
    caseCol: 'Case', partyCol: 'Party', stateCol: 'State', deadlineCol: 'Deadline', actionCol: 'Action',
    open: 'Open', claim: 'Claim', caption: (n) => `${n} case(s)`,
  },
  deadlineKinds: {
    review: 'Legal review', reviewExtension: 'Extended review', decision: 'Decision', decisionExtension: 'Extended decision',
    hearingRequest: 'Hearing request', service: 'Service', publication: 'Publication', publicationWithdrawal: 'Publication withdrawal', filing: 'Filing',
  },
  badge: {
    withKind: (kind, text) => `${kind}: ${text}`,
    overdueNoDate: 'overdue', dueSoonNoDate: 'due soon', provisional: ' (provisional)',
    daysSinceReview: (n) => `${n} day(s) since review`, daysSinceDecision: (n) => `${n} day(s) since decision`,
    overdue: (date) => `overdue (due ${date})`, dueSoon: (date) => `due soon (${date})`, due: (date) => `due ${date}`,
    daysInReview: (n) => `${n} day(s) in review`, daysOpen: (n) => `${n} day(s) since opening`, none: 'No deadline data',
  },
  case: {
    title: 'Case title', flags: 'Case features',
    draft: 'Draft decision (决定代拟稿)', draftVersion: (v) => `version ${v}`, hash: 'Draft fingerprint (SHA-256)',
    party: 'Party (当事人)', facts: 'Facts', evidence: 'Evidence', evidenceKind: 'Kind', evidenceDesc: 'Description',
    legalBasis: 'Legal basis', proposed: 'Proposed decision', amount: (yuan) => `Amount: ¥${yuan}`,
    discretion: 'Discretion baseline item (裁量基准)', noDiscretion: 'No discretion baseline item given', major: 'Why this decision is major (重大)',
    notMajor: 'This decision is not major; no legal review is required.', discussionRequired: 'Collective discussion (集体讨论) required:',
    history: 'History', changes: 'Changes since the last reviewed version', noHistory: 'No entries yet.',
    actions: 'Actions', noActions: 'You have no action on this case now.', handler: 'Handler (承办人)', reviewer: 'Reviewer',
    unassigned: 'unassigned', state: 'State', version: (v) => `case version ${v}`,
    person: 'natural person', organization: 'organisation', back: 'Back to the case',
    openReview: 'Write the legal review opinion', openDecide: 'Decide or record collective discussion', refused: '(refused)',
  },
  states: {
    investigating: 'Investigating', noticed: 'Notice served', hearingRequested: 'Hearing requested', ready: 'Ready for review',
    inReview: 'In legal review', correcting: 'Returned for correction', awaitingDecision: 'Awaiting decision', decided: 'Decided',
    closed: 'Closed', withdrawn: 'Withdrawn',
  },
  events: {
    'case.open': 'Case opened (立案)', 'draft.revise': 'Draft revised', 'notice.send': 'Notice of violation served',
    'statement.record': 'Statement recorded', 'hearing.request': 'Hearing requested', 'hearing.hold': 'Hearing held',
    'rights.waive': 'Rights waived', 'rights.lapse': 'Statement period lapsed', 'review.submit': 'Submitted for legal review',
    'review.assign': 'Reviewer assigned', 'review.approve': 'Review: approved (同意)', 'review.return': 'Review: returned (存在问题)',
    'review.refer': 'Review: transfer recommended (建议移送)', 'conflict.declare': 'Conflict declared (回避)', 'discussion.record': 'Collective discussion recorded',
    'decision.issue': 'Decision issued', 'decision.serve': 'Decision served', 'publication.publish': 'Published',
    'publication.withdraw': 'Publication withdrawn', 'filing.submit': 'Filed (备案)', 'case.close': 'Case closed',
    'case.withdraw': 'Case withdrawn', 'deadline.notify': 'Deadline notice',
  },
  reasons: {
    fine_over_threshold: 'Fine at or above the major-case threshold', confiscation_over_threshold: 'Confiscation at or above the major-case threshold',
    license_revocation: 'Licence revocation proposed', suspension: 'Suspension of business proposed', hearing_held: 'A hearing was held',
    public_interest: 'Major public interest involved', complex: 'Complex case with several legal relations',
  },
  kinds: {
    fine: 'Fine', confiscation: 'Confiscation', license_revocation: 'Licence revocation',
    suspension: 'Suspension of business', warning: 'Warning', no_penalty: 'No penalty (不予处罚)',
  },
  outcomes: { penalty: 'Impose the penalty', no_penalty: 'No penalty', transfer: 'Transfer to judicial authorities (移送)' },
  roles: {
    handler: 'Handler', reviewer: 'Legal reviewer', head: 'Head', clerk: 'Clerk', auditor: 'Auditor', admin: 'Administrator', system: 'System',
  },
  items: {
    authority: 'Lawful authority; officers hold enforcement certificates', procedure: 'Lawful procedure',
    factsEvidence: 'Clear facts; lawful and sufficient evidence', lawDiscretion: 'Correct law applied; discretion baseline used properly',
    withinPowers: 'Within statutory powers', documents: 'Documents complete and in due form', crimeTransfer: 'No suspected crime; no transfer needed',
  },
  review: {
    title: (c) => `Legal review: ${c}`, items: 'Review items', passed: 'Passed', finding: 'Finding',
    findingLabel: 'Finding', overall: 'Overall opinion', approve: 'Approve (同意)', return: 'Problems found: return for correction (存在问题)',
    refer: 'Recommend transfer to judicial authorities (建议移送)', opinion: 'Written review opinion', opinionHint: 'When returning, state the points to correct.',
    subject: 'Draft under review', submit: 'Submit review opinion', claim: 'Claim this case (review it myself)',
    recusal: 'Declare a conflict of interest (回避)', recusalReason: 'Reason for recusal', recusalSubmit: 'Declare conflict',
  },
  head: {
    title: 'Decisions', caseTitle: (c) => `Decide: ${c}`, approved: 'Draft approved by legal review',
    referred: 'The reviewer recommends transfer to judicial authorities', reviewOpinion: 'Review opinion', discussion: 'Collective discussion (集体讨论)',
    discussionHeld: 'Collective discussion has been held on the current draft.', discussionNeeded: 'This case must be discussed collectively before the decision.',
    member: (n) => `Member ${n}`, memberName: 'Name', memberOpinion: 'Opinion',
    conclusion: 'Conclusion', recordDiscussion: 'Record collective discussion', decide: 'Decision', outcome: 'Outcome',
    decideOn: 'Fingerprint of the draft decided on', decideSubmit: 'Issue the decision', membersHint: 'Empty rows are ignored.',
  },
  clerk: {
    title: 'Service, publication and filing', service: 'Service', publication: 'Publication', filing: 'Filing', done: (date) => `Done (${date})`,
    due: 'Due', notRequired: 'Not required', withdrawn: 'Withdrawn', decidedOn: (date) => `Decided on ${date}`,
  },
  diff: {
    since: (from, to) => `Version ${from} (last reviewed) → version ${to}`, field: 'Field', before: 'Before',
    after: 'After', none: 'Same as the last reviewed version.', added: 'Added', removed: 'Removed',
  },
  forms: {
    submit: 'Submit', reason: 'Reason', summary: 'Points of the statement', transcript: 'Hearing transcript', attestation: 'I attest that the materials are true, accurate and complete',
    required: 'This field is required.', invalid: 'The form is incomplete; please check the marked fields.', itemRequired: 'Choose “Passed” or “Finding”.',
    findingRequired: 'Describe the finding.', approveNeedsAllPassed: 'To approve, every review item must be “Passed”.',
    returnNeedsFinding: 'To return, at least one item must have a finding.', memberRequired: 'Enter at least one member and their opinion.',
  },
  flash: { done: (label) => `Done: ${label}.`, signedOut: 'You have signed out.' },
  errors: {
    title: 'Not done', back: 'Back', reload: 'Reopen the case to see its current state',
    csrf: 'The form has expired or its origin could not be verified (CSRF check failed); nothing was changed. Reload the page and try again.',
    forbidden: 'You may not do this on this case; nothing was changed.', notFound: 'No such case.',
    conflict: 'Someone else updated this case; your form is stale and nothing was changed. Reopen the case and try again.',
    notAllowed: 'The case has moved on and this action is no longer available; nothing was changed.', validation: 'The submission is incomplete or malformed; nothing was changed.',
    noReviewForm: 'You cannot write a review opinion on this case (for example, you handle it, or it is assigned to someone else).',
    pageNotFound: 'No such page.', internal: 'The server failed; nothing was changed.',
  },
};
