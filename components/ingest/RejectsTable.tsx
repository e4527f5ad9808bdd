import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { RejectReasonRow } from '@/lib/queries/ingest/get-ingest-rejects';
import { formatCount } from './job-display';

/** Why records were refused, summed over the job's files. Reasons can quote file content: text only. */
export function RejectsTable({ rejects }: { rejects: RejectReasonRow[] }) {
  return (
    <table className={TABLE}>
      <thead>
        <tr className={THEAD_ROW}>
          <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
            Reason
          </th>
          <th scope="col" className="px-3 py-2.5 text-right font-medium">
            Records
          </th>
          <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
            Files
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rejects.map((row) => (
          <tr key={row.reason}>
            <th
              scope="row"
              className="py-2.5 pr-3 pl-5 text-left font-normal [overflow-wrap:anywhere] text-fg"
            >
              {row.reason}
            </th>
            <td className="px-3 py-2.5 text-right font-medium tabular-nums text-danger">
              {formatCount(row.records)}
            </td>
            <td className="py-2.5 pr-5 pl-3 text-right tabular-nums text-muted">{formatCount(row.files)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
