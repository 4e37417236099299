// The written opinion (书面审核意见) every review sub-flow shares: one item per statutory review point, each
// passed or not with its finding, and the agreement of the outcome with the items. Pure; each machine passes
// its own list of items (the penalty case: 交通 art 72; 查封扣押: docs/coercion.md).
// Invariant: an approval (同意) has every item passed; a return (存在问题) has at least one item not passed.
import { z } from 'zod';

/** One item of the written opinion: passed (符合), or not passed with its finding (存在问题). */
export const ReviewItemSchema = z.object({ passed: z.boolean(), finding: z.string().trim().max(4000).optional() });
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

/** The opinion's items as a strict object: every key of `keys` is required (a missing one is a 400), no other. */
export function reviewItemsSchemaOf<K extends string>(keys: readonly K[]) {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, ReviewItemSchema])) as Record<K, typeof ReviewItemSchema>);
}

/** Every item of `keys` passed, except those named in `findings`, which carry their finding. */
export function reviewItemsOf<K extends string>(keys: readonly K[], findings: Partial<Record<K, string>> = {}): Record<K, ReviewItem> {
  return Object.fromEntries(
    keys.map((key) => [key, findings[key] === undefined ? { passed: true } : { passed: false, finding: findings[key] }]),
  ) as Record<K, ReviewItem>;
}

/** Why an opinion's outcome disagrees with its items (stable values shared by every machine). */
export type ItemsReason = 'finding_missing' | 'approve_with_failed_items' | 'return_without_failed_item';

/** The disagreement: its reason, a sentence, and the fields at fault (`outcome`, `items.<key>`, `items.<key>.finding`). */
export interface ItemsRefusal {
  reason: ItemsReason;
  detail: string;
  fields: string[];
}

/** The keys of the items not passed, in the order of `keys`. */
export function failedItems<K extends string>(keys: readonly K[], items: Record<K, ReviewItem>): K[] {
  return keys.filter((key) => !items[key].passed);
}

/**
 * 国办发〔2018〕118号 (十三): 同意 only when every item passed; 存在问题 only when at least one did not, each with
 * its finding. `outcome` is the opinion's kind: `approve`, `return`, or `other` (a referral: items only need findings).
 */
export function refuseItemsAgainstOutcome<K extends string>(
  keys: readonly K[],
  outcome: 'approve' | 'return' | 'other',
  items: Record<K, ReviewItem>,
): ItemsRefusal | null {
  const failed = failedItems(keys, items);
  const bare = failed.filter((key) => !items[key].finding);
  if (bare.length > 0) {
    const detail = `Each item not passed needs its finding; missing for: ${bare.join(', ')}.`;
    return { reason: 'finding_missing', detail, fields: bare.map((key) => `items.${key}.finding`) };
  }
  if (outcome === 'approve' && failed.length > 0) {
    const detail = `An approval (同意) needs every review item passed; not passed: ${failed.join(', ')}.`;
    return { reason: 'approve_with_failed_items', detail, fields: ['outcome', ...failed.map((key) => `items.${key}`)] };
  }
  if (outcome === 'return' && failed.length === 0) {
    return {
      reason: 'return_without_failed_item',
      detail: 'A return (存在问题) needs at least one review item not passed.',
      fields: ['outcome'],
    };
  }
  return null;
}
