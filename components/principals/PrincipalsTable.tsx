import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { THEAD_ROW } from '@/components/ui/table-classes';
import { formatUtcDate, formatUtcTime } from '@/lib/format';
import { accountHref, principalHref } from '@/lib/links';
import type { PrincipalListRow } from '@/lib/queries/principals/get-principals';
import { SEVERITIES, type Severity } from '@/lib/severity';
import { RiskScore } from './RiskScore';

const TH = 'px-3 py-2.5 font-medium';

function isSeverity(value: string | null): value is Severity {
  return value !== null && (SEVERITIES as readonly string[]).includes(value);
}

/** One row per principal: risk, identity, account, activity and open findings. */
export function PrincipalsTable({ rows }: { rows: PrincipalListRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Principals">
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              Risk
            </th>
            <th scope="col" className={TH}>
              Principal
            </th>
            <th scope="col" className={TH}>
              Account
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Calls
            </th>
            <th scope="col" className={TH}>
              Last seen
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 font-medium">
              Open findings
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-surface-hover/40">
              <td className="py-3 pr-3 pl-5">
                <RiskScore score={row.riskScore} learning={row.learning} />
              </td>
              <th scope="row" className="max-w-md px-3 py-3 text-left font-normal">
                <Link href={principalHref(row.id)} className="font-medium break-all text-fg hover:underline">
                  {row.name}
                </Link>
                <div className="mt-1 flex flex-wrap items-center gap-1.5">
                  <Badge>{row.principalType}</Badge>
                  {row.learning ? <Badge tone="accent">learning</Badge> : null}
                </div>
                {row.arn ? (
                  <div className="mt-1 font-mono text-xs break-all text-subtle">{row.arn}</div>
                ) : null}
              </th>
              <td className="px-3 py-3">
                <Link
                  href={accountHref(row.accountId)}
                  className="font-mono text-[13px] text-accent hover:underline"
                >
                  {row.accountId}
                </Link>
              </td>
              <td className="px-3 py-3 text-right tabular-nums">{row.events.toLocaleString('en')}</td>
              <td className="px-3 py-3 whitespace-nowrap">
                {row.lastSeen ? (
                  <>
                    {formatUtcDate(row.lastSeen)}
                    <div className="text-xs text-muted">{formatUtcTime(row.lastSeen)}</div>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="py-3 pr-5 pl-3">
                {row.openFindings > 0 && isSeverity(row.topSeverity) ? (
                  <span className="inline-flex items-center gap-2">
                    <SeverityBadge severity={row.topSeverity} />
                    <span className="text-muted tabular-nums">{row.openFindings}</span>
                  </span>
                ) : (
                  <span className="text-subtle">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
