import { describe, expect, test } from 'vitest';
import { loadOtrf, loadStratus } from '../../tests/fixtures/cloudtrail/datasets';
import { classifyUserAgent, cleanUserAgent, type UserAgentFamily } from './user-agent';

const CASES: [string, UserAgentFamily, string | null][] = [
  // console
  ['signin.amazonaws.com', 'console', 'signin'],
  ['console.amazonaws.com', 'console', 'console'],
  ['console.ec2.amazonaws.com', 'console', 'console.ec2'],
  [
    'EC2ConsoleFrontend, aws-internal/3 aws-sdk-java/1.11.848 Linux/4.9.217 OpenJDK_64-Bit_Server_VM/25.262-b10 java/1.8.0_262',
    'console',
    'EC2ConsoleFrontend',
  ],
  [
    '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.215 OpenJDK_64-Bit_Server_VM/25.372-b08]',
    'console',
    'S3Console',
  ],
  ['AWS Internal (console)', 'console', 'aws-internal-console'],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    'console',
    'browser',
  ],
  // aws-cli
  [
    'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.amzn.2 prompt/off command/s3.ls',
    'aws-cli',
    'aws-cli/2.15.30',
  ],
  ['aws-cli/1.18.136 Python/3.8.5 Darwin/19.5.0 botocore/1.17.59', 'aws-cli', 'aws-cli/1.18.136'],
  [
    'aws-cli/2.13.25 Python/3.11.5 Linux/4.14.255-322-250.538.amzn2.x86_64 exec-env/CloudShell exe/x86_64.amzn.2 prompt/off command/iam.list-users',
    'aws-cli',
    'aws-cli/2.13.25 (CloudShell)',
  ],
  // python
  [
    'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.12.2 cfg/retry-mode#legacy Botocore/1.34.84',
    'sdk-python',
    'Boto3/1.34.84',
  ],
  ['Botocore/1.31.0 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.11.4', 'sdk-python', 'Botocore/1.31.0'],
  // SDKs
  [
    'aws-sdk-go-v2/1.32.3 os/linux lang/go#1.23.1 md/GOOS#linux md/GOARCH#amd64 api/sts#1.26.2',
    'sdk-go',
    'aws-sdk-go-v2/1.32.3',
  ],
  ['aws-sdk-go/1.44.327 (go1.20.7; linux; amd64)', 'sdk-go', 'aws-sdk-go/1.44.327'],
  [
    'aws-sdk-java/2.20.162 Linux/5.10.192 OpenJDK_64-Bit_Server_VM/17.0.8+7-LTS Java/17.0.8 vendor/Amazon.com_Inc.',
    'sdk-java',
    'aws-sdk-java/2.20.162',
  ],
  [
    'aws-sdk-js/3.450.0 ua/2.0 os/linux#5.10 lang/js md/nodejs#18.18.2 api/s3#3.450.0',
    'sdk-js',
    'aws-sdk-js/3.450.0',
  ],
  [
    'aws-sdk-nodejs/2.1490.0 linux/v18.18.2 exec-env/AWS_Lambda_nodejs18.x',
    'sdk-js',
    'aws-sdk-nodejs/2.1490.0',
  ],
  [
    'aws-sdk-dotnet-coreclr/3.7.300.10 aws-sdk-dotnet-core/3.7.300.10 .NET_Core/6.0 OS/Microsoft_Windows',
    'sdk-dotnet',
    'aws-sdk-dotnet-coreclr/3.7.300.10',
  ],
  [
    'aws-sdk-ruby3/3.186.1 ua/2.0 api/s3#1.136.0 os/linux md/x86_64 lang/ruby#3.2.2',
    'sdk-ruby',
    'aws-sdk-ruby3/3.186.1',
  ],
  ['aws-sdk-php/3.283.0 OS/Linux/5.15 lang/php#8.2.11 GuzzleHttp/7', 'sdk-php', 'aws-sdk-php/3.283.0'],
  ['aws-sdk-rust/0.57.1 os/linux lang/rust/1.73.0', 'sdk-rust', 'aws-sdk-rust/0.57.1'],
  ['aws-sdk-cpp/1.11.200 Linux/5.15 x86_64 GCC/11.4.0', 'sdk-cpp', 'aws-sdk-cpp/1.11.200'],
  [
    'aws-sdk-kotlin/1.0.0 ua/2.0 api/s3#1.0.0 os/linux lang/kotlin#1.9.20',
    'sdk-other',
    'aws-sdk-kotlin/1.0.0',
  ],
  // infrastructure as code
  [
    'APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) terraform-provider-aws/5.31.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5',
    'terraform',
    'Terraform/1.5.7',
  ],
  ['pulumi-aws/6.13.3 aws-sdk-go/1.48.11 (go1.21.4; linux; amd64)', 'pulumi', 'pulumi-aws/6.13.3'],
  ['aws-cdk/2.110.0 aws-sdk-js/2.1502.0 linux/v18.18.2', 'cdk', 'aws-cdk/2.110.0'],
  ['cloudformation.amazonaws.com', 'cloudformation', 'cloudformation.amazonaws.com'],
  // an SDK *calling* CloudFormation is not CloudFormation
  [
    'aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 api/cloudformation#1.42.0',
    'sdk-go',
    'aws-sdk-go-v2/1.24.0',
  ],
  // AWS itself
  ['AWS Internal', 'aws-service', 'AWS Internal'],
  ['ec2.amazonaws.com', 'aws-service', 'ec2.amazonaws.com'],
  ['lambda.amazonaws.com', 'aws-service', 'lambda.amazonaws.com'],
  [
    'aws-internal/3 aws-sdk-java/1.12.500 Linux/5.10 OpenJDK_64-Bit_Server_VM/25.372-b08',
    'aws-service',
    'aws-internal',
  ],
  ['Coral/Jakarta', 'aws-service', 'coral'],
  // offensive tooling
  [
    'aws-cli/2.13.5 Python/3.11.4 Linux/6.3.0-kali1-amd64 exe/x86_64.kali.2023 prompt/off command/sts.get-caller-identity',
    'offensive-tool',
    'kali: aws-cli/2.13.5',
  ],
  [
    'Boto3/1.28.0 Python/3.11.2 Linux/6.1.0-parrot1-amd64 Botocore/1.31.0',
    'offensive-tool',
    'parrot: Boto3/1.28.0',
  ],
  [
    'aws-cli/1.29.0 Python/3.11.5 Linux/6.5.7-pentoo botocore/1.31.0',
    'offensive-tool',
    'pentoo: aws-cli/1.29.0',
  ],
  ['TruffleHog', 'offensive-tool', 'trufflehog'],
  ['Boto3/1.28.0 Python/3.10 Linux/5.15 Botocore/1.31.0 Pacu', 'offensive-tool', 'pacu: Boto3/1.28.0'],
  ['S3 Browser/11.5.7 https://s3browser.com', 'offensive-tool', 's3-browser'],
  ['Cyberduck/8.7.0.40629 (Mac OS X/14.1) (x86_64)', 'offensive-tool', 'cyberduck'],
  ['stratus-red-team_ea782787-a65d-4fc4-9fca-1c97869a9a25', 'offensive-tool', 'stratus-red-team'],
  // generic HTTP clients and the rest
  ['curl/8.4.0', 'http-client', 'curl/8.4.0'],
  ['python-requests/2.31.0', 'http-client', 'python-requests/2.31.0'],
  ['Go-http-client/1.1', 'http-client', 'Go-http-client/1.1'],
  ['MyInternalTool/3.2 (build 7)', 'other', 'MyInternalTool/3.2'],
];

describe('classifyUserAgent', () => {
  test.each(CASES)('%s -> %s', (raw, family, detail) => {
    expect(classifyUserAgent(raw)).toEqual({ family, detail });
  });

  test('every family in the union is exercised by at least one case', () => {
    const families = new Set(CASES.map(([, family]) => family));
    const all: UserAgentFamily[] = [
      'console',
      'aws-cli',
      'sdk-python',
      'sdk-go',
      'sdk-java',
      'sdk-js',
      'sdk-dotnet',
      'sdk-ruby',
      'sdk-php',
      'sdk-rust',
      'sdk-cpp',
      'sdk-other',
      'terraform',
      'pulumi',
      'cloudformation',
      'cdk',
      'aws-service',
      'offensive-tool',
      'http-client',
      'other',
    ];
    for (const family of all) expect(families.has(family), family).toBe(true);
  });

  test('missing and blank values are unknown', () => {
    expect(classifyUserAgent(null)).toEqual({ family: 'unknown', detail: null });
    expect(classifyUserAgent(undefined)).toEqual({ family: 'unknown', detail: null });
    expect(classifyUserAgent('')).toEqual({ family: 'unknown', detail: null });
    expect(classifyUserAgent('  ""  ')).toEqual({ family: 'unknown', detail: null });
  });

  test('quoted, bracketed and +-encoded values classify like the plain string', () => {
    expect(classifyUserAgent('"aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0"')).toEqual({
      family: 'aws-cli',
      detail: 'aws-cli/2.15.30',
    });
    expect(classifyUserAgent('aws-cli/2.15.30+Python/3.11.8+Linux/6.1.0-kali7')).toEqual({
      family: 'offensive-tool',
      detail: 'kali: aws-cli/2.15.30',
    });
    expect(classifyUserAgent('[Boto3/1.34.84 Botocore/1.34.84]').family).toBe('sdk-python');
    expect(classifyUserAgent("'signin.amazonaws.com'").family).toBe('console');
  });

  test('kali must be a word, not part of one', () => {
    expect(classifyUserAgent('Boto3/1.28.0 Python/3.10 Linux/5.15 Botocore/1.31.0 user/kalinka').family).toBe(
      'sdk-python',
    );
  });

  test('a 1 KB user agent is handled and the detail stays short', () => {
    const long = `MyTool/${'9'.repeat(1000)}`;
    const result = classifyUserAgent(long);
    expect(result.family).toBe('other');
    expect(result.detail?.length).toBeLessThanOrEqual(120);
  });

  test('real dataset user agents', () => {
    const families = new Map<string, number>();
    for (const { record } of [...loadStratus(), ...loadOtrf()]) {
      const { family } = classifyUserAgent(record.userAgent as string);
      families.set(family, (families.get(family) ?? 0) + 1);
    }
    expect(Object.fromEntries(families)).toEqual({
      'offensive-tool': 308,
      'sdk-go': 2,
      console: 87,
      'aws-cli': 11,
      'aws-service': 5,
    });
  });
});

describe('cleanUserAgent', () => {
  test('strips nested quotes and brackets, converts + to space', () => {
    expect(cleanUserAgent(' "[aws-cli/2.0+Python/3]" ')).toBe('aws-cli/2.0 Python/3');
    expect(cleanUserAgent('"')).toBe('"');
  });
});
