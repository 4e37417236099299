// The public register of published decisions (公示, seed §9(1)): one row per published decision with the
// redacted content that was published, and when it was withdrawn. A projection of the record: the content is
// the one on the `publication.publish` entry; the public page lists rows not withdrawn.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const publications = sqliteTable(
  'publications',
  {
    caseId: text('case_id').primaryKey(),
    /** The record entry of the `publication.publish` event. */
    eventId: integer('event_id').notNull(),
    /** The published content as JSON (already redacted). */
    content: text('content', { mode: 'json' }).notNull(),
    /** Legal date of publication and the entry time. */
    publishedOn: text('published_on').notNull(),
    publishedAt: text('published_at').notNull(),
    /** Set when the publication is withdrawn (撤回公示): the page no longer lists it. */
    withdrawnOn: text('withdrawn_on'),
    withdrawnAt: text('withdrawn_at'),
  },
  (t) => [index('publications_listed_idx').on(t.withdrawnAt, t.publishedOn)],
);
