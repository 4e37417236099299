// Many cases at once for queue tests: opened by handler1 through the case service (the API's path), each
// with its own party name, optionally carried into review. Concurrent, so the single writer groups them.
import type { TestApp } from './test-app.js';
import { sampleDraft } from './test-app.js';
import { noticeSend } from './party-commands.js';

/** The party name of seeded case `i` (unique, searchable). */
export const seededParty = (i: number) => `西宁第${String(i).padStart(4, '0')}号运输有限公司`;

/**
 * Opens `count` cases numbered from `first` (default 1); with `inReview`, also notices, waives rights and
 * submits each. Returns their ids in number order.
 */
export async function seedCases(t: TestApp, count: number, options: { inReview?: boolean; first?: number } = {}): Promise<string[]> {
  const handler = t.users.handler1;
  const one = async (i: number) => {
    const draft = sampleDraft({ title: `超限运输案 ${i}`, party: { name: seededParty(i), kind: 'organization' } });
    const opened = await t.services.cases.open(handler, draft);
    if (!opened.ok) throw new Error(opened.error.detail);
    const id = opened.value.id;
    if (options.inReview) {
      for (const command of [
        noticeSend(),
        { type: 'rights.waive' as const },
        { type: 'review.submit' as const, attestation: true as const },
      ]) {
        const sent = await t.services.cases.send(handler, id, command);
        if (!sent.ok) throw new Error(sent.error.detail);
      }
    }
    return id;
  };
  return Promise.all(Array.from({ length: count }, (_, i) => one(i + (options.first ?? 1))));
}
