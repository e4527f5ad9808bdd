import { CASE_STATUS_LABELS } from './constants';
import type { CaseEventRow } from './event-rows';
import { mdCode as code, escapeMarkdown as md } from './markdown-escape';
import type { CaseReport } from './report-data';
import type { TimelineEntry } from './timeline';

// The case as a Markdown document. Log-derived values (attacker-controlled) go through code(),
// prose people typed through md(); see markdown-escape.ts. Notes are the analysts' own markdown
// and keep their formatting, quoted, with any HTML in them turned into entities.

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');

function quoteNote(body: string): string {
  return body
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

function describeEvent(event: CaseEventRow): string {
  const parts = [
    event.eventName ? code(event.eventName) : 'unknown event',
    `by ${code(event.principalName)}`,
    event.sourceIp ? `from ${code(event.sourceIp)}` : null,
    event.region ? `in ${code(event.region)}` : null,
    event.errorCode ? `failed: ${code(event.errorCode)}` : null,
  ];
  return parts.filter(Boolean).join(' ');
}

function timelineLine(entry: TimelineEntry): string {
  const at = iso(entry.at);
  if (entry.type === 'note') {
    return `- ${at} · note by ${md(entry.note.author ?? 'a removed user')}\n\n${quoteNote(entry.note.body)
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n')}\n`;
  }
  const star = entry.item.starred ? '★ ' : '';
  const tags = entry.item.tags.length ? ` (${entry.item.tags.map(md).join(', ')})` : '';
  if (entry.type === 'event') {
    const text = entry.item.event
      ? describeEvent(entry.item.event)
      : `event ${code(entry.item.eventId)} (no longer stored)`;
    return `- ${at} · ${star}event · ${text} · account ${code(entry.item.accountId)}, id ${code(entry.item.eventId)}${tags}`;
  }
  const finding = entry.item.finding;
  return finding
    ? `- ${at} · ${star}finding · ${code(finding.title)} (${code(finding.ruleId)}, ${finding.severity}, ${finding.eventCount} events)${tags}`
    : `- ${at} · ${star}finding #${entry.item.findingId} (no longer stored)${tags}`;
}

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

export function renderCaseMarkdown(report: CaseReport): string {
  const { detail } = report;
  const views = detail.items.flatMap((item) => (item.kind === 'view' ? [item] : []));
  const out: string[] = [];
  out.push(`# ${md(detail.title)}`, '');
  out.push(
    `- Status: ${CASE_STATUS_LABELS[detail.status]}`,
    `- Severity: ${detail.severity}`,
    `- Owner: ${md(detail.owner ?? 'none')}`,
    `- Members: ${detail.members.length ? detail.members.map((member) => md(member.email)).join(', ') : 'none'}`,
    `- Tags: ${detail.tags.length ? detail.tags.map(md).join(', ') : 'none'}`,
    `- Opened: ${iso(detail.createdAt)}; last changed ${iso(detail.updatedAt)}`,
    `- Report generated: ${iso(report.generatedAt)}`,
    '',
  );
  out.push('## Summary', '', detail.description ? quoteNote(detail.description) : '_No description._', '');
  out.push(
    `${count(report.findings.length, 'finding')}, ${count(detail.items.filter((item) => item.kind === 'event').length, 'bookmarked event')}, ` +
      `${count(report.principals.length, 'principal')} involved, ${count(detail.notes.length, 'note')}.`,
    '',
  );

  out.push('## Activity', '');
  out.push(
    table(
      ['Day (UTC)', 'Events'],
      report.activity.filter((day) => day.events > 0).map((day) => [day.day, String(day.events)]),
    ),
    '',
  );

  out.push('## Timeline', '');
  out.push(
    report.timeline.length ? report.timeline.map(timelineLine).join('\n') : '_Nothing on the timeline yet._',
    '',
  );

  out.push('## Findings', '');
  if (report.findings.length === 0) out.push('_No findings in this case._', '');
  for (const { finding, evidence } of report.findings) {
    out.push(`### Finding ${finding.id}: ${code(finding.title)}`, '');
    out.push(
      `- Rule ${code(finding.ruleId)}, severity ${finding.severity}, status ${code(finding.status)}`,
      `- Account ${code(finding.accountId)}, principal ${code(finding.principalKey)}`,
      `- Seen ${iso(finding.firstSeen)} to ${iso(finding.lastSeen)}, ${finding.eventCount} events`,
      `- Summary: ${code(finding.summary)}`,
      '',
    );
    out.push(
      table(
        ['Time (UTC)', 'Event', 'Principal', 'Source IP', 'Error'],
        evidence.map((event) => [
          iso(event.eventTime),
          code(event.eventName ?? ''),
          code(event.principalName),
          code(event.sourceIp ?? ''),
          code(event.errorCode ?? ''),
        ]),
      ),
      '',
    );
    if (finding.eventCount > evidence.length)
      out.push(`_First ${evidence.length} of ${finding.eventCount} evidence events._`, '');
  }

  out.push('## Principals involved', '');
  out.push(
    table(
      ['Principal', 'Type', 'Account', 'Findings', 'Highest severity', 'Events in case'],
      report.principals.map((principal) => [
        code(principal.arn ?? principal.name),
        code(principal.principalType),
        code(principal.accountId),
        String(principal.findingCount),
        principal.maxSeverity ?? '',
        String(principal.eventCount),
      ]),
    ),
    '',
    '_Risk scores are not part of this version; the findings and their severities above are the reasons._',
    '',
  );

  out.push('## Indicators of compromise', '', '### IP addresses', '');
  out.push(
    table(
      ['IP', 'ASN', 'Organisation', 'Country', 'Events'],
      report.iocs.ips.map((row) => [
        code(row.ip),
        row.asn ? `AS${row.asn}` : '',
        code(row.asOrg ?? ''),
        code(row.countryCode ?? ''),
        String(row.events),
      ]),
    ),
    '',
    '### ASNs',
    '',
    table(
      ['ASN', 'Organisation', 'Events'],
      report.iocs.asns.map((row) => [`AS${row.asn}`, code(row.asOrg ?? ''), String(row.events)]),
    ),
    '',
    '### Access key ids',
    '',
    table(
      ['Access key id', 'Events'],
      report.iocs.accessKeys.map((row) => [code(row.accessKeyId), String(row.events)]),
    ),
    '',
    '### User agents',
    '',
    table(
      ['User agent', 'Events'],
      report.iocs.userAgents.map((row) => [code(row.userAgent), String(row.events)]),
    ),
    '',
  );

  if (views.length) {
    out.push('## Saved views', '');
    // Shown as code, not links: the URLs only mean something to signed-in users of this app.
    for (const view of views) out.push(`- ${md(view.label)}: ${code(view.viewUrl)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
