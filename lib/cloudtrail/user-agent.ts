// Buckets CloudTrail's userAgent into a small, stable family plus a short human detail
// ("aws-cli/2.15.30", "Terraform/1.5.7"). Families feed rules ("first aws-cli use by a console
// user", "offensive tooling") and the principal profile, so the union below is a contract: add
// members, never rename them.
//
// Order of the checks matters and is deliberate:
//   1. offensive markers win over everything: `aws-cli/2.13 ... Linux/6.1-kali` is a Kali box first.
//   2. console before aws-service: "console.ec2.amazonaws.com" and "[S3Console/0.4, aws-internal/3
//      aws-sdk-java/...]" are the console (a human), not a service acting on its own.
//   3. aws-cli before boto: the CLI's string also contains botocore.
//   4. infrastructure-as-code before SDKs: Terraform/Pulumi/CDK strings embed their SDK's string.

export type UserAgentFamily =
  | 'console'
  | 'aws-cli'
  | 'sdk-python'
  | 'sdk-go'
  | 'sdk-java'
  | 'sdk-js'
  | 'sdk-dotnet'
  | 'sdk-ruby'
  | 'sdk-php'
  | 'sdk-rust'
  | 'sdk-cpp'
  | 'sdk-other'
  | 'terraform'
  | 'pulumi'
  | 'cloudformation'
  | 'cdk'
  | 'aws-service'
  | 'offensive-tool'
  | 'http-client'
  | 'other'
  | 'unknown';

export interface UserAgentClassification {
  readonly family: UserAgentFamily;
  readonly detail: string | null;
}

// `hint` is a lower-case literal the value must contain for the pattern to have a chance; checking
// it first skips most regexes on a cache miss (unique user agents are common in big trails: SDKs
// embed the OS build, Lambda the runtime version).
type Rule = { family: UserAgentFamily; hint: string; pattern: RegExp; detail?: string };

// "name/version" token: the first match group (if any) becomes the detail, else the whole match.
const VERSION = '\\/[\\w.+-]+';
const versioned = (name: string) => new RegExp(`${name}${VERSION}`, 'i');

const OFFENSIVE_RULES: Rule[] = [
  // GuardDuty's PenTest:IAMUser/KaliLinux|ParrotLinux|PentooLinux look for these in the UA.
  // Matched as a word not followed by another letter: kernels read "Linux/6.3.0-kali1-amd64".
  { family: 'offensive-tool', hint: 'kali', pattern: /(?:^|[^a-z])kali(?![a-z])/i, detail: 'kali' },
  {
    family: 'offensive-tool',
    hint: 'parrot',
    pattern: /(?:^|[^a-z])parrot(?:sec)?(?![a-z])/i,
    detail: 'parrot',
  },
  { family: 'offensive-tool', hint: 'pentoo', pattern: /(?:^|[^a-z])pentoo(?![a-z])/i, detail: 'pentoo' },
  { family: 'offensive-tool', hint: 'trufflehog', pattern: /trufflehog/i, detail: 'trufflehog' },
  { family: 'offensive-tool', hint: 'pacu', pattern: /\bpacu\b/i, detail: 'pacu' },
  { family: 'offensive-tool', hint: 'browser', pattern: /\bS3 ?Browser\b/i, detail: 's3-browser' },
  { family: 'offensive-tool', hint: 'cyberduck', pattern: /\bCyberduck\b/i, detail: 'cyberduck' },
  // Adversary emulation: Stratus Red Team tags every detonation call with stratus-red-team_<uuid>.
  {
    family: 'offensive-tool',
    hint: 'stratus-red-team',
    pattern: /stratus-red-team/i,
    detail: 'stratus-red-team',
  },
];

const CONSOLE_RULES: Rule[] = [
  { family: 'console', hint: 'signin', pattern: /^signin\.amazonaws\.com$/i, detail: 'signin' },
  { family: 'console', hint: 'console', pattern: /^console\.amazonaws\.com$/i, detail: 'console' },
  // Per-service console front ends: console.ec2.amazonaws.com, console.s3.amazonaws.com, ...
  { family: 'console', hint: 'console', pattern: /^(console\.[a-z0-9-]+)\.amazonaws\.com$/i },
  // Console back ends calling on the user's behalf: "EC2ConsoleFrontend, aws-internal/3 ...",
  // "[S3Console/0.4, aws-internal/3 ...]", "AWS Internal (Console)".
  {
    family: 'console',
    hint: 'aws-internal',
    pattern: /([A-Za-z0-9]*Console[A-Za-z0-9]*)(?:\/[\w.]+)?[,\s].*aws-internal/i,
  },
  { family: 'console', hint: 'console', pattern: /^AWS Internal.*console/i, detail: 'aws-internal-console' },
  { family: 'console', hint: 'mozilla/', pattern: /^Mozilla\/\d/, detail: 'browser' },
];

const TOOL_RULES: Rule[] = [
  { family: 'aws-cli', hint: 'aws-cli/', pattern: versioned('aws-cli') },
  { family: 'terraform', hint: 'terraform/', pattern: versioned('Terraform') },
  { family: 'terraform', hint: 'terraform-provider-aws/', pattern: versioned('terraform-provider-aws') },
  { family: 'pulumi', hint: 'pulumi', pattern: versioned('pulumi(?:-aws)?') },
  { family: 'pulumi', hint: 'pulumi', pattern: /pulumi/i, detail: 'pulumi' },
  { family: 'cdk', hint: 'aws-cdk/', pattern: versioned('aws-cdk') },
  // Only the service hostname: SDK strings carry "api/cloudformation#1.2" and CLI strings
  // "command/cloudformation.deploy", which are callers *of* CloudFormation, not CloudFormation.
  {
    family: 'cloudformation',
    hint: 'cloudformation.amazonaws.com',
    pattern: /^cloudformation\.amazonaws\.com$/i,
    detail: 'cloudformation.amazonaws.com',
  },
  // Service hostnames and internal frameworks: the caller is AWS itself.
  {
    family: 'aws-service',
    hint: 'aws internal',
    pattern: /^AWS Internal(?:\/\d+)?$/i,
    detail: 'AWS Internal',
  },
  { family: 'aws-service', hint: 'amazonaws.com', pattern: /^([a-z0-9.-]+\.amazonaws\.com(?:\.cn)?)$/i },
  { family: 'aws-service', hint: 'aws-internal/', pattern: /^aws-internal\/\d/i, detail: 'aws-internal' },
  { family: 'aws-service', hint: 'coral/', pattern: /^Coral\//, detail: 'coral' },
  { family: 'sdk-go', hint: 'aws-sdk-go-v2/', pattern: versioned('aws-sdk-go-v2') },
  { family: 'sdk-go', hint: 'aws-sdk-go/', pattern: versioned('aws-sdk-go') },
  { family: 'sdk-java', hint: 'aws-sdk-java', pattern: versioned('aws-sdk-java(?:-v2)?') },
  { family: 'sdk-js', hint: 'aws-sdk-', pattern: versioned('aws-sdk-(?:js|nodejs)(?:-v3)?') },
  { family: 'sdk-js', hint: 'aws-sdk', pattern: /aws-sdk-js-v3|@aws-sdk\/client-/i, detail: 'aws-sdk-js-v3' },
  { family: 'sdk-dotnet', hint: 'aws-sdk-dotnet', pattern: versioned('aws-sdk-dotnet[\\w-]*') },
  { family: 'sdk-ruby', hint: 'aws-sdk-ruby', pattern: versioned('aws-sdk-ruby\\d?') },
  { family: 'sdk-php', hint: 'aws-sdk-php/', pattern: versioned('aws-sdk-php') },
  { family: 'sdk-rust', hint: 'aws-sdk-rust/', pattern: versioned('aws-sdk-rust') },
  { family: 'sdk-cpp', hint: 'aws-sdk-cpp/', pattern: versioned('aws-sdk-cpp') },
  { family: 'sdk-python', hint: 'boto3/', pattern: versioned('Boto3') },
  { family: 'sdk-python', hint: 'botocore/', pattern: versioned('Botocore') },
  { family: 'sdk-other', hint: 'aws-sdk-', pattern: versioned('aws-sdk-[a-z]+') },
  { family: 'http-client', hint: 'curl/', pattern: versioned('curl') },
  { family: 'http-client', hint: 'python-requests/', pattern: versioned('python-requests') },
  {
    family: 'http-client',
    hint: '/',
    pattern: versioned('(?:Wget|Go-http-client|okhttp|axios|node-fetch|PostmanRuntime)'),
  },
];

const ALL_RULES = [...OFFENSIVE_RULES, ...CONSOLE_RULES, ...TOOL_RULES];

const CLOUDSHELL_RE = /exec-env\/CloudShell/i;
const FIRST_TOKEN_RE = /^[^\s,;()[\]]+/;
const MAX_DETAIL_LENGTH = 120;

// SOF-ELK's cleanup: exporters wrap the value in quotes or brackets ("[aws-cli/1.18 ...]" in the OTRF
// data) and form-encode spaces as '+'. A literal '+' inside tokens ("(+https://www.terraform.io)")
// becomes a space too, which is harmless for matching.
export function cleanUserAgent(raw: string): string {
  let value = raw.trim();
  while (value.length >= 2) {
    const first = value[0];
    const last = value[value.length - 1];
    if (
      (first === '"' && last === '"') ||
      (first === "'" && last === "'") ||
      (first === '[' && last === ']')
    ) {
      value = value.slice(1, -1).trim();
    } else {
      break;
    }
  }
  return value.includes('+') ? value.replace(/\+/g, ' ').trim() : value;
}

function toolDetail(value: string, lower: string): string | null {
  for (const rule of TOOL_RULES) {
    if (!lower.includes(rule.hint)) continue;
    const match = rule.pattern.exec(value);
    if (match) return rule.detail ?? match[1] ?? match[0];
  }
  return null;
}

function classifyUncached(raw: string): UserAgentClassification {
  const value = cleanUserAgent(raw);
  if (value === '') return { family: 'unknown', detail: null };
  const lower = value.toLowerCase();
  for (const rule of ALL_RULES) {
    if (!lower.includes(rule.hint)) continue;
    const match = rule.pattern.exec(value);
    if (!match) continue;
    let detail = rule.detail ?? match[1] ?? match[0];
    if (rule.family === 'aws-cli' && CLOUDSHELL_RE.test(value)) detail = `${detail} (CloudShell)`;
    // Offensive hits keep the underlying tool too, e.g. "kali: aws-cli/2.13.5".
    if (rule.family === 'offensive-tool') {
      const tool = toolDetail(value, lower);
      if (tool) detail = `${detail}: ${tool}`;
    }
    return { family: rule.family, detail: detail.slice(0, MAX_DETAIL_LENGTH) };
  }
  const token = FIRST_TOKEN_RE.exec(value)?.[0] ?? value;
  return { family: 'other', detail: token.slice(0, MAX_DETAIL_LENGTH) };
}

// Distinct user agents per trail number in the hundreds to low thousands while records number in the
// millions, and this runs ~40 regexes on a miss, so results are memoised (bounded by wiping).
const CACHE_LIMIT = 20_000;
const cache = new Map<string, UserAgentClassification>();
const UNKNOWN: UserAgentClassification = Object.freeze({ family: 'unknown', detail: null });

export function classifyUserAgent(raw: string | null | undefined): UserAgentClassification {
  if (raw === null || raw === undefined || raw === '') return UNKNOWN;
  let result = cache.get(raw);
  if (result === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    result = Object.freeze(classifyUncached(raw));
    cache.set(raw, result);
  }
  return result;
}
