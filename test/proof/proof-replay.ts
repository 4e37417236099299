// Replays a path of the model as requests against the real stack and compares, step by step, the API's
// state, version and allowedEvents with the machine's, and that every refusal changed nothing but the record.
import { isDeepStrictEqual } from 'node:util';
import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { caseMachine } from '../../machines/case/case.machine.js';
import { drafts, type ActorName } from './proof-actors.js';
import { alphabet, type LabeledEvent } from './proof-alphabet.js';
import { withinReach, expectedOutcome, modelAllowed } from './proof-oracle.js';
import { abstractKey, modelInput } from './proof-space.js';
import type { ProofApp } from './proof-app.js';

/** One step of a path: the event label, and the abstract state the model graph says it leads to. */
export interface PathStep {
  label: string;
  key?: string;
}

/** What to try in a state: refused events (by label), a stale If-Match on `staleIfMatch`, GETs as `viewers`. */
export interface EndProbes {
  refusals: string[];
  staleIfMatch?: string;
  viewers: ActorName[];
}

/** Running totals of a replay, for the printed counts. */
export interface ReplayCounts {
  requests: number;
  accepted: number;
  refused: number;
}

/** The persisted footprint of one case; a refusal may only add one refused record entry to it. */
async function footprint(app: ProofApp, caseId: string) {
  const rs = await app.t.services.database.client.execute({
    sql: `SELECT c.version, c.snapshot, c.state_value,
            (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.accepted = 1) AS accepted,
            (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.accepted = 0) AS refused,
            (SELECT type FROM case_events e WHERE e.case_id = c.id ORDER BY e.id DESC LIMIT 1) AS last_type,
            (SELECT count(*) FROM reviews r WHERE r.case_id = c.id) AS reviews,
            (SELECT count(*) FROM decisions d WHERE d.case_id = c.id) AS decisions,
            (SELECT count(*) FROM draft_versions v WHERE v.case_id = c.id) AS drafts
          FROM cases c WHERE c.id = ?`,
    args: [caseId],
  });
  const r = rs.rows[0]!;
  return {
    version: Number(r.version),
    snapshot: String(r.snapshot),
    stateValue: JSON.parse(String(r.state_value)) as unknown,
    accepted: Number(r.accepted),
    refused: Number(r.refused),
    lastType: String(r.last_type),
    reviews: Number(r.reviews),
    decisions: Number(r.decisions),
    drafts: Number(r.drafts),
  };
}
type Footprint = Awaited<ReturnType<typeof footprint>>;

function find(model: AnyMachineSnapshot, label: string): LabeledEvent {
  const event = alphabet(model).find((e) => e.label === label);
  if (!event) throw new Error(`no event labelled ${label}`);
  return event;
}

/**
 * Runs `path` on a fresh case; `probes[i]` (if any) runs after step i (0: right after opening). Resolves
 * with the mismatches found: empty when the API behaved exactly as the model at every step.
 */
export async function replayPath(
  app: ProofApp,
  path: PathStep[],
  probes: (EndProbes | undefined)[],
  counts: ReplayCounts,
): Promise<string[]> {
  const where = (i: number) =>
    `path [${path
      .slice(0, i)
      .map((s) => s.label)
      .join(' → ')}]`;
  const opened = await app.open(drafts.minor);
  const caseId = String(opened.id);
  let model = initialTransition(caseMachine, modelInput)[0];
  const out: string[] = [];
  if (!isDeepStrictEqual(opened.stateValue, model.value))
    out.push(`open: API ${JSON.stringify(opened.stateValue)} ≠ model ${JSON.stringify(model.value)}`);
  let version = 1;
  for (let i = 0; i <= path.length; i += 1) {
    if (i > 0) {
      const step = path[i - 1]!;
      const result = await checkStep(app, caseId, model, find(model, step.label), version, counts);
      out.push(...result.errors.map((e) => `${where(i)}: ${e}`));
      if (result.errors.length) return out;
      if (step.key && abstractKey(result.next) !== step.key) out.push(`${where(i)}: the concrete replay left the abstract path`);
      if (result.accepted) version += 1;
      model = result.next;
    }
    const probe = probes[i];
    if (probe) out.push(...(await runProbes(app, caseId, model, version, probe, counts)).map((e) => `${where(i)}, then ${e}`));
  }
  const stored = await footprint(app, caseId);
  if (stored.version !== version || !isDeepStrictEqual(stored.stateValue, model.value))
    out.push(`${where(path.length)}: stored case ≠ model`);
  return out;
}

async function runProbes(
  app: ProofApp,
  caseId: string,
  model: AnyMachineSnapshot,
  version: number,
  probe: EndProbes,
  counts: ReplayCounts,
) {
  const out: string[] = [];
  for (const label of probe.refusals) {
    const result = await checkStep(app, caseId, model, find(model, label), version, counts);
    out.push(...result.errors.map((e) => `${label}: ${e}`));
    if (result.accepted) out.push(`${label}: a probe meant to be refused was accepted`);
  }
  if (probe.staleIfMatch) out.push(...(await checkStaleIfMatch(app, caseId, model, find(model, probe.staleIfMatch), version, counts)));
  out.push(...(await checkViews(app, caseId, model, version, probe.viewers, counts)));
  return out;
}

async function checkStep(
  app: ProofApp,
  caseId: string,
  model: AnyMachineSnapshot,
  event: LabeledEvent,
  version: number,
  counts: ReplayCounts,
) {
  const expected = expectedOutcome(model, event);
  const before = expected.status === 200 ? null : await footprint(app, caseId);
  const res = await app.send(caseId, event);
  counts.requests += 1;
  const after = expected.status === 200 ? null : await footprint(app, caseId);
  const errors: string[] = [];
  if (res.status !== expected.status) {
    errors.push(`status ${res.status} (${res.body?.type ?? ''}) where the model expects ${expected.status} ${expected.type ?? ''}`);
  } else if (expected.status === 200) {
    counts.accepted += 1;
    errors.push(...compareAccepted(res.body, expected.next, event.actorName, version + 1));
  } else {
    counts.refused += 1;
    if (res.body.type !== expected.type) errors.push(`problem type ${res.body.type}, expected ${expected.type}`);
    // A malformed request and a case out of reach (404) record nothing; other refusals record the attempt.
    const unrecorded = res.status === 400 || res.status === 404;
    errors.push(...(unrecorded ? compareMalformed(before!, after!) : compareRefused(before!, after!, event.type)));
  }
  return { errors, accepted: res.status === 200, next: res.status === 200 ? expected.next : model };
}

function compareAccepted(body: any, next: AnyMachineSnapshot, actor: ActorName, version: number): string[] {
  const errors: string[] = [];
  if (!isDeepStrictEqual(body.stateValue, next.value))
    errors.push(`API state ${JSON.stringify(body.stateValue)} ≠ model ${JSON.stringify(next.value)}`);
  if (body.version !== version) errors.push(`version ${body.version} ≠ ${version}`);
  const allowed = modelAllowed(next, actor);
  if (!isDeepStrictEqual(body.allowedEvents, allowed))
    errors.push(`allowedEvents ${JSON.stringify(body.allowedEvents)} ≠ model ${JSON.stringify(allowed)}`);
  return errors;
}

/** A malformed request (400) never became an event: nothing at all changes, not even the record. */
function compareMalformed(before: Footprint, after: Footprint): string[] {
  return isDeepStrictEqual(before, after) ? [] : [`a malformed request changed the record: ${JSON.stringify({ before, after })}`];
}

function compareRefused(before: Footprint, after: Footprint, type: string): string[] {
  const same = { ...after, refused: after.refused - 1, lastType: before.lastType };
  const errors = isDeepStrictEqual(same, before) ? [] : [`a refused request changed the case: ${JSON.stringify({ before, after })}`];
  if (after.lastType !== type) errors.push(`no refusal entry for ${type} in the record`);
  return errors;
}

async function checkStaleIfMatch(
  app: ProofApp,
  caseId: string,
  model: AnyMachineSnapshot,
  event: LabeledEvent,
  version: number,
  counts: ReplayCounts,
) {
  if (event.actorName === 'system' || expectedOutcome(model, event).status !== 200) return [];
  const before = await footprint(app, caseId);
  const res = await app.send(caseId, event, { 'If-Match': String(version - 1) });
  counts.requests += 1;
  counts.refused += 1;
  const errors =
    res.status === 409 && res.body.type === '/problems/version-mismatch' ? [] : [`stale If-Match answered ${res.status} ${res.body.type}`];
  return [...errors, ...compareRefused(before, await footprint(app, caseId), event.type)].map(
    (e) => `${event.label} with stale If-Match: ${e}`,
  );
}

async function checkViews(
  app: ProofApp,
  caseId: string,
  model: AnyMachineSnapshot,
  version: number,
  viewers: ActorName[],
  counts: ReplayCounts,
) {
  const errors: string[] = [];
  for (const name of viewers) {
    if (name === 'system') continue;
    const view = await app.view(caseId, name);
    counts.requests += 1;
    if (!withinReach(model, name)) {
      if (view.type !== '/problems/case-not-found')
        errors.push(`GET as ${name}: a case out of reach answered ${JSON.stringify(view.type ?? view.version)}`);
      continue;
    }
    const allowed = modelAllowed(model, name);
    if (view.version !== version || !isDeepStrictEqual(view.stateValue, model.value) || !isDeepStrictEqual(view.allowedEvents, allowed)) {
      errors.push(
        `GET as ${name}: ${JSON.stringify([view.version, view.stateValue, view.allowedEvents])} ≠ model ${JSON.stringify([version, model.value, allowed])}`,
      );
    }
  }
  return errors;
}
