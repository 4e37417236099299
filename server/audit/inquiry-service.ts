// The one path for every change to an accountability inquiry: recording an adverse outcome opens one with a
// proposal computed from the record; claims, the withdrawal and the determination go through the machine.
// Checks run 404, 403, 422, 409 as for cases; refusals are recorded and change nothing.
import { randomUUID } from 'node:crypto';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { InStatement } from '@libsql/client';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { Actor } from '../../machines/case/case.events.js';
import type { InquiryContext, InquiryInput } from '../../machines/inquiry/inquiry.context.js';
import type { InquiryCommand, InquiryEvent, OutcomeRecord } from '../../machines/inquiry/inquiry.events.js';
import { inquiryMachine, inquiryMachineVersion } from '../../machines/inquiry/inquiry.machine.js';
import { coversEveryPerson, refuseInquiryActor, type FaultRules } from '../../machines/inquiry/inquiry.rules.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { User } from '../../db/users/user-store.js';
import { inquiryStream, type InquiryRow, type InquiryStore } from '../../db/audit/inquiry-store.js';
import type { Services } from '../services.js';
import { actorFor } from '../cases/actor.js';
import { createKeyedLock } from '../shared/keyed-lock.js';
import { fail, ok, type DomainError, type Result } from '../shared/result.js';
import { loadChain } from './chain-loader.js';
import type { ResponsibilityChain } from './responsibility.js';
import { chainPersons, faultFacts, proposeShares } from './fault-facts.js';
import { closeWithdrawalDeadlineStatement, withdrawalDeadlineStatement, withdrawalObligation } from './withdrawal.js';
import { allowedInquiryEvents, inquiryState, probeInquiryEvent, toInquiryView, type InquiryView } from './inquiry-view.js';

type DecidedChain = ResponsibilityChain & { decision: NonNullable<ResponsibilityChain['decision']> };

const roleFor: Record<InquiryEvent['type'], (actor: Actor, context: InquiryContext) => string | null> = {
  'exemption.claim': (actor, context) => context.persons.find((p) => p.id === actor.id)?.roles[0] ?? null,
  'withdrawal.record': () => 'clerk',
  'inquiry.determine': () => 'auditor',
};

/** Creates the inquiry service over the shared services, the inquiry store and the fault rules. */
export function createInquiryService(services: Services, store: InquiryStore, rules: FaultRules) {
  const withLock = createKeyedLock();
  const restore = (row: InquiryRow): AnyMachineSnapshot =>
    inquiryMachine.resolveState({ value: row.snapshot.value as never, context: row.snapshot.context as unknown as InquiryContext });
  const entryOf = (
    stream: string,
    seq: number | null,
    event: { type: string; actor: Actor },
    at: string,
    draftHash: string | null,
    role: string | null,
    payload: object,
  ): RecordEntry => ({
    caseId: stream,
    seq,
    type: event.type,
    payload: { ...payload, type: event.type, actor: event.actor },
    actorId: event.actor.id,
    actorRole: role,
    at,
    draftHash,
    accepted: seq !== null,
    refusal: null,
  });
  async function refuse(entry: RecordEntry, error: DomainError): Promise<Result<never>> {
    await store.appendRefusal({
      ...entry,
      seq: null,
      accepted: false,
      refusal: { kind: error.kind, code: error.code, detail: error.detail },
    });
    return fail(error);
  }

  /** What the inquiry opens with: the chain's persons, the facts, the rules' proposal and the withdrawal duty. */
  function openingInput(
    id: string,
    chain: DecidedChain,
    caseContext: CaseContext,
    outcome: OutcomeRecord,
    by: string,
    at: string,
  ): InquiryInput {
    const persons = chainPersons(chain);
    const facts = faultFacts(chain, outcome);
    return {
      inquiryId: id,
      caseId: chain.caseId,
      decision: { ...chain.decision, entryId: chain.decision.entry.id },
      outcome: { ...outcome, recordedBy: by, at },
      persons,
      facts,
      proposal: { rulesVersion: rules.version, shares: proposeShares(chain, persons, facts, rules) },
      groundCodes: rules.exemptionGrounds.map((g) => g.code),
      withdrawal: withdrawalObligation(caseContext, services.policy, at),
      openedAt: at,
    };
  }

  async function open(user: User, caseId: string, outcome: OutcomeRecord): Promise<Result<InquiryView>> {
    const at = services.now().toISOString();
    const actor = actorFor(user, at);
    const caseRow = await services.store.get(caseId);
    if (!caseRow) return fail({ kind: 'not_found', code: 'case_not_found', detail: `No case ${caseId}.` });
    const role = actor.roles.find((r) => r === 'head' || r === 'auditor') ?? null;
    const attempt = entryOf(caseId, null, { type: 'outcome.record', actor }, at, caseRow.draftHash, role, outcome);
    if (!role)
      return refuse(attempt, {
        kind: 'forbidden',
        code: 'wrong_role',
        detail: 'Only a head (负责人) or an auditor (监督人员) records a 复议/诉讼 outcome.',
      });
    const chain = (await loadChain(services, caseId))!;
    if (!chain.decision)
      return refuse(attempt, {
        kind: 'invalid_transition',
        code: 'case_not_decided',
        detail: 'The case has no decision to be overturned.',
      });
    const pending = (await store.list({ caseId })).find((r) => r.status !== 'closed');
    if (pending)
      return refuse(attempt, { kind: 'conflict', code: 'inquiry_open', detail: `Inquiry ${pending.id} on this case is still open.` });
    const id = randomUUID();
    const input = openingInput(id, chain as DecidedChain, caseRow.snapshot.context as unknown as CaseContext, outcome, actor.id, at);
    const [snapshot] = initialTransition(inquiryMachine, input);
    const row: InquiryRow = {
      id,
      caseId,
      status: inquiryState(snapshot.value),
      snapshot: { value: snapshot.value, context: snapshot.context as unknown as Record<string, unknown>, status: snapshot.status },
      machineVersion: inquiryMachineVersion,
      version: 1,
      withdrawalDue: input.withdrawal.dueDate,
      createdAt: at,
      updatedAt: at,
    };
    const { inquiryId: _id, ...opened } = input;
    const entry = entryOf(inquiryStream(id), 1, { type: 'inquiry.open', actor }, at, input.decision.draftHash, role, opened);
    const deadline = withdrawalDeadlineStatement(caseId, input.withdrawal, services.policy, at);
    await store.appendAccepted(row, 0, entry, deadline ? [deadline] : []);
    return ok(toInquiryView(row, snapshot, actor, at));
  }

  async function apply(row: InquiryRow, event: InquiryEvent, ifMatch: number | undefined): Promise<Result<InquiryView>> {
    const snapshot = restore(row);
    const context = snapshot.context as InquiryContext;
    const { type: _t, actor: _a, at: _at, ...content } = event;
    const attempt = entryOf(
      inquiryStream(row.id),
      null,
      event,
      event.at,
      context.decision.draftHash,
      roleFor[event.type](event.actor, context),
      content,
    );
    const refusal = refuseInquiryActor(context, event);
    if (refusal) return refuse(attempt, { kind: 'forbidden', code: refusal.code, detail: refusal.detail });
    if (!snapshot.can(probeInquiryEvent(event.type, context, event.actor, event.at))) {
      return refuse(attempt, {
        kind: 'invalid_transition',
        code: 'event_not_allowed',
        allowedEvents: allowedInquiryEvents(snapshot, event.actor, event.at),
        detail: `${event.type} is not allowed while the inquiry is ${inquiryState(snapshot.value)}.`,
      });
    }
    if (event.type === 'inquiry.determine' && !coversEveryPerson(context, event.allocations)) {
      return refuse(attempt, {
        kind: 'invalid_transition',
        code: 'allocations_incomplete',
        detail: `The determination must allocate every person in the chain exactly once: ${context.persons.map((p) => p.id).join(', ')}.`,
      });
    }
    if (ifMatch !== undefined && ifMatch !== row.version) {
      return refuse(attempt, {
        kind: 'conflict',
        code: 'version_mismatch',
        currentVersion: row.version,
        detail: `If-Match ${ifMatch} does not match the inquiry version ${row.version}.`,
      });
    }
    const [after] = transition(inquiryMachine, snapshot, event);
    const next: InquiryRow = {
      ...row,
      status: inquiryState(after.value),
      version: row.version + 1,
      updatedAt: event.at,
      snapshot: { value: after.value, context: after.context as unknown as Record<string, unknown>, status: after.status },
    };
    const extra: InStatement[] =
      event.type === 'withdrawal.record' ? [closeWithdrawalDeadlineStatement(context.caseId, event.at, event.withdrawnOn)] : [];
    await store.appendAccepted(next, row.version, { ...attempt, seq: next.version, accepted: true }, extra);
    return ok(toInquiryView(next, after, event.actor, event.at));
  }

  return {
    /** Records an adverse 复议/诉讼 outcome on a decided case and opens its inquiry. */
    recordOutcome: (user: User, caseId: string, outcome: OutcomeRecord) => withLock(`outcome:${caseId}`, () => open(user, caseId, outcome)),

    /** Sends one command to an inquiry as `user`. */
    send: (user: User, id: string, command: InquiryCommand, ifMatch?: number): Promise<Result<InquiryView>> =>
      withLock(id, async () => {
        const row = await store.get(id);
        if (!row) return fail({ kind: 'not_found', code: 'inquiry_not_found', detail: `No inquiry ${id}.` });
        const at = services.now().toISOString();
        return apply(row, { ...command, actor: actorFor(user, at), at } as InquiryEvent, ifMatch);
      }),

    /** The inquiry as `user` sees it now. */
    async view(user: User, id: string): Promise<Result<InquiryView>> {
      const row = await store.get(id);
      if (!row) return fail({ kind: 'not_found', code: 'inquiry_not_found', detail: `No inquiry ${id}.` });
      const at = services.now().toISOString();
      return ok(toInquiryView(row, restore(row), actorFor(user, at), at));
    },
  };
}
export type InquiryService = ReturnType<typeof createInquiryService>;
