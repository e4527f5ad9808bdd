import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Prisma, PrismaClient } from '../../lib/generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The migrations, not schema.prisma, build the database. This proves the two agree: Prisma Client
 * writes a row of every model and reads it back. A model added to the schema without a round
 * trip here fails the completeness check.
 */
let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

type RoundTrip = (client: PrismaClient) => Promise<void>;

const roundTrips: Record<Prisma.ModelName, RoundTrip> = {
  User: async (client) => {
    const user = await client.user.create({
      data: { email: 'schema@example.test', role: 'analyst', passwordHash: 'x', name: 'Schema' },
    });
    const read = await client.user.findUniqueOrThrow({ where: { email: 'schema@example.test' } });
    expect(read).toMatchObject({ id: user.id, role: 'analyst', disabled: false, lastLoginAt: null });
  },
  Session: async (client) => {
    const user = await client.user.findUniqueOrThrow({ where: { email: 'schema@example.test' } });
    const expiresAt = new Date(Date.now() + 60_000);
    await client.session.create({
      data: { tokenHash: 'hash-1', userId: user.id, expiresAt, ip: '127.0.0.1' },
    });
    const read = await client.session.findUniqueOrThrow({
      where: { tokenHash: 'hash-1' },
      include: { user: true },
    });
    expect(read.user.email).toBe('schema@example.test');
    expect(read.expiresAt.getTime()).toBe(expiresAt.getTime());
  },
  LoginFailure: async (client) => {
    const created = await client.loginFailure.create({
      data: { email: 'x@example.test', ip: '203.0.113.9' },
    });
    expect(typeof created.id).toBe('bigint');
    expect(await client.loginFailure.count({ where: { email: 'x@example.test' } })).toBe(1);
  },
  AuditLog: async (client) => {
    await client.auditLog.create({ data: { action: 'schema.test', detail: { nested: ['ok'] } } });
    const read = await client.auditLog.findFirstOrThrow({ where: { action: 'schema.test' } });
    expect(read.detail).toEqual({ nested: ['ok'] });
  },
  IngestJob: async (client) => {
    const job = await client.ingestJob.create({ data: { source: '/tmp/trail', sourceKind: 'path' } });
    const read = await client.ingestJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(read).toMatchObject({ status: 'queued', eventsInserted: 0n, options: {} });
  },
  IngestFile: async (client) => {
    const job = await client.ingestJob.findFirstOrThrow();
    await client.ingestFile.create({ data: { jobId: job.id, path: 'a.json.gz', size: 10n, status: 'done' } });
    const read = await client.ingestJob.findUniqueOrThrow({
      where: { id: job.id },
      include: { files: true },
    });
    expect(read.files.map((file) => file.path)).toEqual(['a.json.gz']);
  },
  DigestCheck: async (client) => {
    const job = await client.ingestJob.findFirstOrThrow();
    await client.digestCheck.create({
      data: {
        jobId: job.id,
        accountId: '111122223333',
        digestPath: 'd',
        subjectPath: 's',
        kind: 'log-file',
        status: 'ok',
      },
    });
    expect(await client.digestCheck.count({ where: { jobId: job.id, status: 'ok' } })).toBe(1);
  },
  Principal: async (client) => {
    const created = await client.principal.create({
      data: {
        accountId: '111122223333',
        principalKey: 'iam-user:arn:aws:iam::111122223333:user/dana',
        principalType: 'IAMUser',
        name: 'dana',
        arn: 'arn:aws:iam::111122223333:user/dana',
      },
    });
    const read = await client.principal.findUniqueOrThrow({ where: { id: created.id } });
    expect(read).toMatchObject({ name: 'dana', principalType: 'IAMUser', baseRoleArn: null });
  },
  UserAgent: async (client) => {
    const created = await client.userAgent.create({
      data: { value: 'aws-cli/2.15.0 <script>', family: 'cli', detail: 'aws-cli/2.15.0' },
    });
    expect(await client.userAgent.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      value: 'aws-cli/2.15.0 <script>',
      family: 'cli',
    });
  },
  IpAddress: async (client) => {
    await client.ipAddress.create({
      data: { ip: '203.0.113.9', kind: 'public', countryCode: 'NL', latitude: 52.37, asn: 64500 },
    });
    expect(await client.ipAddress.findUniqueOrThrow({ where: { ip: '203.0.113.9' } })).toMatchObject({
      countryCode: 'NL',
      latitude: 52.37,
      asn: 64500,
    });
  },
  Event: async (client) => {
    const eventTime = new Date('2026-03-04T05:06:07.000Z');
    await client.$executeRaw`SELECT ensure_event_partitions(${eventTime}::timestamptz, ${eventTime}::timestamptz)`;
    await client.event.create({
      data: {
        accountId: '111122223333',
        eventId: 'e-1',
        eventTime,
        eventCategory: 'Management',
        principalId: 1n,
        isConsole: false,
        sourceIp: '203.0.113.7',
        readOnly: true,
        ingestFileId: 7n,
        rawOrdinal: 3,
        detail: { requestParameters: { bucketName: '<script>x</script>' } },
      },
    });
    const read = await client.event.findFirstOrThrow({ where: { eventId: 'e-1' } });
    expect(read).toMatchObject({ sourceIp: '203.0.113.7', readOnly: true, eventTime, rawOrdinal: 3 });
    expect(read.detail).toEqual({ requestParameters: { bucketName: '<script>x</script>' } });
  },
  RawChunk: async (client) => {
    const content = Buffer.from([0x1f, 0x8b, 0x08, 0x00]);
    await client.rawChunk.create({ data: { ingestFileId: 9n, firstOrdinal: 0, layout: 'file', content } });
    const read = await client.rawChunk.findUniqueOrThrow({
      where: { ingestFileId_firstOrdinal: { ingestFileId: 9n, firstOrdinal: 0 } },
    });
    expect(Buffer.from(read.content)).toEqual(content);
  },
  Finding: async (client) => {
    const principal = await client.principal.findFirstOrThrow();
    const created = await client.finding.create({
      data: {
        ruleId: 'R01',
        dedupKey: 'R01|111122223333|root',
        severity: 'high',
        title: 'Root activity',
        summary: 'Root signed in <b>twice</b>',
        accountId: '111122223333',
        principalId: principal.id,
        principalKey: principal.principalKey,
        firstSeen: new Date('2026-03-04T05:00:00Z'),
        lastSeen: new Date('2026-03-04T06:00:00Z'),
        eventCount: 2,
      },
    });
    const read = await client.finding.findUniqueOrThrow({ where: { dedupKey: 'R01|111122223333|root' } });
    expect(read).toMatchObject({ id: created.id, status: 'open', assigneeId: null, region: null });
  },
  FindingEvent: async (client) => {
    const finding = await client.finding.findFirstOrThrow();
    const eventTime = new Date('2026-03-04T05:06:07.000Z');
    await client.findingEvent.create({
      data: { findingId: finding.id, accountId: '111122223333', eventId: 'e-1', eventTime },
    });
    const read = await client.finding.findUniqueOrThrow({
      where: { id: finding.id },
      include: { events: true },
    });
    expect(read.events).toEqual([
      { findingId: finding.id, accountId: '111122223333', eventId: 'e-1', eventTime },
    ]);
  },
  FindingNote: async (client) => {
    const finding = await client.finding.findFirstOrThrow();
    const user = await client.user.findFirstOrThrow();
    await client.findingNote.create({ data: { findingId: finding.id, authorId: user.id, body: '**seen**' } });
    expect(await client.findingNote.findFirstOrThrow({ where: { findingId: finding.id } })).toMatchObject({
      authorId: user.id,
      body: '**seen**',
    });
  },
  RuleSetting: async (client) => {
    await client.ruleSetting.create({ data: { ruleId: 'R12', enabled: false, config: { threshold: 40 } } });
    expect(await client.ruleSetting.findUniqueOrThrow({ where: { ruleId: 'R12' } })).toMatchObject({
      enabled: false,
      config: { threshold: 40 },
    });
  },
  DetectionSetting: async (client) => {
    await client.detectionSetting.create({ data: { key: 'trustedCidrs', value: ['10.0.0.0/8'] } });
    expect(
      (await client.detectionSetting.findUniqueOrThrow({ where: { key: 'trustedCidrs' } })).value,
    ).toEqual(['10.0.0.0/8']);
  },
  DetectionBaseline: async (client) => {
    const firstSeen = new Date('2026-03-01T00:00:00Z');
    await client.detectionBaseline.create({
      data: {
        accountId: '111122223333',
        scope: 'principal',
        scopeKey: 'k',
        value: 'region:eu-west-1',
        firstSeen,
        lastSeen: firstSeen,
      },
    });
    expect(await client.detectionBaseline.findFirstOrThrow({ where: { scopeKey: 'k' } })).toMatchObject({
      value: 'region:eu-west-1',
      firstSeen,
    });
  },
  DetectionJob: async (client) => {
    const job = await client.ingestJob.create({ data: { source: '/tmp/analysed', sourceKind: 'path' } });
    await client.detectionJob.create({ data: { jobId: job.id, eventsEvaluated: 10, findingsTouched: 2 } });
    expect(await client.detectionJob.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({
      eventsEvaluated: 10,
      findingsTouched: 2,
    });
  },
  SigmaRule: async (client) => {
    await client.sigmaRule.create({
      data: { ruleId: 'sigma:abc', title: 'T', severity: 'high', fileName: 'a.yml', sourceYaml: 'title: T' },
    });
    expect(await client.sigmaRule.findUniqueOrThrow({ where: { ruleId: 'sigma:abc' } })).toMatchObject({
      enabled: true,
      lastError: null,
      sigmaId: null,
      severity: 'high',
    });
  },
};

test('every model has a round trip', () => {
  expect(Object.keys(roundTrips).sort()).toEqual(Object.values(Prisma.ModelName).sort());
});

for (const [model, roundTrip] of Object.entries(roundTrips)) {
  test(`Prisma Client writes and reads ${model}`, async () => {
    await roundTrip(prisma);
  });
}
