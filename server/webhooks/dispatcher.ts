// Delivers the outbox to the registered webhooks, at least once: fans out new messages, posts each due delivery
// (signed, with a timeout), and records the answer; a failure is retried with exponential backoff, and after the
// policy's last attempt the delivery is dead. All state is in the database, so a restart resumes where it was:
// a delivery in flight when the process died is still pending and is sent again.
import type { WebhookStore, DueDelivery } from '../../db/outbox/webhook-store.js';
import type { WebhookPolicy } from '../policy/policy.schema.js';
import { checkWebhookUrl } from './url-guard.js';
import { messageBody, signatureOf } from './webhook-message.js';
import { createRounds } from '../shared/rounds.js';

export interface DispatcherDeps {
  store: WebhookStore;
  policy: WebhookPolicy;
  allowPrivate: boolean;
  now: () => Date;
  /** Milliseconds between rounds while running. */
  intervalMs?: number;
}

/** The delay before attempt `attempts + 1`: base · 2^(attempts − 1), capped. */
export function backoffMs(policy: WebhookPolicy, attempts: number): number {
  return Math.min(policy.backoffBaseSeconds * 2 ** Math.max(0, attempts - 1), policy.backoffMaxSeconds) * 1000;
}

/** Creates the dispatcher; `start` and `stop` belong to server/main.ts, tests call `runOnce`. */
export function createDispatcher(deps: DispatcherDeps) {
  const { store, policy } = deps;

  async function post(d: DueDelivery): Promise<{ status: number | null; error: string | null }> {
    const url = await checkWebhookUrl(d.url, deps.allowPrivate);
    if (!url.ok) return { status: null, error: url.error.detail };
    const body = messageBody(d.message);
    try {
      const res = await fetch(url.value, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(policy.timeoutSeconds * 1000),
        headers: { 'Content-Type': 'application/json', 'X-Signature': signatureOf(body, d.secret), 'X-Delivery-Id': String(d.id) },
      });
      await res.body?.cancel();
      return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message.slice(0, 500) : 'delivery failed' };
    }
  }

  async function deliver(d: DueDelivery): Promise<void> {
    const { status, error } = await post(d);
    const now = deps.now();
    const attempts = d.attempts + 1;
    const delivered = status !== null && status >= 200 && status < 300;
    const outcome = delivered ? 'delivered' : attempts >= policy.maxAttempts ? 'dead' : 'pending';
    const nextAttemptAt = now.getTime() + (outcome === 'pending' ? backoffMs(policy, attempts) : 0);
    await store.recordAttempt({ deliveryId: d.id, at: now.toISOString(), status, error, outcome, nextAttemptAt });
  }

  /** One round: fan out, then deliver what is due (in message order); answers how many attempts it made. */
  async function runRound(): Promise<number> {
    const now = deps.now();
    await store.fanOut(now.getTime(), now.toISOString());
    const due = await store.due(now.getTime(), 50);
    for (const d of due) await deliver(d);
    return due.length;
  }

  const rounds = createRounds(runRound, { intervalMs: deps.intervalMs ?? 500, name: 'webhook delivery' });
  return { runOnce: rounds.runOnce, start: rounds.start, stop: rounds.stop };
}
export type Dispatcher = ReturnType<typeof createDispatcher>;
