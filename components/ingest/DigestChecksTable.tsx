import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { cx } from '@/components/ui/cx';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { DigestCheckRow } from '@/lib/queries/ingest/types';

const STATUS: Record<DigestCheckRow['status'], { label: string; tone: BadgeTone }> = {
  ok: { label: 'Matches', tone: 'success' },
  mismatch: { label: 'Mismatch', tone: 'danger' },
  missing: { label: 'Not in source', tone: 'neutral' },
};

function Hash({ value }: { value: string | null }) {
  if (!value) return <span className="text-subtle">—</span>;
  return (
    <code className="font-mono text-xs text-muted" title={value}>
      {value.slice(0, 12)}…
    </code>
  );
}

/**
 * Each log file (or previous digest) a digest vouches for. A mismatch means the file we were given
 * is not the file CloudTrail delivered: the strongest sign of tampering this page can show.
 */
export function DigestChecksTable({ checks }: { checks: DigestCheckRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE}>
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              File checked
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Result
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Expected
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 font-medium">
              Actual
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {checks.map((check) => (
            <tr
              key={check.id}
              className={cx('align-top', check.status === 'mismatch' && 'bg-danger-soft/60')}
            >
              <th scope="row" className="max-w-xl py-2.5 pr-3 pl-5 text-left font-normal">
                <span className="block font-mono text-[13px] leading-5 [overflow-wrap:anywhere] text-fg">
                  {check.subjectPath}
                </span>
                <span className="mt-0.5 block text-xs [overflow-wrap:anywhere] text-subtle">
                  {check.kind === 'previous-digest' ? 'previous digest' : 'log file'} · account{' '}
                  {check.accountId} · listed in{' '}
                  {check.digestPath.slice(check.digestPath.lastIndexOf('/') + 1)}
                </span>
              </th>
              <td className="px-3 py-2.5">
                <Badge tone={STATUS[check.status].tone}>{STATUS[check.status].label}</Badge>
              </td>
              <td className="px-3 py-2.5">
                <Hash value={check.expectedHash} />
              </td>
              <td className="py-2.5 pr-5 pl-3">
                <Hash value={check.actualHash} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
