// What processes sharing one database coordinate through: who leads (runs the scheduler and checkpoints),
// and notices that cached data changed. A libSQL file has one process, which always leads and has no one to
// tell; PostgreSQL implements both for several processes (db/core/pg/pg-coordination.ts).

/** The duties only one process may run at a time (the deadline scheduler, checkpoint signing). */
export interface LeaderDuties {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Leader election among the processes of one database. */
export interface Leadership {
  /** Starts the duties once this process leads (at once for a sole process), stops them if the lead is lost. */
  start(duties: LeaderDuties): Promise<void>;
  isLeader(): boolean;
  /** Stops the duties, if running, and gives up the lead. */
  stop(): Promise<void>;
}

/** Notices between processes that a cached table changed (the calendar, deadline clocks). */
export interface ChangeFeed {
  /** Tells the other processes that `topic` changed (this process has already forgotten its copy). */
  publish(topic: string): Promise<void>;
  /** Calls `listener` when another process published `topic`; answers the unsubscribe. */
  subscribe(topic: string, listener: () => void): () => void;
}

/** The only process of its database: it leads from the start and never loses the lead. */
export function soleLeadership(): Leadership {
  let running: LeaderDuties | null = null;
  return {
    async start(duties) {
      running = duties;
      await duties.start();
    },
    isLeader: () => running !== null,
    async stop() {
      const duties = running;
      running = null;
      await duties?.stop();
    },
  };
}

/** No other process shares the database: nothing to tell, nothing to hear. */
export function soleChangeFeed(): ChangeFeed {
  return { publish: async () => {}, subscribe: () => () => {} };
}
