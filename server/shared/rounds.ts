// Background work done in rounds (webhook deliveries, notification mail): one round at a time, a caller asking
// for a round while one runs joins it, and the timer schedules the next round only after the last one ended,
// so a slow endpoint never piles rounds up. A failed round is logged and the next one still comes.

/** Runs `round` on demand (`runOnce`) or every `intervalMs` after the previous round ended (`start`). */
export function createRounds(round: () => Promise<number>, opts: { intervalMs: number; name: string }) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  const runOnce = (): Promise<number> => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    /** Runs one round (or joins the one running); answers how many items it handled. */
    runOnce,
    /** Starts the rounds (no-op when started). */
    start() {
      if (timer) return;
      const tick = () => {
        void runOnce()
          .catch((error: unknown) => console.error(`${opts.name} round failed`, error))
          .finally(() => {
            if (timer) timer = setTimeout(tick, opts.intervalMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    /** Stops the timer and waits for a round still running. */
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
