// The values a deadline row may hold (kinds, notice levels, outcomes), defined beside the table that keeps
// them so the store and the deadline rules share one list without db/ importing server/.

/**
 * The clocks kept per case (DOMAIN §1.1, §3). All but `publicationWithdrawal` are started by case
 * transitions; that one is started when a published decision is revoked.
 */
export const deadlineKinds = [
  'decision',
  'hearingRequest',
  'review',
  'service',
  'publication',
  'filing',
  'publicationWithdrawal',
  // The criminal transfer (移送规定 arts 5, 6, 9): approval, sending, reconsideration of a 不予立案.
  'transferApproval',
  'transferSend',
  'transferReconsideration',
  // The police's own periods (arts 8, 9): 立案 or 不予立案 on a transfer, and the answer to a 复议. The police are
  // not users: the agency records their answers, and these clocks remind it to chase them.
  'policeFiling',
  'policeReconsideration',
  // The handover of seized items and materials to the police within 3 days of their 立案 (art 12; version 8).
  'transferHandover',
  // 查封、扣押 cases (行政强制法 art 25; seed §22): the measure's period and the 备案 of a major decision.
  'coercionPeriod',
  'coercionFiling',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** The clocks of 查封扣押 cases: their notices go through the coercion service, not the penalty case's. */
export const coercionClockKinds: ReadonlySet<DeadlineKind> = new Set(['coercionPeriod', 'coercionFiling']);

/** Notices the scheduler records, in rising order of severity. */
export const noticeLevels = ['none', 'warning', 'overdue', 'escalated'] as const;
export type NoticeLevel = (typeof noticeLevels)[number];

/** How a closed deadline ended. */
export type DeadlineOutcome = 'met' | 'late' | 'lapsed' | 'cancelled';
