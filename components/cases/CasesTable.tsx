import Link from 'next/link';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { CaseListRow } from '@/lib/cases/list-cases';
import { formatUtc } from '@/lib/format';
import { caseHref } from '@/lib/links';
import { CaseStatusBadge } from './CaseStatusBadge';
import { TagList } from './TagList';

const TH = 'px-3 py-2.5 font-medium';

export function CasesTable({ cases }: { cases: CaseListRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={TABLE}>
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              Case
            </th>
            <th scope="col" className={TH}>
              Status
            </th>
            <th scope="col" className={TH}>
              Severity
            </th>
            <th scope="col" className={TH}>
              Owner
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Items
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Notes
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 font-medium">
              Last change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {cases.map((row) => (
            <tr key={row.id} className="align-top hover:bg-surface-hover/40">
              <th scope="row" className="max-w-md py-3 pr-3 pl-5 text-left font-normal">
                <Link
                  href={caseHref(row.id)}
                  className="font-medium text-fg hover:text-accent hover:underline"
                >
                  {row.title}
                </Link>
                <div className="mt-1">
                  <TagList tags={row.tags} label={`Tags of ${row.title}`} />
                </div>
              </th>
              <td className="px-3 py-3">
                <CaseStatusBadge status={row.status} />
              </td>
              <td className="px-3 py-3">
                <SeverityBadge severity={row.severity} />
              </td>
              <td className="px-3 py-3 text-muted">{row.owner ?? '—'}</td>
              <td className="px-3 py-3 text-right tabular-nums">{row.itemCount}</td>
              <td className="px-3 py-3 text-right tabular-nums">{row.noteCount}</td>
              <td className="py-3 pr-5 pl-3 whitespace-nowrap text-muted">{formatUtc(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
