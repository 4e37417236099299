// The PostgreSQL schema for drizzle-kit (drizzle.pg.config.ts): one line per table of db/schema, each derived
// from its SQLite definition (derive.ts). Add a line here when you add a table there; a test checks none is missing.
import * as sqlite from '../schema/index.js';
import { pgTableOf } from './derive.js';

export const users = pgTableOf(sqlite.users);
export const tokens = pgTableOf(sqlite.tokens);
export const signInThrottle = pgTableOf(sqlite.signInThrottle);
export const authEpoch = pgTableOf(sqlite.authEpoch);
export const cases = pgTableOf(sqlite.cases);
export const caseEvents = pgTableOf(sqlite.caseEvents);
export const draftVersions = pgTableOf(sqlite.draftVersions);
export const reviews = pgTableOf(sqlite.reviews);
export const decisions = pgTableOf(sqlite.decisions);
export const idempotencyKeys = pgTableOf(sqlite.idempotencyKeys);
export const deskSessions = pgTableOf(sqlite.deskSessions);
export const checkpoints = pgTableOf(sqlite.checkpoints);
export const credentialSnapshots = pgTableOf(sqlite.credentialSnapshots);
export const inquiries = pgTableOf(sqlite.inquiries);
export const calendarYears = pgTableOf(sqlite.calendarYears);
export const calendarDays = pgTableOf(sqlite.calendarDays);
export const calendarOverrides = pgTableOf(sqlite.calendarOverrides);
export const deadlines = pgTableOf(sqlite.deadlines);
export const reportSubmissions = pgTableOf(sqlite.reportSubmissions);
export const evidence = pgTableOf(sqlite.evidence);
export const readLog = pgTableOf(sqlite.readLog);
export const caseDocuments = pgTableOf(sqlite.caseDocuments);
export const publications = pgTableOf(sqlite.publications);
export const units = pgTableOf(sqlite.units);
export const outbox = pgTableOf(sqlite.outbox);
export const webhooks = pgTableOf(sqlite.webhooks);
export const webhookDeliveries = pgTableOf(sqlite.webhookDeliveries);
export const webhookAttempts = pgTableOf(sqlite.webhookAttempts);
export const notifications = pgTableOf(sqlite.notifications);
