// Serialises sign-in bookkeeping per throttle key (an account, an address), so two attempts never race on
// one counter while attempts on other keys go ahead in parallel. Invariant: at most `maxWaiting` callers
// queue on a key when the caller asks for a bounded wait; more are turned away at once, so a flood on one
// key cannot queue without bound. A caller joins all its keys' queues at once, so callers are served in
// arrival order on every key and can never deadlock.

/** Returned instead of running `fn` when a key's queue is full. */
export const BUSY: unique symbol = Symbol('busy');

interface Queue {
  tail: Promise<void>;
  size: number;
}
interface Slot {
  ready: Promise<void>;
  release: () => void;
}

/** A per-key lock; see the file comment. */
export function createAttemptLock(maxWaiting: number) {
  const queues = new Map<string, Queue>();

  function acquire(key: string, bounded: boolean): Slot | null {
    const queue = queues.get(key) ?? { tail: Promise.resolve(), size: 0 };
    if (bounded && queue.size >= maxWaiting) return null;
    let open!: () => void;
    const done = new Promise<void>((resolve) => {
      open = resolve;
    });
    const ready = queue.tail;
    queue.tail = ready.then(() => done);
    queue.size += 1;
    queues.set(key, queue);
    const release = () => {
      open();
      queue.size -= 1;
      if (queue.size === 0 && queues.get(key) === queue) queues.delete(key);
    };
    return { ready, release };
  }

  /**
   * Runs `fn` holding every key in `keys`. With `bounded`, answers BUSY instead of queueing behind a full
   * key; unbounded waits are for work that must not be dropped (settling an admitted attempt).
   */
  async function run<T>(keys: string[], bounded: boolean, fn: () => Promise<T>): Promise<T | typeof BUSY> {
    const held: Slot[] = [];
    try {
      // Join every key's queue at once, so callers are served in arrival order on all their keys.
      for (const key of [...new Set(keys)].sort()) {
        const slot = acquire(key, bounded);
        if (!slot) return BUSY;
        held.push(slot);
      }
      await Promise.all(held.map((slot) => slot.ready));
      return await fn();
    } finally {
      for (const slot of held) slot.release();
    }
  }

  /** Keys with a holder or waiters; 0 once idle, so the lock holds no memory for past attempts. */
  const activeKeys = (): number => queues.size;
  return { run, activeKeys };
}
export type AttemptLock = ReturnType<typeof createAttemptLock>;
