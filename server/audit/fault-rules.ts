// Loads the fault-allocation rules and exemption grounds (DOMAIN §2.2, §2.3) from JSON and validates
// them with zod, so a bad rules file stops the server at boot with a message naming the problem.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FaultRulesSchema, type FaultRules } from '../../machines/inquiry/inquiry.rules.js';

/** Path of the bundled rules, next to this module. */
export const defaultFaultRulesPath = fileURLToPath(new URL('./fault-rules.json', import.meta.url));

/** Reads and validates a rules file; throws an Error naming the file and listing every issue. */
export function loadFaultRules(path: string = defaultFaultRulesPath): FaultRules {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`fault rules: cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
  const result = FaultRulesSchema.safeParse(json);
  if (!result.success) throw new Error(`fault rules: ${path} is invalid:\n${z.prettifyError(result.error)}`, { cause: result.error });
  return result.data;
}
