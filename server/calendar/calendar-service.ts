// The database-backed calendar: seeds the bundled chinese-days years on first use, then builds the pure
// `createCalendar` from the stored rows. Invariant: every answer comes from the rows as last committed.
import { createCalendarStore, type CalendarStore, type StoredOverride, type StoredYear } from '../../db/calendar/calendar-store.js';
import type { Database } from '../../db/core/client.js';
import type { Writer } from '../../db/core/writer.js';
import { loadChineseDaysYears, stateCouncilNotices } from './calendar-data.js';
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

/** The calendar over one database; `region` is the policy's deployment region. */
export function createCalendarService(database: Database, writer: Writer, region: string, now: () => Date) {
  const store: CalendarStore = createCalendarStore(database.client, writer);
  let rows: Promise<{ years: StoredYear[]; overrides: StoredOverride[] }> | null = null;
  let calendars = new Map<string, WorkingCalendar>();

  const load = () => (rows ??= seed(store, now).then(async () => ({ years: await store.years(), overrides: await store.overrides() })));
  const invalidate = () => {
    rows = null;
    calendars = new Map();
  };
  // A failed load must not stick: the next caller tries again.
  const loaded = async () =>
    load().catch((error: unknown) => {
      invalidate();
      throw error;
    });

  return {
    /** The calendar for `forRegion` (default: the deployment region); '' gives the national calendar only. */
    async calendar(forRegion: string = region): Promise<WorkingCalendar> {
      const state = await loaded();
      let cal = calendars.get(forRegion);
      if (!cal) {
        cal = createCalendar({ years: state.years, overrides: state.overrides, region: forRegion || undefined });
        calendars.set(forRegion, cal);
      }
      return cal;
    },
    /** The deployment calendar if it is already built (lets hot paths skip an await), else undefined. */
    ready(): WorkingCalendar | undefined {
      return calendars.get(region);
    },
    /** Stored years with source and version. */
    async years(): Promise<StoredYear[]> {
      return (await loaded()).years;
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
      invalidate();
      return year;
    },
    /** Sets the override for (date, region). */
    async putOverride(upload: OverrideUpload, by: string): Promise<StoredOverride> {
      await loaded();
      await store.putOverride({ ...upload, createdAt: now().toISOString(), createdBy: by });
      invalidate();
      const saved = (await loaded()).overrides.find((o) => o.date === upload.date && (o.region ?? '') === (upload.region ?? ''));
      return saved!;
    },
    /** The deployment region this service computes deadlines for. */
    region,
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;

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
