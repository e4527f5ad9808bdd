import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { LINK, TABLE, TBODY, TD, TD_NUM, TH, TH_NUM, THEAD_ROW, TR } from '@/components/ui/table-classes';
import { formatNumber } from '@/lib/format';
import { eventsHref, findingsHref, principalHref } from '@/lib/links';
import type { TimeRange } from '@/lib/overview/time-range';
import type { TopPrincipals } from '@/lib/queries/overview/get-top-principals';

export function TopPrincipalsCard({ top, range }: { top: TopPrincipals; range: TimeRange }) {
  return (
    <Card aria-labelledby="top-principals">
      <CardHeader
        id="top-principals"
        title="Top principals by risk"
        description={
          top.rankedBy === 'risk'
            ? 'Risk scores (0–100) over the range, with their open findings.'
            : 'No risk scores yet: the principals with the worst open findings, then the most active.'
        }
      />
      {top.rows.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-muted">No principal made a call in this range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={TABLE}>
            <thead>
              <tr className={THEAD_ROW}>
                <th scope="col" className={TH}>
                  Principal
                </th>
                {top.rankedBy === 'risk' ? (
                  <th scope="col" className={TH_NUM}>
                    Risk
                  </th>
                ) : null}
                <th scope="col" className={TH_NUM}>
                  Events
                </th>
                <th scope="col" className={TH_NUM}>
                  Open findings
                </th>
              </tr>
            </thead>
            <tbody className={TBODY}>
              {top.rows.map((row) => (
                <tr key={row.principalId} className={TR}>
                  <th scope="row" className={`${TD} max-w-52 text-left font-normal`}>
                    <Link
                      href={principalHref(row.principalId, range)}
                      className={`${LINK} block truncate`}
                      title={row.name}
                    >
                      {row.name}
                    </Link>
                    <span className="text-xs text-subtle">
                      {row.principalType} · {row.accountId}
                    </span>
                  </th>
                  {top.rankedBy === 'risk' ? (
                    <td className={`${TD_NUM} align-top`}>
                      {/* Stacked, not side by side: the card is half the page wide. */}
                      <span className="flex flex-col items-end gap-1">
                        {row.riskScore === null ? '—' : Math.round(row.riskScore)}
                        {row.learning ? <Badge>learning</Badge> : null}
                      </span>
                    </td>
                  ) : null}
                  <td className={`${TD_NUM} align-top`}>
                    <Link href={eventsHref({ ...range, principal: row.principalId })} className={LINK}>
                      {formatNumber(row.events)}
                    </Link>
                  </td>
                  <td className={`${TD_NUM} align-top`}>
                    {row.openFindings ? (
                      <Link
                        href={findingsHref({ ...range, principal: row.principalId, status: 'open' })}
                        className="inline-flex flex-col items-end gap-1 hover:underline"
                      >
                        {formatNumber(row.openFindings)}
                        {row.topSeverity ? <SeverityBadge severity={row.topSeverity} /> : null}
                      </Link>
                    ) : (
                      <span className="text-subtle">0</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
