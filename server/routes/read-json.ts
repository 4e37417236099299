// Reads a JSON request body without throwing: a malformed body is a 400, never a 500.
import type { Context } from 'hono';

/** `{ok: true, value}` for a JSON body, `{ok: false}` when it is missing or not JSON. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}
