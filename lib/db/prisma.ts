import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

const globalForPrisma = globalThis as unknown as { trailhoundPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error('DATABASE_URL is not set. Start Trailhound with `npm start` or `npx trailhound serve`.');
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** One client per process: Next's dev server reloads modules, which would otherwise leak pools. */
export function getPrisma(): PrismaClient {
  globalForPrisma.trailhoundPrisma ??= createClient();
  return globalForPrisma.trailhoundPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.trailhoundPrisma?.$disconnect();
  globalForPrisma.trailhoundPrisma = undefined;
}
