// JSON texts of cloned rows, built by string joins: a template row is serialised once with tokens in
// place of the values that change per clone (case id, record ids, hashes), then split around them.
import type { SqlValue } from '../../db/core/sql.js';

/** What fills a slot in a cloned row's JSON text. */
export type Slot = { kind: 'case' } | { kind: 'token'; name: string };

/** A row as JSON text with holes. */
export interface RowText {
  parts: string[];
  slots: Slot[];
}

/** A token value to put in a template row before serialising it; numeric tokens are quoted in the text. */
export function token(name: string): string {
  return `\u00a7${name}\u00a7`;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Serialises `values` (tokens already in place) and splits the text around tokens and `caseId`. */
export function rowText(values: SqlValue[], caseId: string, numericTokens: string[]): RowText {
  return splitText(
    JSON.stringify(values, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
    caseId,
    numericTokens,
  );
}

/** Splits a JSON text around `caseId` and tokens; `numericTokens` lose their quotes when filled. */
export function splitText(text: string, caseId: string, numericTokens: string[]): RowText {
  // Numeric tokens appear quoted in the text; they must come out bare.
  const pattern = new RegExp(
    [escapeRegex(caseId), ...numericTokens.map((n) => escapeRegex(JSON.stringify(token(n)))), `\u00a7[^\u00a7"]+\u00a7`].join('|'),
    'g',
  );
  const parts = text.split(pattern);
  const slots = [...text.matchAll(pattern)].map((m): Slot => {
    if (m[0] === caseId) return { kind: 'case' };
    return { kind: 'token', name: m[0].replace(/"/g, '').slice(1, -1) };
  });
  return { parts, slots };
}

/** Fills a row text: `caseId` for case slots, `values[name]` for token slots. */
export function fillRow(row: RowText, caseId: string, values: (name: string) => string): string {
  let s = row.parts[0]!;
  for (let i = 0; i < row.slots.length; i++) {
    const slot = row.slots[i]!;
    s += (slot.kind === 'case' ? caseId : values(slot.name)) + row.parts[i + 1]!;
  }
  return s;
}
