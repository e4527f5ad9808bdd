import Link from 'next/link';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { FeedQuery, FeedSort } from '@/lib/findings/feed-query';
import { formatUtcDate, formatUtcTime } from '@/lib/format';
import { findingHref } from '@/lib/links';
import type { FindingRow } from '@/lib/queries/findings/types';
import { FindingStatusBadge } from './FindingStatusBadge';

const HEAD = 'px-3 py-2.5 font-medium whitespace-nowrap';

function SortHeader({
  label,
  sort,
  query,
  sortHref,
  className,
}: {
  label: string;
  sort: FeedSort;
  query: FeedQuery;
  sortHref: (sort: FeedSort, dir: 'asc' | 'desc') => string;
  className?: string;
}) {
  const active = query.sort === sort;
  // A first click sorts descending (newest, most severe, largest); a second flips it.
  const nextDir = active && query.dir === 'desc' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`${HEAD} ${className ?? ''}`}
    >
      <Link href={sortHref(sort, nextDir)} className="inline-flex items-center gap-1 hover:text-fg">
        {label}
        <span aria-hidden="true" className={active ? 'text-fg' : 'text-subtle'}>
          {active ? (query.dir === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </Link>
    </th>
  );
}

/**
 * One page of findings. Titles, summaries and principal names come from the logs: text only.
 * The title is the row's link, so a keyboard user tabs through findings one per row.
 */
export function FindingsTable({
  rows,
  query,
  sortHref,
}: {
  rows: FindingRow[];
  query: FeedQuery;
  sortHref: (sort: FeedSort, dir: 'asc' | 'desc') => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE}>
        <thead>
          <tr className={THEAD_ROW}>
            <SortHeader label="Severity" sort="severity" query={query} sortHref={sortHref} className="pl-5" />
            <SortHeader label="Finding" sort="rule" query={query} sortHref={sortHref} />
            <th scope="col" className={HEAD}>
              Principal
            </th>
            <SortHeader
              label="Events"
              sort="eventCount"
              query={query}
              sortHref={sortHref}
              className="text-right"
            />
            <SortHeader label="First seen" sort="firstSeen" query={query} sortHref={sortHref} />
            <SortHeader label="Last seen" sort="lastSeen" query={query} sortHref={sortHref} />
            <SortHeader label="Status" sort="status" query={query} sortHref={sortHref} className="pr-5" />
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-surface-hover/50">
              <td className="py-3 pr-3 pl-5">
                <SeverityBadge severity={row.severity} />
              </td>
              <td className="max-w-md px-3 py-3">
                <Link
                  href={findingHref(row.id)}
                  className="font-medium text-fg hover:text-accent hover:underline"
                >
                  {row.title}
                </Link>
                <span className="ml-1.5 font-mono text-xs text-subtle">{row.ruleId}</span>
                <p className="mt-0.5 line-clamp-2 text-[13px] leading-5 text-muted [overflow-wrap:anywhere]">
                  {row.summary}
                </p>
              </td>
              <td className="max-w-56 px-3 py-3">
                <span className="block truncate text-fg" title={row.principalName ?? row.principalKey}>
                  {row.principalName ?? row.principalKey}
                </span>
                <span className="block font-mono text-xs text-subtle">
                  {row.accountId}
                  {row.region ? ` · ${row.region}` : ''}
                </span>
              </td>
              <td className="px-3 py-3 text-right tabular-nums">{row.eventCount.toLocaleString('en-US')}</td>
              <td className="px-3 py-3 whitespace-nowrap">
                <span className="block">{formatUtcDate(row.firstSeen)}</span>
                <span className="block text-xs text-muted">{formatUtcTime(row.firstSeen)}</span>
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                <span className="block">{formatUtcDate(row.lastSeen)}</span>
                <span className="block text-xs text-muted">{formatUtcTime(row.lastSeen)}</span>
              </td>
              <td className="py-3 pr-5 pl-3">
                <FindingStatusBadge status={row.status} />
                {row.assigneeEmail ? (
                  <span className="mt-1 block max-w-40 truncate text-xs text-muted" title={row.assigneeEmail}>
                    {row.assigneeEmail}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
