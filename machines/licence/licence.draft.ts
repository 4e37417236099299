// The draft 行政许可 decision (决定书代拟稿) a handler submits: 撤销 (行政许可法 art 69), 撤回 (art 8) or 不予撤销
// (art 69 ¶3, or the grounds not established), with the licence, its grounds, facts, basis and remedies.
// Plain JSON, so its SHA-256 over canonical JSON is stable; what compensation it owes is derived, never typed.
import { z } from 'zod';
import { PartySchema } from '../case/draft.schema.js';
import { IsoDateSchema } from '../case/legal-dates.js';
import { sha256Canonical } from '../shared/canonical-hash.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** 撤销 (art 69), 撤回 (art 8 ¶2), 不予撤销 (art 69 ¶3, or the grounds not established). */
export const LicenceOutcomeSchema = z.enum(['revoke', 'withdraw', 'notRevoke']);
export type LicenceOutcome = z.infer<typeof LicenceOutcomeSchema>;

/**
 * The grounds a draft relies on. 撤销 art 69 ¶1: (一) `abuseOfPower` 滥用职权、玩忽职守, (二) `beyondAuthority`
 * 超越法定职权, (三) `unlawfulProcedure` 违反法定程序, (四) `unqualifiedApplicant` 对不具备申请资格或者不符合法定条件的
 * 申请人准予, (五) `otherRevocable` 依法可以撤销的其他情形; ¶2 `improperMeans` 以欺骗、贿赂等不正当手段取得.
 * 撤回 art 8 ¶2: `lawChanged` 所依据的法律、法规、规章修改或者废止, `circumstancesChanged` 所依据的客观情况发生重大变化.
 */
export const LicenceGroundSchema = z.enum([
  'abuseOfPower',
  'beyondAuthority',
  'unlawfulProcedure',
  'unqualifiedApplicant',
  'otherRevocable',
  'improperMeans',
  'lawChanged',
  'circumstancesChanged',
]);
export type LicenceGround = z.infer<typeof LicenceGroundSchema>;

/** The grounds of art 69 ¶1 (the organ *may* revoke; compensation owed, ¶4). */
export const discretionaryGrounds: readonly LicenceGround[] = [
  'abuseOfPower',
  'beyondAuthority',
  'unlawfulProcedure',
  'unqualifiedApplicant',
  'otherRevocable',
];
/** The ground of art 69 ¶2 (the organ *shall* revoke; the licensee's interests are not protected, ¶4). */
export const mandatoryGrounds: readonly LicenceGround[] = ['improperMeans'];
/** The grounds of art 8 ¶2 (撤回 for the public interest; 补偿 owed). */
export const withdrawalGrounds: readonly LicenceGround[] = ['lawChanged', 'circumstancesChanged'];

/** The kinds of licence a transport organ grants (道路运输条例; 《交通运输行政许可实施程序规定》). */
export const LicenceKindSchema = z.enum([
  'roadTransportOperation',
  'stationOperation',
  'vehicleOperation',
  'practitionerQualification',
  'other',
]);
export type LicenceKind = z.infer<typeof LicenceKindSchema>;

/** The licence the decision is about: its kind, number and the day it was granted. */
export const LicenceSchema = z.object({ kind: LicenceKindSchema, number: Text(100), grantedOn: IsoDateSchema });

/** The draft decision. */
export const LicenceDraftSchema = z.object({
  title: Text(200),
  outcome: LicenceOutcomeSchema,
  /** The licensee (被许可人). */
  party: PartySchema,
  licence: LicenceSchema,
  grounds: z.array(LicenceGroundSchema).min(1).max(8),
  /** Whether the facts establish the grounds; a 不予撤销 may rest on grounds not established. */
  groundsEstablished: z.boolean().default(true),
  /** art 69 ¶3: the major harm to the public interest a revocation would cause (the reasons of a 不予撤销). */
  publicInterestHarm: Text(4000).optional(),
  facts: Text(20000),
  legalBasis: Text(4000),
  remedies: Text(2000),
  /** The licensee's estimated loss in 元 (what 赔偿 or 补偿 would cover; the catalog's threshold). */
  estimatedLossYuan: z.number().nonnegative().max(1e12).default(0),
  /** How many parties (passengers, shippers, employees) the decision affects (catalog). */
  partiesAffected: z.number().int().nonnegative().max(1e9).default(1),
  /** Catalog triggers the handler asserts (118号 (十二)): 重大公共利益, 疑难复杂. */
  publicInterest: z.boolean().default(false),
  complex: z.boolean().default(false),
});
export type LicenceDraft = z.infer<typeof LicenceDraftSchema>;

/** What the decision owes the licensee: 赔偿 (art 69 ¶4), 补偿 (art 8 ¶2), or nothing. */
export type LicenceCompensation = 'compensation' | 'indemnity' | 'none';

/**
 * art 69 ¶4: a 撤销 under ¶1 owes 赔偿 of the licensee's lawful interests; one under ¶2 owes none (the interests
 * obtained by improper means are not protected). art 8 ¶2: a 撤回 owes 补偿 of property losses.
 */
export function compensationOf(draft: Pick<LicenceDraft, 'outcome' | 'grounds'>): LicenceCompensation {
  if (draft.outcome === 'withdraw') return 'indemnity';
  if (draft.outcome !== 'revoke') return 'none';
  return draft.grounds.some((g) => mandatoryGrounds.includes(g)) ? 'none' : 'compensation';
}

/** The draft as the context keeps it: version, hash, outcome, grounds and what it owes. */
export interface LicenceDraftSummary {
  version: number;
  hash: string;
  outcome: LicenceOutcome;
  grounds: LicenceGround[];
  compensation: LicenceCompensation;
}

/** Summarises a draft for the context; the hash is over the whole canonical draft. */
export function licenceDraftSummary(draft: LicenceDraft, version: number): LicenceDraftSummary {
  const grounds = [...new Set(draft.grounds)].sort();
  return { version, hash: sha256Canonical(draft), outcome: draft.outcome, grounds, compensation: compensationOf(draft) };
}
