// The one path for every change to an accountability inquiry, on the same command pipeline as cases:
// recording an adverse outcome opens one with a proposal computed from the record; claims, the withdrawal
// and the determination go through the machine. Checks run 404, 403, 422, 409 as for cases.
import { randomUUID } from 'node:crypto';
import type { SqlStatement } from '../../db/core/sql.js';
import type { CaseContext } from '../../machines/case/case.context.js';
import type { Actor } from '../../machines/case/case.events.js';
import type { InquiryContext, InquiryInput } from '../../machines/inquiry/inquiry.context.js';
import type { InquiryCommand, InquiryEvent, OutcomeRecord } from '../../machines/inquiry/inquiry.events.js';
import { inquiryMachine, inquiryMachineVersion } from '../../machines/inquiry/inquiry.machine.js';
import { coversEveryPerson, refuseInquiryActor, refuseOutcomeDate, type FaultRules } from '../../machines/inquiry/inquiry.rules.js';
import { chinaDay } from '../../machines/case/legal-dates.js';
import type { RecordEntry } from '../../db/core/record-hash.js';
import type { User } from '../../db/users/user-store.js';
import type { CaseStore } from '../../db/cases/case-store.js';
import { inquiryStream, type InquiryRow, type InquiryStore } from '../../db/audit/inquiry-store.js';
import type { Policy } from '../policy/policy.schema.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import { actorFor } from '../cases/actor.js';
import type { CommandPipeline, StreamKind } from '../shared/command-pipeline.js';
import { createMachineStep } from '../shared/machine-step.js';
import { fail, ok, type DomainError, type Result } from '../shared/result.js';
import type { ResponsibilityChain } from './responsibility.js';
import type { DeadlineView } from '../deadlines/deadline-view.js';
import { chainPersons, faultFacts, proposeShares } from './fault-facts.js';
import { closeWithdrawalDeadlineStatements, withdrawalDeadlineStatement, withdrawalObligation } from './withdrawal.js';
import { allowedInquiryEvents, inquiryState, probeInquiryEvent, toInquiryView, type InquiryView } from './inquiry-view.js';

type DecidedChain = ResponsibilityChain & { decision: NonNullable<ResponsibilityChain['decision']> };
type InquirySnapshot = ReturnType<typeof inquiryMachine.resolveState>;
interface LoadedInquiry {
  row: InquiryRow;
  snapshot: InquirySnapshot;
}

const roleFor: Record<InquiryEvent['type'], (actor: Actor, context: InquiryContext) => string | null> = {
  'exemption.claim': (actor, context) => context.persons.find((p) => p.id === actor.id)?.roles[0] ?? null,
  'withdrawal.record': () => 'clerk',
  'inquiry.determine': () => 'auditor',
};

export interface InquiryDeps {
  pipeline: CommandPipeline;
  store: InquiryStore;
  cases: CaseStore;
  calendar: CalendarService;
  policy: Policy;
  rules: FaultRules;
  loadChain: (caseId: string) => Promise<ResponsibilityChain | null>;
  /** Called after a withdrawal clock was written without a case event, so case views read it again. */
  forgetDeadlines: (caseId: string) => void;
  /** The case's publication-withdrawal clock, where the withdrawal's one due date lives. */
  withdrawalClock: (caseId: string) => Promise<DeadlineView | null>;
  now: () => Date;
}

/** A record entry of an inquiry stream (or, for a refused outcome, of the case). */
function entryOf(
  stream: string,
  seq: number | null,
  type: string,
  actor: Actor,
  at: string,
  draftHash: string | null,
  role: string | null,
  payload: object,
): RecordEntry {
  return {
    caseId: stream,
    seq,
    type,
    payload: { ...payload, type, actor },
    actorId: actor.id,
    actorRole: role,
    at,
    draftHash,
    accepted: seq !== null,
    refusal: null,
  };
}

const refused = (entry: RecordEntry, error: DomainError): RecordEntry => ({
  ...entry,
  seq: null,
  accepted: false,
  refusal: { kind: error.kind, code: error.code, detail: error.detail },
});

/** Creates the inquiry service. */
export function createInquiryService(deps: InquiryDeps) {
  const step = createMachineStep(inquiryMachine);
  const restore = (row: InquiryRow): InquirySnapshot =>
    inquiryMachine.resolveState({ value: row.snapshot.value as never, context: row.snapshot.context as unknown as InquiryContext });
  const attemptOf = (loaded: LoadedInquiry, event: InquiryEvent): RecordEntry => {
    const context = loaded.snapshot.context;
    const { type, actor, at, ...content } = event;
    return entryOf(inquiryStream(loaded.row.id), null, type, actor, at, context.decision.draftHash, roleFor[type](actor, context), content);
  };

  const kind: StreamKind<LoadedInquiry, InquiryEvent, InquiryView> = {
    async load(id) {
      const row = await deps.store.get(id);
      return row ? { row, snapshot: restore(row) } : null;
    },
    notFound: (id) => ({ kind: 'not_found', code: 'inquiry_not_found', detail: `No inquiry ${id}.` }),
    version: (loaded) => loaded.row.version,
    refusePerson(loaded, event) {
      const refusal = refuseInquiryActor(loaded.snapshot.context, event);
      return refusal ? { kind: 'forbidden', code: refusal.code, detail: refusal.detail } : null;
    },
    next(loaded, event) {
      const context = loaded.snapshot.context;
      if (event.type === 'inquiry.determine' && !coversEveryPerson(context, event.allocations)) return null;
      const after = step.next(loaded.snapshot, event);
      if (after === loaded.snapshot) return null;
      const snapshot = { value: after.value, context: after.context as unknown as Record<string, unknown>, status: after.status };
      const row = { ...loaded.row, status: inquiryState(after.value), version: loaded.row.version + 1, updatedAt: event.at, snapshot };
      return { row, snapshot: after };
    },
    diagnose(loaded, event, ifMatch) {
      const { row, snapshot } = loaded;
      const context = snapshot.context;
      if (!snapshot.can(probeInquiryEvent(event.type, context, event.actor, event.at))) {
        const allowedEvents = allowedInquiryEvents(snapshot, event.actor, event.at);
        return {
          kind: 'invalid_transition',
          code: 'event_not_allowed',
          allowedEvents,
          detail: `${event.type} is not allowed while the inquiry is ${inquiryState(snapshot.value)}.`,
        };
      }
      if (event.type === 'inquiry.determine' && !coversEveryPerson(context, event.allocations)) {
        const persons = context.persons.map((p) => p.id).join(', ');
        return {
          kind: 'invalid_transition',
          code: 'allocations_incomplete',
          detail: `The determination must allocate every person in the chain exactly once: ${persons}.`,
        };
      }
      if (ifMatch !== undefined && ifMatch !== row.version) {
        return {
          kind: 'conflict',
          code: 'version_mismatch',
          currentVersion: row.version,
          detail: `If-Match ${ifMatch} does not match the inquiry version ${row.version}.`,
        };
      }
      throw new Error(`machine refused ${event.type} on inquiry ${row.id} although every check passed`);
    },
    acceptedWrite(before, after, event) {
      const context = before.snapshot.context;
      const entry = { ...attemptOf(before, event), seq: after.row.version, accepted: true };
      const extra: SqlStatement[] =
        event.type === 'withdrawal.record' ? closeWithdrawalDeadlineStatements(context.caseId, event.at, event.withdrawnOn) : [];
      return deps.store.acceptedItem(after.row, before.row.version, entry, extra);
    },
    refusedEntry: (loaded, event, error) => refused(attemptOf(loaded, event), error),
    committed(after) {
      if (after.snapshot.context.withdrawal.withdrawnAt) deps.forgetDeadlines(after.snapshot.context.caseId);
    },
    view: async (loaded, actor, at) => toInquiryView(loaded.row, loaded.snapshot, actor, at, await deps.withdrawalClock(loaded.row.caseId)),
    async answerAt(id, _version, user, at) {
      const loaded = await kind.load(id);
      return loaded ? kind.view(loaded, actorFor(user, at), at) : null;
    },
  };

  /** What the inquiry opens with: the chain's persons, the facts, the rules' proposal and the withdrawal duty. */
  async function openingInput(
    id: string,
    chain: DecidedChain,
    caseContext: CaseContext,
    outcome: OutcomeRecord,
    by: string,
    at: string,
  ): Promise<InquiryInput> {
    const persons = chainPersons(chain);
    const facts = faultFacts(chain, outcome);
    return {
      inquiryId: id,
      caseId: chain.caseId,
      decision: { ...chain.decision, entryId: chain.decision.entry.id },
      outcome: { ...outcome, recordedBy: by, at },
      persons,
      facts,
      proposal: { rulesVersion: deps.rules.version, shares: proposeShares(chain, persons, facts, deps.rules) },
      groundCodes: deps.rules.exemptionGrounds.map((g) => g.code),
      withdrawal: withdrawalObligation(caseContext),
      openedAt: at,
    };
  }

  /** Opens the inquiry for an adverse outcome on a decided case (the pipeline's creation step). */
  async function opening(user: User, caseId: string, outcome: OutcomeRecord, at: string) {
    const actor = actorFor(user, at);
    const caseRow = await deps.cases.get(caseId);
    if (!caseRow)
      return { ok: false as const, error: { kind: 'not_found' as const, code: 'case_not_found', detail: `No case ${caseId}.` } };
    const role = actor.roles.find((r) => r === 'head' || r === 'auditor') ?? null;
    const attempt = entryOf(caseId, null, 'outcome.record', actor, at, caseRow.draftHash, role, outcome);
    const refuse = (error: DomainError) => ({ ok: false as const, error, refused: refused(attempt, error) });
    if (!role)
      return refuse({
        kind: 'forbidden',
        code: 'wrong_role',
        detail: 'Only a head (负责人) or an auditor (监督人员) records a 复议/诉讼 outcome.',
      });
    const chain = (await deps.loadChain(caseId))!;
    if (!chain.decision)
      return refuse({ kind: 'invalid_transition', code: 'case_not_decided', detail: 'The case has no decision to be overturned.' });
    const caseContext = caseRow.snapshot.context as unknown as CaseContext;
    const decisionOn = caseContext.decision?.decidedOn ?? chinaDay(chain.decision.at);
    const wrongDate = refuseOutcomeDate(outcome.decidedOn, decisionOn, chinaDay(at));
    if (wrongDate) return refuse({ kind: 'invalid_transition', code: 'legal_date_invalid', detail: wrongDate });
    const pending = (await deps.store.list({ caseId })).find((r) => r.status !== 'closed');
    if (pending) return refuse({ kind: 'conflict', code: 'inquiry_open', detail: `Inquiry ${pending.id} on this case is still open.` });
    const id = randomUUID();
    const input = await openingInput(id, chain as DecidedChain, caseRow.snapshot.context as unknown as CaseContext, outcome, actor.id, at);
    const snapshot = step.initial(input);
    const row: InquiryRow = {
      id,
      caseId,
      status: inquiryState(snapshot.value),
      snapshot: { value: snapshot.value, context: snapshot.context as unknown as Record<string, unknown>, status: snapshot.status },
      machineVersion: inquiryMachineVersion,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const { inquiryId: _id, ...opened } = input;
    const entry = entryOf(inquiryStream(id), 1, 'inquiry.open', actor, at, input.decision.draftHash, role, opened);
    const calendar = await deps.calendar.calendar();
    const deadline = withdrawalDeadlineStatement(caseId, input.withdrawal, deps.policy, at, calendar, outcome.decidedOn);
    const commit = () => {
      if (deadline) deps.forgetDeadlines(caseId);
      return kind.view({ row, snapshot }, actor, at);
    };
    return { ok: true as const, id, item: deps.store.acceptedItem(row, 0, entry, deadline ? [deadline] : []), commit };
  }

  return {
    /** Records an adverse 复议/诉讼 outcome on a decided case and opens its inquiry (one at a time per case). */
    recordOutcome: (user: User, caseId: string, outcome: OutcomeRecord): Promise<Result<InquiryView>> =>
      deps.pipeline.create(kind, user, { lock: `outcome:${caseId}` }, (at) => opening(user, caseId, outcome, at)),

    /** Sends one command to an inquiry as `user`. */
    send: (user: User, id: string, command: InquiryCommand, ifMatch?: number): Promise<Result<InquiryView>> =>
      deps.pipeline.send(kind, user, id, (at) => ok({ ...command, actor: actorFor(user, at), at } as InquiryEvent), { ifMatch }),

    /** The inquiry as `user` sees it now. */
    async view(user: User, id: string): Promise<Result<InquiryView>> {
      const at = deps.now().toISOString();
      const loaded = await kind.load(id);
      if (!loaded) return fail(kind.notFound(id));
      return ok(await kind.view(loaded, actorFor(user, at), at));
    },
  };
}
export type InquiryService = ReturnType<typeof createInquiryService>;
