import { defineConfig } from 'prisma/config';

// Only `prisma generate` is used: migrations are plain SQL applied by lib/db/migrate.ts, and the
// runtime connects through @prisma/adapter-pg with the URL resolved by lib/db/resolve-database.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
