import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { TD, TD_NUM, TH, TH_NUM } from '@/components/ui/table-classes';
import { formatNumber, formatShare, formatUtcDate, formatUtcTime } from '@/lib/format';
import type { FindingTally } from '@/lib/geo/finding-counts';
import type { GeoMeasures } from '@/lib/queries/geo/geo-measures';

// The figures every geography table shows, in the same order and format.

export function MeasureHeaders() {
  return (
    <>
      <th scope="col" className={TH}>
        First seen
      </th>
      <th scope="col" className={TH}>
        Last seen
      </th>
      <th scope="col" className={TH_NUM}>
        Events
      </th>
      <th scope="col" className={TH_NUM}>
        Principals
      </th>
      <th scope="col" className={TH_NUM}>
        Errors
      </th>
      <th scope="col" className={TH_NUM}>
        Findings
      </th>
    </>
  );
}

function When({ value }: { value: Date }) {
  return (
    <td className={`${TD} whitespace-nowrap`}>
      <time dateTime={value.toISOString()}>
        <span className="block text-fg">{formatUtcDate(value)}</span>
        <span className="block text-xs text-subtle">{formatUtcTime(value)}</span>
      </time>
    </td>
  );
}

export function MeasureCells({ row, findings }: { row: GeoMeasures; findings: FindingTally }) {
  return (
    <>
      <When value={row.firstSeen} />
      <When value={row.lastSeen} />
      <td className={TD_NUM}>{formatNumber(row.events)}</td>
      <td className={TD_NUM}>{formatNumber(row.principals)}</td>
      <td className={TD_NUM}>{formatShare(row.errors, row.events)}</td>
      <td className={TD_NUM}>
        {findings.findings ? (
          <span className="inline-flex items-center gap-1.5">
            {findings.topSeverity ? <SeverityBadge severity={findings.topSeverity} /> : null}
            {formatNumber(findings.findings)}
          </span>
        ) : (
          <span className="text-subtle">0</span>
        )}
      </td>
    </>
  );
}
