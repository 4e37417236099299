// Prefix sums of working days and of provisional days over the calendar's whole range (1949-10-01…2100-12-31),
// so that counting is two lookups and the n-th working day one binary search, whatever the span.
// Invariant: `work[i]` is the number of working days among the first i days of the range; same for `provisional`.
import { CalendarRangeError, FIRST_DAY, LAST_DAY, isWeekend } from './calendar-range.js';

/** Number of days in the range (55,245: small enough for 16-bit counts and ~220 KB per calendar). */
export const RANGE_DAYS = LAST_DAY - FIRST_DAY + 1;
if (RANGE_DAYS >= 0xffff) throw new Error('calendar: the range no longer fits 16-bit prefix sums');

/** What a calendar decides for one day, before prefix sums are taken. */
export interface DayMarks {
  working: Uint8Array;
  provisional: Uint8Array;
}

/** Marks for the whole range with only the weekday rule: Mon–Fri working, nothing provisional yet. */
export function weekdayMarks(): DayMarks {
  const working = new Uint8Array(RANGE_DAYS);
  for (let i = 0; i < RANGE_DAYS; i += 1) working[i] = isWeekend(FIRST_DAY + i) ? 0 : 1;
  return { working, provisional: new Uint8Array(RANGE_DAYS) };
}

/** Index of UTC day `day` in the range, or -1 outside it. */
export function indexOf(day: number): number {
  return day >= FIRST_DAY && day <= LAST_DAY ? day - FIRST_DAY : -1;
}

function prefix(marks: Uint8Array): Uint16Array {
  const sums = new Uint16Array(RANGE_DAYS + 1);
  for (let i = 0; i < RANGE_DAYS; i += 1) sums[i + 1] = sums[i]! + marks[i]!;
  return sums;
}

/** First index j with sums[j] >= target (sums is non-decreasing); sums.length when there is none. */
function lowerBound(sums: Uint16Array, target: number): number {
  let [low, high] = [0, sums.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sums[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Answers over prefix sums; every index is a range index (see {@link indexOf}), checked by the caller. */
export class DayTable {
  private readonly work: Uint16Array;
  private readonly guess: Uint16Array;

  constructor(marks: DayMarks) {
    this.work = prefix(marks.working);
    this.guess = prefix(marks.provisional);
  }

  isWorking(i: number): boolean {
    return this.work[i + 1]! > this.work[i]!;
  }

  /** Whether any day in the index range [from, to] is provisional (false for an empty range). */
  anyProvisional(from: number, to: number): boolean {
    return to >= from && this.guess[to + 1]! > this.guess[from]!;
  }

  /** Working days among indices (low, high], low <= high. */
  countAfter(low: number, high: number): number {
    return this.work[high + 1]! - this.work[low + 1]!;
  }

  /** Index of the n-th working day after index `i` (n > 0) or before it (n < 0); throws past the range. */
  nthWorking(i: number, n: number): number {
    // Forward: the first j whose prefix reaches work[i + 1] + n is one past that working day.
    // Backward: the |n|-th working day before i is the one that brings the prefix up to work[i] - |n| + 1.
    const target = n > 0 ? this.work[i + 1]! + n : this.work[i]! + n + 1;
    if (target < 1 || target > this.work[RANGE_DAYS]!) throw new CalendarRangeError(`the ${n}-th working day from it`);
    return lowerBound(this.work, target) - 1;
  }

  /** Index of the first working day at or after index `i`; throws past the range. */
  workingFrom(i: number): number {
    const target = this.work[i]! + 1;
    if (target > this.work[RANGE_DAYS]!) throw new CalendarRangeError('the next working day');
    return lowerBound(this.work, target) - 1;
  }
}
