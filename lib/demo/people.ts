// The people of the demo organisation: two IAM users in the management
// account and six IAM Identity Center users, each with a home network, a
// working day in their own time zone, and their own browser and CLI build.

import { type DemoNetwork, NETWORKS } from './geo';
import type { AccountKind, DemoRole, DemoUser, IamPerson, Person, SsoPerson } from './org';
import type { Prng } from './prng';

export const EMAIL_DOMAIN = 'acme-demo.example';

export function makeUser(rng: Prng, accountId: string, userName: string, keyCreated: string): DemoUser {
  return {
    accountId,
    userName,
    principalId: rng.awsId('AIDA', 17),
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    accessKeyId: rng.awsId('AKIA'),
    keyCreated,
  };
}

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36';
const CHROME_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0';
const SAFARI_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const EDGE_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0';

function cliMac(v: string, cmd = 'ec2.describe-instances'): string {
  return `aws-cli/${v} md/awscrt#0.22.0 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#${cmd}`;
}
function cliLinux(v: string): string {
  return `aws-cli/${v} md/awscrt#0.21.2 ua/2.0 os/linux#6.8.0-45-generic md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#s3.ls`;
}
function cliWin(v: string): string {
  return `aws-cli/${v} md/awscrt#0.22.0 ua/2.0 os/windows#10 md/arch#amd64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#msi md/prompt#off md/command#logs.tail`;
}

export function buildPeople(
  rng: Prng,
  need: (kind: AccountKind, name: string) => DemoRole,
  mgmt: string,
): { iamPeople: IamPerson[]; ssoPeople: SsoPerson[] } {
  const dana: IamPerson = {
    kind: 'iam',
    handle: 'dana',
    displayName: 'Dana Whitfield',
    network: NETWORKS.denverHome,
    altNetwork: NETWORKS.denverOffice,
    hosts: [rng.range(10, 250), rng.range(10, 250)],
    startHour: 8,
    browser: CHROME_MAC,
    cli: cliMac('2.18.4'),
    profile: 'platform',
    user: makeUser(rng, mgmt, 'dana', '2024-03-11T16:02:44Z'),
    mfaSerial: `arn:aws:iam::${mgmt}:mfa/dana-yubikey`,
  };
  const tom: IamPerson = {
    kind: 'iam',
    handle: 'tom',
    displayName: 'Tom Okafor',
    network: NETWORKS.chicago,
    hosts: [rng.range(10, 250), rng.range(10, 250)],
    startHour: 9,
    browser: EDGE_WIN,
    cli: cliWin('2.17.52'),
    profile: 'finance',
    user: makeUser(rng, mgmt, 'tom.okafor', '2023-08-02T14:21:09Z'),
    mfaSerial: `arn:aws:iam::${mgmt}:mfa/tom.okafor`,
  };

  const sso = (
    handle: string,
    displayName: string,
    network: DemoNetwork,
    startHour: number,
    browser: string,
    cli: string,
    profile: Person['profile'],
    grants: [AccountKind, string, number][],
  ): SsoPerson => ({
    kind: 'sso',
    handle,
    displayName,
    email: `${handle}@${EMAIL_DOMAIN}`,
    userId: `90676${rng.range(10000, 99999)}-${rng.uuid()}`,
    network,
    hosts: [rng.range(10, 250), rng.range(10, 250)],
    startHour,
    browser,
    cli,
    profile,
    grants: grants.map(([kind, set, weight]) => ({ role: need(kind, set), weight })),
  });

  const ssoPeople = [
    sso('aisha.khan', 'Aisha Khan', NETWORKS.london, 9, FIREFOX_LINUX, cliLinux('2.18.1'), 'security', [
      ['security', 'SecurityAudit', 5],
      ['prod', 'ReadOnlyAccess', 3],
      ['management', 'ReadOnlyAccess', 1],
    ]),
    sso('marco.weber', 'Marco Weber', NETWORKS.berlin, 8, CHROME_WIN, cliWin('2.18.0'), 'developer', [
      ['dev', 'DeveloperAccess', 6],
      ['prod', 'ReadOnlyAccess', 2],
    ]),
    sso('priya.raman', 'Priya Raman', NETWORKS.bengaluru, 10, CHROME_MAC, cliMac('2.17.40'), 'developer', [
      ['dev', 'DeveloperAccess', 1],
    ]),
    sso('emma.tremblay', 'Emma Tremblay', NETWORKS.toronto, 8, SAFARI_MAC, cliMac('2.18.4'), 'sre', [
      ['prod', 'PowerUserAccess', 4],
      ['dev', 'PowerUserAccess', 2],
    ]),
    sso(
      'lucas.almeida',
      'Lucas Almeida',
      NETWORKS.saoPaulo,
      9,
      CHROME_WIN,
      cliLinux('2.17.33'),
      'developer',
      [['dev', 'DeveloperAccess', 1]],
    ),
    sso('jordan.lee', 'Jordan Lee', NETWORKS.seattle, 8, CHROME_MAC, cliMac('2.18.2'), 'sre', [
      ['prod', 'AdministratorAccess', 3],
      ['dev', 'AdministratorAccess', 1],
      ['security', 'ReadOnlyAccess', 1],
    ]),
  ];

  return { iamPeople: [dana, tom], ssoPeople };
}
