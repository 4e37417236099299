// The composition root of one running instance around one database: every store and service, wired
// explicitly, shared by the HTTP server, the CLIs, the benchmarks and the tests. Nothing registers itself;
// each service gets what it depends on (its effects included) as arguments here.
import type { Database } from '../db/core/client.js';
import type { Writer } from '../db/core/writer.js';
import { createCaseStore, type CaseStore } from '../db/cases/case-store.js';
import { createCaseQueueStore, type CaseQueueStore } from '../db/cases/case-queue-store.js';
import { createIdempotencyStore } from '../db/cases/idempotency-store.js';
import { createUserStore, type UserStore } from '../db/users/user-store.js';
import { createSessionStore, type SessionStore } from '../db/users/session-store.js';
import { createThrottleStore } from '../db/users/sign-in-throttle-store.js';
import { createInquiryStore, type InquiryStore } from '../db/audit/inquiry-store.js';
import { createCheckpointStore, type CheckpointStore } from '../db/audit/audit-checkpoints.js';
import { credentialSnapshotRows } from '../db/audit/audit-credentials.js';
import { createReportStore, type ReportStore } from '../db/reports/report-store.js';
import { createPublicationStore, type PublicationStore } from '../db/public/publication-store.js';
import { createStaffingStore, type StaffingStore } from '../db/reports/staffing-store.js';
import type { MajorCatalog } from '../machines/case/major-catalog.js';
import type { caseMachine } from '../machines/case/case.machine.js';
import type { FaultRules } from '../machines/inquiry/inquiry.rules.js';
import { parseEnv, type Env } from './env.js';
import { loadPolicy } from './policy/load-policy.js';
import type { Policy } from './policy/policy.schema.js';
import { createCalendarService, type CalendarService } from './calendar/calendar-service.js';
import { createDeadlineService, type DeadlineService } from './deadlines/deadline-service.js';
import { createScheduler, type Scheduler } from './deadlines/scheduler.js';
import { createCommandPipeline } from './shared/command-pipeline.js';
import { createCaseStream, type CaseEffect } from './cases/case-stream.js';
import { createCaseService, type CaseService } from './cases/case-service.js';
import { createCoercionService, type CoercionService } from './coercion/coercion-service.js';
import { coercionClockEffect } from './coercion/coercion-clock-effect.js';
import { createLicenceService, type LicenceService } from './licence/licence-service.js';
import { createExecutionService, type ExecutionService } from './execution/execution-service.js';
import { auditSigner, type AuditSigner } from './audit/signing-key.js';
import { loadFaultRules } from './audit/fault-rules.js';
import { loadChain } from './audit/chain-loader.js';
import { createInquiryService, type InquiryService } from './audit/inquiry-service.js';
import { createSignInService, type SignInService } from './users/sign-in-service.js';
import { createMaintenance, type Maintenance } from './maintenance.js';
import { publicationEffect } from './public/publication-effect.js';
import { createDocumentStore, type DocumentStore } from '../db/documents/document-store.js';
import { createDocumentIssuer } from './documents/document-issuer.js';
import { createDocumentReader, type DocumentReader } from './documents/document-reader.js';
import type { CaseProcedure } from '../machines/case/case.context.js';
import { createEvidenceStore } from '../db/evidence/evidence-store.js';
import { createFileStore } from '../db/evidence/file-store.js';
import { createReadLogStore, type ReadLogStore } from '../db/audit/read-log-store.js';
import { createEvidenceService, type EvidenceService } from './evidence/evidence-service.js';
import { createReadLog, type ReadLog } from './evidence/read-log.js';
import { evidenceDirOf } from './evidence/evidence-dir.js';
import { createUnitStore, type UnitStore } from '../db/units/unit-store.js';
import { createUnitAdmin, type UnitAdmin } from './units/unit-admin.js';
import { createUnitReportStore, type UnitReportStore } from '../db/reports/unit-report-store.js';
import { createWebhookStore, type WebhookStore } from '../db/outbox/webhook-store.js';
import { createDispatcher, type Dispatcher } from './webhooks/dispatcher.js';
import { outboxEffect } from './outbox/outbox-effect.js';
import { notificationEffectOf } from './notifications/notification-effect.js';
import { createMailer, mailConfigured, type Mailer } from './notifications/mailer.js';
import { createCertificateReminders, type CertificateReminders } from './units/certificate-reminders.js';
import { createMailQueueStore } from '../db/notifications/mail-queue-store.js';
import { createNotificationStore, type NotificationStore } from '../db/notifications/notification-store.js';
import type { MachineRegistry } from '../machines/shared/machine-versions.js';
import { assertVersionsDeployed, registryOf } from './cases/case-machines.js';

export interface Services {
  env: Env;
  database: Database;
  writer: Writer;
  policy: Policy;
  now: () => Date;
  /** The case store (reads of cases, their record and drafts). */
  store: CaseStore;
  /** Queue reads: filtered, searched, keyset-paged case lists. */
  queue: CaseQueueStore;
  users: UserStore;
  /** Organisation units (单位): the tree, each unit's 主要负责人. */
  units: UnitStore;
  /** Administration of units and staff (roles, credentials, certificate warnings). */
  unitAdmin: UnitAdmin;
  sessions: SessionStore;
  /** The one path from a password to a signed-in user (API and desk), with throttling. */
  signIn: SignInService;
  calendar: CalendarService;
  deadlines: DeadlineService;
  /** Sends deadline notices and lapses; the server's main starts and stops it. */
  scheduler: Scheduler;
  cases: CaseService;
  /** 查封、扣押 cases (machines/coercion): the same pipeline, writer and `cases` table. */
  coercion: CoercionService;
  /** 行政许可 撤销 / 撤回 cases (machines/licence): the same pipeline, writer and `cases` table. */
  licence: LicenceService;
  /** 行政强制执行 cases (machines/execution): the same pipeline, writer and `cases` table. */
  execution: ExecutionService;
  inquiryStore: InquiryStore;
  inquiries: InquiryService;
  checkpoints: CheckpointStore;
  /** The counts behind the supervision reports, and the reports handed in. */
  reports: ReportStore;
  /** The counts behind the reports per unit. */
  unitReports: UnitReportStore;
  /** Registered webhooks and their deliveries. */
  webhooks: WebhookStore;
  /** Delivers the outbox to the webhooks; the server's main starts and stops it. */
  dispatcher: Dispatcher;
  /** The desk inbox (assignments, returns, clocks), written with the events that cause its messages. */
  notifications: NotificationStore;
  /** Mails the queued e-mail copies of notifications when SMTP is configured. */
  mailer: Mailer;
  /** Daily certificate reminders (证件到期提醒) to holders and administrators. */
  certificateReminders: CertificateReminders;
  /** Certified staff and qualified reviewers, for the §27 staffing figure. */
  staffing: StaffingStore;
  /** The public register of published decisions (公示). */
  publications: PublicationStore;
  signer: AuditSigner;
  faultRules: FaultRules;
  /** Sweeps expired credentials and idempotent answers; the server's main starts and stops it. */
  maintenance: Maintenance;
  /** The issued 审核意见书 and 决定书. */
  documents: DocumentStore;
  /** Reads them for a user (who may read, the opinions' trails). */
  documentReader: DocumentReader;
  /** Evidence files of cases: upload, metadata, the content-addressed store. */
  evidence: EvidenceService;
  /** The read log (调阅记录): every read of a case, queued and committed in batches. */
  readLog: ReadLog;
  readLogStore: ReadLogStore;
  /** Every deployed machine version; each case runs under the one it was opened or migrated to. */
  machines: MachineRegistry;
}

export interface ServiceOptions {
  env?: Env;
  now?: () => Date;
  policy?: Policy;
  /** A replacement case machine for new cases (the proof's broken-guard tests). */
  machine?: typeof caseMachine;
  /** The deployed machine versions (default machines/registry.ts; tests register a next version here). */
  registry?: MachineRegistry;
}

/** The machine catalog from the policy file (the policy adds `basis` notes the machine does not need). */
export function catalogOf(policy: Policy): MajorCatalog {
  const { basis: _basis, ...catalog } = policy.majorCatalog as MajorCatalog & { basis?: unknown };
  return catalog;
}

/** The review procedure from the policy, as new cases open under it. */
export function procedureFrom(policy: Policy): CaseProcedure {
  const { quorum, memberRoles, chairRoles } = policy.discussion;
  return { opinionSignOff: policy.review.opinionSignOff, discussion: { quorum, memberRoles, chairRoles } };
}

/** Builds every service over an opened, migrated database. */
export async function createServices(database: Database, options: ServiceOptions = {}): Promise<Services> {
  const env = options.env ?? parseEnv({ NODE_ENV: 'test', DEMO: 'false' });
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? loadPolicy(env.POLICY_FILE);
  const { client } = database;
  // Before anything writes: a stored case under a version that is not deployed would silently change rules.
  const machines = registryOf(options);
  await assertVersionsDeployed(createCaseStore(client), machines);
  const writer = await database.openWriter();
  const store = createCaseStore(client);
  const queue = createCaseQueueStore(client, { fullText: database.fullTextSearch, jsonField: database.jsonField });
  const users = createUserStore(client, now, { firstRow: database.firstRow, writer, authRecheckMs: env.AUTH_RECHECK_MS });
  const units = createUnitStore(client, now, writer);
  const calendar = createCalendarService(database, writer, policy.calendar.region, now);
  const deadlines = createDeadlineService({ client, writer, calendar, policy, now, sharedWriters: database.sharedWriters });
  const idempotency = createIdempotencyStore(client, database.firstRow);
  const evidenceStore = createEvidenceStore(client);
  const files = createFileStore(evidenceDirOf(env.EVIDENCE_DIR, database.url));
  const evidence = createEvidenceService({ cases: store, store: evidenceStore, files, writer, policy: policy.evidence, now });
  const readLogStore = createReadLogStore(client);
  const pipeline = createCommandPipeline({
    writer,
    idempotency,
    now,
    retentionHours: policy.idempotency.retentionHours,
  });
  // Effects committed with every accepted case event: its clocks, the actor's credential numbers, the public
  // register, its outbox message and its inbox messages.
  const effects: CaseEffect[] = [
    deadlines.effect,
    (change) => credentialSnapshotRows({ ...change.user, userId: change.user.id }, change.event.actor.roles),
    publicationEffect,
    outboxEffect,
    notificationEffectOf(mailConfigured(env)),
  ];
  const webhooks = createWebhookStore(client, writer);
  const documents = createDocumentStore(client, database.firstRow);
  const issuer = createDocumentIssuer({ store: documents, users, policy });
  const stream = createCaseStream({
    store,
    users,
    registry: machines,
    effects,
    deadlines: deadlines.forView,
    deadlinesOfMany: deadlines.forViews,
    sharedWriters: database.sharedWriters,
    documents: issuer,
  });
  const cases = createCaseService({
    pipeline,
    stream,
    store,
    users,
    catalog: catalogOf(policy),
    procedure: procedureFrom(policy),
    effects,
    calendar,
    policy,
    evidence: { store: evidenceStore, avRecords: policy.evidence.avRecords },
    now,
  });
  const coercion = createCoercionService({
    pipeline,
    store,
    users,
    registry: machines,
    calendar,
    policy: policy.coercion,
    effects: (event, user) => credentialSnapshotRows({ ...user, userId: user.id }, event.actor.roles),
    clocks: coercionClockEffect({ byCase: deadlines.store.byCase, calendar, policy, mail: mailConfigured(env) }),
    now,
  });
  const licence = createLicenceService({
    pipeline,
    store,
    users,
    registry: machines,
    calendar,
    policy: policy.licence,
    effects: (event, user) => credentialSnapshotRows({ ...user, userId: user.id }, event.actor.roles),
    now,
  });
  const execution = createExecutionService({
    pipeline,
    store,
    users,
    registry: machines,
    calendar,
    policy: policy.execution,
    effects: (event, user) => credentialSnapshotRows({ ...user, userId: user.id }, event.actor.roles),
    now,
  });
  const inquiryStore = createInquiryStore(client);
  const faultRules = loadFaultRules();
  const inquiries = createInquiryService({
    pipeline,
    store: inquiryStore,
    cases: store,
    calendar,
    policy,
    rules: faultRules,
    loadChain: (caseId) => loadChain({ store, client }, caseId),
    forgetDeadlines: deadlines.forget,
    withdrawalClock: async (caseId) => (await deadlines.byCase(caseId)).find((d) => d.kind === 'publicationWithdrawal') ?? null,
    now,
  });
  const notifications = createNotificationStore(client, writer);
  return {
    queue,
    env,
    database,
    writer,
    policy,
    now,
    store,
    users,
    units,
    unitAdmin: createUnitAdmin({ units, users, policy: policy.staff, now }),
    sessions: createSessionStore(client, users, now),
    signIn: createSignInService({ users, throttle: createThrottleStore(client, writer), policy: policy.signIn, now }),
    calendar,
    deadlines,
    scheduler: createScheduler({ deadlines, cases, coercion, now }),
    cases,
    coercion,
    licence,
    execution,
    inquiryStore,
    inquiries,
    checkpoints: createCheckpointStore(client, writer),
    reports: createReportStore(client),
    unitReports: createUnitReportStore(client),
    webhooks,
    notifications,
    certificateReminders: createCertificateReminders({
      users,
      notifications,
      warningDays: policy.staff.certificateWarningDays,
      mail: mailConfigured(env),
      now,
    }),
    mailer: createMailer({ store: createMailQueueStore(client, writer), env, now }),
    dispatcher: createDispatcher({ store: webhooks, policy: policy.webhooks, allowPrivate: env.WEBHOOK_ALLOW_PRIVATE, now }),
    publications: createPublicationStore(client),
    staffing: createStaffingStore(client),
    signer: auditSigner(env),
    faultRules,
    maintenance: createMaintenance({ users, idempotency, writer, now }),
    documents,
    documentReader: createDocumentReader({ store, documents, users }),
    evidence,
    readLog: await createReadLog({ store: readLogStore, writer, now }),
    readLogStore,
    machines,
  };
}
