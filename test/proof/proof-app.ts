// The real stack for the proof: a test app (optionally on a replaced machine) with one real user per
// abstract actor, and the translation of a model event into the HTTP request (or scheduler call) it stands for.
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { proofPolicy } from './proof-policy.js';
import type { CaseMachine } from '../../machines/case/case.machine.js';
import type { User } from '../../db/users/user-store.js';
import { problemBody } from '../../server/http/problem.js';
import { actors, extraUsers, legalDates, modelTime, type ActorName } from './proof-actors.js';
import { machineEvent } from './proof-oracle.js';
import type { LabeledEvent } from './proof-alphabet.js';

/** The stack plus the proof's users, and helpers to act as them. */
export interface ProofApp {
  t: TestApp;
  users: Record<Exclude<ActorName, 'system'>, User>;
  tokens: Record<Exclude<ActorName, 'system'>, string>;
  /** Sends one model event as its actor; answers status and JSON body. */
  send(caseId: string, event: LabeledEvent, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** GET /cases/:id as an actor. */
  view(caseId: string, name: Exclude<ActorName, 'system'>): Promise<any>;
  /** Opens a case as the handler with `draft`. */
  open(draft: unknown): Promise<any>;
  close(): Promise<void>;
}

/** What the server stamps on a command: the replay sends the command only, and the server must stamp the same. */
const stamped = ['hearingWindow', 'earliestOn', 'content', 'assignee', 'team'];
/** Fields naming a person, translated from the model's actor name to the real user's id. */
const personFields = ['reviewerId', 'handlerId', 'hostId', 'recorderId', 'againstId'];

/**
 * Starts the stack (with `machine` in place of the case machine, if given) and creates the proof's users. Its
 * clock stands still at the model's time, so "today" and every legal date mean the same to model and API.
 */
export async function createProofApp(machine?: CaseMachine): Promise<ProofApp> {
  const now = () => new Date(modelTime);
  const t = await createTestApp(machine ? { machine, now, policy: proofPolicy() } : { now, policy: proofPolicy() });
  const users = {} as ProofApp['users'];
  const tokens = {} as ProofApp['tokens'];
  for (const name of Object.keys(actors) as ActorName[]) {
    if (name === 'system') continue;
    const extra = extraUsers[name];
    users[name] = extra ? await t.services.users.create(extra) : t.users[name as keyof TestApp['users']];
    tokens[name] = extra ? await t.services.users.issueToken(users[name].id) : t.tokens[name as keyof TestApp['tokens']];
  }
  const realId = (id: string) => users[id as keyof ProofApp['users']]?.id ?? id;

  async function request(
    method: string,
    path: string,
    name: keyof ProofApp['users'],
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await t.app.request(path, {
      method,
      headers: {
        Authorization: `Bearer ${tokens[name]}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  async function send(caseId: string, labeled: LabeledEvent, headers: Record<string, string> = {}) {
    const { actor: _a, at: _t, ...command } = machineEvent(labeled) as Record<string, unknown>;
    for (const field of stamped) delete command[field];
    for (const field of personFields) if (typeof command[field] === 'string') command[field] = realId(command[field]);
    if (command.type === 'review.assign') {
      delete command.assignee;
      command.reviewerId = realId(String(command.reviewerId));
    }
    if (command.type === 'discussion.record') {
      // The server stamps the panel itself from the users it finds.
      delete command.panel;
      command.members = (command.members as { userId: string }[]).map((m) => ({ ...m, userId: realId(m.userId) }));
      command.chairId = realId(String(command.chairId));
    }
    if (command.type === 'transfer.report') command.officers = (command.officers as string[]).map(realId);
    if (labeled.actorName === 'system') {
      // The deadline scheduler is not an HTTP client: it calls the same case service with its own actor.
      const result = await t.services.cases.sendAsSystem(caseId, command as never);
      return result.ok
        ? { status: 200, body: result.value }
        : { status: problemBody(result.error).status, body: problemBody(result.error) };
    }
    if (command.type === 'draft.revise') return request('PUT', `/api/v1/cases/${caseId}/draft`, labeled.actorName, command.draft, headers);
    return request('POST', `/api/v1/cases/${caseId}/events`, labeled.actorName, command, headers);
  }

  return {
    t,
    users,
    tokens,
    send,
    view: async (caseId, name) => (await request('GET', `/api/v1/cases/${caseId}`, name)).body,
    open: async (draft) => (await request('POST', '/api/v1/cases', 'handler', { ...(draft as object), openedOn: legalDates.opened })).body,
    close: () => t.close(),
  };
}
