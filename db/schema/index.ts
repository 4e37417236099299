// All tables, for drizzle-kit and the query builder. One file per area; add new areas here.
export * from './users.js';
export * from './cases.js';
export * from './sessions.js';
export * from './audit.js';
export * from './calendar.js';
export * from './deadlines.js';
export * from './documents.js';
export * from './evidence.js';
export * from './publications.js';
export * from './units.js';
export * from './outbox.js';
export * from './notifications.js';
