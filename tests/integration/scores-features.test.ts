import { beforeAll, describe, expect, test } from 'vitest';
import { AFTER_INGEST_STEPS } from '../../lib/analysis/after-ingest-steps';
import { disconnectPrisma } from '../../lib/db/prisma';
import { hostIp, NETWORKS } from '../../lib/demo/geo';
import { runAfterIngest } from '../../lib/ingest/after-ingest';
import { createIngestJob, runIngestJob } from '../../lib/ingest/run-job';
import {
  getAccountRisk,
  getPrincipalDailyScores,
  getPrincipalScore,
  listDayRanking,
  listPrincipalsByRisk,
} from '../../lib/scores';
import { rescorePrincipals } from '../../lib/scores/compute';
import type { Contribution } from '../../lib/scores/types';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { gz, makeRecord, memoryFile, memorySource } from '../helpers/memory-source';
import { runCli } from '../helpers/run-cli';

/**
 * Each anomaly feature on a hand-built timeline, through the real ingest, enrichment and scoring
 * SQL: dana works 20 quiet days from Denver; lee, in the same account, uses eu-west-1, Lambda and
 * a shared bucket; then on 2026-10-21 dana's key turns up in Amsterdam with a Kali user agent.
 * The baseline and the incident arrive as two ingest jobs, so the second run is incremental.
 */
const db = setupIngestDatabase();
const ACCOUNT = '111122223333';
const HOME_IP = hostIp(NETWORKS.denverHome, 10);
const VPS_IP = hostIp(NETWORKS.attackerAmsterdam, 47);
const AWS_VA = hostIp(NETWORKS.awsUsEast1, 5);
const AWS_DUBLIN = hostIp(NETWORKS.awsEuWest1, 5);
const CLI = 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22';
const KALI = 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2024';
const INCIDENT_DAY = '2026-10-21';

function user(name: string, key: string) {
  return {
    type: 'IAMUser',
    principalId: `AIDA${name.toUpperCase()}EXAMPLE`,
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    accountId: ACCOUNT,
    accessKeyId: key,
    userName: name,
  };
}
const DANA = user('dana', 'AKIADANAKEY000000001');
const LEE = user('lee', 'AKIALEEKEY0000000001');
const CI = user('ci-bot', 'AKIACIBOTKEY00000001');

function at(day: string, hh: number, mm: number): string {
  return `${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`;
}

function call(identity: object, time: string, op: string, extra: Record<string, unknown> = {}) {
  const [service, eventName] = op.split(':') as [string, string];
  return makeRecord({
    userIdentity: identity,
    eventTime: time,
    eventSource: `${service}.amazonaws.com`,
    eventName,
    sourceIPAddress: HOME_IP,
    userAgent: CLI,
    ...extra,
  });
}

function baselineDay(day: string) {
  const records = [];
  for (let m = 0; m < 40; m += 4) {
    records.push(call(DANA, at(day, 15, m), 'sts:GetCallerIdentity'));
    records.push(call(DANA, at(day, 16, m), 's3:ListBuckets'));
    records.push(call(DANA, at(day, 16, m + 1), 'ec2:DescribeInstances'));
    records.push(
      call(LEE, at(day, 14, m), 'lambda:ListFunctions', {
        awsRegion: 'eu-west-1',
        sourceIPAddress: hostIp(NETWORKS.denverOffice, 20),
      }),
    );
  }
  records.push(
    call(LEE, at(day, 14, 50), 's3:GetObject', {
      eventCategory: 'Data',
      managementEvent: false,
      readOnly: true,
      requestParameters: { bucketName: 'shared-reports', key: 'a.csv' },
      sourceIPAddress: hostIp(NETWORKS.denverOffice, 20),
    }),
  );
  records.push(call(CI, at(day, 3, 0), 'ec2:DescribeInstances', { sourceIPAddress: AWS_VA }));
  return records;
}

function incidentDay() {
  const d = INCIDENT_DAY;
  const vps = { sourceIPAddress: VPS_IP, userAgent: KALI };
  const records = [
    // The usual morning from Denver...
    call(DANA, at(d, 15, 0), 'sts:GetCallerIdentity'),
    // ...and 30 minutes later from Amsterdam, with a Kali CLI.
    call(DANA, at(d, 15, 30), 'sts:GetCallerIdentity', vps),
    call(DANA, at(d, 15, 31), 'iam:CreateAccessKey', {
      ...vps,
      requestParameters: { userName: 'dana' },
      responseElements: {
        accessKey: { accessKeyId: 'AKIADANAKEY000000002', userName: 'dana', status: 'Active' },
      },
    }),
    call({ ...DANA, accessKeyId: 'AKIADANAKEY000000002' }, at(d, 15, 35), 'sts:AssumeRole', {
      ...vps,
      requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/admin`, roleSessionName: 'x' },
    }),
    call(DANA, at(d, 15, 40), 'lambda:ListFunctions', { ...vps, awsRegion: 'eu-west-1' }),
    call(DANA, at(d, 15, 41), 'ec2:DescribeRegions', { ...vps, awsRegion: 'ap-southeast-2' }),
    call(DANA, at(d, 15, 42), 'cloudtrail:StopLogging', { ...vps, requestParameters: { name: 'org-trail' } }),
  ];
  for (const bucket of ['shared-reports', 'payroll-archive']) {
    records.push(
      call(DANA, at(d, 15, 45), 's3:GetObject', {
        ...vps,
        eventCategory: 'Data',
        managementEvent: false,
        requestParameters: { bucketName: bucket, key: 'x' },
      }),
    );
  }
  // ci-bot from an AWS address in Virginia, then from one in Dublin five minutes later: cloud
  // networks say nothing about where a person is, so this is not impossible travel.
  records.push(call(CI, at(d, 3, 0), 'ec2:DescribeInstances', { sourceIPAddress: AWS_VA }));
  records.push(call(CI, at(d, 3, 5), 'ec2:DescribeInstances', { sourceIPAddress: AWS_DUBLIN }));
  // Root signs in to the console without MFA (posture).
  records.push(
    makeRecord({
      userIdentity: {
        type: 'Root',
        principalId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        accountId: ACCOUNT,
      },
      eventTime: at(d, 18, 0),
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      sourceIPAddress: HOME_IP,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com/' },
    }),
  );
  return records;
}

function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
}

async function ingest(name: string, records: Record<string, unknown>[]) {
  const source = memorySource([
    memoryFile(`AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2026/10/${name}.json.gz`, gz({ Records: records })),
  ]);
  const jobId = await createIngestJob(db.pool, source);
  const summary = await runIngestJob(db.pool, jobId, source, {});
  await runAfterIngest(db.pool, jobId, AFTER_INGEST_STEPS, { quiet: true });
  return summary;
}

async function principalId(name: string): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    `SELECT id::text FROM principal WHERE account_id = $1 AND name = $2`,
    [ACCOUNT, name],
  );
  if (!rows[0]) throw new Error(`no principal ${name}`);
  return rows[0].id;
}

async function features(id: string, day: string): Promise<Map<string, Contribution>> {
  const { rows } = await db.pool.query<Contribution>(
    `SELECT feature, item, value, weight, contribution, evidence FROM principal_day_feature
     WHERE principal_id = $1 AND day = $2 AND item = ''`,
    [id, day],
  );
  return new Map(rows.map((r) => [r.feature, r]));
}

let danaId: string;
let incident: Record<string, unknown>[];
let baselineScoredAt: Date;

beforeAll(async () => {
  await ingest('baseline', days('2026-10-01', 20).flatMap(baselineDay));
  const { rows } = await db.pool.query<{ at: Date }>(`SELECT max(computed_at) AS at FROM principal_score`);
  baselineScoredAt = rows[0]?.at ?? new Date(0);
  incident = incidentDay();
  await ingest('incident', incident);
  danaId = await principalId('dana');
}, 120_000);

describe('novelty on a hand-built timeline', () => {
  test('geography, network and client: new for dana and for the whole account', async () => {
    const f = await features(danaId, INCIDENT_DAY);
    for (const [feature, value] of [
      ['new_ip', VPS_IP],
      ['new_country', 'NL'],
      ['new_asn', 'AS14061 DigitalOcean, LLC'],
      ['new_city', 'Amsterdam, NL'],
      ['new_ua_family', 'offensive-tool'],
    ] as const) {
      expect(f.get(feature)?.evidence.items, feature).toEqual([
        expect.objectContaining({ value, newForAccount: true }),
      ]);
    }
    // The home address is not new, so no novelty feature names it.
    const novelty = [...f.values()].filter((c) => c.feature.startsWith('new_'));
    expect(novelty.length).toBeGreaterThan(5);
    expect(JSON.stringify(novelty)).not.toContain(HOME_IP);
  });

  test('services, APIs, regions, buckets: new for dana, and known to the account where lee uses them', async () => {
    const f = await features(danaId, INCIDENT_DAY);
    const items = (feature: string) =>
      Object.fromEntries((f.get(feature)?.evidence.items ?? []).map((i) => [i.value, i.newForAccount]));
    expect(items('new_service')).toMatchObject({ lambda: false, iam: true, cloudtrail: true });
    expect(items('new_api')).toMatchObject({ 'lambda:ListFunctions': false, 'iam:CreateAccessKey': true });
    expect(items('new_region')).toEqual({ 'eu-west-1': false, 'ap-southeast-2': true });
    expect(items('new_bucket')).toEqual({ 'shared-reports': false, 'payroll-archive': true });
    expect(items('new_role')).toEqual({ [`arn:aws:iam::${ACCOUNT}:role/admin`]: true });
    expect(items('new_access_key')).toEqual({ AKIADANAKEY000000002: true });
    // Known-to-the-account items weigh less than items new to everyone.
    expect(f.get('new_region')?.contribution).toBeLessThan(0.15 + 0.06);
  });

  test('first use of sensitive APIs', async () => {
    const f = await features(danaId, INCIDENT_DAY);
    const apis = f
      .get('sensitive_api')
      ?.evidence.items?.map((i) => i.value)
      .sort();
    expect(apis).toEqual(['cloudtrail:StopLogging', 'iam:CreateAccessKey']);
    expect(f.get('sensitive_api')?.evidence.events?.length).toBe(2);
  });

  test('impossible travel Denver -> Amsterdam in 30 minutes, with both events as evidence', async () => {
    const travel = (await features(danaId, INCIDENT_DAY)).get('impossible_travel');
    expect(travel?.evidence.travel).toMatchObject({
      startingIpAddress: HOME_IP,
      endingIpAddress: VPS_IP,
      hourlyTimeDelta: 0.5,
      endingLocation: 'Amsterdam, NL',
    });
    expect(travel?.evidence.travel?.distanceKm).toBeGreaterThan(7_500);
    expect(travel?.value).toBeGreaterThan(15_000);
  });

  test('two AWS regions five minutes apart are not travel: cloud networks are skipped', async () => {
    const f = await features(await principalId('ci-bot'), INCIDENT_DAY);
    expect(f.has('impossible_travel')).toBe(false);
  });

  test('quiet baseline days score 0 and the first 14 days are learning', async () => {
    const daily = await getPrincipalDailyScores(
      danaId,
      {
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-10-22T00:00:00Z'),
      },
      db.pool,
    );
    expect(daily).toHaveLength(21);
    expect(daily.slice(0, 14).every((d) => d.learning)).toBe(true);
    expect(daily.slice(14).every((d) => !d.learning)).toBe(true);
    expect(daily.slice(0, 20).every((d) => d.riskScore === 0)).toBe(true);
    expect(daily[20]).toMatchObject({ day: INCIDENT_DAY });
    expect(daily[20]?.riskScore).toBeGreaterThan(80);
  });
});

describe('scores and the read API', () => {
  test('the incident day ranks dana first; a one-day window scores exactly like the stored day', async () => {
    const ranking = await listDayRanking(INCIDENT_DAY, db.pool);
    expect(ranking[0]?.principalId).toBe(danaId);
    const window = { from: new Date(`${INCIDENT_DAY}T00:00:00Z`), to: new Date('2026-10-22T00:00:00Z') };
    const score = await getPrincipalScore(danaId, window, db.pool);
    expect(score?.riskScore).toBe(ranking[0]?.riskScore);
    expect(score?.learning).toBe(false);
    expect(score?.historyDays).toBe(20);
    // Contributions come largest first and carry their evidence.
    const sorted = [...(score?.contributions ?? [])].sort((a, b) => b.contribution - a.contribution);
    expect(score?.contributions).toEqual(sorted);
    expect(score?.contributions.some((c) => c.feature === 'impossible_travel')).toBe(true);
  });

  test('a week window takes each feature at its strongest day; search and learning filters apply', async () => {
    const window = { from: new Date('2026-10-15T00:00:00Z'), to: new Date('2026-10-22T00:00:00Z') };
    const list = await listPrincipalsByRisk({ window }, db.pool);
    expect(list?.rows[0]?.name).toBe('dana');
    expect(list?.total).toBe(4);
    const searched = await listPrincipalsByRisk({ window, search: 'LEE' }, db.pool);
    expect(searched?.rows.map((r) => r.name)).toEqual(['lee']);
    const learning = await listPrincipalsByRisk({ window, learning: true }, db.pool);
    expect(learning?.rows.map((r) => r.principalType)).toEqual(['Root']);
    // LIKE wildcards in the search are literal.
    expect((await listPrincipalsByRisk({ window, search: '%' }, db.pool))?.total).toBe(0);
  });

  test('the incremental run left the baseline days it did not need to touch as they were', async () => {
    const { rows } = await db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM principal_score
       WHERE granularity = 'day' AND window_start < '2026-10-21' AND computed_at > $1`,
      [baselineScoredAt],
    );
    // Days before the incident are rescored (their 30-day successors include the new day) only
    // from the earliest touched day on: here none.
    expect(Number(rows[0]?.n)).toBe(0);
  });

  test('account risk: top principal, trend, posture signals from the logs, regions', async () => {
    const window = { from: new Date('2026-10-15T00:00:00Z'), to: new Date('2026-10-22T00:00:00Z') };
    const risk = await getAccountRisk(ACCOUNT, window, db.pool);
    expect(risk?.topPrincipals[0]?.name).toBe('dana');
    expect(risk?.riskScore).toBeGreaterThan(50);
    expect(risk?.trend7).toHaveLength(7);
    expect(risk?.trend30).toHaveLength(30);
    expect(risk?.trend7.at(-1)?.riskScore).toBe(risk?.riskScore);
    expect(risk?.trend7.at(-2)?.riskScore).toBe(0);
    const posture = Object.fromEntries((risk?.posture ?? []).map((p) => [p.id, p]));
    expect(posture.root_usage).toMatchObject({ status: 'warning', count: 1 });
    expect(posture.console_without_mfa).toMatchObject({ status: 'warning', count: 1 });
    expect(posture.cloudtrail_disabled).toMatchObject({ status: 'alert', count: 1 });
    expect(posture.cloudtrail_disabled?.evidence[0]?.eventTime).toBe('2026-10-21T15:42:00.000Z');
    expect(posture.guardduty_disabled).toMatchObject({ status: 'ok', count: 0 });
    expect(posture.long_lived_keys?.count).toBe(4);
    expect(risk?.regions.map((r) => r.region)).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    expect(risk?.principalsTotal).toBe(4);
    expect(risk?.principalsLearning).toBe(1);
  });

  test('re-ingesting the same files adds nothing and changes no score', async () => {
    const before = await listDayRanking(INCIDENT_DAY, db.pool);
    const summary = await ingest('incident', incident);
    expect(summary.eventsInserted).toBe(0);
    expect(await listDayRanking(INCIDENT_DAY, db.pool)).toEqual(before);
  });

  test('principals --json: the documented fields, riskiest first; a full --recompute agrees with the incremental runs', async () => {
    const url = String(db.pool.options.connectionString);
    const args = ['principals', '--json', '--from', '2026-10-15', '--to', '2026-10-21'];
    const incremental = await runCli(args, { DATABASE_URL: url });
    expect(incremental.stderr).toBe('');
    expect(incremental.code).toBe(0);
    const rows = JSON.parse(incremental.stdout);
    expect(rows[0].principal).toBe(`arn:aws:iam::${ACCOUNT}:user/dana`);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'accountId',
        'learning',
        'principal',
        'riskScore',
        'topContributions',
      ]);
      expect(row.topContributions.length).toBeLessThanOrEqual(3);
      for (const c of row.topContributions)
        expect(Object.keys(c).sort()).toEqual(['contribution', 'evidence', 'feature', 'value', 'weight']);
    }
    const scores = rows.map((r: { riskScore: number }) => r.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const full = await runCli([...args, '--recompute'], { DATABASE_URL: url });
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout)).toEqual(rows);
  }, 60_000);

  test('principals refuses a half-open window', async () => {
    const result = await runCli(['principals', '--from', '2026-10-15'], {
      DATABASE_URL: String(db.pool.options.connectionString),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--from and --to go together');
  });

  test('findings feed the score, and one triaged as a false positive stops counting once rescored', async () => {
    const window = { from: new Date(`${INCIDENT_DAY}T00:00:00Z`), to: new Date('2026-10-22T00:00:00Z') };
    const findingRules = async () =>
      ((await getPrincipalScore(danaId, window, db.pool))?.contributions ?? [])
        .filter((c) => c.feature === 'finding')
        .map((c) => c.evidence.ruleId);
    const { rows } = await db.pool.query<{ id: string; rule_id: string }>(
      `SELECT id::text, rule_id FROM finding WHERE principal_id = $1 ORDER BY id`,
      [danaId],
    );
    expect(rows.length).toBeGreaterThan(0);
    const rules = new Set(rows.map((r) => r.rule_id));
    expect(new Set(await findingRules())).toEqual(rules);
    // Every finding of one rule marked false positive: that rule leaves the contributions.
    const ruleId = rows[0]?.rule_id ?? '';
    await db.pool.query(
      `UPDATE finding SET status = 'false_positive' WHERE principal_id = $1 AND rule_id = $2`,
      [danaId, ruleId],
    );
    await rescorePrincipals(db.pool, [danaId]);
    expect(await findingRules()).not.toContain(ruleId);
    expect((await findingRules()).length).toBe(rules.size - 1);

    // Triage itself rescores: closing a second rule's finding as a false positive through the
    // function the server action calls takes it out of the score with no further step.
    const other = rows.find((row) => row.rule_id !== ruleId);
    if (!other) return;
    process.env.DATABASE_URL = db.url;
    const { setFindingStatus } = await import('../../lib/findings/triage');
    await db.pool.query(
      `UPDATE finding SET status = 'false_positive' WHERE principal_id = $1 AND rule_id = $2 AND id <> $3`,
      [danaId, other.rule_id, other.id],
    );
    const actor = {
      userId: '00000000-0000-4000-8000-000000000001',
      email: 'triage@example.test',
      role: 'analyst' as const,
    };
    await setFindingStatus(actor, BigInt(other.id), 'false_positive');
    expect(await findingRules()).not.toContain(other.rule_id);
    await disconnectPrisma();
  });
});
