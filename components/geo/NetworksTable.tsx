import Link from 'next/link';
import { LINK, TABLE, TBODY, TD, TD_NUM, TH, TH_NUM, THEAD_ROW, TR } from '@/components/ui/table-classes';
import { formatNumber } from '@/lib/format';
import { type FindingTally, NO_FINDINGS } from '@/lib/geo/finding-counts';
import { eventsHref } from '@/lib/links';
import type { TimeRange } from '@/lib/overview/time-range';
import type { GeoNetwork } from '@/lib/queries/geo/get-geo-networks';
import { MeasureCells, MeasureHeaders } from './GeoCells';
import { NetworkBadge } from './NetworkBadge';

export function NetworksTable({
  networks,
  findings,
  range,
}: {
  networks: GeoNetwork[];
  findings: Map<number | null, FindingTally>;
  range: TimeRange;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE} data-testid="networks-table">
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className={TH}>
              Network (ASN)
            </th>
            <th scope="col" className={TH_NUM}>
              Addresses
            </th>
            <MeasureHeaders />
          </tr>
        </thead>
        <tbody className={TBODY}>
          {networks.map((network) => (
            <tr key={network.asn ?? 'unknown'} className={TR}>
              <th scope="row" className={`${TD} max-w-72 text-left font-normal`}>
                {network.asn === null ? (
                  <span className="text-muted">Unknown network</span>
                ) : (
                  <Link href={eventsHref({ ...range, asn: network.asn })} className={LINK}>
                    AS{network.asn}
                  </Link>
                )}
                <NetworkBadge kind={network.network} provider={network.provider} />
                <span className="block truncate text-xs text-subtle" title={network.org ?? undefined}>
                  {network.org ?? '—'}
                  {network.countries.length ? ` · ${network.countries.slice(0, 4).join(', ')}` : ''}
                  {network.countries.length > 4 ? ` +${network.countries.length - 4}` : ''}
                </span>
              </th>
              <td className={TD_NUM}>{formatNumber(network.addresses)}</td>
              <MeasureCells row={network} findings={findings.get(network.asn) ?? NO_FINDINGS} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
