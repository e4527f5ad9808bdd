import { expect, test } from 'vitest';
import { tallyFindings } from './finding-counts';

test('findings are counted once per key, with the worst severity', () => {
  const tallies = tallyFindings([
    { ip: '8.8.8.8', countryCode: 'US', asn: 15169, findingId: '1', severity: 'low' },
    { ip: '8.8.4.4', countryCode: 'US', asn: 15169, findingId: '1', severity: 'low' },
    { ip: '8.8.4.4', countryCode: 'US', asn: 15169, findingId: '2', severity: 'high' },
    { ip: '10.0.0.1', countryCode: null, asn: null, findingId: '3', severity: 'critical' },
  ]);
  expect(tallies.byCountry.get('US')).toEqual({ findings: 2, topSeverity: 'high' });
  expect(tallies.byCountry.has('')).toBe(false);
  expect(tallies.byAsn.get(15169)).toEqual({ findings: 2, topSeverity: 'high' });
  expect(tallies.byAsn.get(null)).toEqual({ findings: 1, topSeverity: 'critical' });
  expect(tallies.byIp.get('8.8.8.8')).toEqual({ findings: 1, topSeverity: 'low' });
});
