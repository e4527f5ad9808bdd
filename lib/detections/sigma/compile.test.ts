// Every supported Sigma construct against hand-made CloudTrail records, and every refusal with the
// rule, field and construct it must name.

import { describe, expect, test } from 'vitest';
import type { CompiledSigmaRule } from './compile';
import { parseSigmaFile } from './parse';

function rule(detection: string, extra = ''): CompiledSigmaRule {
  const yaml = `title: Test rule
id: 11111111-2222-4333-8444-555555555555
logsource:
    product: aws
    service: cloudtrail
${extra}detection:
${detection}`;
  const [result] = parseSigmaFile('inline.yml', yaml);
  if (!result?.ok) throw new Error(result?.error.message ?? 'no result');
  return result.rule;
}

function refusal(detection: string, header?: string): string {
  const yaml = `${
    header ??
    `title: Broken rule
id: 99999999-2222-4333-8444-555555555555
logsource:
    product: aws
    service: cloudtrail`
  }
detection:
${detection}`;
  const [result] = parseSigmaFile('broken.yml', yaml);
  if (!result || result.ok) throw new Error('expected a refusal');
  return result.error.message;
}

const stopLogging = {
  eventSource: 'cloudtrail.amazonaws.com',
  eventName: 'StopLogging',
  sourceIPAddress: '203.0.113.7',
  userAgent: 'aws-cli/2.15.0 Python/3.11',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/dana', mfaAuthenticated: 'false' },
  requestParameters: { name: 'org-trail', tags: [{ key: 'env', value: 'prod' }] },
  readOnly: false,
  eventVersion: '1.09',
  apiVersion: 20131101,
};

describe('selection maps', () => {
  test('fields are ANDed, dotted paths reach nested values, plain strings ignore case', () => {
    const compiled = rule(`    selection:
        eventSource: CloudTrail.amazonaws.com
        eventName: stoplogging
        userIdentity.type: iamuser
        requestParameters.name: ORG-TRAIL
    condition: selection`);
    expect(compiled.matches(stopLogging)).toBe(true);
    expect(compiled.matches({ ...stopLogging, requestParameters: { name: 'other' } })).toBe(false);
    expect(compiled.matches({ ...stopLogging, userIdentity: undefined })).toBe(false);
  });

  test('a list of values is an OR; a list of maps is an OR of the maps', () => {
    const values = rule(`    selection:
        eventName:
            - DeleteTrail
            - StopLogging
    condition: selection`);
    expect(values.matches(stopLogging)).toBe(true);
    expect(values.matches({ ...stopLogging, eventName: 'StartLogging' })).toBe(false);

    const maps = rule(`    selection:
        - eventName: DeleteTrail
        - sourceIPAddress: 203.0.113.7
    condition: selection`);
    expect(maps.matches(stopLogging)).toBe(true);
    expect(maps.matches({ ...stopLogging, sourceIPAddress: '198.51.100.1' })).toBe(false);
  });

  test('wildcards * and ? in plain values, and escaped literals', () => {
    const compiled = rule(`    selection:
        userAgent: 'aws-cli/2.*'
        eventVersion: '1.0?'
    condition: selection`);
    expect(compiled.matches(stopLogging)).toBe(true);
    expect(compiled.matches({ ...stopLogging, userAgent: 'Boto3/1.34' })).toBe(false);
    const literal = rule(`    selection:
        requestParameters.name: 'org\\*'
    condition: selection`);
    expect(literal.matches(stopLogging)).toBe(false);
    expect(literal.matches({ ...stopLogging, requestParameters: { name: 'org*' } })).toBe(true);
  });

  test('numbers and booleans match JSON values and their string forms', () => {
    const compiled = rule(`    selection:
        readOnly: false
        apiVersion: 20131101
        userIdentity.mfaAuthenticated: false
    condition: selection`);
    expect(compiled.matches(stopLogging)).toBe(true);
    expect(compiled.matches({ ...stopLogging, readOnly: true })).toBe(false);
  });

  test('null means the field is absent; arrays on the path are searched element by element', () => {
    const absent = rule(`    selection:
        errorCode: null
    condition: selection`);
    expect(absent.matches(stopLogging)).toBe(true);
    expect(absent.matches({ ...stopLogging, errorCode: 'AccessDenied' })).toBe(false);
    const tags = rule(`    selection:
        requestParameters.tags.value: prod
    condition: selection`);
    expect(tags.matches(stopLogging)).toBe(true);
    expect(tags.matches({ ...stopLogging, requestParameters: { tags: [{ value: 'dev' }] } })).toBe(false);
  });
});

describe('modifiers', () => {
  test('contains, startswith and endswith, case-insensitive', () => {
    const compiled = rule(`    selection:
        userAgent|contains: PYTHON/3
        eventName|startswith: stop
        eventSource|endswith: .AMAZONAWS.COM
    condition: selection`);
    expect(compiled.matches(stopLogging)).toBe(true);
    expect(compiled.matches({ ...stopLogging, userAgent: 'console.amazonaws.com' })).toBe(false);
    expect(compiled.matches({ ...stopLogging, eventName: 'DeleteTrail' })).toBe(false);
  });

  test('contains|all needs every value; contains alone needs one', () => {
    const all = rule(`    selection:
        userAgent|contains|all:
            - aws-cli
            - python
    condition: selection`);
    expect(all.matches(stopLogging)).toBe(true);
    expect(all.matches({ ...stopLogging, userAgent: 'aws-cli/2 Go' })).toBe(false);
    const any = rule(`    selection:
        userAgent|contains:
            - boto3
            - python
    condition: selection`);
    expect(any.matches(stopLogging)).toBe(true);
    expect(any.matches({ ...stopLogging, userAgent: 'Terraform/1.9' })).toBe(false);
  });

  test('re is a case-sensitive regular expression; re|i ignores case', () => {
    const sensitive = rule(`    selection:
        userIdentity.arn|re: ':user/[a-z]+$'
    condition: selection`);
    expect(sensitive.matches(stopLogging)).toBe(true);
    expect(sensitive.matches({ ...stopLogging, userIdentity: { arn: 'arn:aws:iam::1:user/DANA' } })).toBe(
      false,
    );
    const insensitive = rule(`    selection:
        userIdentity.arn|re|i: ':user/[a-z]+$'
    condition: selection`);
    expect(insensitive.matches({ ...stopLogging, userIdentity: { arn: 'arn:aws:iam::1:user/DANA' } })).toBe(
      true,
    );
  });

  test('patterns match in linear time, so a log value cannot stall analysis (ReDoS)', () => {
    // On a backtracking engine each of these takes exponential or high-polynomial time on the
    // hostile value below: the test would then hang until its timeout instead of passing.
    const hostile = `${'a'.repeat(5000)}!`;
    const nested = rule(`    selection:
        userAgent|re: '^(a+)+$'
    condition: selection`);
    expect(nested.matches({ ...stopLogging, userAgent: hostile })).toBe(false);
    expect(nested.matches({ ...stopLogging, userAgent: 'aaaa' })).toBe(true);
    const wildcards = rule(`    selection:
        userAgent: 'a*a*a*a*a*a*a*b'
    condition: selection`);
    expect(wildcards.matches({ ...stopLogging, userAgent: hostile })).toBe(false);
    expect(wildcards.matches({ ...stopLogging, userAgent: 'aaaaaaaab' })).toBe(true);
  });

  test('cidr matches IPv4 and IPv6 addresses in range, and nothing that is not an address', () => {
    const compiled = rule(`    selection:
        sourceIPAddress|cidr:
            - 203.0.113.0/24
            - 2001:db8::/32
    condition: selection`);
    expect(compiled.matches(stopLogging)).toBe(true);
    expect(compiled.matches({ ...stopLogging, sourceIPAddress: '2001:db8::5' })).toBe(true);
    expect(compiled.matches({ ...stopLogging, sourceIPAddress: '::ffff:203.0.113.9' })).toBe(true);
    expect(compiled.matches({ ...stopLogging, sourceIPAddress: '198.51.100.7' })).toBe(false);
    expect(compiled.matches({ ...stopLogging, sourceIPAddress: 'cloudtrail.amazonaws.com' })).toBe(false);
  });
});

describe('conditions', () => {
  const detection = `    selection_trail:
        eventSource: cloudtrail.amazonaws.com
    selection_stop:
        eventName: StopLogging
    filter_admin:
        userIdentity.arn|endswith: ':user/admin'
    _helper:
        eventName: Nothing`;

  test('and, or, not and parentheses with the usual precedence', () => {
    const compiled = rule(`${detection}
    condition: selection_trail and not filter_admin and (selection_stop or _helper)`);
    expect(compiled.matches(stopLogging)).toBe(true);
    expect(compiled.matches({ ...stopLogging, userIdentity: { arn: 'arn:aws:iam::1:user/admin' } })).toBe(
      false,
    );
    // "a or b and c" is "a or (b and c)".
    const precedence = rule(`${detection}
    condition: _helper or selection_stop and filter_admin`);
    expect(precedence.matches(stopLogging)).toBe(false);
    const notBinds = rule(`${detection}
    condition: NOT filter_admin AND selection_stop`);
    expect(notBinds.matches(stopLogging)).toBe(true);
  });

  test('1 of and all of over wildcard patterns, and "them" without _helpers', () => {
    expect(rule(`${detection}\n    condition: all of selection_*`).matches(stopLogging)).toBe(true);
    expect(
      rule(`${detection}\n    condition: all of selection_*`).matches({
        ...stopLogging,
        eventName: 'DeleteTrail',
      }),
    ).toBe(false);
    expect(
      rule(`${detection}\n    condition: 1 of selection_*`).matches({
        ...stopLogging,
        eventName: 'DeleteTrail',
      }),
    ).toBe(true);
    expect(rule(`${detection}\n    condition: 1 of filter_* or _helper`).matches(stopLogging)).toBe(false);
    // "all of them" would be false if _helper counted; it is left out, filter_admin is not.
    expect(rule(`${detection}\n    condition: all of them`).matches(stopLogging)).toBe(false);
    expect(
      rule(`${detection}\n    condition: all of them`).matches({
        ...stopLogging,
        userIdentity: { arn: 'arn:aws:iam::1:user/admin' },
      }),
    ).toBe(true);
    expect(rule(`${detection}\n    condition: 2 of them`).matches(stopLogging)).toBe(true);
  });

  test('a list of conditions means any of them', () => {
    const compiled = rule(`${detection}
    condition:
        - filter_admin
        - selection_stop`);
    expect(compiled.matches(stopLogging)).toBe(true);
  });
});

describe('metadata', () => {
  test('level maps to severity, ATT&CK tags to tactic and the most specific technique', () => {
    const compiled = rule(
      `    selection:\n        eventName: StopLogging\n    condition: selection\n`,
      `level: critical
tags:
    - attack.defense_evasion
    - attack.t1562
    - attack.t1562.008
`,
    );
    expect(compiled.id).toBe('sigma:11111111-2222-4333-8444-555555555555');
    expect(compiled.meta.severity).toBe('critical');
    expect(compiled.meta.tactic).toEqual({ id: 'TA0005', name: 'Defense Evasion' });
    expect(compiled.meta.technique.id).toBe('T1562.008');
    expect(compiled.meta.technique.name).toMatch(/Cloud Logs/);
  });

  test('informational is info, no level is medium, a rule without id gets a stable hash id', () => {
    const yaml = (order: string) => `title: No id
${order}
detection:
    selection:
        eventName: StopLogging
    condition: selection
level: informational`;
    const first = parseSigmaFile('a.yml', yaml('logsource:\n    product: aws\n    service: cloudtrail'));
    const second = parseSigmaFile('b.yml', yaml('logsource:\n    service: cloudtrail\n    product: aws'));
    if (!first[0]?.ok || !second[0]?.ok) throw new Error('expected rules');
    expect(first[0].rule.id).toMatch(/^sigma:[0-9a-f]{16}$/);
    expect(second[0].rule.id).toBe(first[0].rule.id);
    expect(first[0].rule.meta.severity).toBe('info');
    expect(rule('    selection:\n        eventName: X\n    condition: selection\n').meta.severity).toBe(
      'medium',
    );
  });
});

describe('refusals name the rule, the field and the construct', () => {
  test('aggregations and timeframes', () => {
    expect(
      refusal('    selection:\n        eventName: ConsoleLogin\n    condition: selection | count() > 5'),
    ).toMatch(/broken\.yml: rule "Broken rule" \(99999999-.*\): aggregation in condition: .*count\(\)/);
    expect(
      refusal('    selection:\n        eventName: X\n    timeframe: 5m\n    condition: selection'),
    ).toMatch(/"Broken rule".*field "detection\.timeframe": timeframe/);
  });

  test('unknown, unsupported and conflicting modifiers', () => {
    expect(
      refusal(
        '    selection:\n        requestParameters.userData|base64offset|contains: curl\n    condition: selection',
      ),
    ).toMatch(/field "requestParameters\.userData": modifier "base64offset": is not supported/);
    expect(refusal('    selection:\n        eventName|sounds_like: Stop\n    condition: selection')).toMatch(
      /field "eventName": modifier "sounds_like": is not a Sigma modifier/,
    );
    expect(refusal('    selection:\n        eventName|contains|re: Stop\n    condition: selection')).toMatch(
      /field "eventName": modifiers: .* mixes/,
    );
    expect(
      refusal('    selection:\n        sourceIPAddress|cidr: 10.0.0.0/33\n    condition: selection'),
    ).toMatch(/field "sourceIPAddress": modifier "cidr": "10\.0\.0\.0\/33" is not a CIDR range/);
    expect(refusal('    selection:\n        eventName|re: "(unclosed"\n    condition: selection')).toMatch(
      /field "eventName": modifier "re": invalid or unsupported regular expression/,
    );
    expect(refusal("    selection:\n        eventName|re: '(a)\\1'\n    condition: selection")).toMatch(
      /modifier "re": invalid or unsupported regular expression .*no backreferences/,
    );
  });

  test('conditions that do not parse or name unknown identifiers', () => {
    expect(refusal('    selection:\n        eventName: X\n    condition: selection and not filter')).toMatch(
      /condition: .*"filter" is not a detection identifier/,
    );
    expect(refusal('    selection:\n        eventName: X\n    condition: (selection')).toMatch(
      /missing "\)"/,
    );
    expect(refusal('    selection:\n        eventName: X\n    condition: 1 of filter_*')).toMatch(
      /"filter_\*" matches no detection identifier/,
    );
    expect(refusal('    selection:\n        eventName: X\n    condition: selection_*')).toMatch(
      /needs "1 of"/,
    );
    expect(refusal('    selection:\n        eventName: X\n    condition: selection selection')).toMatch(
      /unexpected/,
    );
  });

  test('keyword searches, nested maps and empty selections', () => {
    expect(refusal('    keywords:\n        - mimikatz\n    condition: keywords')).toMatch(
      /keyword search in "keywords"/,
    );
    expect(
      refusal('    selection:\n        requestParameters:\n            name: x\n    condition: selection'),
    ).toMatch(/field "requestParameters": value: .* not a string/);
    expect(refusal('    selection: {}\n    condition: selection')).toMatch(
      /search identifier "selection": is an empty map/,
    );
  });

  test('wrong log source, missing title and missing condition', () => {
    const windows = `title: Whoami
id: 99999999-2222-4333-8444-555555555555
logsource:
    product: windows
    category: process_creation`;
    expect(refusal('    selection:\n        Image: x\n    condition: selection', windows)).toMatch(
      /rule "Whoami".*field "logsource": logsource: product: windows, service: \(none\) is not CloudTrail/,
    );
    expect(
      refusal(
        '    selection:\n        eventName: X\n    condition: selection',
        'logsource:\n    product: aws\n    service: cloudtrail',
      ),
    ).toMatch(/rule document 1: field "title": title: is missing/);
    expect(refusal('    selection:\n        eventName: X')).toMatch(
      /field "detection\.condition": condition: is missing/,
    );
  });
});
