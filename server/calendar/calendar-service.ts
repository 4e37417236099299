// The database-backed calendar: seeds the bundled chinese-days years on first use, then builds the pure
// `createCalendar` from the stored rows, one per region that exists. Invariants: every answer comes from the
// rows as last committed (another process's change arrives as a notice that drops this one's copy); calendars
// are cached only for '' (national), the deployment region and regions with stored overrides, so no request
// can make the cache grow.
import { createCalendarStore, type CalendarStore, type StoredOverride, type StoredYear } from '../../db/calendar/calendar-store.js';
import type { Database } from '../../db/core/client.js';
import type { Writer } from '../../db/core/writer.js';
import { fail, ok, type Result } from '../shared/result.js';
import { loadChineseDaysYears, stateCouncilNotices } from './calendar-data.js';
import { nextYearNoticeWarning, type NoticeWarning } from './notice-warning.js';
import { createCalendar, type WorkingCalendar } from './working-days.js';

/** Who loads the bundled data set at start-up (recorded in `calendar_years.loaded_by`). */
const SEEDER = 'system';
const PACKAGE_SOURCE = 'chinese-days';

/** A new year schedule from an admin (a State Council notice not yet in any package). */
export interface YearUpload {
  year: number;
  sourceUrl: string;
  version: string;
  holidays: string[];
  workdays: string[];
}

/** An override from an admin; no region means national. */
export interface OverrideUpload {
  date: string;
  working: boolean;
  region?: string;
  note: string;
}

/** The committed rows and the calendars built from them; replaced whole after every write. */
interface LoadedState {
  years: StoredYear[];
  overrides: StoredOverride[];
  regions: ReadonlySet<string>;
  calendars: Map<string, WorkingCalendar>;
}

/** The calendar over one database; `region` is the policy's deployment region. */
export function createCalendarService(database: Database, writer: Writer, region: string, now: () => Date) {
  const store: CalendarStore = createCalendarStore(database.client, writer);
  let pending: Promise<LoadedState> | null = null;
  let current: LoadedState | null = null;

  const load = (): Promise<LoadedState> => {
    const attempt = seed(store, now)
      .then(async () => toState(await store.years(), await store.overrides(), region))
      .then((state) => {
        if (pending === attempt) current = state;
        return state;
      });
    attempt.catch(() => {
      // A failed load must not stick: the next caller tries again.
      if (pending === attempt) pending = null;
    });
    return attempt;
  };
  const loaded = () => (pending ??= load());
  const forget = () => {
    pending = null;
    current = null;
  };
  database.changes.subscribe('calendar', forget);
  /** After a write: this process forgets its copy, and tells the others sharing the database to. */
  const invalidate = async () => {
    forget();
    await database.changes.publish('calendar');
  };
  // A build is cached in the state it was built from, so a build racing a write lands in the discarded state.
  const build = (state: LoadedState, key: string): WorkingCalendar => {
    let cal = state.calendars.get(key);
    if (!cal) {
      cal = createCalendar({ years: state.years, overrides: state.overrides, region: key || undefined });
      state.calendars.set(key, cal);
    }
    return cal;
  };

  return {
    /** The calendar for the deployment region (default), '' (national) or a region with overrides; throws otherwise. */
    async calendar(forRegion: string = region): Promise<WorkingCalendar> {
      const state = await loaded();
      if (!state.regions.has(forRegion)) throw new Error(`calendar: unknown region ${JSON.stringify(forRegion)}`);
      return build(state, forRegion);
    },
    /** The calendar for a region asked for by a caller: an unknown region is refused, never cached. */
    async regionCalendar(forRegion: string = region): Promise<Result<WorkingCalendar>> {
      const state = await loaded();
      if (state.regions.has(forRegion)) return ok(build(state, forRegion));
      return fail({
        kind: 'validation',
        code: 'unknown_region',
        detail: `No calendar for region ${JSON.stringify(forRegion)}. Known: ${[...state.regions].map((r) => JSON.stringify(r)).join(', ')} ('' is national).`,
      });
    },
    /** The deployment calendar if it is already built (lets hot paths skip an await), else undefined. */
    ready(): WorkingCalendar | undefined {
      return current?.calendars.get(region);
    },
    /** Regions whose calendar is built and cached now (bounded by the known regions). */
    cachedRegions(): string[] {
      return [...(current?.calendars.keys() ?? [])];
    },
    /** Regions a caller may ask for: '', the deployment region and every region with a stored override. */
    async regions(): Promise<string[]> {
      return [...(await loaded()).regions];
    },
    /** Stored years with source and version. */
    async years(): Promise<StoredYear[]> {
      return (await loaded()).years;
    },
    /** The missing notice to warn heads and admins about on China date `today`, or null. */
    async nextYearNoticeWarning(today: string): Promise<NoticeWarning | null> {
      return nextYearNoticeWarning(today, new Set((await loaded()).years.map((y) => y.year)));
    },
    /** Stored overrides. */
    async overrides(): Promise<StoredOverride[]> {
      return (await loaded()).overrides;
    },
    /** Replaces one year with an admin's upload; throws if the tables would be inconsistent. */
    async putYear(upload: YearUpload, by: string): Promise<StoredYear> {
      const year: StoredYear = { ...upload, source: 'admin', loadedAt: now().toISOString(), loadedBy: by };
      const state = await loaded();
      createCalendar({ years: [...state.years.filter((y) => y.year !== upload.year), year] });
      await store.putYears([year]);
      await invalidate();
      return year;
    },
    /** Sets the override for (date, region). */
    async putOverride(upload: OverrideUpload, by: string): Promise<StoredOverride> {
      await loaded();
      await store.putOverride({ ...upload, createdAt: now().toISOString(), createdBy: by });
      await invalidate();
      const saved = (await loaded()).overrides.find((o) => o.date === upload.date && (o.region ?? '') === (upload.region ?? ''));
      return saved!;
    },
    /** The deployment region this service computes deadlines for. */
    region,
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;

function toState(years: StoredYear[], overrides: StoredOverride[], region: string): LoadedState {
  const regions = new Set(['', region, ...overrides.map((o) => o.region ?? '')]);
  return { years, overrides, regions, calendars: new Map() };
}

/**
 * Loads the bundled years that the database lacks, and refreshes years it holds from an older package
 * version. Years an admin loaded are never overwritten: the admin's notice is the later word.
 */
async function seed(store: CalendarStore, now: () => Date): Promise<void> {
  const stored = new Map((await store.years()).map((y) => [y.year, y]));
  const at = now().toISOString();
  const stale = loadChineseDaysYears().filter((y) => {
    const have = stored.get(y.year);
    return !have || (have.source === PACKAGE_SOURCE && have.version !== y.version);
  });
  await store.putYears(
    stale.map((y) => ({
      ...y,
      sourceUrl: stateCouncilNotices[y.year] ?? null,
      loadedAt: at,
      loadedBy: SEEDER,
    })),
  );
}
