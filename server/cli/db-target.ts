// Names a database on the command line of the offline tools: a libSQL URL, or a plain path to a file.
import { resolve } from 'node:path';

/** `file:` URL for a plain path; URLs pass through. */
export function databaseUrlOf(value: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `file:${resolve(value)}`;
}
