// Loads and validates the deadline policy JSON at boot, so a bad policy file stops the server with a clear message.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PolicySchema, type Policy } from './policy.schema.js';

/** Path of the bundled default policy, resolved next to this module rather than from the working directory. */
export const defaultPolicyPath = fileURLToPath(new URL('./default-policy.json', import.meta.url));

/**
 * Reads, parses and validates a policy file (default: the bundled `default-policy.json`).
 * Throws an Error naming the file and listing every schema issue with its path.
 */
export function loadPolicy(path: string = defaultPolicyPath): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`policy: cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`policy: ${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const result = PolicySchema.safeParse(json);
  if (!result.success) {
    throw new Error(`policy: ${path} is invalid:\n${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}
