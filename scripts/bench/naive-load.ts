import { gunzipSync } from 'node:zlib';
import { PrismaPg } from '@prisma/adapter-pg';
import { type NormalizedEvent, normalizeRecord } from '../../lib/cloudtrail';
import { type Prisma, PrismaClient } from '../../lib/generated/prisma/client';
import { createPathSource } from '../../lib/ingest/sources/path-source';
import { readAll } from '../../lib/ingest/sources/read-all';

/**
 * The ingest most people write first, for comparison: read each file whole, JSON.parse it, upsert
 * each new principal, and createMany the events with skipDuplicates in batches of 1,000. Same
 * normaliser, same table (it keeps no raw copy, which only flatters it).
 */
export async function naiveLoad(url: string, folder: string, limit: number) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const started = process.hrtime.bigint();
  let events = 0;
  let batch: Prisma.EventCreateManyInput[] = [];
  const flush = async () => {
    if (batch.length) await prisma.event.createMany({ data: batch, skipDuplicates: true });
    batch = [];
  };
  const months = new Set<string>();
  const principals = new Map<string, bigint>();
  const principalId = async (e: NormalizedEvent): Promise<bigint> => {
    const key = `${e.recipientAccountId}/${e.principalKey}`;
    let id = principals.get(key);
    if (id === undefined) {
      const row = await prisma.principal.upsert({
        where: { accountId_principalKey: { accountId: e.recipientAccountId, principalKey: e.principalKey } },
        create: {
          accountId: e.recipientAccountId,
          principalKey: e.principalKey,
          principalType: e.principalType,
          name: e.principalName,
          arn: e.principalArn,
        },
        update: {},
      });
      id = row.id;
      principals.set(key, id);
    }
    return id;
  };
  for await (const file of createPathSource(folder).list({})) {
    if (events >= limit) break;
    const bytes = await readAll(file);
    const { Records } = JSON.parse(gunzipSync(bytes).toString('utf8')) as { Records: unknown[] };
    for (const raw of Records) {
      const result = normalizeRecord(raw, { sourceFile: file.path });
      if (!result.ok) continue;
      const e = result.event;
      const month = e.eventTime.toISOString().slice(0, 7);
      if (!months.has(month)) {
        await prisma.$executeRaw`SELECT ensure_event_partitions(${`${month}-01T00:00:00Z`}::timestamptz, ${`${month}-01T00:00:00Z`}::timestamptz)`;
        months.add(month);
      }
      batch.push({
        accountId: e.recipientAccountId,
        eventId: e.eventId,
        eventTime: e.eventTime,
        region: e.awsRegion,
        eventSource: e.eventSource,
        service: e.service,
        eventName: e.eventName,
        eventType: e.eventType,
        eventCategory: e.eventCategory,
        readOnly: e.readOnly,
        errorCode: e.errorCode,
        principalId: await principalId(e),
        accessKeyId: e.accessKeyId,
        isConsole: e.isConsole,
        sourceIp: e.sourceIp,
        ingestFileId: 0n,
        rawOrdinal: 0,
        detail: (e.raw.requestParameters ?? undefined) as Prisma.InputJsonValue | undefined,
      });
      events++;
      if (batch.length >= 1000) await flush();
    }
  }
  await flush();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await prisma.$disconnect();
  return { events, seconds };
}
