import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardHeader } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { requirePageSession } from '@/lib/auth/guards';
import { allCatalogueRules, TACTIC_LIST } from '@/lib/findings/rule-info';
import { findingsHref, ruleHref } from '@/lib/links';
import { getRuleUsage } from '@/lib/queries/findings/get-rule-usage';

export const metadata: Metadata = { title: 'Detection rules' };

const KIND_LABELS = {
  single: 'Single event',
  threshold: 'Threshold',
  sequence: 'Sequence',
  firstSeen: 'First seen',
};

/** The built-in catalogue by ATT&CK tactic, with how many findings each rule has made. */
export default async function RulesPage() {
  await requirePageSession();
  const usage = await getRuleUsage();
  const rules = allCatalogueRules();
  return (
    <>
      <Link href="/findings" className="mb-3 inline-flex text-sm font-medium text-muted hover:text-fg">
        ← Findings
      </Link>
      <PageHeader
        title="Detection rules"
        description={`${rules.length} built-in rules, by MITRE ATT&CK tactic. Each opens to what it looks for, how to triage it and its default settings.`}
      />
      <div className="space-y-6">
        {TACTIC_LIST.map((tactic) => {
          const inTactic = rules.filter((rule) => rule.tactic.id === tactic.id);
          if (inTactic.length === 0) return null;
          const headingId = `tactic-${tactic.id}`;
          return (
            <Card key={tactic.id} aria-labelledby={headingId}>
              <CardHeader
                id={headingId}
                title={tactic.name}
                description={`${tactic.id} · ${inTactic.length} rules`}
              />
              <ul className="divide-y divide-line">
                {inTactic.map((rule) => {
                  const used = usage.get(rule.id);
                  return (
                    <li
                      key={rule.id}
                      className="grid grid-cols-[4rem_minmax(0,1fr)_6.5rem_9rem] items-center gap-3 px-5 py-2.5 text-sm"
                    >
                      <span className="font-mono text-[13px] text-muted">{rule.id}</span>
                      <span className="min-w-0">
                        <Link
                          href={ruleHref(rule.id)}
                          className="font-medium text-fg hover:text-accent hover:underline"
                        >
                          {rule.title}
                        </Link>
                        <span className="block truncate text-xs text-muted">
                          {KIND_LABELS[rule.kind]} · {rule.technique.id} {rule.technique.name}
                        </span>
                      </span>
                      <SeverityBadge severity={rule.severity} className="justify-self-start" />
                      <span className="text-right text-[13px] text-muted tabular-nums">
                        {used ? (
                          <Link
                            href={findingsHref({ rule: rule.id })}
                            className="text-accent hover:underline"
                          >
                            {used.findings.toLocaleString('en-US')}{' '}
                            {used.findings === 1 ? 'finding' : 'findings'}
                          </Link>
                        ) : (
                          'No findings'
                        )}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </Card>
          );
        })}
      </div>
    </>
  );
}
