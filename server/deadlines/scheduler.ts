// The deadline scheduler: finds clocks that call for a reminder, an overdue notice or escalation, and
// party windows that passed unused, and sends the matching events through the case service like any user.
// Invariant: it only records (deadline.notify, rights.lapse); each notice per deadline segment is sent once.
import type { DeadlineRow } from '../../db/deadlines/deadline-store.js';
import type { CaseService } from '../cases/case-service.js';
import type { CoercionService } from '../coercion/coercion-service.js';
import { coercionClockKinds } from '../../db/deadlines/deadline-values.js';
import type { DeadlineService } from './deadline-service.js';
import { chinaDate, isMoreSevere, noticeDue, partyWindows } from './deadline-rules.js';

/** What one scan did. */
export interface ScanReport {
  today: string;
  sent: { deadlineId: string; caseId: string; type: 'deadline.notify' | 'rights.lapse'; status?: string }[];
  refused: { deadlineId: string; caseId: string; code: string }[];
}

/** The event a running clock calls for on `today`, with an idempotency key unique to (clock, segment, notice). */
function eventFor(row: DeadlineRow, today: string) {
  if (partyWindows.has(row.kind)) {
    // A party's period is never treated as over on a date the calendar only guesses (no State Council notice).
    if (today <= row.dueDate || row.provisional) return null;
    return { command: { type: 'rights.lapse' as const }, key: `deadline:${row.id}:lapse` };
  }
  const level = noticeDue(row, today);
  if (level === 'none' || !isMoreSevere(level, row.notice)) return null;
  return {
    command: { type: 'deadline.notify' as const, deadlineId: row.id, kind: row.kind, status: level, dueDate: row.dueDate },
    key: `deadline:${row.id}:${row.segmentStart}:${level}`,
  };
}

export interface SchedulerDeps {
  deadlines: DeadlineService;
  cases: CaseService;
  /** 查封扣押 cases: the notices of their clocks go through their own service (absent: only penalty clocks). */
  coercion?: Pick<CoercionService, 'sendAsSystem'>;
  now: () => Date;
}

/** Sends the notice of `row` through the service of its case's kind. */
function sendFor(deps: SchedulerDeps, row: DeadlineRow, next: NonNullable<ReturnType<typeof eventFor>>) {
  const idempotency = { key: next.key, route: 'SCHEDULER deadline-scan', body: next.command };
  if (deps.coercion && coercionClockKinds.has(row.kind) && next.command.type === 'deadline.notify') {
    return deps.coercion.sendAsSystem(row.caseId, next.command, { idempotency });
  }
  return deps.cases.sendAsSystem(row.caseId, next.command, { idempotency });
}

/** How often the running server scans; notices are per day, so minutes of delay do not matter. */
export const scanIntervalMs = 10 * 60_000;

/** The scheduler of one instance; the server's main starts and stops it. */
export function createScheduler(deps: SchedulerDeps) {
  let inFlight: Promise<ScanReport> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function scanOnce(): Promise<ScanReport> {
    const today = chinaDate(deps.now());
    const report: ScanReport = { today, sent: [], refused: [] };
    for (const row of await deps.deadlines.store.attention(today)) {
      const next = eventFor(row, today);
      if (!next) continue;
      const result = await sendFor(deps, row, next);
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
   * Runs one scan for "today" per `now()`. Safe to repeat: rows remember the notice sent, and the
   * idempotency key makes a retried send return the first answer. Overlapping calls share one scan.
   */
  function scan(): Promise<ScanReport> {
    inFlight ??= scanOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    scan,
    /**
     * Catches up once (after downtime every missed notice is sent now), then scans on an interval. The timer
     * is unref'd so it never keeps a process alive.
     */
    async start(log: (line: string) => void = console.log): Promise<void> {
      const summary = (r: ScanReport) => `deadline scan ${r.today}: ${r.sent.length} sent, ${r.refused.length} refused`;
      log(summary(await scan()));
      timer = setInterval(() => {
        scan().then(
          (r) => {
            if (r.sent.length + r.refused.length > 0) log(summary(r));
          },
          (error: unknown) => console.error('deadline scan failed', error),
        );
      }, scanIntervalMs);
      timer.unref();
    },
    /** Stops the interval and waits for a scan in flight. */
    async stop(): Promise<void> {
      clearInterval(timer);
      await inFlight;
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
