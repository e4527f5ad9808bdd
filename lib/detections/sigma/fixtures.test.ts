// The Sigma fixture rules (tests/fixtures/sigma, modelled on SigmaHQ's cloudtrail rules) loaded from
// disk and run through the engine over the Stratus Red Team detonations: each rule must fire on the
// technique it describes and only there, and every refused rule must say why.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeRecord } from '@/lib/cloudtrail/normalize';
import type { NormalizedEvent } from '@/lib/cloudtrail/types';
import { loadStratus } from '@/tests/fixtures/cloudtrail/datasets';
import { evaluate } from '../evaluate';
import type { CompiledSigmaRule } from './compile';
import { parseSigmaFile, type SigmaLoadResult } from './parse';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/sigma');

// Synchronous so that the per-rule tests below can be generated from what the folder holds.
function load(folder: string): SigmaLoadResult[] {
  const dir = path.join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .flatMap((name) => parseSigmaFile(name, readFileSync(path.join(dir, name), 'utf8')));
}

function stratusByTechnique(): Map<string, NormalizedEvent[]> {
  const byTechnique = new Map<string, NormalizedEvent[]>();
  for (const entry of loadStratus()) {
    const technique = entry.origin.replace(/^stratus\//, '').replace(/\.json#\d+$/, '');
    const result = normalizeRecord(entry.record);
    if (result.ok) byTechnique.set(technique, [...(byTechnique.get(technique) ?? []), result.event]);
  }
  return byTechnique;
}

// Sigma rule id -> the Stratus techniques whose attack events it must flag (and no others).
const EXPECTED: Record<string, string[]> = {
  'sigma:5b1e3c2a-7d4f-4a8e-9c61-2f0d8e4b7a10': [
    'aws.defense-evasion.cloudtrail-delete',
    'aws.defense-evasion.cloudtrail-stop',
  ],
  'sigma:8c4f0b6e-2a1d-4e37-b5a9-61d3f7c2e905': [
    'aws.persistence.iam-backdoor-user',
    'aws.persistence.iam-create-admin-user',
  ],
  'sigma:2e9d7a41-c6b3-4f58-8d20-9a7e1b5c3f64': ['aws.credential-access.ec2-steal-instance-credentials'],
  'sigma:9a3c5e71-4d2b-4f86-b0e9-7c1d2a6f8b53': ['aws.exfiltration.ec2-security-group-open-port-22-ingress'],
  'sigma:4d8b2f6a-9e13-4c70-a5d2-b81e6c0f3a97': ['aws.initial-access.console-login-without-mfa'],
  'sigma:c71e4a9b-3f0d-4b62-9e85-d2a6f1b7c048': ['aws.persistence.iam-backdoor-role'],
  // The detonations never use root credentials.
  'sigma:6f2a9c0d-1b7e-4d35-a8c4-e0f5b3d92716': [],
};

describe('fixture rules on the Stratus Red Team detonations', () => {
  const results = load('valid');
  const rules = results.map((result) => {
    if (!result.ok) throw new Error(result.error.message);
    return result.rule;
  });
  const byTechnique = stratusByTechnique();

  test('every valid fixture compiles, with its Sigma id', () => {
    expect(rules.map((rule) => rule.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const fires = (rule: CompiledSigmaRule, events: NormalizedEvent[]): string[] =>
    evaluate(events, { rules: [], bound: [rule.bound] }).flatMap((finding) => finding.eventIds);

  for (const [id, techniques] of Object.entries(EXPECTED)) {
    test(`${id} flags ${techniques.join(', ') || 'nothing'}`, () => {
      const rule = rules.find((candidate) => candidate.id === id) as CompiledSigmaRule;
      const flagged = [...byTechnique.entries()]
        .filter(([, events]) => fires(rule, events).length > 0)
        .map(([technique]) => technique)
        .sort();
      expect(flagged).toEqual(techniques);
    });
  }

  test('the instance-credential rule flags the stolen role session, not the SSM operator', () => {
    const rule = rules.find(
      (candidate) => candidate.id === 'sigma:2e9d7a41-c6b3-4f58-8d20-9a7e1b5c3f64',
    ) as CompiledSigmaRule;
    const events = byTechnique.get('aws.credential-access.ec2-steal-instance-credentials') ?? [];
    const [finding, ...others] = evaluate(events, { rules: [], bound: [rule.bound] });
    expect(others).toEqual([]);
    const flagged = new Set(finding?.eventIds);
    const stolen = events.filter((event) => event.principalType === 'AssumedRole');
    expect(stolen.length).toBeGreaterThan(0);
    expect([...flagged].sort()).toEqual(stolen.map((event) => event.eventId).sort());
    expect(finding?.ruleId).toBe(rule.id);
    expect(finding?.severity).toBe('high');
  });
});

describe('refused fixtures', () => {
  test('each invalid file is refused naming file, rule, field and construct', () => {
    const messages = Object.fromEntries(
      load('invalid').map((result) => [result.file, result.ok ? 'LOADED' : result.error.message]),
    );
    expect(messages).toEqual({
      'broken-yaml.yml': expect.stringMatching(/^broken-yaml\.yml: rule document 1: YAML: /),
      'keyword-search.yml': expect.stringMatching(
        /"Keyword Search" \(1a2b3c4d-.*0006\): keyword search in "keywords"/,
      ),
      'missing-detection.yml': expect.stringMatching(
        /"Rule Without Detection" .*field "detection": detection: is missing/,
      ),
      'timeframe-aggregation.yml': expect.stringMatching(
        /"Secrets Read In Bulk" .*field "detection\.timeframe": timeframe/,
      ),
      'undefined-identifier.yml': expect.stringMatching(/"filter" is not a detection identifier/),
      'unknown-modifier.yml': expect.stringMatching(
        /"Encoded Command In User Data" .*field "requestParameters\.userData": modifier "base64offset"/,
      ),
      'wrong-logsource.yml': expect.stringMatching(/"Whoami Execution" .*logsource: product: windows/),
    });
  });

  test('in a file with two rules, the good one loads and the aggregation is refused', () => {
    const results = load('mixed');
    expect(results.map((result) => (result.ok ? result.rule.title : result.error.construct))).toEqual([
      'S3 Bucket Deleted',
      'aggregation in condition',
    ]);
    const refused = results[1];
    expect(refused?.ok === false && refused.error.message).toMatch(
      /multi-document\.yml: rule "Many Failed Console Logins"/,
    );
    expect(results[0]?.source).toMatch(/^title: S3 Bucket Deleted/);
    expect(results[0]?.source).not.toMatch(/Many Failed/);
  });
});
