// Legal dates (法定日期): the dates on documents that the law counts from (立案, 送达回证, 听证, 决定书), which
// are often entered later than they happened. Pure: "today" is the China date of the event's stamped time.
import { z } from 'zod';

/**
 * A calendar date `YYYY-MM-DD` between 2000-01-01 and 2099-12-31: the working-day calendar covers that
 * range with room for any period counted from it, so no legal date can push a count outside it.
 */
export const IsoDateSchema = z
  .string()
  .regex(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD between 2000 and 2099')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'a date that exists');

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The last instant asked and its day: one request asks the same instant many times (every probe, every rule). */
let lastAt: string | null = null;
let lastDay = '';

/** The date in China (UTC+8, no daylight saving) of an ISO instant: "today" for an event stamped at `at`. */
export function chinaDay(at: string): string {
  if (at !== lastAt) {
    lastDay = new Date(Date.parse(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    lastAt = at;
  }
  return lastDay;
}

/** The later of two dates, ignoring nulls. */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a >= b ? a : b;
}

/** The legal date an event records (the date on its document), or the day it was entered when it has none. */
export function legalDateOf(stamped: { type: string; at: string }): string {
  const event = stamped as { type: string; at: string } & Record<string, unknown>;
  const date = (value: unknown) => (typeof value === 'string' ? value : null);
  const service = event.service as { date?: unknown } | undefined;
  const named =
    date(service?.date) ??
    date(event.receivedOn) ??
    date(event.heldOn) ??
    date(event.decidedOn) ??
    date(event.publishedOn) ??
    date(event.withdrawnOn) ??
    date(event.filedOn) ??
    date(event.appliedOn) ??
    date(event.handedOverOn);
  return named ?? chinaDay(event.at);
}
