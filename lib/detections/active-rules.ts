// The rules a detection run uses: the catalogue bound with the admin's settings (rule_setting on/off
// and overrides, detection_setting allow-lists and business hours), plus imported Sigma rules.
// Binding parses each config once; a stored override that no longer validates disables only that
// rule for the run (reported in `problems`) instead of failing every ingest job.

import type pg from 'pg';
import { RULES } from './registry';
import {
  type DetectionSettings,
  effectiveRuleConfig,
  getDetectionSettings,
  getRuleSettings,
  type RuleSetting,
} from './settings';
import type { CompiledSigmaRule } from './sigma/compile';
import { compileSigmaSources, readSigmaSources, type SigmaRuleSource } from './sigma/store';
import type { BoundRule, RuleKind } from './types';

export interface ActiveRule {
  // A catalogue id (R07) or an imported rule's id ("sigma:<uuid>"): finding.rule_id.
  id: string;
  title: string;
  kind: RuleKind;
  bound: BoundRule;
}

export interface ActiveRuleSet {
  rules: ActiveRule[];
  detection: DetectionSettings;
  problems: { ruleId: string; message: string }[];
}

export function bindActiveRules(
  ruleSettings: ReadonlyMap<string, RuleSetting>,
  detection: DetectionSettings,
  sigmaRules: readonly CompiledSigmaRule[] = [],
): ActiveRuleSet {
  const rules: ActiveRule[] = [];
  const problems: ActiveRuleSet['problems'] = [];
  for (const rule of Object.values(RULES)) {
    const setting = ruleSettings.get(rule.id);
    if (setting && !setting.enabled) continue;
    try {
      const bound = rule.bind(effectiveRuleConfig(rule.defaultConfig, detection, setting?.config));
      rules.push({ id: rule.id, title: rule.title, kind: rule.kind, bound });
    } catch (error) {
      problems.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
    }
  }

  // Imported Sigma rules: already compiled (and filtered to enabled ones) by loadSigmaRules; a
  // rule_setting switch turns one off too, like the catalogue rules above.
  for (const rule of sigmaRules) {
    if (ruleSettings.get(rule.id)?.enabled === false) continue;
    rules.push({ id: rule.id, title: rule.title, kind: 'single', bound: rule.bound });
  }

  return { rules, detection, problems };
}

// What binding reads from the database, as plain data: a run reads it once and hands the same
// snapshot to its analysis threads, so that every thread runs the same rules with the same settings.
export interface ActiveRuleInputs {
  ruleSettings: Map<string, RuleSetting>;
  detection: DetectionSettings;
  sigma: SigmaRuleSource[];
}

export async function readActiveRuleInputs(db: pg.Pool | pg.ClientBase): Promise<ActiveRuleInputs> {
  // One after another: db may be a single client, which must not get overlapping queries.
  const ruleSettings = await getRuleSettings(db);
  const detection = await getDetectionSettings(db);
  const sigma = await readSigmaSources(db);
  return { ruleSettings, detection, sigma };
}

export function activeRulesFrom(inputs: ActiveRuleInputs): ActiveRuleSet {
  const sigma = compileSigmaSources(inputs.sigma);
  const active = bindActiveRules(inputs.ruleSettings, inputs.detection, sigma.rules);
  active.problems.push(...sigma.problems);
  return active;
}

export async function loadActiveRules(db: pg.Pool | pg.ClientBase): Promise<ActiveRuleSet> {
  return activeRulesFrom(await readActiveRuleInputs(db));
}
