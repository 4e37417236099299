// HTTP range requests (RFC 9110 §14) over a file of known size: one `bytes=` range, or the whole file.
// Invariant: the answer never reaches past the file; a range that cannot be satisfied is a 416.

/** Bytes `start`..`end` inclusive; `partial` when a range was asked for and honoured. */
export type RangeAnswer = { ok: true; start: number; end: number; partial: boolean } | { ok: false };

/**
 * The span of a file of `size` bytes that a `Range` header asks for. No header, another unit or several
 * ranges: the whole file (a server may ignore Range). A syntactically valid range outside the file: 416.
 */
export function rangeOf(header: string | undefined, size: number): RangeAnswer {
  const whole: RangeAnswer = { ok: true, start: 0, end: size - 1, partial: false };
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!match || (match[1] === '' && match[2] === '')) return whole;
  const [, from, to] = match;
  if (from === '') {
    // A suffix: the last n bytes.
    const n = Number(to);
    if (n === 0 || size === 0) return { ok: false };
    return { ok: true, start: Math.max(0, size - n), end: size - 1, partial: true };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || (to !== '' && Number(to) < start)) return { ok: false };
  return { ok: true, start, end, partial: true };
}
