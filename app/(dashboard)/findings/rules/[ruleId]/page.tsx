import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DetailRow } from '@/components/findings/DetailRow';
import { AttackRefs, RuleExplanation } from '@/components/findings/RuleExplanation';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { requirePageSession } from '@/lib/auth/guards';
import { catalogueRule } from '@/lib/findings/rule-info';
import { formatUtc } from '@/lib/format';
import { findingsHref } from '@/lib/links';
import { getRuleSetting, getRuleUsage } from '@/lib/queries/findings/get-rule-usage';

type Params = Promise<{ ruleId: string }>;

// ruleHref encodes the id (Sigma ids hold a colon); a malformed escape is just not a rule id.
function decodeRuleId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const ruleId = decodeRuleId((await params).ruleId);
  return { title: `Rule ${catalogueRule(ruleId)?.id ?? ruleId}` };
}

const KIND_DESCRIPTIONS = {
  single: 'Single event: one event matching a predicate makes a finding.',
  threshold: 'Threshold: a count (or distinct count) of events per key within a window reaches a limit.',
  sequence: 'Sequence: one event and then another, joined on a key, within a window.',
  firstSeen: 'First seen: a value new for the principal or account against a baseline window.',
};

function JsonBlock({ value }: { value: unknown }) {
  return (
    <pre className="overflow-x-auto rounded-lg border border-line bg-surface-muted px-3.5 py-3 font-mono text-[12.5px] leading-5 text-fg">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default async function RulePage({ params }: { params: Params }) {
  await requirePageSession();
  const ruleId = decodeRuleId((await params).ruleId);
  const [usageByRule, setting] = await Promise.all([getRuleUsage(ruleId), getRuleSetting(ruleId)]);
  const rule = catalogueRule(ruleId);
  const usage = usageByRule.get(ruleId);
  // Imported rules are not in the catalogue; one with findings still gets a page that says so.
  if (!rule && !usage) notFound();

  const usageText = usage
    ? `${usage.findings.toLocaleString('en-US')} findings, ${usage.open.toLocaleString('en-US')} open; last seen ${formatUtc(usage.lastSeen ?? '')}.`
    : 'No findings yet.';
  const feedLink = usage ? (
    <Link href={findingsHref({ rule: ruleId })} className={buttonClasses('secondary', 'sm')}>
      Findings of this rule
    </Link>
  ) : null;

  if (!rule) {
    return (
      <>
        <Link
          href="/findings/rules"
          className="mb-3 inline-flex text-sm font-medium text-muted hover:text-fg"
        >
          ← Detection rules
        </Link>
        <PageHeader title={`Rule ${ruleId}`} description={usageText} actions={feedLink} />
        <Card>
          <CardBody>
            <p className="text-sm text-muted">
              This rule is not in the built-in catalogue: it was imported (Sigma) or has been retired. Its
              findings keep the title and summary they were stored with.
            </p>
          </CardBody>
        </Card>
      </>
    );
  }

  return (
    <>
      <Link href="/findings/rules" className="mb-3 inline-flex text-sm font-medium text-muted hover:text-fg">
        ← Detection rules
      </Link>
      <PageHeader
        title={rule.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={rule.severity} />
            <span>
              <span className="font-mono">{rule.id}</span> · {usageText}
            </span>
          </span>
        }
        actions={feedLink}
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="rule-about-heading">
            <CardHeader id="rule-about-heading" title="What it looks for" />
            <CardBody>
              <RuleExplanation rule={rule} />
            </CardBody>
          </Card>
          <Card aria-labelledby="rule-config-heading">
            <CardHeader
              id="rule-config-heading"
              title="Settings"
              description="Defaults the rule ships with, and any override an admin has saved (merged over them)."
            />
            <CardBody className="space-y-4">
              <div className="space-y-1.5">
                <h3 className="text-xs font-medium tracking-wide text-muted uppercase">Default config</h3>
                <JsonBlock value={rule.defaultConfig} />
              </div>
              <div className="space-y-1.5">
                <h3 className="text-xs font-medium tracking-wide text-muted uppercase">Override</h3>
                {setting ? (
                  <>
                    <p className="text-sm text-fg">{setting.enabled ? 'Enabled' : 'Disabled by an admin'}</p>
                    <JsonBlock value={setting.config} />
                  </>
                ) : (
                  <p className="text-sm text-muted">None: the rule runs enabled with its defaults.</p>
                )}
              </div>
            </CardBody>
          </Card>
        </div>
        <Card aria-labelledby="rule-meta-heading">
          <CardHeader id="rule-meta-heading" title="Definition" />
          <dl className="divide-y divide-line">
            <DetailRow label="Id">
              <span className="font-mono">{rule.id}</span> <span className="text-muted">({rule.slug})</span>
            </DetailRow>
            <DetailRow label="Kind">{KIND_DESCRIPTIONS[rule.kind]}</DetailRow>
            <DetailRow label="Severity">
              <SeverityBadge severity={rule.severity} />
              <span className="mt-1 block text-xs text-muted">
                Some findings raise it (the summary says why).
              </span>
            </DetailRow>
            <DetailRow label="ATT&CK">
              <AttackRefs rule={rule} />
            </DetailRow>
            {rule.references.length ? (
              <DetailRow label="References">
                <ul className="space-y-1">
                  {rule.references.map((reference) => (
                    <li key={reference}>
                      {/^https:\/\//.test(reference) ? (
                        <a
                          href={reference}
                          target="_blank"
                          rel="noreferrer"
                          className="text-accent hover:underline"
                        >
                          {reference}
                        </a>
                      ) : (
                        reference
                      )}
                    </li>
                  ))}
                </ul>
              </DetailRow>
            ) : null}
          </dl>
        </Card>
      </div>
    </>
  );
}
