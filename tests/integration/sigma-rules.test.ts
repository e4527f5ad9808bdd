import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeRecord } from '../../lib/cloudtrail/normalize';
import type { NormalizedEvent } from '../../lib/cloudtrail/types';
import { loadActiveRules } from '../../lib/detections/active-rules';
import { evaluate } from '../../lib/detections/evaluate';
import { analyzeAll } from '../../lib/detections/runner/run-detections';
import { resetRuleSetting, saveRuleSetting } from '../../lib/detections/settings';
import { readSigmaSources } from '../../lib/detections/sigma/files';
import {
  deleteSigmaRule,
  getSigmaRuleDefinition,
  importSigmaFiles,
  listSigmaRules,
  loadSigmaRules,
  setSigmaRuleEnabled,
} from '../../lib/detections/sigma/store';
import { loadStratus } from '../fixtures/cloudtrail/datasets';
import { setupIngestDatabase } from '../helpers/ingest-database';
import { gz, memoryFile } from '../helpers/memory-source';

const db = setupIngestDatabase();
const FIXTURES = path.resolve(__dirname, '../fixtures/sigma');
const TRAIL_CHANGE = 'sigma:5b1e3c2a-7d4f-4a8e-9c61-2f0d8e4b7a10';
const BUCKET_DELETED = 'sigma:0f6b8d3e-5a2c-4e91-b7d4-3c9e1a0f6b28';
const AGGREGATION = 'sigma:7e2d4b9a-0c6f-4a13-8b5e-f1a3c7d9e246';

function stratus(technique: string): NormalizedEvent[] {
  return loadStratus()
    .filter((entry) => entry.origin.startsWith(`stratus/${technique}.json#`))
    .flatMap((entry) => {
      const result = normalizeRecord(entry.record);
      return result.ok ? [result.event] : [];
    });
}

describe('Sigma rules in Postgres', () => {
  test('a folder import stores every good rule and the failures that have an id, with their errors', async () => {
    const report = await importSigmaFiles(db.pool, await readSigmaSources(FIXTURES));
    expect(report.imported).toBe(8);
    expect(report.updated).toBe(0);
    expect(report.failed).toBe(8);
    const mixed = report.files.find((file) => file.file === 'mixed/multi-document.yml');
    expect(mixed?.rules.map((rule) => [rule.ruleId, rule.status])).toEqual([
      [BUCKET_DELETED, 'imported'],
      [AGGREGATION, 'failed'],
    ]);
    const broken = report.files.find((file) => file.file === 'invalid/broken-yaml.yml');
    expect(broken?.rules).toEqual([
      { ruleId: null, title: null, status: 'failed', error: expect.stringMatching(/YAML/) },
    ]);

    const stored = await listSigmaRules(db.pool);
    // The broken YAML has no id to store; every other failure is listed, disabled, with its error.
    expect(stored).toHaveLength(15);
    const aggregation = stored.find((rule) => rule.ruleId === AGGREGATION);
    expect(aggregation).toMatchObject({
      enabled: false,
      severity: null,
      fileName: 'mixed/multi-document.yml',
    });
    expect(aggregation?.lastError).toMatch(/aggregation in condition/);
    expect(stored.find((rule) => rule.ruleId === TRAIL_CHANGE)).toMatchObject({
      enabled: true,
      lastError: null,
      severity: 'medium',
      title: 'CloudTrail Trail Stopped, Updated Or Deleted',
    });

    const loaded = await loadSigmaRules(db.pool);
    expect(loaded.problems).toEqual([]);
    expect(loaded.rules.map((rule) => rule.id)).toHaveLength(8);
    expect(loaded.rules.map((rule) => rule.id)).not.toContain(AGGREGATION);
  });

  test('re-importing updates in place, keeps the switch, and a broken version never replaces a working rule', async () => {
    expect(await setSigmaRuleEnabled(db.pool, TRAIL_CHANGE, false)).toBe(true);
    const again = await importSigmaFiles(db.pool, await readSigmaSources(path.join(FIXTURES, 'valid')));
    expect(again.updated).toBe(7);
    expect((await listSigmaRules(db.pool)).find((rule) => rule.ruleId === TRAIL_CHANGE)?.enabled).toBe(false);

    const broken = `title: CloudTrail Trail Stopped, Updated Or Deleted
id: ${TRAIL_CHANGE.slice('sigma:'.length)}
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        eventName|base64: StopLogging
    condition: selection`;
    const report = await importSigmaFiles(db.pool, [{ name: 'edited.yml', text: broken }]);
    expect(report.failed).toBe(1);
    const kept = (await listSigmaRules(db.pool)).find((rule) => rule.ruleId === TRAIL_CHANGE);
    expect(kept).toMatchObject({ lastError: null, fileName: 'cloudtrail-important-change.yml' });
    // A rule that does not compile cannot be switched on.
    expect(await setSigmaRuleEnabled(db.pool, AGGREGATION, true)).toBe(false);
    expect(await setSigmaRuleEnabled(db.pool, TRAIL_CHANGE, true)).toBe(true);

    // Fixed (the aggregation dropped), the stored failure becomes a working rule that is on.
    const fixed = `title: Many Failed Console Logins
id: ${AGGREGATION.slice('sigma:'.length)}
logsource:
    product: aws
    service: cloudtrail
detection:
    selection:
        eventName: ConsoleLogin
        errorMessage: Failed authentication
    condition: selection`;
    expect((await importSigmaFiles(db.pool, [{ name: 'fixed.yml', text: fixed }])).updated).toBe(1);
    expect((await listSigmaRules(db.pool)).find((rule) => rule.ruleId === AGGREGATION)).toMatchObject({
      enabled: true,
      lastError: null,
      severity: 'medium',
    });
    expect(await deleteSigmaRule(db.pool, AGGREGATION)).toBe(true);
  });

  test('stored rules join the active rule set and find the Stratus StopLogging call', async () => {
    const active = await loadActiveRules(db.pool);
    const sigma = active.rules.filter((rule) => rule.id.startsWith('sigma:'));
    expect(sigma.map((rule) => rule.id)).toContain(TRAIL_CHANGE);
    expect(active.rules.length).toBeGreaterThan(80);

    const events = stratus('aws.defense-evasion.cloudtrail-stop');
    const findings = evaluate(events, { rules: [], bound: sigma.map((rule) => rule.bound) });
    expect(findings.map((finding) => finding.ruleId)).toEqual([TRAIL_CHANGE]);
    expect(findings[0]?.eventIds).toEqual(
      events.filter((e) => e.eventName === 'StopLogging').map((e) => e.eventId),
    );

    await saveRuleSetting(db.pool, TRAIL_CHANGE, { enabled: false, config: {} });
    expect((await loadActiveRules(db.pool)).rules.map((rule) => rule.id)).not.toContain(TRAIL_CHANGE);
  });

  test('the definition of a stored rule, for the findings views', async () => {
    const definition = await getSigmaRuleDefinition(db.pool, TRAIL_CHANGE);
    expect(definition?.meta).toMatchObject({
      id: TRAIL_CHANGE,
      title: 'CloudTrail Trail Stopped, Updated Or Deleted',
      tactic: { id: 'TA0005', name: 'Defense Evasion' },
      technique: { id: 'T1562.008' },
      falsePositives: ['Planned changes to a trail'],
    });
    expect(definition?.sourceYaml).toMatch(/^title: CloudTrail Trail Stopped/);
    expect(await getSigmaRuleDefinition(db.pool, 'sigma:1a2b3c4d-0000-4000-8000-000000000004')).toBeNull();
    expect(await getSigmaRuleDefinition(db.pool, 'sigma:nope')).toBeNull();
  });

  test('delete removes a rule; deleting twice reports nothing deleted', async () => {
    expect(await deleteSigmaRule(db.pool, BUCKET_DELETED)).toBe(true);
    expect(await deleteSigmaRule(db.pool, BUCKET_DELETED)).toBe(false);
    expect((await loadSigmaRules(db.pool)).rules.map((rule) => rule.id)).not.toContain(BUCKET_DELETED);
  });

  test('after ingest and analysis, the findings of Sigma rules sit in the finding table with their evidence', async () => {
    await resetRuleSetting(db.pool, TRAIL_CHANGE);
    const records = loadStratus()
      .filter((entry) => /cloudtrail-stop|iam-backdoor-user/.test(entry.origin))
      .map((entry) => entry.record);
    await db.ingest([memoryFile('stratus/trail.json.gz', gz({ Records: records }))]);
    await analyzeAll(db.pool);
    const { rows } = await db.pool.query<{
      rule_id: string;
      title: string;
      severity: string;
      evidence: string[];
    }>(
      `SELECT f.rule_id, f.title, f.severity, array_agg(fe.event_id ORDER BY fe.event_id) AS evidence
         FROM finding f JOIN finding_event fe ON fe.finding_id = f.id
        WHERE f.rule_id LIKE 'sigma:%' GROUP BY f.id ORDER BY f.rule_id`,
    );
    const stop = records.find((record) => record.eventName === 'StopLogging');
    const key = records.find((record) => record.eventName === 'CreateAccessKey');
    expect(rows).toEqual([
      {
        rule_id: TRAIL_CHANGE,
        title: 'CloudTrail Trail Stopped, Updated Or Deleted',
        severity: 'medium',
        evidence: [stop?.eventID],
      },
      {
        rule_id: 'sigma:8c4f0b6e-2a1d-4e37-b5a9-61d3f7c2e905',
        title: 'IAM Access Key Created For Another User',
        severity: 'medium',
        evidence: [key?.eventID],
      },
    ]);
  });
});
