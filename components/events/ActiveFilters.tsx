import Link from 'next/link';
import { type ExplorerParams, explorerHref } from './explorer-url';

const LABELS: Record<string, string> = {
  from: 'From',
  to: 'To',
  account: 'Account',
  region: 'Region',
  principal: 'Principal',
  ptype: 'Identity type',
  service: 'Service',
  event: 'Event',
  rw: 'Read/write',
  error: 'Error',
  ip: 'Source IP',
  asn: 'ASN',
  country: 'Country',
  ua: 'User agent',
  q: 'Parameters contain',
};

/** The filters in force as chips; each chip's × is a link to the same view without it. */
export function ActiveFilters({
  current,
  principalName,
}: {
  current: ExplorerParams;
  /** Shown instead of the principal's row id. */
  principalName?: string;
}) {
  const active = Object.keys(LABELS).filter((key) => current[key]);
  if (active.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-2">
      {active.map((key) => {
        const value = key === 'principal' && principalName ? principalName : current[key];
        const text = key === 'error' && value === '*' ? 'any' : value;
        return (
          <li
            key={key}
            className="inline-flex max-w-full items-center gap-1 rounded-md border border-line bg-surface-muted py-0.5 pr-1 pl-2 text-[13px]"
          >
            <span className="text-muted">{LABELS[key]}:</span>
            <span className="truncate font-medium text-fg">{text}</span>
            <Link
              href={explorerHref(current, { [key]: null })}
              aria-label={`Remove filter ${LABELS[key]}`}
              className="ml-0.5 rounded px-1 text-muted hover:bg-surface-hover hover:text-fg"
            >
              ×
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
