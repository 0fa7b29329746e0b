import { defineConfig } from 'drizzle-kit';

// Generates the workstation's SQL migrations from the drizzle schema: `npm run db:generate`.
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/db/schema/index.ts',
  out: './migrations/sqlite',
});
