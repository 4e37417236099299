// Plain statements (no record entry) committed in one transaction: through the process's single writer when
// there is one (the server: its group commit, so no second transaction runs beside it on a libSQL file), else
// on the client (the CLI and tools, which run without a writer).
import type { SqlClient, SqlStatement } from './sql.js';
import { WriteConflictError } from './sql.js';
import type { Writer } from './writer.js';

/** Commits statements, all or nothing; a unique violation rejects with the database's own error, either way. */
export type CommitStatements = (statements: SqlStatement[]) => Promise<void>;

/** The committer over `writer` when given, else over `client`. */
export function statementWriter(client: SqlClient, writer?: Pick<Writer, 'write'>): CommitStatements {
  return async (statements) => {
    if (!writer) {
      await client.batch(statements, 'write');
      return;
    }
    try {
      await writer.write({ entries: [], statements: () => statements });
    } catch (error) {
      // The writer wraps unique violations for the record's retry; a store wants the database's error.
      throw error instanceof WriteConflictError ? error.cause : error;
    }
  };
}
