import { formatNumber, formatShare } from '@/lib/format';
import type { SourceKindCount } from '@/lib/queries/geo/get-source-kinds';

const KIND_LABELS: Record<string, string> = {
  public: 'Public addresses (on the map)',
  private: 'Private addresses (VPC endpoints, on-premises)',
  'aws-service': 'AWS services acting for a principal',
  'aws-internal': 'AWS Internal (console back-ends)',
  invalid: 'Not a usable address',
  '': 'No source recorded',
};

/** What the map cannot place: those sources are classified at ingest, never geolocated. */
export function SourceKindsSummary({ kinds }: { kinds: SourceKindCount[] }) {
  const total = kinds.reduce((sum, kind) => sum + kind.events, 0);
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {kinds.map((kind) => (
        <div
          key={kind.kind}
          className="flex items-baseline justify-between gap-3 border-b border-line pb-1.5"
        >
          <dt className="text-muted">{KIND_LABELS[kind.kind] ?? kind.kind}</dt>
          <dd className="tabular-nums text-fg">
            {formatNumber(kind.events)}{' '}
            <span className="text-xs text-subtle">({formatShare(kind.events, total)})</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
