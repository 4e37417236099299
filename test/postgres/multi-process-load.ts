// The load of the multi-process test: clients that drive cases through one server each, races that send the
// same command (with the same If-Match) through every server at once, and a wait on a server's log.
import type { ServerProcess } from '../helpers/server-process.js';
import { noticeSend } from '../helpers/party-commands.js';

/** What a client was told: the case and the version an accepted command produced. */
export interface Ack {
  caseId: string;
  version: number;
}

/** The acknowledgements so far, and promises that resolve once a number of them arrived. */
export function createAckLog() {
  const list: Ack[] = [];
  const waiting: { n: number; done: () => void }[] = [];
  return {
    list,
    push(ack: Ack): void {
      list.push(ack);
      for (const w of waiting.filter((w) => list.length >= w.n)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.done();
      }
    },
    /** Resolves once `n` acknowledgements arrived. */
    reached(n: number): Promise<void> {
      return list.length >= n ? Promise.resolve() : new Promise((done) => waiting.push({ n, done }));
    },
  };
}
export type AckLog = ReturnType<typeof createAckLog>;

/** One race: the case and each server's answer status (0: no answer, the server was dead). */
export interface RaceResult {
  caseId: string;
  statuses: number[];
}

/** A minor draft with public interest (so 立案 needs no review round to be open for notice.send). */
export const draft = (i: number) => ({
  title: `超限运输案 第${i}号`,
  party: { name: '西宁某物流有限公司', kind: 'organization' },
  facts: '车辆超限运输。',
  legalBasis: ['《公路安全保护条例》第三十条'],
  evidence: [{ kind: '现场检测记录', description: '称重检测单' }],
  proposed: { kind: 'fine', amountYuan: 5000 },
  flags: { publicInterest: true },
});

async function call(base: string, auth: string, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${auth}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; version: number } };
}

/** Opens a case through the first live server, then sends notice.send at version 1 through all of them at once. */
export async function race(servers: ServerProcess[], auth: string, body: unknown, alive = servers): Promise<RaceResult> {
  const opened = await call(alive[0]!.baseUrl, auth, 'POST', '/api/v1/cases', body);
  if (opened.status !== 201) throw new Error(`open answered ${opened.status}`);
  const statuses = await Promise.all(
    servers.map((s) =>
      call(s.baseUrl, auth, 'POST', `/api/v1/cases/${opened.body.id}/events`, noticeSend(), { 'If-Match': '1' }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  return { caseId: opened.body.id, statuses };
}

/**
 * One client on `server`: opens cases and moves each through the handler's steps, and every third case races
 * its notice through all servers instead. Stops when told; only the killed server may fail a request.
 */
export async function drive(
  server: ServerProcess,
  auth: string,
  id: number,
  acks: AckLog,
  races: RaceResult[],
  stop: { leaderKilled: boolean; all: boolean },
  isLeader: boolean,
  everyone?: ServerProcess[],
): Promise<void> {
  const step = async (method: string, path: string, body: unknown) => {
    const r = await call(server.baseUrl, auth, method, path, body);
    if (r.status >= 300) throw new Error(`unexpected ${r.status} ${JSON.stringify(r.body)}`);
    acks.push({ caseId: r.body.id, version: r.body.version });
    return r.body;
  };
  for (let i = 0; !stop.all && !(isLeader && stop.leaderKilled); i++) {
    try {
      if (everyone && i % 3 === 0) {
        const result = await race(everyone, auth, draft(id * 1000 + i), [server]);
        races.push(result);
        continue;
      }
      const opened = await step('POST', '/api/v1/cases', draft(id * 1000 + i));
      for (const command of [noticeSend(), { type: 'rights.waive' }, { type: 'review.submit', attestation: true }]) {
        await step('POST', `/api/v1/cases/${opened.id}/events`, command);
      }
    } catch (error) {
      if (isLeader && stop.leaderKilled) return;
      throw error;
    }
  }
}

/** Resolves once `server` has printed `text` (at once if it already has); rejects after `ms`. */
export function waitForOutput(server: ServerProcess, text: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (server.output().includes(text)) return resolve();
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${ms} ms:\n${server.output()}`)), ms);
    const onData = () => {
      if (!server.output().includes(text)) return;
      clearTimeout(timer);
      server.child.stdout!.off('data', onData);
      resolve();
    };
    server.child.stdout!.on('data', onData);
  });
}
