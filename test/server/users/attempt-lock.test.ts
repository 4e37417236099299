// The per-key bookkeeping lock: one holder per key, parallel across keys, a bounded queue, nothing kept once idle.
import { describe, expect, it } from 'vitest';
import { BUSY, createAttemptLock } from '../../../server/users/attempt-lock.js';

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('attempt lock', () => {
  it('runs one holder of a key at a time, in arrival order, and keys apart in parallel', async () => {
    const lock = createAttemptLock(8);
    const order: string[] = [];
    const first = gate();
    const a = lock.run(['account:x', 'address:1'], true, async () => {
      order.push('a start');
      await first.opened;
      order.push('a end');
    });
    const b = lock.run(['address:1'], true, async () => {
      order.push('b');
    });
    const c = lock.run(['account:y', 'address:2'], true, async () => {
      order.push('c');
    });
    await c;
    expect(order).toEqual(['a start', 'c']);
    first.open();
    await Promise.all([a, b]);
    expect(order).toEqual(['a start', 'c', 'a end', 'b']);
    expect(lock.activeKeys()).toBe(0);
  });

  it('turns bounded callers away when a key has maxWaiting holders and waiters, but never unbounded ones', async () => {
    const lock = createAttemptLock(2);
    const hold = gate();
    const holder = lock.run(['k'], true, () => hold.opened);
    const waiter = lock.run(['k'], true, async () => 'waited');
    expect(await lock.run(['k'], true, async () => 'never')).toBe(BUSY);
    const settle = lock.run(['k'], false, async () => 'settled');
    hold.open();
    expect(await Promise.all([holder, waiter, settle])).toEqual([undefined, 'waited', 'settled']);
    expect(lock.activeKeys()).toBe(0);
  });

  it('releases its keys when the work throws', async () => {
    const lock = createAttemptLock(2);
    await expect(lock.run(['k'], true, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run(['k'], true, async () => 'next')).toBe('next');
    expect(lock.activeKeys()).toBe(0);
  });
});
