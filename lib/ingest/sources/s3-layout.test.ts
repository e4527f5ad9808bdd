import { expect, test } from 'vitest';
import {
  datePrefixes,
  datePrefixesInYears,
  locatePrefix,
  matchesFilters,
  parseTrailKey,
  pathPassesFilters,
  planRegion,
} from './s3-layout';

const day = (s: string) => new Date(`${s}T12:00:00Z`);
const LOG =
  'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/111122223333_CloudTrail_us-east-1_20260314T0000Z_abc.json.gz';

test('parses account, region, kind and day, with or without a custom prefix or org id', () => {
  expect(parseTrailKey(LOG)).toEqual({
    accountId: '111122223333',
    kind: 'log',
    region: 'us-east-1',
    date: '2026-03-14',
  });
  expect(parseTrailKey(`my/prefix/${LOG.replace('AWSLogs/', 'AWSLogs/o-7k2mq9xv4d/')}`)).toEqual({
    orgId: 'o-7k2mq9xv4d',
    accountId: '111122223333',
    kind: 'log',
    region: 'us-east-1',
    date: '2026-03-14',
  });
  expect(parseTrailKey('AWSLogs/1/CloudTrail-Digest/eu-west-1/2026/01/02/d.json.gz')?.kind).toBe('digest');
  expect(parseTrailKey('AWSLogs/1/CloudTrail-Insight/eu-west-1/2026/01/02/i.json.gz')?.kind).toBe('insight');
  expect(parseTrailKey('C:\\copy\\AWSLogs\\1\\CloudTrail\\eu-west-1\\2026\\01\\02\\f.json')?.region).toBe(
    'eu-west-1',
  );
});

test('returns null for keys off the layout', () => {
  for (const key of [
    'exports/events.json',
    'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/',
    'AWSLogs/111122223333/elasticloadbalancing/us-east-1/2026/03/14/x.log.gz',
    'AWSLogs/111122223333/CloudTrail/us-east-1/2026/02/30/x.json.gz',
    'AWSLogs/111122223333/CloudTrail/us-east-1/2026/3/14/x.json.gz',
    'AWSLogs/not-an-account/CloudTrail/us-east-1/2026/03/14/x.json.gz',
    'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/extra/x.json.gz',
  ]) {
    expect(parseTrailKey(key), key).toBeNull();
  }
});

test('filters by account, region and an inclusive UTC day range; off-layout paths always pass', () => {
  const key = parseTrailKey(LOG);
  if (!key) throw new Error('fixture must parse');
  expect(matchesFilters(key, {})).toBe(true);
  expect(matchesFilters(key, { accounts: ['111122223333'], regions: ['us-east-1'] })).toBe(true);
  expect(matchesFilters(key, { accounts: ['999999999999'] })).toBe(false);
  expect(matchesFilters(key, { regions: ['eu-west-1'] })).toBe(false);
  // The day is compared in UTC, so late-evening bounds still include the whole day.
  expect(matchesFilters(key, { from: new Date('2026-03-14T23:59:00Z'), to: day('2026-03-14') })).toBe(true);
  expect(matchesFilters(key, { from: day('2026-03-15') })).toBe(false);
  expect(matchesFilters(key, { to: day('2026-03-13') })).toBe(false);
  expect(pathPassesFilters('exports/events.json', { accounts: ['999999999999'] })).toBe(true);
  expect(() => matchesFilters(key, { from: new Date('nope') })).toThrow(/Invalid date/);
});

test('expands a date range into day prefixes, collapsing whole months and years', () => {
  expect(datePrefixes(day('2026-03-30'), day('2026-04-02'))).toEqual([
    '2026/03/30/',
    '2026/03/31/',
    '2026/04/01/',
    '2026/04/02/',
  ]);
  expect(datePrefixes(day('2026-02-27'), day('2026-04-01'))).toEqual([
    '2026/02/27/',
    '2026/02/28/',
    '2026/03/',
    '2026/04/01/',
  ]);
  expect(datePrefixes(day('2024-02-01'), day('2024-02-29'))).toEqual(['2024/02/']);
  expect(datePrefixes(day('2025-12-31'), day('2027-01-01'))).toEqual(['2025/12/31/', '2026/', '2027/01/01/']);
  expect(datePrefixes(day('2026-03-14'), day('2026-03-14'))).toEqual(['2026/03/14/']);
  expect(datePrefixes(day('2026-03-15'), day('2026-03-14'))).toEqual([]);
});

test('plans a region listing: whole folder, explicit days, or year discovery for open ranges', () => {
  expect(planRegion({})).toEqual({ mode: 'all' });
  expect(planRegion({ from: day('2026-03-01'), to: day('2026-03-02') })).toEqual({
    mode: 'dates',
    prefixes: ['2026/03/01/', '2026/03/02/'],
  });
  expect(planRegion({ from: day('2026-03-01') })).toEqual({ mode: 'years' });
  expect(planRegion({ from: day('2020-03-01'), to: day('2026-03-01') })).toEqual({ mode: 'years' });
  expect(datePrefixesInYears(['2025', '2026', 'junk'], { from: day('2026-11-30') })).toEqual([
    '2026/11/30/',
    '2026/12/',
  ]);
  expect(datePrefixesInYears(['2024', '2025'], { to: day('2025-01-31') })).toEqual(['2024/', '2025/01/']);
});

test('locates a user prefix in the layout so listing starts at the right level', () => {
  expect(locatePrefix('', {}).level).toBe('search');
  expect(locatePrefix('trails/prod/', {}).level).toBe('search');
  expect(locatePrefix('trails/AWSLogs/', {}).level).toBe('awslogs');
  expect(locatePrefix('AWSLogs/o-abc123def4/', {}).level).toBe('org');
  expect(locatePrefix('AWSLogs/o-abc123def4/111/', {}).level).toBe('account');
  expect(locatePrefix('AWSLogs/111/', { accounts: ['222'] }).level).toBe('excluded');
  expect(locatePrefix('AWSLogs/111/CloudTrail/', {}).level).toBe('kind');
  expect(locatePrefix('AWSLogs/111/CloudTrail/us-east-1/', {}).level).toBe('region');
  expect(locatePrefix('AWSLogs/111/CloudTrail/us-east-1/', { regions: ['eu-west-1'] }).level).toBe(
    'excluded',
  );
  expect(locatePrefix('AWSLogs/111/CloudTrail/us-east-1/2026/03/', {}).level).toBe('flat');
  expect(locatePrefix('AWSLogs/111/vpcflowlogs/', {}).level).toBe('flat');
});
