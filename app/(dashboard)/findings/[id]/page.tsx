import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DetailRow } from '@/components/findings/DetailRow';
import { EvidenceTable } from '@/components/findings/EvidenceTable';
import { FindingNotes } from '@/components/findings/FindingNotes';
import { FindingStatusBadge } from '@/components/findings/FindingStatusBadge';
import { NoteForm } from '@/components/findings/NoteForm';
import { AttackRefs, RuleExplanation } from '@/components/findings/RuleExplanation';
import { TriagePanel } from '@/components/findings/TriagePanel';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { requirePageSession } from '@/lib/auth/guards';
import { hasRole, WRITE_ROLES } from '@/lib/auth/roles';
import { catalogueRule } from '@/lib/findings/rule-info';
import { parseFindingId } from '@/lib/findings/status';
import { formatUtc } from '@/lib/format';
import { accountHref, eventsHref, principalHref, ruleHref } from '@/lib/links';
import { getAssignableUsers } from '@/lib/queries/findings/get-assignable-users';
import { getFinding } from '@/lib/queries/findings/get-finding';
import { getFindingEvidence } from '@/lib/queries/findings/get-finding-evidence';
import { getFindingNotes } from '@/lib/queries/findings/get-finding-notes';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Finding #${(await params).id}` };
}

// The principal's timeline opens on the finding's window with an hour either side, so the events
// just before (how they got in) and just after (what they did next) are on screen too.
const CONTEXT_MS = 60 * 60 * 1000;

const link = 'font-medium text-accent hover:underline';

export default async function FindingPage({ params }: { params: Params }) {
  const session = await requirePageSession();
  const findingId = parseFindingId((await params).id);
  if (findingId === null) notFound();
  const [finding, evidence, notes, users] = await Promise.all([
    getFinding(findingId),
    getFindingEvidence(findingId),
    getFindingNotes(findingId),
    getAssignableUsers(),
  ]);
  if (!finding) notFound();
  const rule = catalogueRule(finding.ruleId);
  const canTriage = hasRole(session.role, WRITE_ROLES);
  const windowFrom = new Date(Date.parse(finding.firstSeen) - CONTEXT_MS);
  const windowTo = new Date(Date.parse(finding.lastSeen) + CONTEXT_MS);

  return (
    <>
      <Link href="/findings" className="mb-3 inline-flex text-sm font-medium text-muted hover:text-fg">
        ← Findings
      </Link>
      <PageHeader
        title={finding.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={finding.severity} />
            <FindingStatusBadge status={finding.status} />
            <span>
              Finding #{finding.id} ·{' '}
              <Link href={ruleHref(finding.ruleId)} className={link}>
                Rule {finding.ruleId}
              </Link>
            </span>
          </span>
        }
        actions={
          finding.principalId ? (
            <Link
              href={principalHref(finding.principalId, { from: windowFrom, to: windowTo })}
              className={buttonClasses('secondary', 'sm')}
            >
              Principal timeline at that time
            </Link>
          ) : null
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="summary-heading">
            <CardHeader id="summary-heading" title="What happened" />
            <CardBody className="space-y-5">
              <p
                data-testid="finding-summary"
                className="text-sm leading-6 whitespace-pre-wrap text-fg [overflow-wrap:anywhere]"
              >
                {finding.summary}
              </p>
              {rule ? (
                <RuleExplanation rule={rule} />
              ) : (
                <p className="text-sm text-muted">
                  Rule {finding.ruleId} is not in the built-in catalogue (an imported rule): its definition
                  page has what is known about it.
                </p>
              )}
            </CardBody>
          </Card>
        </div>

        <div className="space-y-6">
          <Card aria-labelledby="triage-heading">
            <CardHeader id="triage-heading" title="Triage" />
            <CardBody>
              <TriagePanel
                findingId={finding.id}
                status={finding.status}
                assigneeId={finding.assigneeId}
                users={users}
                canTriage={canTriage}
              />
            </CardBody>
          </Card>
          <Card aria-labelledby="details-heading">
            <CardHeader id="details-heading" title="Details" />
            <dl className="divide-y divide-line">
              <DetailRow label="Principal">
                {finding.principalId ? (
                  <Link
                    href={principalHref(finding.principalId, { from: windowFrom, to: windowTo })}
                    className={link}
                  >
                    {finding.principalName ?? finding.principalKey}
                  </Link>
                ) : (
                  finding.principalKey
                )}
                {finding.principalType ? (
                  <span className="block text-xs text-muted">{finding.principalType}</span>
                ) : null}
                {finding.principalArn ? (
                  <span className="block font-mono text-xs text-subtle">{finding.principalArn}</span>
                ) : null}
              </DetailRow>
              <DetailRow label="Account">
                <Link href={accountHref(finding.accountId)} className={`${link} font-mono text-[13px]`}>
                  {finding.accountId}
                </Link>
              </DetailRow>
              <DetailRow label="Region">{finding.region ?? '—'}</DetailRow>
              <DetailRow label="First seen">{formatUtc(finding.firstSeen)}</DetailRow>
              <DetailRow label="Last seen">{formatUtc(finding.lastSeen)}</DetailRow>
              <DetailRow label="Events">{finding.eventCount.toLocaleString('en-US')}</DetailRow>
              <DetailRow label="Rule">
                <Link href={ruleHref(finding.ruleId)} className={link}>
                  {finding.ruleId}
                </Link>
                {rule ? <span className="block text-xs text-muted">{rule.title}</span> : null}
              </DetailRow>
              {rule ? (
                <DetailRow label="ATT&CK">
                  <AttackRefs rule={rule} />
                </DetailRow>
              ) : null}
              <DetailRow label="Assignee">{finding.assigneeEmail ?? 'Unassigned'}</DetailRow>
              <DetailRow label="Updated">{formatUtc(finding.updatedAt)}</DetailRow>
            </dl>
          </Card>
        </div>
      </div>
      {/* Full width: the evidence table needs the room more than the side cards do. */}
      <div className="mt-6 space-y-6">
        <Card aria-labelledby="evidence-heading">
          <CardHeader
            id="evidence-heading"
            title="Evidence"
            description={
              evidence.total > evidence.events.length
                ? `The first ${evidence.events.length.toLocaleString('en-US')} of ${evidence.total.toLocaleString('en-US')} events, oldest first.`
                : `${evidence.total.toLocaleString('en-US')} ${evidence.total === 1 ? 'event' : 'events'}, oldest first.`
            }
            actions={
              <Link
                href={eventsHref({
                  account: finding.accountId,
                  principal: finding.principalId ?? undefined,
                  from: finding.firstSeen,
                  to: finding.lastSeen,
                })}
                className={buttonClasses('ghost', 'sm')}
              >
                Open in Events
              </Link>
            }
          />
          {evidence.events.length > 0 ? (
            <EvidenceTable events={evidence.events} />
          ) : (
            <p className="px-5 py-8 text-center text-sm text-muted">This finding lists no evidence events.</p>
          )}
        </Card>
        <Card aria-labelledby="notes-heading">
          <CardHeader id="notes-heading" title="Notes" description="Plain text, shown as typed." />
          <CardBody className="space-y-5">
            <FindingNotes notes={notes} />
            {canTriage ? <NoteForm findingId={finding.id} /> : null}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
