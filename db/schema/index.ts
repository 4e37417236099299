// All tables, for drizzle-kit and the query builder. One file per area; add new areas here.
export * from './users.js';
export * from './cases.js';
