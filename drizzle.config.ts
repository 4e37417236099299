import { defineConfig } from 'drizzle-kit';

// drizzle-kit generates db/migrations from db/schema; never edit generated files by hand.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
