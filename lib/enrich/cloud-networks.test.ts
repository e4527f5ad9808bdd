import { describe, expect, test } from 'vitest';
import { classifyNetwork, listNetworkProviders } from './cloud-networks';

describe('classifyNetwork', () => {
  test.each([
    [16509, 'Amazon.com, Inc.', 'aws', 'cloud'],
    [14618, 'Amazon.com, Inc.', 'aws', 'cloud'],
    [15169, 'Google LLC', 'google', 'cloud'],
    [396982, 'Google LLC', 'google', 'cloud'],
    [8075, 'Microsoft Corporation', 'azure', 'cloud'],
    [31898, 'Oracle Corporation', 'oracle', 'cloud'],
    [45102, 'Alibaba (US) Technology Co., Ltd.', 'alibaba', 'cloud'],
    [132203, 'Shenzhen Tencent Computer Systems Company Limited', 'tencent', 'cloud'],
    [14061, 'DigitalOcean, LLC', 'digitalocean', 'hosting'],
    [16276, 'OVH SAS', 'ovh', 'hosting'],
    [24940, 'Hetzner Online GmbH', 'hetzner', 'hosting'],
    [63949, 'Akamai Technologies, Inc.', 'linode', 'hosting'],
    [20473, 'The Constant Company, LLC', 'vultr', 'hosting'],
    [13335, 'Cloudflare, Inc.', 'cloudflare', 'cdn'],
    [20940, 'Akamai International B.V.', 'akamai', 'cdn'],
  ])('AS%i %s → %s (%s)', (asn, org, provider, kind) => {
    expect(classifyNetwork(asn, org)).toEqual({ provider, kind, matchedBy: 'asn' });
  });

  test('the ASN decides even when the organisation name points elsewhere', () => {
    expect(classifyNetwork(63949, 'Akamai Connected Cloud')?.provider).toBe('linode');
  });

  test.each([
    [4_200_000_001, 'Amazon Data Services Brazil', 'aws'],
    [4_200_000_002, 'Hetzner Cloud Finland', 'hetzner'],
    [4_200_000_003, 'Microsoft Azure Government', 'azure'],
    [null, 'DIGITALOCEAN-ASN', 'digitalocean'],
    [4_200_000_004, 'Vultr Holdings', 'vultr'],
  ])('an unlisted ASN is matched by organisation name: %s %s → %s', (asn, org, provider) => {
    expect(classifyNetwork(asn, org)).toMatchObject({ provider, matchedBy: 'org' });
  });

  test.each([
    [7922, 'Comcast Cable Communications, LLC'],
    [16591, 'Google Fiber Inc.'],
    [28573, 'Claro NXT Telecomunicacoes Ltda'],
    [263_000, 'Amazonas Telecom Ltda'],
    [3320, 'Deutsche Telekom AG'],
  ])('AS%i %s is not flagged', (asn, org) => {
    expect(classifyNetwork(asn, org)).toBeNull();
  });

  test('no ASN and no organisation gives no flag', () => {
    expect(classifyNetwork(null, null)).toBeNull();
  });

  test('no ASN is listed under two providers', () => {
    const all = listNetworkProviders().flatMap((p) => p.asns);
    expect(new Set(all).size).toBe(all.length);
  });
});
