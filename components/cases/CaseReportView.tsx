import type { ReactNode } from 'react';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { CASE_STATUS_LABELS } from '@/lib/cases/constants';
import type { CaseReport } from '@/lib/cases/report-data';
import { formatUtc } from '@/lib/format';
import { ActivityChart } from './ActivityChart';
import { CaseTimeline } from './CaseTimeline';
import { Markdown } from './Markdown';
import { TagList } from './TagList';

// The case as a document: the printable report and the page a share link opens. Everything is
// text rendered by React; `shared` removes every link into the app.

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `report-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="break-inside-avoid-page space-y-3">
      <h2 id={id} className="border-b border-line pb-1.5 text-lg font-semibold text-fg">
        {title}
      </h2>
      {children}
    </section>
  );
}

function SimpleTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
}) {
  if (rows.length === 0) return <p className="text-sm text-muted">None.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-[13px]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs text-muted uppercase">
            {headers.map((header) => (
              <th key={header} scope="col" className="py-1.5 pr-3 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row, index) => (
            // Rows have no identity beyond their position in this static, server-rendered table.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index} className="align-top">
              {row.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed column layout
                <td key={cellIndex} className="py-1.5 pr-3 break-all">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CaseReportView({ report, shared = false }: { report: CaseReport; shared?: boolean }) {
  const { detail } = report;
  const eventCount = detail.items.filter((item) => item.kind === 'event').length;
  const views = detail.items.flatMap((item) => (item.kind === 'view' ? [item] : []));
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{detail.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-[13px] text-muted">
          <span className="font-medium text-fg">{CASE_STATUS_LABELS[detail.status]}</span>
          <SeverityBadge severity={detail.severity} />
          <TagList tags={detail.tags} />
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-[13px] sm:grid-cols-4">
          <div>
            <dt className="text-muted">Owner</dt>
            <dd>{detail.owner ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-muted">Opened</dt>
            <dd>{formatUtc(detail.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-muted">Last change</dt>
            <dd>{formatUtc(detail.updatedAt)}</dd>
          </div>
          <div>
            <dt className="text-muted">Report generated</dt>
            <dd>{formatUtc(report.generatedAt)}</dd>
          </div>
        </dl>
      </header>

      <Section title="Summary">
        {detail.description ? (
          <Markdown links={!shared}>{detail.description}</Markdown>
        ) : (
          <p className="text-sm text-muted">No description.</p>
        )}
        <p className="text-sm">
          {count(report.findings.length, 'finding')} · {count(eventCount, 'bookmarked event')} ·{' '}
          {count(report.principals.length, 'principal')} involved · {count(detail.notes.length, 'note')}
        </p>
      </Section>

      <Section title="Activity">
        <ActivityChart days={report.activity} />
      </Section>

      <Section title="Timeline">
        <div className="-mx-5">
          <CaseTimeline entries={report.timeline} mode={shared ? { kind: 'shared' } : { kind: 'read' }} />
        </div>
      </Section>

      <Section title="Findings">
        {report.findings.length === 0 ? (
          <p className="text-sm text-muted">No findings in this case.</p>
        ) : null}
        {report.findings.map(({ finding, evidence }) => (
          <div key={finding.id} className="break-inside-avoid space-y-2">
            <h3 className="flex flex-wrap items-center gap-2 text-[15px] font-semibold">
              <SeverityBadge severity={finding.severity} /> {finding.title}
            </h3>
            <p className="text-[13px] text-muted">
              {finding.ruleId} · {finding.status} · account {finding.accountId} · {finding.principalKey} ·{' '}
              {formatUtc(finding.firstSeen)} to {formatUtc(finding.lastSeen)} · {finding.eventCount} events
            </p>
            <p className="text-sm">{finding.summary}</p>
            <SimpleTable
              caption={`Evidence of ${finding.title}`}
              headers={['Time', 'Event', 'Principal', 'Source IP', 'Error']}
              rows={evidence.map((event) => [
                formatUtc(event.eventTime),
                <span key="name" className="font-mono">
                  {event.eventName}
                </span>,
                event.principalName,
                event.sourceIp ?? '',
                event.errorCode ?? '',
              ])}
            />
            {finding.eventCount > evidence.length ? (
              <p className="text-xs text-muted">
                First {evidence.length} of {finding.eventCount} evidence events.
              </p>
            ) : null}
          </div>
        ))}
      </Section>

      <Section title="Principals involved">
        <SimpleTable
          caption="Principals involved"
          headers={['Principal', 'Type', 'Account', 'Findings', 'Highest severity', 'Events']}
          rows={report.principals.map((principal) => [
            <span key="name" title={principal.arn ?? undefined}>
              {principal.name}
              {principal.bookmarked ? ' ★' : ''}
            </span>,
            principal.principalType,
            principal.accountId,
            principal.findingCount,
            principal.maxSeverity ? <SeverityBadge key="sev" severity={principal.maxSeverity} /> : '—',
            principal.eventCount,
          ])}
        />
        <p className="text-xs text-muted">
          Risk scores are not part of this version; the findings above and their severities are the reasons.
        </p>
      </Section>

      <Section title="Indicators of compromise">
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2 print:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-semibold">IP addresses</h3>
            <SimpleTable
              caption="IP addresses"
              headers={['IP', 'ASN', 'Country', 'Events']}
              rows={report.iocs.ips.map((row) => [
                <span key="ip" className="font-mono">
                  {row.ip}
                </span>,
                row.asn ? `AS${row.asn} ${row.asOrg ?? ''}` : '',
                row.countryCode ?? '',
                row.events,
              ])}
            />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">ASNs</h3>
            <SimpleTable
              caption="ASNs"
              headers={['ASN', 'Organisation', 'Events']}
              rows={report.iocs.asns.map((row) => [`AS${row.asn}`, row.asOrg ?? '', row.events])}
            />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">Access key ids</h3>
            <SimpleTable
              caption="Access key ids"
              headers={['Access key id', 'Events']}
              rows={report.iocs.accessKeys.map((row) => [
                <span key="key" className="font-mono">
                  {row.accessKeyId}
                </span>,
                row.events,
              ])}
            />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">User agents</h3>
            <SimpleTable
              caption="User agents"
              headers={['User agent', 'Events']}
              rows={report.iocs.userAgents.map((row) => [
                <span key="ua" className="font-mono text-xs">
                  {row.userAgent}
                </span>,
                row.events,
              ])}
            />
          </div>
        </div>
      </Section>

      {views.length > 0 ? (
        <Section title="Saved views">
          <ul className="space-y-1 text-sm">
            {views.map((view) => (
              <li key={view.id}>
                <span className="font-medium">{view.label}</span>{' '}
                <span className="font-mono text-xs text-muted">{view.viewUrl}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </article>
  );
}
