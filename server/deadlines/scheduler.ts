// The deadline scheduler: finds clocks that call for a reminder, an overdue notice or escalation, and
// party windows that passed unused, and sends the matching events through the case service like any user.
// Invariant: it only records (deadline.notify, rights.lapse); each notice per deadline segment is sent once.
import type { User } from '../../db/users/user-store.js';
import type { DeadlineRow } from '../../db/deadlines/deadline-store.js';
import { systemActor } from '../cases/actor.js';
import type { Services } from '../services.js';
import { chinaDate, isMoreSevere, noticeDue, partyWindows } from './deadline-rules.js';
import { deadlineRuntime } from './deadline-runtime.js';

/**
 * The scheduler as a `User` for `cases.send`: the service uses the user only to scope idempotency keys;
 * the acting identity is `systemActor`, whose only role (`system`) may send nothing but lapses and notices.
 */
export const schedulerUser: User = {
  id: 'system',
  username: 'system',
  displayName: '期限调度 (deadline scheduler)',
  roles: [],
  certificateNo: null,
  certificateValidUntil: null,
  qualificationNo: null,
  qualificationValidUntil: null,
  active: true,
};

/** What one scan did. */
export interface ScanReport {
  today: string;
  sent: { deadlineId: string; caseId: string; type: 'deadline.notify' | 'rights.lapse'; status?: string }[];
  refused: { deadlineId: string; caseId: string; code: string }[];
}

/** The event a running clock calls for on `today`, with an idempotency key unique to (clock, segment, notice). */
function eventFor(row: DeadlineRow, today: string) {
  if (partyWindows.has(row.kind)) {
    if (today <= row.dueDate) return null;
    return { command: { type: 'rights.lapse' as const }, key: `deadline:${row.id}:lapse` };
  }
  const level = noticeDue(row, today);
  if (level === 'none' || !isMoreSevere(level, row.notice)) return null;
  return {
    command: { type: 'deadline.notify' as const, deadlineId: row.id, kind: row.kind, status: level, dueDate: row.dueDate },
    key: `deadline:${row.id}:${row.segmentStart}:${level}`,
  };
}

async function scanOnce(services: Services): Promise<ScanReport> {
  const today = chinaDate(services.now());
  const report: ScanReport = { today, sent: [], refused: [] };
  for (const row of await deadlineRuntime(services).store.attention(today)) {
    const next = eventFor(row, today);
    if (!next) continue;
    const result = await services.cases.send(schedulerUser, row.caseId, next.command, { idempotencyKey: next.key }, systemActor);
    if (result.ok) {
      const status = next.command.type === 'deadline.notify' ? next.command.status : undefined;
      report.sent.push({ deadlineId: row.id, caseId: row.caseId, type: next.command.type, ...(status ? { status } : {}) });
    } else {
      report.refused.push({ deadlineId: row.id, caseId: row.caseId, code: result.error.code });
    }
  }
  return report;
}

/**
 * Runs one scan for "today" per `services.now()`. Safe to repeat: rows remember the notice sent, and the
 * idempotency key makes a retried send return the first answer. Overlapping calls share one scan.
 */
export function runDeadlineScan(services: Services): Promise<ScanReport> {
  const runtime = deadlineRuntime(services);
  const running =
    (runtime.scan as Promise<ScanReport> | null) ??
    scanOnce(services).finally(() => {
      runtime.scan = null;
    });
  runtime.scan = running;
  return running;
}

/** How often the running server scans; notices are per day, so minutes of delay do not matter. */
export const scanIntervalMs = 10 * 60_000;

/**
 * Catches up once (after downtime every missed notice is sent now), then scans on an interval.
 * The timer is unref'd so it never keeps a process (or a test run) alive. Returns the stop function.
 */
export async function startScheduler(services: Services, log: (line: string) => void = console.log): Promise<() => void> {
  const summary = (r: ScanReport) => `deadline scan ${r.today}: ${r.sent.length} sent, ${r.refused.length} refused`;
  log(summary(await runDeadlineScan(services)));
  const timer = setInterval(() => {
    runDeadlineScan(services).then(
      (r) => {
        if (r.sent.length + r.refused.length > 0) log(summary(r));
      },
      (error: unknown) => console.error('deadline scan failed', error),
    );
  }, scanIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
