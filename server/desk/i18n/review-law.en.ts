// English wording of the review-law parts of the desk, with the Chinese terms beside their English names.
import type { Messages } from './zh-CN.js';

export const enLaw: Messages['law'] = {
  duration: (days) => `for ${days} days`,
  materials: {
    title: 'Request supplementary materials (补充材料)',
    request: 'Materials needed, and why',
    submit: 'Request materials (the review period pauses)',
    requested: (date, request) => `On ${date} the reviewer requested materials: ${request}`,
    supplied: (date) => `The handler supplied the materials on ${date}.`,
    supplementTitle: 'Supply materials',
    note: 'What was supplied (materials, evidence)',
    submitSupplement: 'Supply materials (the review period resumes)',
  },
  dispute: {
    objectTitle: 'Object to the return (异议)',
    reason: 'Grounds of the objection',
    objectSubmit: 'Object and ask the head to coordinate',
    objected: (date, reason) => `On ${date} the handler objected to the return: ${reason}`,
    coordinateTitle: 'Coordinate the disagreement (118号 (十四))',
    result: 'Result',
    results: {
      return_upheld: 'The return stands; the handler corrects as the opinion says',
      handler_upheld: 'The handler’s view is accepted; the case may be re-submitted',
    },
    note: 'Coordination note',
    coordinateSubmit: 'Record the coordination',
    coordinated: (date, result) => `On ${date} the head coordinated: ${result}`,
  },
  signOff: {
    title: 'Sign the opinion off',
    agree: 'Sign off',
    disagree: 'Do not sign off: back to the reviewer',
    comment: 'Comment (optional)',
    submit: 'Confirm',
    pending: 'The opinion takes effect once the head of the legal-review body signs it off.',
  },
  extension: {
    title: 'Extend the decision period (交通 art 78)',
    reason: 'Reason for the extension',
    submit: 'Approve the extension',
    granted: (date, reason) => `Decision period extended on ${date}: ${reason}`,
  },
  discussion: {
    chair: 'Chair',
    member: (n) => `Member ${n}`,
    user: 'Person',
    none: '(none)',
    vote: 'Vote',
    votes: { agree: 'Agree', disagree: 'Disagree', abstain: 'Abstain' },
    opinion: 'Opinion',
    quorumHint: (n) => `At least ${n} heads; the chair must be one of the members. Rows without a person are ignored.`,
  },
  documents: {
    heading: 'Review opinions and decision',
    none: 'No documents yet.',
    opinion: (number) => `Review opinion ${number}`,
    decision: (number) => `Decision ${number}`,
    printHint: 'The documents print on A4 from the browser; they are in Chinese.',
    forbidden: 'Only the case’s handler, its reviewers, heads and auditors may read its documents.',
    notFound: 'No such document.',
  },
};
