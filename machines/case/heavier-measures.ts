// Whether a draft's measures are heavier than those the party was told of (告知): the penalty may not be
// raised because the party spoke or asked for a hearing (交通 art 70 ¶2, art 81; 行政处罚法 art 45 ¶2).
// Drafts are compared only through `measuresOf`, whatever their shape.
import type { Measure } from './draft.schema.js';

/** 不予处罚 is no measure at all: dropping every penalty is never heavier. */
const isMeasure = (m: Measure): boolean => m.kind !== 'no_penalty';

/** The largest size of kind `kind` in `measures` (amount and duration), or null when the kind is absent. */
function largestOf(measures: Measure[], kind: Measure['kind']): { amount: number; duration: number } | null {
  const same = measures.filter((m) => m.kind === kind);
  if (same.length === 0) return null;
  return {
    amount: Math.max(...same.map((m) => m.amountYuan ?? 0)),
    duration: Math.max(...same.map((m) => m.durationDays ?? 0)),
  };
}

/**
 * The measures of `after` that make it heavier than `before`: a kind `before` did not propose, or a
 * higher amount or longer duration of a kind it did. Empty when `after` is the same or lighter.
 */
export function heavierMeasures(before: Measure[], after: Measure[]): Measure[] {
  return after.filter(isMeasure).filter((m) => {
    const was = largestOf(before, m.kind);
    if (!was) return true;
    return (m.amountYuan ?? 0) > was.amount || (m.durationDays ?? 0) > was.duration;
  });
}
