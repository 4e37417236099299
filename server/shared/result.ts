// Domain results: expected failures are values with a `kind`, not exceptions; only bugs throw.
// server/problem.ts alone turns a kind into an HTTP status.

export type DomainErrorKind =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'invalid_transition'
  | 'conflict'
  | 'unauthorized'
  /** Too many attempts from this party: wait `retryAfterSeconds` (429). */
  | 'throttled'
  /** The account is locked after too many failed sign-ins (423). */
  | 'locked'
  /** An upload over the policy's size limit for its media type (413). */
  | 'payload_too_large'
  /** A media type the store does not accept, or bytes that are not of the declared type (415). */
  | 'unsupported_media_type'
  /** A byte range outside the file (416). */
  | 'range_not_satisfiable';

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
  /** For `throttled` and `locked`: seconds until an attempt is considered again (also sent as Retry-After). */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: DomainError): Result<T> => ({ ok: false, error });
