import { Badge } from '@/components/ui/Badge';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { THEAD_ROW } from '@/components/ui/table-classes';
import type { StoredSigmaRule } from '@/lib/detections/sigma/store';
import { formatUtc } from '@/lib/format';
import { SigmaRuleActions } from './SigmaRuleActions';

/** The imported Sigma rules; titles, file names and errors come from uploads and render as text. */
export function SigmaRulesTable({ rules, canEdit }: { rules: StoredSigmaRule[]; canEdit: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Imported Sigma rules">
        <thead>
          <tr className={THEAD_ROW}>
            <th scope="col" className="px-5 py-2.5 font-medium">
              Rule
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Severity
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              State
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Uploaded
            </th>
            {canEdit ? (
              <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rules.map((rule) => (
            <tr key={rule.ruleId} className="align-top">
              <th scope="row" className="max-w-xl min-w-64 px-5 py-3 text-left font-normal">
                <span className="block font-medium [overflow-wrap:anywhere] text-fg">{rule.title}</span>
                <span className="mt-0.5 block font-mono text-[12px] [overflow-wrap:anywhere] text-muted">
                  {rule.ruleId} · {rule.fileName}
                </span>
                {rule.lastError ? (
                  <span className="mt-1.5 block font-mono text-[12px] leading-5 [overflow-wrap:anywhere] text-danger">
                    {rule.lastError}
                  </span>
                ) : null}
              </th>
              <td className="px-3 py-3">
                {rule.severity ? (
                  <SeverityBadge severity={rule.severity} />
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
              <td className="px-3 py-3">
                {rule.lastError ? (
                  <Badge tone="danger">Error</Badge>
                ) : rule.enabled ? (
                  <Badge tone="success">On</Badge>
                ) : (
                  <Badge>Off</Badge>
                )}
              </td>
              <td className="px-3 py-3 text-[13px] whitespace-nowrap text-muted">
                <span className="block text-fg">{formatUtc(rule.uploadedAt)}</span>
                {rule.uploadedByEmail ?? 'CLI'}
              </td>
              {canEdit ? (
                <td className="py-3 pr-5 pl-3">
                  <SigmaRuleActions
                    ruleId={rule.ruleId}
                    title={rule.title}
                    enabled={rule.enabled}
                    broken={rule.lastError !== null}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
