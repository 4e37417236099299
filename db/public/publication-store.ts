// The public register's rows: written with the `publication.publish` entry that published them, marked when the
// publication is withdrawn (from the case or an inquiry), and read by the public page (withdrawn rows excluded).
import type { SqlClient, SqlStatement } from '../core/sql.js';
import { eventIdMarker, type RowGroup } from '../core/writer.js';

/** One published decision as the public page lists it. */
export interface PublishedRow {
  caseId: string;
  content: unknown;
  publishedOn: string;
}

const columns = ['case_id', 'event_id', 'content', 'published_on', 'published_at'] as const;

/** The row of a new publication, merged into the batch; the writer puts the entry's record id in `event_id`. */
export function publicationRows(caseId: string, content: unknown, publishedOn: string, at: string): RowGroup[] {
  return [{ table: 'publications', columns, rows: [[caseId, eventIdMarker, JSON.stringify(content), publishedOn, at]] }];
}

/** Marks a case's publication withdrawn (the first withdrawal stands), so the public page drops it. */
export function withdrawPublicationStatement(caseId: string, withdrawnOn: string, at: string): SqlStatement {
  return {
    sql: 'UPDATE publications SET withdrawn_on = ?, withdrawn_at = ? WHERE case_id = ? AND withdrawn_at IS NULL',
    args: [withdrawnOn, at, caseId],
  };
}

/** Reads of the register. */
export function createPublicationStore(client: SqlClient) {
  return {
    /** Publications not withdrawn, newest first, one page at a time. */
    async listed(limit: number, offset: number): Promise<{ items: PublishedRow[]; total: number }> {
      const rs = await client.execute({
        sql: `SELECT case_id, content, published_on FROM publications WHERE withdrawn_at IS NULL
              ORDER BY published_on DESC, event_id DESC LIMIT ? OFFSET ?`,
        args: [limit, offset],
      });
      const total = await client.execute('SELECT count(*) AS n FROM publications WHERE withdrawn_at IS NULL');
      return {
        items: rs.rows.map((r) => ({
          caseId: String(r.case_id),
          content: JSON.parse(String(r.content)),
          publishedOn: String(r.published_on),
        })),
        total: Number(total.rows[0]?.n ?? 0),
      };
    },
  };
}
export type PublicationStore = ReturnType<typeof createPublicationStore>;
