import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { Card, CardHeader } from '@/components/ui/Card';
import { formatUtc, formatUtcDate } from '@/lib/format';
import { type EventFilters, eventsHref } from '@/lib/links';
import type { TimeWindow } from '@/lib/principals/scope';
import type {
  ObservedDimension,
  ObservedItem,
  ObservedPanels as Panels,
} from '@/lib/queries/principals/get-newly-observed';

const PANELS: Array<{ dim: ObservedDimension; title: string; filter?: keyof EventFilters }> = [
  { dim: 'ip', title: 'IP addresses', filter: 'ip' },
  { dim: 'asn', title: 'Networks (ASN)', filter: 'asn' },
  { dim: 'country', title: 'Countries', filter: 'country' },
  { dim: 'city', title: 'Cities' },
  { dim: 'ua', title: 'User-agent families', filter: 'ua' },
  { dim: 'service', title: 'Services', filter: 'service' },
  { dim: 'api', title: 'API calls', filter: 'event' },
  { dim: 'region', title: 'Regions', filter: 'region' },
  { dim: 'role', title: 'Assumed roles' },
  { dim: 'bucket', title: 'S3 buckets', filter: 'q' },
  { dim: 'key', title: 'Access keys', filter: 'q' },
];
const SHOWN = 8;

function ItemRow({ item, href }: { item: ObservedItem; href?: string }) {
  const value = <span className="font-mono text-[13px] [overflow-wrap:anywhere] text-fg">{item.value}</span>;
  return (
    <li className="py-2">
      <div className="min-w-0">
        {href ? (
          <Link href={href} className="hover:underline">
            {value}
          </Link>
        ) : (
          value
        )}
        {item.label ? <span className="ml-1.5 text-xs text-muted">{item.label}</span> : null}
      </div>
      {/* The badge shares the second line, so that a key id or an address keeps the whole width. */}
      <div className="mt-0.5 flex items-start justify-between gap-3">
        <span className="text-xs text-subtle" title={`First seen ${formatUtc(item.firstSeen)}`}>
          first seen {formatUtcDate(item.firstSeen)} · {item.count.toLocaleString('en')} in scope
        </span>
        {item.newForAccount ? (
          <Badge tone="danger" className="shrink-0">
            New to account
          </Badge>
        ) : item.newForPrincipal ? (
          <Badge tone="accent" className="shrink-0">
            New
          </Badge>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Detective-style "Newly observed" panels: everything the principal used in the scope, new values
 * first. "New" means absent from its baseline; "New to account" that nobody in the account used it.
 */
export function ObservedPanels({
  panels,
  principalId,
  accountId,
  scope,
}: {
  panels: Panels;
  principalId: string;
  accountId: string;
  scope: TimeWindow;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {PANELS.map(({ dim, title, filter }) => {
        const items = panels[dim];
        const fresh = items.filter((item) => item.newForPrincipal).length;
        const headingId = `observed-${dim}`;
        return (
          <Card key={dim} aria-labelledby={headingId} className="break-inside-avoid">
            <CardHeader
              id={headingId}
              title={title}
              description={items.length === 0 ? 'None in this scope' : `${fresh} new of ${items.length}`}
            />
            {items.length > 0 ? (
              <ul className="divide-y divide-line px-5 py-1">
                {items.slice(0, SHOWN).map((item) => (
                  <ItemRow
                    key={item.value}
                    item={item}
                    href={
                      filter
                        ? eventsHref({
                            from: scope.from,
                            to: scope.to,
                            account: accountId,
                            principal: principalId,
                            [filter]: item.value,
                          })
                        : undefined
                    }
                  />
                ))}
                {items.length > SHOWN ? (
                  <li className="py-2 text-xs text-muted">and {items.length - SHOWN} more</li>
                ) : null}
              </ul>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}
