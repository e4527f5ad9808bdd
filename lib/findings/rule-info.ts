// What the UI knows about the rule behind a finding. Catalogue rules carry their metadata in
// lib/detections; a finding may also name a rule the catalogue lacks (an imported Sigma rule, or a
// rule retired since), so every lookup here can come back empty and callers show the stored title.
import { TACTICS } from '@/lib/detections/attack';
import { RULES } from '@/lib/detections/registry';
import type { Rule } from '@/lib/detections/types';

export type TacticRef = (typeof TACTICS)[keyof typeof TACTICS];

/** ATT&CK tactics in kill-chain order, for the counts bar and the tactic filter. */
export const TACTIC_LIST: readonly TacticRef[] = Object.values(TACTICS);

const BY_ID = new Map<string, Rule>(Object.values(RULES).map((rule) => [rule.id, rule]));

export function catalogueRule(ruleId: string): Rule | null {
  return BY_ID.get(ruleId) ?? null;
}

export function allCatalogueRules(): Rule[] {
  return [...BY_ID.values()];
}

export function tacticOf(ruleId: string): TacticRef | null {
  return (catalogueRule(ruleId)?.tactic as TacticRef | undefined) ?? null;
}

/** The catalogue rules mapped to a tactic: the tactic filter is a rule-id filter in SQL. */
export function ruleIdsForTactic(tacticId: string): string[] {
  return allCatalogueRules()
    .filter((rule) => rule.tactic.id === tacticId)
    .map((rule) => rule.id);
}

/** attack.mitre.org page of a tactic (TA0006) or technique (T1098.001 → T1098/001). */
export function attackUrl(id: string): string {
  if (id.startsWith('TA')) return `https://attack.mitre.org/tactics/${id}/`;
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
}
