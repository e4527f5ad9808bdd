import { Badge } from '@/components/ui/Badge';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import type { ConfigField } from '@/lib/detections/rule-config-fields';
import type { Severity } from '@/lib/severity';
import { RuleSettingForm } from './RuleSettingForm';

export interface CatalogueRow {
  id: string;
  title: string;
  severity: Severity;
  kind: string;
  tactic: string;
  enabled: boolean;
  customised: boolean;
  fields: ConfigField[];
  // Settings this rule takes from the engine-wide ones (business hours).
  engineWide: string[];
}

const KIND_LABELS: Record<string, string> = {
  single: 'Single event',
  threshold: 'Threshold',
  sequence: 'Sequence',
  firstSeen: 'First seen',
};

/** The built-in rules: each row opens to its switch and thresholds (admins) or shows them (others). */
export function CatalogueRulesTable({ rows, canEdit }: { rows: CatalogueRow[]; canEdit: boolean }) {
  return (
    <ul aria-label="Catalogue rules" className="divide-y divide-line">
      {rows.map((row) => (
        <li key={row.id}>
          <details className="group">
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2.5 hover:bg-surface-hover">
              <span className="w-12 font-mono text-[13px] text-muted">{row.id}</span>
              <span className="min-w-48 flex-1 text-sm font-medium text-fg">{row.title}</span>
              <span className="hidden text-[13px] text-muted md:inline">
                {KIND_LABELS[row.kind] ?? row.kind}
              </span>
              <SeverityBadge severity={row.severity} />
              {row.enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
              {row.customised ? <Badge tone="accent">Tuned</Badge> : null}
            </summary>
            <div className="border-t border-line bg-surface-muted px-5 py-4">
              <p className="mb-3 text-[13px] text-muted">
                {row.tactic}
                {row.engineWide.length > 0
                  ? ` · uses the engine-wide ${row.engineWide.map((key) => key.replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ')} (allow-lists above)`
                  : ''}
              </p>
              {canEdit ? (
                <RuleSettingForm
                  ruleId={row.id}
                  title={row.title}
                  enabled={row.enabled}
                  fields={row.fields}
                  customised={row.customised}
                />
              ) : (
                <dl className="grid grid-cols-1 gap-2 text-[13px] sm:grid-cols-2">
                  {row.fields.map((field) => (
                    <div key={field.key}>
                      <dt className="font-mono text-fg">{field.key}</dt>
                      <dd className="text-muted">
                        {field.overrideText || field.defaultText || '(empty)'}
                        {field.overrideText ? ` (default ${field.defaultText || 'empty'})` : ''}
                      </dd>
                    </div>
                  ))}
                  {row.fields.length === 0 ? <p className="text-muted">No thresholds.</p> : null}
                </dl>
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
