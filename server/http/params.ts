// Request parts many API routes share: the path id and the write headers (If-Match, Idempotency-Key).
import { z } from 'zod';

/** `{id}` in a path. */
export const IdParamsSchema = z.object({
  id: z.string().min(1).max(200).meta({ example: '0b7f3c1e-5d2a-4c8e-9a51-3f6d2b1c7e90' }),
});

/** `If-Match: <version>`: refuse with 409 unless the resource is still at this version. */
export const IfMatchSchema = z
  .string()
  .regex(/^"?\d+"?$/, 'If-Match must be the version, an integer')
  .optional()
  .meta({ description: 'The version the client last saw.' });

/** `Idempotency-Key`: a repeat with the same key gets the first answer and changes nothing. */
export const IdempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .meta({ description: 'Repeats get the first answer and change nothing.' });

/** The version in an If-Match header value. */
export const versionOf = (ifMatch: string | undefined): number | undefined =>
  ifMatch === undefined ? undefined : Number(ifMatch.replace(/"/g, ''));
