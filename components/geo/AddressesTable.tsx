import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { LINK, TABLE, TBODY, TD, TH, THEAD_ROW, TR } from '@/components/ui/table-classes';
import { type FindingTally, NO_FINDINGS } from '@/lib/geo/finding-counts';
import { eventsHref } from '@/lib/links';
import type { TimeRange } from '@/lib/overview/time-range';
import type { GeoAddress } from '@/lib/queries/geo/get-geo-addresses';
import { MeasureCells, MeasureHeaders } from './GeoCells';
import { NetworkBadge } from './NetworkBadge';

export function AddressesTable({
  addresses,
  findings,
  range,
}: {
  addresses: GeoAddress[];
  findings: Map<string, FindingTally>;
  range: TimeRange;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE} data-testid="addresses-table">
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className={TH}>
              Address
            </th>
            <th scope="col" className={TH}>
              Location and network
            </th>
            <MeasureHeaders />
          </tr>
        </thead>
        <tbody className={TBODY}>
          {addresses.map((address) => (
            <tr key={address.ip} className={TR}>
              <th scope="row" className={`${TD} text-left font-normal`}>
                <Link
                  href={eventsHref({ ...range, ip: address.ip })}
                  className={`${LINK} font-mono text-[13px]`}
                >
                  {address.ip}
                </Link>
                {address.kind !== 'public' ? <Badge className="ml-1.5">{address.kind}</Badge> : null}
              </th>
              <td className={`${TD} max-w-64`}>
                <span className="block truncate text-fg">
                  {[address.city, address.country].filter(Boolean).join(', ') || '—'}
                </span>
                <span className="block truncate text-xs text-subtle" title={address.org ?? undefined}>
                  {address.asn ? `AS${address.asn} ${address.org ?? ''}` : 'no network data'}
                  <NetworkBadge kind={address.network} provider={address.provider} />
                </span>
              </td>
              <MeasureCells row={address} findings={findings.get(address.ip) ?? NO_FINDINGS} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
