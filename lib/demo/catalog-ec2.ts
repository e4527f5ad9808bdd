// EC2's query API is XML underneath, so CloudTrail shows its sets as
// `{ items: [...] }` and empty sets as `{}`; parsers must handle both.

import { type Catalog, EMPTY_SET, itemSet, type OpContext, privateIp, readCall } from './catalog-shared';

function instanceIds(c: OpContext): string[] {
  return c.kind === 'dev' ? c.org.instances.dev : c.org.instances.prod;
}

function sgIds(c: OpContext): string[] {
  return c.kind === 'dev' ? c.org.securityGroups.dev : c.org.securityGroups.prod;
}

export const CATALOG_EC2: Catalog = {
  'ec2:DescribeInstances': readCall((c) =>
    c.rng.chance(0.7)
      ? { instancesSet: EMPTY_SET, filterSet: EMPTY_SET }
      : { instancesSet: itemSet([{ instanceId: c.rng.pick(instanceIds(c)) }]), filterSet: EMPTY_SET },
  ),
  'ec2:DescribeInstanceStatus': readCall(() => ({
    instancesSet: EMPTY_SET,
    filterSet: EMPTY_SET,
    includeAllInstances: false,
  })),
  'ec2:DescribeSecurityGroups': readCall((c) =>
    c.rng.chance(0.6)
      ? { securityGroupSet: EMPTY_SET, securityGroupIdSet: EMPTY_SET, filterSet: EMPTY_SET }
      : {
          securityGroupSet: EMPTY_SET,
          securityGroupIdSet: itemSet([{ groupId: c.rng.pick(sgIds(c)) }]),
          filterSet: EMPTY_SET,
        },
  ),
  'ec2:DescribeVpcs': readCall(() => ({ vpcSet: EMPTY_SET, filterSet: EMPTY_SET })),
  'ec2:DescribeSubnets': readCall((c) => ({
    subnetSet: EMPTY_SET,
    filterSet: itemSet([
      { name: 'vpc-id', valueSet: itemSet([{ value: c.kind === 'dev' ? c.org.vpcs.dev : c.org.vpcs.prod }]) },
    ]),
  })),
  'ec2:DescribeVolumes': readCall(() => ({ volumeSet: EMPTY_SET, filterSet: EMPTY_SET })),
  'ec2:DescribeSnapshots': readCall(() => ({
    snapshotSet: EMPTY_SET,
    ownersSet: itemSet([{ owner: 'self' }]),
    sharedUsersSet: EMPTY_SET,
    filterSet: EMPTY_SET,
  })),
  'ec2:DescribeImages': readCall(() => ({
    executableBySet: EMPTY_SET,
    imagesSet: EMPTY_SET,
    ownersSet: itemSet([{ owner: 'self' }]),
    availabilityZoneSet: EMPTY_SET,
    filterSet: EMPTY_SET,
  })),
  'ec2:DescribeRegions': readCall(() => ({ regionSet: EMPTY_SET })),
  'ec2:DescribeAvailabilityZones': readCall(() => ({
    availabilityZoneSet: EMPTY_SET,
    availabilityZoneIdSet: EMPTY_SET,
  })),
  'ec2:DescribeNetworkInterfaces': readCall(() => ({
    networkInterfaceIdSet: EMPTY_SET,
    filterSet: EMPTY_SET,
  })),
  'ec2:DescribeAddresses': readCall(() => ({
    publicIpsSet: EMPTY_SET,
    allocationIdsSet: EMPTY_SET,
    filterSet: EMPTY_SET,
  })),
  'ec2:DescribeKeyPairs': readCall(() => ({
    keySet: EMPTY_SET,
    keyPairIdSet: EMPTY_SET,
    filterSet: EMPTY_SET,
  })),
  'ec2:DescribeLaunchTemplates': readCall(() => ({
    launchTemplateIdSet: EMPTY_SET,
    launchTemplateNameSet: EMPTY_SET,
    filterSet: EMPTY_SET,
  })),
  'ec2:DescribeAccountAttributes': readCall(() => ({
    accountAttributeNameSet: itemSet([{ attributeName: 'supported-platforms' }]),
    filterSet: EMPTY_SET,
  })),
  'ec2:DescribeFlowLogs': readCall(() => ({ flowLogIds: EMPTY_SET, filterSet: EMPTY_SET })),
  'ec2:CreateTags': {
    readOnly: false,
    params: (c) => ({
      resourcesSet: itemSet([{ resourceId: c.rng.pick(instanceIds(c)) }]),
      tagSet: itemSet([{ key: 'CostCenter', value: c.rng.pick(['web', 'payments', 'platform']) }]),
    }),
    response: (c) => ({ requestId: c.rng.uuid(), _return: true }),
  },
  'ec2:AuthorizeSecurityGroupIngress': {
    readOnly: false,
    params: (c) => ({
      groupId: c.rng.pick(sgIds(c)),
      ipPermissions: itemSet([
        {
          ipProtocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          groups: EMPTY_SET,
          ipRanges: itemSet([{ cidrIp: '10.20.0.0/16', description: 'internal ALB' }]),
          ipv6Ranges: EMPTY_SET,
          prefixListIds: EMPTY_SET,
        },
      ]),
    }),
    response: (c, p) => {
      const groupId = (p as { groupId: string }).groupId;
      return {
        requestId: c.rng.uuid(),
        _return: true,
        securityGroupRuleSet: itemSet([
          {
            groupOwnerId: c.accountId,
            groupId,
            securityGroupRuleId: `sgr-0${c.rng.hex(16)}`,
            isEgress: false,
            ipProtocol: 'tcp',
            fromPort: 443,
            toPort: 443,
            cidrIpv4: '10.20.0.0/16',
            description: 'internal ALB',
          },
        ]),
      };
    },
  },
  'ec2:TerminateInstances': {
    readOnly: false,
    params: (c) => ({ instancesSet: itemSet([{ instanceId: `i-0${c.rng.hex(16)}` }]) }),
    response: (c, p) => ({
      requestId: c.rng.uuid(),
      instancesSet: itemSet([
        {
          instanceId: (p as { instancesSet: { items: { instanceId: string }[] } }).instancesSet.items[0]
            ?.instanceId,
          currentState: { code: 32, name: 'shutting-down' },
          previousState: { code: 16, name: 'running' },
        },
      ]),
    }),
  },
  'ec2:RunInstances': {
    readOnly: false,
    params: (c) => ({
      instancesSet: itemSet([{ minCount: 1, maxCount: 1 }]),
      launchTemplate: { launchTemplateId: `lt-0${c.rng.hex(16)}`, version: String(c.rng.range(3, 14)) },
      subnetId: `subnet-0${c.rng.hex(16)}`,
      clientToken: c.rng.uuid(),
    }),
    response: (c) => {
      const ip = privateIp(c.rng, c.kind);
      return {
        requestId: c.rng.uuid(),
        reservationId: `r-0${c.rng.hex(16)}`,
        ownerId: c.accountId,
        requesterId: '940372691376',
        groupSet: EMPTY_SET,
        instancesSet: itemSet([
          {
            instanceId: `i-0${c.rng.hex(16)}`,
            imageId: `ami-0${c.rng.hex(16)}`,
            currentState: { code: 0, name: 'pending' },
            privateDnsName: `ip-${ip.replace(/\./g, '-')}.${c.region === 'us-east-1' ? 'ec2.internal' : `${c.region}.compute.internal`}`,
            amiLaunchIndex: 0,
            instanceType: 'm7g.large',
            launchTime: c.time,
            placement: { availabilityZone: `${c.region}a`, tenancy: 'default' },
            monitoring: { state: 'disabled' },
            privateIpAddress: ip,
            architecture: 'arm64',
          },
        ]),
      };
    },
  },
};
