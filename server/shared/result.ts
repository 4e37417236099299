// Domain results: expected failures are values with a `kind`, not exceptions; only bugs throw.
// server/problem.ts alone turns a kind into an HTTP status.

export type DomainErrorKind = 'validation' | 'not_found' | 'forbidden' | 'invalid_transition' | 'conflict' | 'unauthorized';

/** An expected failure; `code` is a stable machine-readable reason, `detail` a sentence for people. */
export interface DomainError {
  kind: DomainErrorKind;
  code: string;
  detail: string;
  allowedEvents?: string[];
  currentVersion?: number;
  currentDraftHash?: string;
  /** For a content refusal: the rule's stable reason and the fields of the request at fault. */
  reason?: string;
  fields?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: DomainError): Result<T> => ({ ok: false, error });
