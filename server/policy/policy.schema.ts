// The deadline policy: statutory and local time limits, report due dates and the major-case catalog.
// Invariant: every value lives in the policy JSON with its legal source; this file holds shapes, never defaults.
import { z } from 'zod';
import { MajorCatalogSchema } from '../../machines/case/major-catalog.js';
import { PublicationPolicySchema, StaffingPolicySchema } from './publication-policy.schema.js';
import { DiscussionPolicySchema, DocumentsPolicySchema, ReviewPolicySchema } from './review-law-policy.schema.js';
import { avRecordEvents } from '../../machines/case/av-record.rules.js';
import { knownMediaTypes } from '../evidence/media-types.js';
import { CoercionPolicySchema } from './coercion-policy.schema.js';
import { LicencePolicySchema } from './licence-policy.schema.js';
import { ExecutionPolicySchema } from './execution-policy.schema.js';

/** Legal source of a value, e.g. `行政处罚法 art 64(1)`; [T] marks a typical local value to confirm. */
export const BasisSchema = z.string().trim().min(1);

/** One time limit: how many days, counted how, and on what authority. */
export const DeadlineSchema = z.strictObject({
  days: z.number().int().positive(),
  /**
   * `working`: 工作日 per server/calendar; `calendar`: 自然日, a non-working last day rolls forward; `natural`:
   * plain days that never roll forward (a period set in hours, such as 移送规定 art 6's 24 hours).
   */
  unit: z.enum(['working', 'calendar', 'natural']),
  basis: BasisSchema,
});
export type Deadline = z.infer<typeof DeadlineSchema>;

const HANDOVER_BASIS =
  '《行政执法机关移送涉嫌犯罪案件的规定》 art 12 (涉案物品和材料 handed over within 3 days of receiving the 立案通知书). Calendar days, as for the transfer decision';

/** All case deadlines the engine schedules, each counted from its triggering event (DOMAIN §1.1). */
export const DeadlinesSchema = z.strictObject({
  /** 法制审核 from a complete submission; supplementing time is not counted. */
  review: DeadlineSchema,
  /** Extra review time for complex cases, approved by the responsible leader. */
  reviewExtension: DeadlineSchema,
  /** Party's 听证 request window after the 告知. */
  hearingRequest: DeadlineSchema,
  /** Minimum notice before a hearing (counted backwards from the hearing date). */
  hearingNotice: DeadlineSchema,
  /** Decision from 立案. */
  decision: DeadlineSchema,
  /** Decision extension with 负责人 approval. */
  decisionExtension: DeadlineSchema,
  /** 送达 of the 决定书 when the party was absent. */
  service: DeadlineSchema,
  /** 公示 from the decision, by decision kind. */
  publication: z.strictObject({ penalty: DeadlineSchema, other: DeadlineSchema }),
  /** Withdrawal of a publication after the decision is changed, revoked or annulled. */
  publicationWithdrawal: DeadlineSchema,
  /** 备案 of a major decision with the 司法行政部门. */
  filing: DeadlineSchema,
  /** Payment of a fine from receipt of the decision. */
  payment: DeadlineSchema,
  /** 正职负责人's decision on a proposed criminal transfer (移送). */
  criminalTransferDecision: DeadlineSchema,
  /** Sending an approved transfer to the police (移送规定 art 6: within 24 hours). */
  criminalTransferSend: DeadlineSchema,
  /** The agency's request for 复议 of a 不予立案 (移送规定 art 9: within 3 days of receipt). */
  criminalTransferReconsideration: DeadlineSchema,
  /** The police's 立案 or 不予立案 on a transfer (移送规定 art 8: within 3 days of accepting it). */
  criminalTransferPoliceFiling: DeadlineSchema,
  /** The police's answer to the agency's 复议 request (移送规定 art 9: within 3 days of receiving it). */
  criminalTransferPoliceReconsideration: DeadlineSchema,
  /**
   * The handover of seized items and materials after the police's 立案 (移送规定 art 12: within 3 days of the
   * 立案通知书). Defaulted so a policy written before case version 8 still loads.
   */
  criminalTransferHandover: DeadlineSchema.default({ days: 3, unit: 'calendar', basis: HANDOVER_BASIS }),
  /** How long before any deadline a reminder is raised. */
  warnBefore: DeadlineSchema,
  /** How long after the due date an open deadline is escalated to the head (负责人). */
  escalateAfter: DeadlineSchema,
});

/** Which regional calendar overrides (local holidays) apply to this deployment's deadlines. */
export const CalendarPolicySchema = z.strictObject({
  /** Region code matched against `calendar_overrides.region`, e.g. `CN-QH` for Qinghai. */
  region: z.string().trim().min(1).max(50),
  basis: BasisSchema,
});

/** Periodic reporting due dates (DOMAIN §3). */
export const ReportsSchema = z.strictObject({
  /** Day of the month by which last month's statistics are due; ≤ 28 so every month has it. */
  monthly: z.strictObject({ dueDay: z.number().int().min(1).max(28), basis: BasisSchema }),
  /** `MM-DD` by which last year's data are published and reported. */
  annual: z.strictObject({
    due: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a MM-DD date'),
    basis: BasisSchema,
  }),
  /**
   * When a due date falls on a rest day: `previousWorkingDay` (a fixed date such as 每月5日前 is never rolled
   * forward, DOMAIN §6.1), `nextWorkingDay`, or `asIs`.
   */
  restDay: z.strictObject({ rule: z.enum(['previousWorkingDay', 'nextWorkingDay', 'asIs']), basis: BasisSchema }),
});

/** Audit settings: how often the record's head is signed and witnessed outside the database. */
export const AuditPolicySchema = z.strictObject({
  checkpoint: z.strictObject({
    /** Sign once this many entries were appended since the last checkpoint. */
    everyEntries: z.number().int().positive(),
    /** Sign once this many minutes passed since the last checkpoint, if the head moved. */
    everyMinutes: z.number().positive(),
    basis: BasisSchema,
  }),
});
export type AuditPolicy = z.infer<typeof AuditPolicySchema>;

/** Catalog of major cases (DOMAIN §1.4) in the shape `machines/major-catalog` classifies with, plus sources. */
export const PolicyMajorCatalogSchema = z.strictObject({
  ...MajorCatalogSchema.shape,
  /** One legal source (and alternatives found) per catalog field, so every threshold can be traced. */
  basis: z.record(MajorCatalogSchema.keyof(), BasisSchema),
});

/** How long the answer to an Idempotency-Key is kept, so a client's retries get it and the table stays bounded. */
export const IdempotencyPolicySchema = z.strictObject({
  retentionHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  basis: BasisSchema,
});

/** Limits for one throttled party (an account or a client address): free tries, then backoff, then a lock. */
export const ThrottleLimitsSchema = z
  .strictObject({
    /** Consecutive refused attempts answered without delay. */
    freeAttempts: z.number().int().min(1),
    /** Refused attempts at which the party is locked; each further one after a lock relocks it. */
    lockAfter: z.number().int().min(2),
    lockMinutes: z.number().positive(),
  })
  .refine((l) => l.lockAfter > l.freeAttempts, { message: 'lockAfter must exceed freeAttempts', path: ['lockAfter'] });

/** Sign-in throttling and credential lifetimes (all [T] local settings). */
export const SignInPolicySchema = z.strictObject({
  account: ThrottleLimitsSchema,
  address: ThrottleLimitsSchema,
  /** Delay after the free attempts: `baseSeconds` doubling with each refusal, at most `maxSeconds`. */
  backoff: z.strictObject({ baseSeconds: z.number().positive(), maxSeconds: z.number().positive() }),
  /** A counter is forgotten this long after its last block ends with no further refusal. */
  forgetAfterMinutes: z.number().positive(),
  tokenTtlHours: z.number().positive(),
  sessionTtlHours: z.number().positive(),
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted; 0: the socket address only. */
  trustedProxyHops: z.number().int().min(0).max(10),
  basis: BasisSchema,
});
export type SignInPolicy = z.infer<typeof SignInPolicySchema>;

/** One event that needs an audio-visual record (音像记录): its type, and the service method where it applies. */
export const AvRecordRowSchema = z.strictObject({
  event: z.string().refine((e) => (avRecordEvents as readonly string[]).includes(e), {
    message: `only events guarded by hasRequiredAvRecord may be listed: ${avRecordEvents.join(', ')}`,
  }),
  method: z.string().trim().min(1).max(50).optional(),
  basis: BasisSchema,
});

/** Evidence files: which media types are accepted up to which size, and which events need an AV record. */
export const EvidencePolicySchema = z.strictObject({
  /** Largest accepted file per media type, in bytes; a type not listed is refused (415). */
  maxBytes: z.partialRecord(z.enum(knownMediaTypes as [string, ...string[]]), z.number().int().positive().max(4_000_000_000)),
  /** Events refused (422 av-record-required) without at least one audio or video record. */
  avRecords: z.array(AvRecordRowSchema),
  basis: BasisSchema,
});
export type EvidencePolicy = z.infer<typeof EvidencePolicySchema>;

/** Staff and certificates (118号 (十一)): when to warn of an expiring certificate (the §27 floor is `staffing`). */
export const StaffPolicySchema = z.strictObject({
  /** Days before a 执法证 or 法律职业资格 expires that its holder, their head and the admins are warned. */
  certificateWarningDays: z.number().int().min(1).max(365),
  basis: BasisSchema,
});
export type StaffPolicy = z.infer<typeof StaffPolicySchema>;

/** Delivery of the outbox to registered webhooks: at least once, retried with exponential backoff, then dead. */
export const WebhookPolicySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100),
  backoffBaseSeconds: z.number().positive(),
  backoffMaxSeconds: z.number().positive(),
  timeoutSeconds: z.number().positive().max(120),
  basis: BasisSchema,
});
export type WebhookPolicy = z.infer<typeof WebhookPolicySchema>;

/** The whole deadline policy file. */
export const PolicySchema = z.strictObject({
  /** Identifies this policy revision in stored deadlines and the audit log. */
  version: z.string().trim().min(1),
  deadlines: DeadlinesSchema,
  calendar: CalendarPolicySchema,
  reports: ReportsSchema,
  audit: AuditPolicySchema,
  majorCatalog: PolicyMajorCatalogSchema,
  idempotency: IdempotencyPolicySchema,
  publication: PublicationPolicySchema,
  staffing: StaffingPolicySchema,

  signIn: SignInPolicySchema,
  review: ReviewPolicySchema,
  discussion: DiscussionPolicySchema,
  documents: DocumentsPolicySchema,
  evidence: EvidencePolicySchema,
  staff: StaffPolicySchema,
  webhooks: WebhookPolicySchema,
  /** 查封、扣押 cases (行政强制法 arts 18–28; docs/coercion.md). */
  coercion: CoercionPolicySchema,
  /** 行政许可 撤销 / 撤回 cases (行政许可法 arts 7, 8, 36, 69; docs/licence.md). */
  licence: LicencePolicySchema,
  /** 行政强制执行 cases (行政强制法 arts 35–58; docs/execution.md). */
  execution: ExecutionPolicySchema,
});
export type Policy = z.infer<typeof PolicySchema>;
