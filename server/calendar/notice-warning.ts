// When to warn heads and admins that a State Council holiday notice is missing: from 1 November, next year's
// (the notice usually appears in October–November), and at any time the current year's. Invariant: pure.
import { LAST_YEAR } from './calendar-range.js';

/** A year whose notice is not loaded, so deadlines in it are provisional. */
export type NoticeWarning = { year: number; missing: true };

/** Month (1–12) from which next year's notice is expected. */
const WARN_FROM_MONTH = 11;

/**
 * The year to warn about on China date `today` (`YYYY-MM-DD`), or null. The current year comes first: a warning
 * raised on 1 November stays, for the same year, after New Year until that year's notice is loaded.
 */
export function nextYearNoticeWarning(today: string, loadedYears: ReadonlySet<number>): NoticeWarning | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const candidates = month >= WARN_FROM_MONTH ? [year, year + 1] : [year];
  const missing = candidates.find((y) => y <= LAST_YEAR && !loadedYears.has(y));
  return missing === undefined ? null : { year: missing, missing: true };
}
