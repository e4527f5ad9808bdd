// Sigma's descriptive fields mapped onto the catalogue's metadata: level to severity, ATT&CK tags
// (attack.defense-evasion, attack.defense_evasion, attack.t1562.001) to tactic and technique refs.

import type { Severity } from '@/lib/severity';
import { type AttackRef, TACTICS, TECHNIQUES } from '../attack';
import type { Fail } from './errors';

const LEVELS: Record<string, Severity> = {
  informational: 'info',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};

// Tactics beyond the catalogue's own, so that tags on imported rules are not lost.
const EXTRA_TACTICS: Record<string, AttackRef> = {
  reconnaissance: { id: 'TA0043', name: 'Reconnaissance' },
  resourceDevelopment: { id: 'TA0042', name: 'Resource Development' },
  commandAndControl: { id: 'TA0011', name: 'Command and Control' },
};

// For a rule without ATT&CK tags: findings still need a tactic and technique to group by.
export const UNMAPPED: AttackRef = { id: '', name: 'Not mapped' };

const camel = (slug: string): string =>
  slug.replace(/[-_]([a-z])/g, (_, letter: string) => letter.toUpperCase());

const TACTIC_BY_KEY: Record<string, AttackRef> = { ...TACTICS, ...EXTRA_TACTICS };
const TECHNIQUE_BY_ID = new Map<string, AttackRef>(Object.values(TECHNIQUES).map((ref) => [ref.id, ref]));
const TACTIC_BY_ID = new Map<string, AttackRef>(Object.values(TACTIC_BY_KEY).map((ref) => [ref.id, ref]));

export function severityOf(level: unknown, fail: Fail): Severity {
  if (level === undefined || level === null) return 'medium';
  const severity = typeof level === 'string' ? LEVELS[level.toLowerCase()] : undefined;
  if (!severity)
    fail('level', null, `"${String(level)}" is not a Sigma level (${Object.keys(LEVELS).join(', ')})`);
  return severity as Severity;
}

export function attackOf(tags: readonly string[]): { tactic: AttackRef; technique: AttackRef } {
  let tactic: AttackRef | undefined;
  let technique: AttackRef | undefined;
  for (const tag of tags) {
    const match = /^attack\.(.+)$/i.exec(tag.trim());
    if (!match) continue;
    const name = (match[1] as string).toLowerCase();
    if (/^t\d{4}(\.\d{3})?$/.test(name)) {
      const id = name.toUpperCase();
      // The most specific technique wins (T1078.004 over T1078).
      if (!technique || (id.includes('.') && !technique.id.includes('.'))) {
        technique = TECHNIQUE_BY_ID.get(id) ?? { id, name: id };
      }
    } else if (/^ta\d{4}$/.test(name)) {
      tactic ??= TACTIC_BY_ID.get(name.toUpperCase());
    } else {
      tactic ??= TACTIC_BY_KEY[camel(name)];
    }
  }
  return { tactic: tactic ?? UNMAPPED, technique: technique ?? UNMAPPED };
}
