// Deadline and age badges: the most urgent open deadline (overdue, due soon, due) and how long the
// case has sat in its current stage. Urgency is in the text, never in colour alone.
import type { FC } from 'hono/jsx';
import type { DeskContext } from '../../session.js';
import type { DeskDeadline } from '../../deadline-source.js';
import type { SinceKind } from '../../queue-data.js';
import { daysBetween, formatDate } from '../../i18n/index.js';

/** One deadline as a badge. */
export const DeadlineBadge: FC<{ desk: DeskContext; deadline: DeskDeadline }> = ({ desk, deadline }) => {
  const { t, lang } = desk;
  const date = deadline.dueDate ? formatDate(deadline.dueDate, lang) + (deadline.provisional ? t.badge.provisional : '') : null;
  const texts: Record<DeskDeadline['urgency'], [(d: string) => string, string]> = {
    overdue: [t.badge.overdue, t.badge.overdueNoDate],
    soon: [t.badge.dueSoon, t.badge.dueSoonNoDate],
    paused: [t.badge.paused, t.badge.pausedNoDate],
    ok: [t.badge.due, t.badge.none],
  };
  const [withDate, noDate] = texts[deadline.urgency];
  const text = date ? withDate(date) : noDate;
  // Each state has its own colour and shape (paused: dashed border; overdue: a leading "!"), and its words.
  const cls = deadline.urgency;
  const kind = t.deadlineKinds[deadline.kind] ?? deadline.kind;
  return (
    <span class={`badge ${cls}`} data-urgency={deadline.urgency}>
      {t.badge.withKind(kind, text)}
    </span>
  );
};

/** Days in the current stage, e.g. 已审核 3 天. */
export const AgeBadge: FC<{ desk: DeskContext; since: string; kind: SinceKind; now: Date }> = ({ desk, since, kind, now }) => {
  const n = daysBetween(since, now);
  const { badge } = desk.t;
  const text = { review: badge.daysInReview, awaiting: badge.daysSinceReview, decision: badge.daysSinceDecision, open: badge.daysOpen }[
    kind
  ](n);
  return (
    <span class="badge age" data-days={n}>
      {text}
    </span>
  );
};
