import { defineConfig } from 'drizzle-kit';

// drizzle-kit generates db/migrations-pg from db/schema-pg (derived from db/schema); never edit generated files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/index.ts',
  out: './db/migrations-pg',
});
