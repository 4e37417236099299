// Commands of the party's rights and the duties as tests send them, with legal dates: by default the day the
// command is sent (China date of `new Date()` or of a test clock), which is never in the future.
import { chinaDay } from '../../machines/case/legal-dates.js';

/** Today in China, on the real clock (tests with a test clock pass its date instead). */
export const today = (): string => chinaDay(new Date().toISOString());

/** A service record (送达回证) dated `date`. */
export const served = (date = today(), recipient = '当事人') => ({
  method: 'direct' as const,
  date,
  recipient,
  receiptRef: `回证-${date}`,
});

/** `notice.send` with the 违法行为通知书 received on `date`. */
export const noticeSend = (date = today()) => ({ type: 'notice.send' as const, service: served(date) });

/** `decision.serve` with the 决定书 received on `date`. */
export const decisionServe = (date = today()) => ({ type: 'decision.serve' as const, service: served(date) });

/** `filing.submit` to the 司法行政部门 on `date`. */
export const filingSubmit = (date = today()) => ({
  type: 'filing.submit' as const,
  recipient: '西宁市司法局',
  reportNo: `备-${date}`,
  filedOn: date,
});

/** The China date `n` days before today (on the real clock, or on `now` when a test moves its own clock). */
export const daysAgo = (n: number, now: () => Date = () => new Date()): string =>
  chinaDay(new Date(now().getTime() - n * 86_400_000).toISOString());

/** `daysAgo` on an app's own clock (`services.now`). */
export const onClockOf = (t: { services: { now: () => Date } }) => (n: number) => daysAgo(n, t.services.now);

/**
 * A hearing's schedule and holding, all dated in the past so every legal date is before today: the notice of
 * violation is then received `daysAgo(50)` (open the case on `daysAgo(70)` or earlier), the 听证通知书 served
 * 45 days ago, the hearing held 20 days ago (25 days apart: at least 7 working days in any season).
 */
export const pastHearing = (hostId: string, recorderId: string, ago: (n: number) => string = daysAgo) => ({
  schedule: {
    type: 'hearing.schedule' as const,
    date: ago(20),
    place: '支队第一听证室',
    hostId,
    recorderId,
    noticeServedOn: ago(45),
  },
  hold: { type: 'hearing.hold' as const, transcript: '听证笔录：当事人对事实无异议。', heldOn: ago(20) },
});

/**
 * The commands from 告知 to a scheduled hearing for a case opened `daysAgo(70)` or earlier: the notice received
 * 50 days ago, the hearing requested, and the hearing scheduled 20 days ago (host and recorder not investigators).
 * Hold it with `heldHearing(...)`.
 */
export const toScheduledHearing = (hostId: string, recorderId: string, ago: (n: number) => string = daysAgo) => [
  noticeSend(ago(50)),
  { type: 'hearing.request' as const },
  pastHearing(hostId, recorderId, ago).schedule,
];

/** `hearing.hold` on the day of the hearing `toScheduledHearing` scheduled. */
export const heldHearing = (transcript: string, ago: (n: number) => string = daysAgo) => ({
  type: 'hearing.hold' as const,
  transcript,
  heldOn: ago(20),
});
