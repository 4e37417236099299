// What a command does when its write lost a race: another command, in this process or another process on the
// same database, appended to its stream or stored its Idempotency-Key first. Invariant: the command is judged
// again on the stream as it now is, so the answer is one an in-process race could give; never a 500.
import { WriteConflictError } from '../../db/core/sql.js';
import { fail, type DomainError, type Result } from './result.js';

/** Attempts of one command that lost a write race before the pipeline answers 409. */
const MAX_ATTEMPTS = 5;

/** The 409 when a stream kept moving under a command (another writer won every attempt). */
const keptMoving = (): DomainError => ({
  kind: 'conflict',
  code: 'concurrent_update',
  detail: 'The record changed while this command was being written, several times over; send it again.',
});

/**
 * Runs `attempt` again when its write lost a race (a WriteConflictError: another command, in this process or
 * another, appended to the stream or stored the same Idempotency-Key first), after `reset`. The next attempt
 * loads the stream as it now is, so the answer is the one an in-process race gets: the first command's
 * answer for a repeated key, else this command judged on the new state (409/422), never a stale acceptance.
 */
export async function retryingConflicts<T>(attempt: () => Promise<Result<T>>, reset: () => void): Promise<Result<T>> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WriteConflictError)) throw error;
      reset();
      if (n >= MAX_ATTEMPTS) return fail(keptMoving());
    }
  }
}
