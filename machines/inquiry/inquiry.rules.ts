// Rules of an accountability inquiry as pure functions: the fault-allocation rules (configurable JSON,
// DOMAIN §2.2), who may send what (the supervisor never judges themself), and what a determination must cover.
import { z } from 'zod';
import type { Actor, Role } from '../case/case.events.js';
import {
  FaultLevelSchema,
  OutcomeForumSchema,
  OutcomeResultSchema,
  OverturnCauseSchema,
  type Allocation,
  type FaultLevel,
  type InquiryEvent,
  type InquiryEventType,
} from './inquiry.events.js';
import type { InquiryContext } from './inquiry.context.js';

/** The parts of the responsibility chain a fault rule can assign. */
export const ChainRoleSchema = z.enum(['handler', 'reviewer', 'head', 'discussants']);
export type ChainRole = z.infer<typeof ChainRoleSchema>;

/** What the record says about how the overturned decision came about (derived by the server). */
export interface FaultFacts {
  forum: z.infer<typeof OutcomeForumSchema>;
  result: z.infer<typeof OutcomeResultSchema>;
  causes: z.infer<typeof OverturnCauseSchema>[];
  /** A legal review cleared the decided draft (approved or referred). */
  reviewed: boolean;
  /** Collective discussion (集体讨论) was held on the decided draft. */
  discussed: boolean;
  /** The decided draft was written after a reviewer returned an earlier one (the reviewer directed the change). */
  reviewerDirected: boolean;
  /** The review that cleared the decided draft marked an item matching a cause as not passed. */
  reviewerFlaggedCause: boolean;
}

const FactFlag = z.boolean().optional();
/** One allocation rule: when all given conditions hold, the named roles get these levels. */
export const FaultRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  when: z.strictObject({
    forum: z.array(OutcomeForumSchema).min(1).optional(),
    result: z.array(OutcomeResultSchema).min(1).optional(),
    /** Matches when any of the outcome's causes is listed. */
    causes: z.array(OverturnCauseSchema).min(1).optional(),
    reviewed: FactFlag,
    discussed: FactFlag,
    reviewerDirected: FactFlag,
    reviewerFlaggedCause: FactFlag,
  }),
  allocate: z.partialRecord(ChainRoleSchema, FaultLevelSchema),
  basis: z.string().min(1),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;

/** The rules file: ordered rules (for each role the first matching rule that names it wins) and exemption grounds. */
export const FaultRulesSchema = z
  .strictObject({
    version: z.string().min(1),
    levels: z.record(FaultLevelSchema, z.string().min(1)),
    rules: z.array(FaultRuleSchema).min(1),
    exemptionGrounds: z
      .array(z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), label: z.string().min(1), basis: z.string().min(1) }))
      .min(1),
  })
  .superRefine((file, ctx) => {
    const last = file.rules[file.rules.length - 1];
    const roles: ChainRole[] = ['handler', 'reviewer', 'head'];
    if (last && (Object.keys(last.when).length > 0 || roles.some((r) => !last.allocate[r]))) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: 'the last rule must match always ({} conditions) and allocate handler, reviewer and head',
      });
    }
  });
export type FaultRules = z.infer<typeof FaultRulesSchema>;

function matches(rule: FaultRule, facts: FaultFacts): boolean {
  const w = rule.when;
  if (w.forum && !w.forum.includes(facts.forum)) return false;
  if (w.result && !w.result.includes(facts.result)) return false;
  if (w.causes && !w.causes.some((c) => facts.causes.includes(c))) return false;
  const flags = ['reviewed', 'discussed', 'reviewerDirected', 'reviewerFlaggedCause'] as const;
  return flags.every((flag) => w[flag] === undefined || w[flag] === facts[flag]);
}

/** For each chain role, the level and the rule that set it. */
export function allocateByRole(
  facts: FaultFacts,
  rules: FaultRules,
): Record<ChainRole, { level: FaultLevel; ruleId: string; basis: string }> {
  const out = {} as Record<ChainRole, { level: FaultLevel; ruleId: string; basis: string }>;
  for (const rule of rules.rules) {
    if (!matches(rule, facts)) continue;
    for (const [role, level] of Object.entries(rule.allocate) as [ChainRole, FaultLevel][]) {
      out[role] ??= { level, ruleId: rule.id, basis: rule.basis };
    }
  }
  out.discussants ??= { level: 'none', ruleId: 'default', basis: 'no rule names discussants' };
  return out;
}

const severity: Record<FaultLevel, number> = { direct: 4, main: 3, important: 2, secondary: 1, none: 0 };
/** The more severe of two levels (a person acting in two roles answers for the heavier one). */
export const heavier = (a: FaultLevel, b: FaultLevel): FaultLevel => (severity[a] >= severity[b] ? a : b);

/** Which roles may send each inquiry event; chain membership is checked separately. */
export const inquiryEventRoles: Record<InquiryEventType, readonly Role[] | 'chain'> = {
  'exemption.claim': 'chain',
  'withdrawal.record': ['clerk'],
  'inquiry.determine': ['auditor'],
};

/** A refusal of the actor (HTTP 403) with a stable code. */
export interface InquiryRefusal {
  code: 'wrong_role' | 'not_in_chain' | 'supervisor_in_chain';
  detail: string;
}

/** Whether `actorId` is one of the persons answerable in this inquiry. */
export const isInChain = (context: InquiryContext, actorId: string): boolean => context.persons.some((p) => p.id === actorId);

/** Refuses an actor who may not send `event` on this inquiry. */
export function refuseInquiryActor(context: InquiryContext, event: Pick<InquiryEvent, 'type'> & { actor: Actor }): InquiryRefusal | null {
  const allowed = inquiryEventRoles[event.type];
  if (allowed === 'chain') {
    return isInChain(context, event.actor.id)
      ? null
      : { code: 'not_in_chain', detail: 'Only a person named in the responsibility chain may claim an exemption (尽职免责).' };
  }
  if (!event.actor.roles.some((r) => allowed.includes(r))) {
    return { code: 'wrong_role', detail: `Role(s) ${event.actor.roles.join(', ') || 'none'} may not send ${event.type}.` };
  }
  if (event.type === 'inquiry.determine' && isInChain(context, event.actor.id)) {
    return { code: 'supervisor_in_chain', detail: 'The supervisor may not be one of the persons whose fault is determined.' };
  }
  return null;
}

/** The allocations name every person in the chain exactly once, and nobody else. */
export function coversEveryPerson(context: InquiryContext, allocations: Pick<Allocation, 'personId'>[]): boolean {
  const ids = allocations.map((a) => a.personId);
  return new Set(ids).size === ids.length && ids.length === context.persons.length && ids.every((id) => isInChain(context, id));
}

/** A withdrawal of the publication is owed and not yet recorded. */
export const isWithdrawalPending = (context: InquiryContext): boolean =>
  context.withdrawal.required && context.withdrawal.withdrawnAt === null;

/**
 * The 复议/诉讼 decision's date is a legal date (the withdrawal period counts from it, 行政处罚法 art 48 ¶2):
 * never in the future, never before the decision it overturns. Answers why not, or null.
 */
export function refuseOutcomeDate(decidedOn: string, decisionOn: string, today: string): string | null {
  if (decidedOn > today) return `decidedOn ${decidedOn} is in the future.`;
  if (decidedOn < decisionOn) return `decidedOn ${decidedOn} is before the decision it overturns (${decisionOn}).`;
  return null;
}
