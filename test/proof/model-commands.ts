// The command vocabulary of the model-based test: API commands by several demo users, honest and not,
// as fast-check arbitraries, and how one becomes an HTTP request against the current case.
import fc from 'fast-check';
import type { DemoUserName, TestApp } from '../helpers/test-app.js';
import { discussionBody, sampleDraft } from '../helpers/test-app.js';
import { reviewItems } from '../../machines/case/case.events.js';

export type Who = Extract<DemoUserName, 'handler1' | 'handler2' | 'reviewer1' | 'reviewer2' | 'head1' | 'clerk1'>;
export type HashKind = 'current' | 'first' | 'forged';
/** One command; `dup` sends it twice at once with the same Idempotency-Key, `ifMatch` pins the version seen. */
export interface Command {
  who: Who;
  type: string;
  variant?: string;
  hash?: HashKind;
  dup?: boolean;
  ifMatch?: boolean;
}

const c = (who: Who, type: string, more: Partial<Command> = {}): Command => ({ who, type, ...more });

/** Draft texts a handler may put: the case opens with `major`. */
export const modelDrafts = {
  major: sampleDraft(),
  minor: sampleDraft({ party: { name: '马某', kind: 'person' }, proposed: { kind: 'fine', amountYuan: 500 } }),
  amended: sampleDraft({
    evidence: [
      { kind: '询问笔录', description: '补充' },
      { kind: '现场检测记录', description: '称重' },
    ],
  }),
};

const vocabulary: Command[] = [
  c('handler1', 'notice.send'),
  c('handler1', 'statement.record'),
  c('handler1', 'hearing.request'),
  c('handler1', 'hearing.hold'),
  c('handler1', 'rights.waive'),
  c('handler1', 'review.submit'),
  c('handler1', 'draft.revise', { variant: 'amended' }),
  c('handler1', 'draft.revise', { variant: 'minor' }),
  c('handler1', 'case.withdraw'),
  c('handler1', 'review.approve', { hash: 'current' }),
  c('handler2', 'draft.revise', { variant: 'minor' }),
  c('handler2', 'review.submit'),
  c('reviewer1', 'review.assign', { variant: 'reviewer1' }),
  c('reviewer1', 'review.approve', { hash: 'current' }),
  c('reviewer1', 'review.approve', { hash: 'first' }),
  c('reviewer1', 'review.approve', { hash: 'forged' }),
  c('reviewer1', 'review.return'),
  c('reviewer1', 'review.refer'),
  c('reviewer1', 'conflict.declare'),
  c('reviewer1', 'review.requestMaterials'),
  c('handler1', 'materials.supplement'),
  c('handler1', 'review.object'),
  c('head1', 'review.coordinate'),
  c('head1', 'decision.extend'),
  c('reviewer2', 'review.assign', { variant: 'reviewer2' }),
  c('reviewer2', 'review.approve', { hash: 'current' }),
  c('reviewer2', 'review.return'),
  c('head1', 'review.assign', { variant: 'reviewer1' }),
  c('head1', 'discussion.record'),
  c('head1', 'decision.issue', { hash: 'current' }),
  c('head1', 'decision.issue', { hash: 'first' }),
  c('head1', 'decision.issue', { hash: 'forged' }),
  c('head1', 'decision.issue', { hash: 'current', variant: 'transfer' }),
  c('clerk1', 'decision.serve'),
  c('clerk1', 'publication.publish'),
  c('clerk1', 'publication.withdraw'),
  c('clerk1', 'filing.submit'),
  c('clerk1', 'case.close'),
];

/** The honest route of a major case; a run starts after a random prefix of it, so it reaches deep states. */
export const honestRoute: Command[] = [
  c('handler1', 'notice.send'),
  c('handler1', 'rights.waive'),
  c('handler1', 'review.submit'),
  c('reviewer1', 'review.assign', { variant: 'reviewer1' }),
  c('reviewer1', 'review.approve', { hash: 'current' }),
  c('head1', 'discussion.record'),
  c('head1', 'decision.issue', { hash: 'current' }),
  c('clerk1', 'decision.serve'),
];

/** A random command, sometimes duplicated (same Idempotency-Key) or pinned to the version seen. */
export const commandArb: fc.Arbitrary<Command> = fc
  .tuple(fc.constantFrom(...vocabulary), fc.boolean(), fc.boolean())
  .map(([cmd, dup, ifMatch]) => ({ ...cmd, dup, ifMatch }));

/** What a round knows when it starts: the case, its version and hashes as last seen. */
export interface Seen {
  caseId: string;
  version: number;
  current: string;
  first: string;
}

function body(t: TestApp, cmd: Command, seen: Seen): Record<string, unknown> {
  const hash = cmd.hash === 'current' ? seen.current : cmd.hash === 'first' ? seen.first : 'e'.repeat(64);
  switch (cmd.type) {
    case 'statement.record':
      return { type: cmd.type, summary: '陈述' };
    case 'hearing.hold':
      return { type: cmd.type, transcript: '笔录' };
    case 'review.submit':
      return { type: cmd.type, attestation: true };
    case 'review.assign':
      return { type: cmd.type, reviewerId: t.users[cmd.variant as Who].id };
    case 'review.approve':
      return { type: cmd.type, draftHash: hash, opinion: '同意', items: reviewItems() };
    case 'review.return':
      return { type: cmd.type, opinion: '意见', items: reviewItems({ factsEvidence: '意见' }) };
    case 'review.refer':
      return { type: cmd.type, opinion: '意见', items: reviewItems({ crimeTransfer: '意见' }), target: 'judicial' };
    case 'conflict.declare':
      return { type: cmd.type, reason: '回避' };
    case 'discussion.record':
      return discussionBody(t);
    case 'review.requestMaterials':
      return { type: cmd.type, request: '补充材料' };
    case 'materials.supplement':
      return { type: cmd.type, note: '已补充', attestation: true };
    case 'review.object':
    case 'decision.extend':
      return { type: cmd.type, reason: '理由' };
    case 'review.coordinate':
      return { type: cmd.type, result: 'return_upheld', note: '维持' };
    case 'decision.issue':
      return { type: cmd.type, draftHash: hash, ...(cmd.variant ? { outcome: cmd.variant } : {}) };
    case 'publication.withdraw':
    case 'case.withdraw':
      return { type: cmd.type, reason: '理由' };
    default:
      return { type: cmd.type };
  }
}

/** Sends `cmd` (twice at once when `dup`); answers one {status, version} per request sent. */
export async function fire(t: TestApp, cmd: Command, seen: Seen): Promise<{ status: number; version?: number }[]> {
  const headers: Record<string, string> = { 'Idempotency-Key': `${cmd.who}-${Math.random()}` };
  if (cmd.ifMatch) headers['If-Match'] = String(seen.version);
  const once = async () => {
    const res =
      cmd.type === 'draft.revise'
        ? await t.call('PUT', `/api/v1/cases/${seen.caseId}/draft`, cmd.who, modelDrafts[cmd.variant as keyof typeof modelDrafts], headers)
        : await t.call('POST', `/api/v1/cases/${seen.caseId}/events`, cmd.who, body(t, cmd, seen), headers);
    const json = await res.json();
    return { status: res.status, version: res.status === 200 ? Number(json.version) : undefined };
  };
  return Promise.all(cmd.dup ? [once(), once()] : [once()]);
}
