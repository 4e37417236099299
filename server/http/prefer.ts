// The `Prefer: return=minimal|representation` request header (RFC 7240 §4.2) of the write routes, and the
// `Preference-Applied` answer. Invariant: a preference never changes what a request does, only how much of
// the result the answer carries; an unknown or malformed preference is ignored (RFC 7240 §2), never a 400.
import { z } from 'zod';

/** How much of the written resource an answer carries: `full` unless the client asked for `minimal`. */
export type Representation = 'full' | 'minimal';

/** The longest `Prefer` value read; a longer one is ignored like any preference the server does not know. */
const MAX_PREFER_LENGTH = 1_000;

/** `Prefer`: optional; only `return` is acted on. */
export const PreferSchema = z
  .string()
  .optional()
  .meta({
    description:
      'RFC 7240. `return=minimal` answers a write with the lean body (`CaseMinimal`: id, state, version, draft version and hash, ' +
      'allowedEvents); `return=representation` (the default) with the whole case. Answered with `Preference-Applied`.',
  });

/** The `return` preference of a `Prefer` header value; absent, unknown or malformed: `full` (the default). */
export function representationOf(prefer: string | undefined): Representation {
  if (prefer === undefined || prefer.length > MAX_PREFER_LENGTH) return 'full';
  // Preferences are comma-separated; each is `token[=value]` followed by `;`-parameters (RFC 7240 §2).
  for (const preference of prefer.split(',')) {
    const [name = '', value = ''] = (preference.split(';')[0] ?? '').split('=');
    if (name.trim().toLowerCase() !== 'return') continue;
    const wanted = value
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    // The first `return` decides (RFC 7240 §2: a repeated preference after the first is ignored).
    return wanted === 'minimal' ? 'minimal' : 'full';
  }
  return 'full';
}

/**
 * The `Preference-Applied` value for an answer made under `representation`, when the client asked for one:
 * only what the client asked for is acknowledged (RFC 7240 §3).
 */
export function preferenceApplied(prefer: string | undefined, representation: Representation): string | null {
  if (prefer === undefined || !/\breturn\s*=/i.test(prefer)) return null;
  return representation === 'minimal' ? 'return=minimal' : 'return=representation';
}
