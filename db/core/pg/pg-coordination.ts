// Coordination of the server processes of one PostgreSQL database, on one connection of each process:
// leader election by a session advisory lock (held while the connection lives, released by PostgreSQL when
// the process dies or its connection drops), and change notices by LISTEN/NOTIFY. Invariant: a process runs
// the leader duties only while it holds the lock; when the connection is lost it stops them first.
import type pg from 'pg';
import type { ChangeFeed, LeaderDuties, Leadership } from '../coordination.js';

/** The advisory lock of the leader (two int4 keys: the application, the duty). */
const LEADER_LOCK = 'SELECT pg_try_advisory_lock(1282369857, 1) AS held';
const CHANNEL = 'legal_review_changes';

export interface CoordinationOptions {
  /** Opens a new connection (the coordination connection is opened again after it is lost). */
  connect: () => Promise<pg.Client>;
  /** Publishes on the shared pool (any connection may NOTIFY). */
  pool: pg.Pool;
  /** How often a follower tries to take the lead, and a leader checks its connection (ms). */
  pollMs: number;
  log?: (line: string) => void;
}

/** Leadership and change notices of this process. */
export function createPgCoordination(options: CoordinationOptions): {
  leadership: () => Leadership;
  changes: ChangeFeed;
  close(): Promise<void>;
} {
  const log = options.log ?? (() => {});
  const listeners = new Map<string, Set<() => void>>();
  let connection: pg.Client | null = null;
  let duties: LeaderDuties | null = null;
  let leading = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let turn: Promise<void> = Promise.resolve();

  const notifyAll = () => {
    for (const set of listeners.values()) for (const l of set) l();
  };

  async function open(): Promise<pg.Client> {
    const c = await options.connect();
    c.on('notification', (m) => {
      for (const l of listeners.get(m.payload ?? '') ?? []) l();
    });
    c.on('error', () => void lose());
    await c.query(`LISTEN ${CHANNEL}`);
    // Notices sent while no connection listened are lost: forget every cached copy.
    notifyAll();
    return c;
  }

  async function lose(): Promise<void> {
    const c = connection;
    connection = null;
    c?.end().catch(() => {});
    if (leading) {
      leading = false;
      log('leader: lost the database connection; stopping the scheduler and checkpoints');
      await duties?.stop().catch(() => {});
    }
  }

  /** One round: keep the connection, take the lead when free, check the lead is still held. */
  async function round(): Promise<void> {
    try {
      connection ??= await open();
      if (leading) await connection.query('SELECT 1');
      else if (duties) {
        const held = (await connection.query(LEADER_LOCK)).rows[0]?.held === true;
        if (held) {
          leading = true;
          log(`leader: this process (pid ${process.pid}) now runs the scheduler and checkpoints`);
          await duties.start();
        }
      }
    } catch {
      await lose();
    }
  }

  const step = (): Promise<void> => (turn = turn.then(round));
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => void step().then(schedule), options.pollMs);
    timer.unref();
  };
  let looping = false;
  /** The first caller starts the rounds; they go on until close. */
  const loop = async () => {
    const first = step();
    if (!looping) {
      looping = true;
      void first.then(schedule);
    }
    await first;
  };

  const leadership: Leadership = {
    async start(d) {
      duties = d;
      await loop();
    },
    isLeader: () => leading,
    async stop() {
      await turn;
      const wasLeading = leading;
      leading = false;
      if (wasLeading) await duties?.stop();
      duties = null;
      // Closing the connection gives the lock back at once, so another process takes over on its next round.
      if (wasLeading && connection) {
        const c = connection;
        connection = null;
        await c.end().catch(() => {});
      }
    },
  };

  const changes: ChangeFeed = {
    async publish(topic) {
      await options.pool.query({ text: 'SELECT pg_notify($1, $2)', values: [CHANNEL, topic] });
    },
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set();
      set.add(listener);
      listeners.set(topic, set);
      if (!closed) void loop();
      return () => set.delete(listener);
    },
  };

  return {
    leadership: () => leadership,
    changes,
    async close() {
      closed = true;
      clearTimeout(timer);
      await turn;
      await connection?.end().catch(() => {});
      connection = null;
    },
  };
}
