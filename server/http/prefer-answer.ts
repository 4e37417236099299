// The answer of a write route that honours `Prefer: return=…` (prefer.ts): the JSON body with
// `Preference-Applied` when the client asked, or the problem, which no preference changes.
import type { Result } from '../shared/result.js';
import { answerProblem } from './openapi.js';
import type { problem } from './problem.js';
import { preferenceApplied, type Representation } from './prefer.js';

/** `result` as JSON with `status` and `Preference-Applied` (when `prefer` asked for a `return`), or as its problem. */
export function answerWrite<T extends object, S extends 200 | 201>(
  c: Parameters<typeof problem>[0],
  result: Result<T>,
  status: S,
  prefer: string | undefined,
  representation: Representation,
) {
  if (!result.ok) return answerProblem(c, result.error);
  const applied = preferenceApplied(prefer, representation);
  if (applied) c.header('Preference-Applied', applied);
  return c.json(result.value, status);
}
