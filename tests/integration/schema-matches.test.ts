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
      data: {
        ip: '203.0.113.9',
        kind: 'public',
        countryCode: 'NL',
        region: 'North Holland',
        latitude: 52.37,
        asn: 64500,
        network: 'hosting',
        networkProvider: 'leaseweb',
      },
    });
    expect(await client.ipAddress.findUniqueOrThrow({ where: { ip: '203.0.113.9' } })).toMatchObject({
      countryCode: 'NL',
      region: 'North Holland',
      networkProvider: 'leaseweb',
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
      data: {
        findingId: finding.id,
        accountId: '111122223333',
        eventId: 'e-1',
        eventTime,
        sourceIp: '192.0.2.7',
      },
    });
    const read = await client.finding.findUniqueOrThrow({
      where: { id: finding.id },
      include: { events: true },
    });
    expect(read.events).toEqual([
      { findingId: finding.id, accountId: '111122223333', eventId: 'e-1', eventTime, sourceIp: '192.0.2.7' },
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
  Investigation: async (client) => {
    const owner = await client.user.findFirstOrThrow();
    const created = await client.investigation.create({
      data: { title: 'Key leak', ownerId: owner.id, tags: ['ir-42', 'aws'] },
    });
    expect(await client.investigation.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: 'open',
      severity: 'medium',
      description: '',
      tags: ['ir-42', 'aws'],
    });
  },
  InvestigationMember: async (client) => {
    const [item, user] = [
      await client.investigation.findFirstOrThrow(),
      await client.user.findFirstOrThrow(),
    ];
    await client.investigationMember.create({ data: { caseId: item.id, userId: user.id } });
    const read = await client.investigation.findUniqueOrThrow({
      where: { id: item.id },
      include: { members: true },
    });
    expect(read.members.map((member) => member.userId)).toEqual([user.id]);
  },
  InvestigationItem: async (client) => {
    const investigation = await client.investigation.findFirstOrThrow();
    const finding = await client.finding.findFirstOrThrow();
    const eventTime = new Date('2026-03-04T05:06:07.000Z');
    await client.investigationItem.createMany({
      data: [
        { caseId: investigation.id, kind: 'finding', findingId: finding.id, starred: true, tags: ['pivot'] },
        { caseId: investigation.id, kind: 'event', accountId: '111122223333', eventId: 'e-1', eventTime },
        { caseId: investigation.id, kind: 'view', viewUrl: '/events?ip=203.0.113.9', label: 'From the VPN' },
      ],
    });
    const read = await client.investigationItem.findMany({
      where: { caseId: investigation.id },
      orderBy: { id: 'asc' },
    });
    expect(read.map((row) => [row.kind, row.starred, row.tags])).toEqual([
      ['finding', true, ['pivot']],
      ['event', false, []],
      ['view', false, []],
    ]);
    expect(read[1]?.eventTime?.getTime()).toBe(eventTime.getTime());
  },
  InvestigationNote: async (client) => {
    const item = await client.investigationItem.findFirstOrThrow({ where: { kind: 'finding' } });
    await client.investigationNote.create({ data: { caseId: item.caseId, itemId: item.id, body: '# Seen' } });
    const read = await client.investigationNote.findFirstOrThrow({ include: { item: true } });
    expect(read).toMatchObject({ body: '# Seen', item: { kind: 'finding' } });
  },
  ShareLink: async (client) => {
    const investigation = await client.investigation.findFirstOrThrow();
    const expiresAt = new Date(Date.now() + 3_600_000);
    await client.shareLink.create({
      data: {
        tokenHash: 'share-hash',
        scope: 'case',
        caseId: investigation.id,
        label: 'For legal',
        expiresAt,
      },
    });
    expect(await client.shareLink.findUniqueOrThrow({ where: { tokenHash: 'share-hash' } })).toMatchObject({
      useCount: 0,
      revokedAt: null,
      viewUrl: null,
      expiresAt,
    });
  },
  RollupServiceHourly: async (client) => {
    const key = {
      hour: new Date('2026-03-04T05:00:00.000Z'),
      accountId: '111122223333',
      region: '',
      service: 's3',
      principalType: 'IAMUser',
      ipKind: 'public',
    };
    await client.rollupServiceHourly.create({ data: { ...key, events: 7, errors: 2, accessDenied: 1 } });
    expect(
      await client.rollupServiceHourly.findUniqueOrThrow({
        where: { hour_accountId_region_service_principalType_ipKind: key },
      }),
    ).toMatchObject({ events: 7, errors: 2, accessDenied: 1 });
  },
  RollupPrincipalHourly: async (client) => {
    const key = { hour: new Date('2026-03-04T05:00:00.000Z'), accountId: '111122223333', principalId: 42n };
    await client.rollupPrincipalHourly.create({ data: { ...key, events: 3, errors: 0, accessDenied: 0 } });
    expect(
      await client.rollupPrincipalHourly.findUniqueOrThrow({ where: { hour_accountId_principalId: key } }),
    ).toMatchObject({ events: 3 });
  },
  RollupIpHourly: async (client) => {
    const key = {
      hour: new Date('2026-03-04T05:00:00.000Z'),
      accountId: '111122223333',
      sourceIp: '198.51.100.7',
      principalId: 42n,
    };
    const lastAt = new Date('2026-03-04T05:59:00.000Z');
    await client.rollupIpHourly.create({
      data: { ...key, events: 5, errors: 1, accessDenied: 1, firstAt: key.hour, lastAt },
    });
    expect(
      await client.rollupIpHourly.findUniqueOrThrow({ where: { hour_accountId_sourceIp_principalId: key } }),
    ).toMatchObject({ events: 5, errors: 1, lastAt });
  },
  PrincipalActivityHourly: async (client) => {
    const row = await client.principalActivityHourly.create({
      data: {
        principalId: 42n,
        hour: new Date('2026-03-04T05:00:00.000Z'),
        accountId: '111122223333',
        eventName: 'GetObject',
        bucket: 'reports',
        events: 4,
        firstAt: new Date('2026-03-04T05:01:00.000Z'),
        lastAt: new Date('2026-03-04T05:59:00.000Z'),
      },
    });
    expect(await client.principalActivityHourly.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      bucket: 'reports',
      roleArn: null,
      events: 4,
    });
  },
  AccessKeyIps: async (client) => {
    const key = { principalId: 42n, accessKeyId: 'AKIAEXAMPLE' };
    await client.accessKeyIps.create({ data: { ...key, ips: ['192.0.2.1', '198.51.100.7'] } });
    expect(
      await client.accessKeyIps.findUniqueOrThrow({ where: { principalId_accessKeyId: key } }),
    ).toMatchObject({ ips: ['192.0.2.1', '198.51.100.7'] });
  },
  AccountItemDaily: async (client) => {
    const key = {
      accountId: '111122223333',
      dim: 'bucket',
      value: 'reports',
      day: new Date('2026-03-04T00:00:00.000Z'),
    };
    const lastAt = new Date('2026-03-04T05:59:00.000Z');
    await client.accountItemDaily.create({
      data: { ...key, firstAt: new Date('2026-03-04T05:01:00.000Z'), lastAt },
    });
    expect(
      await client.accountItemDaily.findUniqueOrThrow({ where: { accountId_dim_value_day: key } }),
    ).toMatchObject({ lastAt });
  },
  IssuedCredential: async (client) => {
    const key = {
      accountId: '111122223333',
      eventId: 'e-1',
      eventTime: new Date('2026-03-04T05:00:00.000Z'),
    };
    await client.issuedCredential.create({
      data: {
        ...key,
        accessKeyId: 'ASIAEXAMPLE',
        eventName: 'AssumeRole',
        principalId: 42n,
        sessionName: 's',
      },
    });
    expect(
      await client.issuedCredential.findUniqueOrThrow({ where: { accountId_eventId_eventTime: key } }),
    ).toMatchObject({ accessKeyId: 'ASIAEXAMPLE', roleArn: null });
  },
  PrincipalDay: async (client) => {
    const principal = await client.principal.findFirstOrThrow();
    const hourly = Array.from({ length: 24 }, (_, hour) => (hour === 9 ? 5 : 0));
    await client.principalDay.create({
      data: {
        principalId: principal.id,
        accountId: principal.accountId,
        day: new Date('2026-10-01T00:00:00Z'),
        calls: 5,
        errors: 1,
        accessDenied: 1,
        hourlyCalls: hourly,
        hourlyErrors: hourly.map((n) => (n > 0 ? 1 : 0)),
        services: 2,
        firstTime: new Date('2026-10-01T09:00:00Z'),
        lastTime: new Date('2026-10-01T09:59:00Z'),
      },
    });
    const read = await client.principalDay.findFirstOrThrow({ where: { principalId: principal.id } });
    expect(read.hourlyCalls[9]).toBe(5);
    expect(read.day.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  },
  PrincipalDayItem: async (client) => {
    const principal = await client.principal.findFirstOrThrow();
    await client.principalDayItem.create({
      data: {
        principalId: principal.id,
        accountId: principal.accountId,
        day: new Date('2026-10-01T00:00:00Z'),
        kind: 'country',
        value: 'NL',
        calls: 3,
        firstTime: new Date('2026-10-01T09:00:00Z'),
        firstEventId: 'e-1',
      },
    });
    expect(
      await client.principalDayItem.count({
        where: { accountId: principal.accountId, kind: 'country', value: 'NL' },
      }),
    ).toBe(1);
  },
  PrincipalDayFeature: async (client) => {
    const principal = await client.principal.findFirstOrThrow();
    const evidence = { items: [{ kind: 'country', value: 'NL', newForAccount: true }] };
    await client.principalDayFeature.create({
      data: {
        principalId: principal.id,
        accountId: principal.accountId,
        day: new Date('2026-10-01T00:00:00Z'),
        feature: 'new_country',
        value: 1,
        weight: 0.25,
        contribution: 0.25,
        evidence,
      },
    });
    const read = await client.principalDayFeature.findFirstOrThrow({ where: { principalId: principal.id } });
    expect(read).toMatchObject({ item: '', evidence });
  },
  PrincipalScore: async (client) => {
    const principal = await client.principal.findFirstOrThrow();
    const contributions = [
      { feature: 'new_country', value: 1, weight: 0.25, contribution: 0.25, evidence: {} },
    ];
    await client.principalScore.create({
      data: {
        principalId: principal.id,
        accountId: principal.accountId,
        granularity: 'day',
        windowStart: new Date('2026-10-01T00:00:00Z'),
        windowEnd: new Date('2026-10-02T00:00:00Z'),
        score: 25,
        learning: true,
        historyDays: 3,
        contributions,
      },
    });
    const read = await client.principalScore.findFirstOrThrow({ where: { principalId: principal.id } });
    expect(read).toMatchObject({ score: 25, learning: true, contributions });
    await expect(
      client.principalScore.create({
        data: {
          ...read,
          id: undefined,
          score: 101,
          windowEnd: new Date('2026-10-03T00:00:00Z'),
          contributions,
        },
      }),
    ).rejects.toThrow();
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
