import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { cx } from '@/components/ui/cx';
import { LINK, TABLE, TBODY, TD, TH, THEAD_ROW, TR } from '@/components/ui/table-classes';
import { type FindingTally, NO_FINDINGS } from '@/lib/geo/finding-counts';
import { eventsHref } from '@/lib/links';
import type { TimeRange } from '@/lib/overview/time-range';
import type { GeoCountry } from '@/lib/queries/geo/get-geo-countries';
import { MeasureCells, MeasureHeaders } from './GeoCells';

export function CountriesTable({
  countries,
  findings,
  range,
  selected,
  selectHref,
  isNew,
}: {
  countries: GeoCountry[];
  findings: Map<string, FindingTally>;
  range: TimeRange;
  selected: string | undefined;
  selectHref: (code: string) => string;
  isNew: (country: GeoCountry) => boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE} data-testid="countries-table">
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className={TH}>
              Country
            </th>
            <MeasureHeaders />
            <th scope="col" className={TH}>
              <span className="sr-only">Events</span>
            </th>
          </tr>
        </thead>
        <tbody className={TBODY}>
          {countries.map((country) => (
            <tr key={country.code} className={cx(TR, country.code === selected && 'bg-accent-soft/50')}>
              <th scope="row" className={`${TD} text-left font-normal`}>
                <Link href={selectHref(country.code)} scroll={false} className={LINK}>
                  {country.name ?? country.code}
                </Link>
                <span className="ml-1.5 text-xs text-subtle">{country.code}</span>
                {isNew(country) ? <Badge className="ml-1.5">new</Badge> : null}
              </th>
              <MeasureCells row={country} findings={findings.get(country.code) ?? NO_FINDINGS} />
              <td className={`${TD} text-right whitespace-nowrap`}>
                <Link
                  href={eventsHref({ ...range, country: country.code })}
                  className="text-xs text-accent hover:underline"
                >
                  Events
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
