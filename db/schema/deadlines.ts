// Durable deadline clocks per case, opened and closed by the transitions that start and stop them, and
// the record of periodic reports handed in. Invariant: a closed deadline row never changes again.
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/** One statutory or local time limit of one case (DOMAIN §1.1), with the policy value it was counted from. */
export const deadlines = sqliteTable(
  'deadlines',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    /** decision, hearingRequest, review, service, publication, filing. */
    kind: text('kind').notNull(),
    /** The policy entry used (e.g. `publication.penalty`), its legal basis and the policy version. */
    policyKey: text('policy_key').notNull(),
    basis: text('basis').notNull(),
    policyVersion: text('policy_version').notNull(),
    days: integer('days').notNull(),
    unit: text('unit', { enum: ['working', 'calendar', 'natural'] }).notNull(),
    /** Event time that started the clock, and its date in China (the trigger day itself is not counted). */
    startedAt: text('started_at').notNull(),
    startDate: text('start_date').notNull(),
    /** Start of the current running segment (after a pause) and the days (in `unit`) used before it. */
    segmentStart: text('segment_start').notNull(),
    usedDays: integer('used_days').notNull().default(0),
    dueDate: text('due_date').notNull(),
    /** First day of the reminder window and first day of escalation to the head; null for party windows. */
    warnDate: text('warn_date'),
    escalateDate: text('escalate_date'),
    /** The due date rests on a year without a published State Council schedule. */
    provisional: integer('provisional', { mode: 'boolean' }).notNull(),
    state: text('state', { enum: ['running', 'paused', 'closed'] }).notNull(),
    pausedSince: text('paused_since'),
    /** Days (in `unit`) spent paused (the handler supplementing materials), not counted against the limit. */
    pausedDays: integer('paused_days').notNull().default(0),
    /** Highest notice the scheduler has recorded for the current segment. */
    notice: text('notice', { enum: ['none', 'warning', 'overdue', 'escalated'] })
      .notNull()
      .default('none'),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    outcome: text('outcome', { enum: ['met', 'late', 'lapsed', 'cancelled'] }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('deadlines_case_idx').on(t.caseId, t.kind), index('deadlines_state_due_idx').on(t.state, t.dueDate)],
);

/** A periodic supervision report (monthly statistics, annual summary) recorded as handed in. */
export const reportSubmissions = sqliteTable(
  'report_submissions',
  {
    kind: text('kind', { enum: ['monthly', 'annual'] }).notNull(),
    /** `YYYY-MM` for monthly, `YYYY` for annual. */
    period: text('period').notNull(),
    submittedAt: text('submitted_at').notNull(),
    submittedBy: text('submitted_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.period] })],
);
