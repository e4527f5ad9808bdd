import type { Metadata } from 'next';
import Link from 'next/link';
import { SettingsTabs } from '@/components/settings/SettingsTabs';
import { buttonClasses } from '@/components/ui/Button';
import { Card, CardHeader } from '@/components/ui/Card';
import { SelectField, TextField } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { TABLE, THEAD_ROW } from '@/components/ui/table-classes';
import type { AuditAction } from '@/lib/auth/audit';
import { AUDIT_ACTION_LABELS, AUDIT_FAMILIES } from '@/lib/auth/audit-labels';
import { requirePageSession } from '@/lib/auth/guards';
import { formatUtc } from '@/lib/format';
import { caseHref } from '@/lib/links';
import { type AuditFilters, getAuditEntries } from '@/lib/queries/audit/get-audit-entries';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const date = (value: string | undefined) =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined;

function parseFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const before = first(params.before);
  const to = date(first(params.to));
  return {
    action: first(params.action),
    actor: first(params.actor),
    targetType: first(params.target_type),
    targetId: first(params.target_id),
    from: date(first(params.from)),
    // A date picked as "to" means the whole of that day.
    to: to && /^\d{4}-\d{2}-\d{2}$/.test(first(params.to) ?? '') ? new Date(to.getTime() + 86_400_000) : to,
    before: before && /^[0-9]{1,18}$/.test(before) ? BigInt(before) : undefined,
  };
}

function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

// Admin only: who did what, including views through share links (actor "system", with the
// visitor's address). Filters are plain GET parameters, so a filtered log is a link.
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageSession(['admin']);
  const params = await searchParams;
  const filters = parseFilters(params);
  const { rows, nextBefore } = await getAuditEntries(filters);
  const kept = new URLSearchParams();
  for (const key of ['action', 'actor', 'target_type', 'target_id', 'from', 'to']) {
    const value = first(params[key]);
    if (value) kept.set(key, value);
  }
  const older = nextBefore
    ? `/settings/audit?${new URLSearchParams([...kept, ['before', nextBefore]])}`
    : null;
  const labels = AUDIT_ACTION_LABELS as Record<string, string>;

  return (
    <>
      <PageHeader title="Settings" description="Your account, and for admins, who can use this Trailhound." />
      <SettingsTabs active="/settings/audit" isAdmin />
      <form
        method="get"
        aria-label="Audit filters"
        className="mb-4 grid grid-cols-2 items-end gap-3 md:grid-cols-6"
      >
        <SelectField name="action" label="Action" defaultValue={filters.action ?? ''}>
          <option value="">Any</option>
          {AUDIT_FAMILIES.map((family) => (
            <option key={family.value} value={family.value}>
              {family.label} (all)
            </option>
          ))}
          {(Object.keys(AUDIT_ACTION_LABELS) as AuditAction[]).map((action) => (
            <option key={action} value={action}>
              {AUDIT_ACTION_LABELS[action]}
            </option>
          ))}
        </SelectField>
        <TextField
          name="actor"
          label="Who"
          placeholder="email, or system"
          defaultValue={filters.actor ?? ''}
        />
        <TextField
          name="target_type"
          label="Target type"
          placeholder="case, user"
          defaultValue={filters.targetType ?? ''}
        />
        <TextField name="target_id" label="Target id" defaultValue={filters.targetId ?? ''} />
        <TextField name="from" label="From" type="date" defaultValue={first(params.from) ?? ''} />
        <TextField name="to" label="To" type="date" defaultValue={first(params.to) ?? ''} />
        <div className="col-span-2 flex gap-2 md:col-span-6">
          <button type="submit" className={buttonClasses('primary', 'sm')}>
            Filter
          </button>
          <Link href="/settings/audit" className={buttonClasses('ghost', 'sm')}>
            Clear
          </Link>
        </div>
      </form>
      <Card aria-labelledby="audit-heading">
        <CardHeader
          id="audit-heading"
          title="Audit log"
          description={rows.length ? `Newest first${filters.before ? ', continued' : ''}.` : undefined}
        />
        {rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-muted">No audit entries match these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr className={THEAD_ROW}>
                  <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Action
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Target
                  </th>
                  <th scope="col" className="py-2.5 pr-5 pl-3 font-medium">
                    Detail
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((row) => (
                  <tr key={row.id} className="align-top">
                    <td className="py-2.5 pr-3 pl-5 whitespace-nowrap text-muted">{formatUtc(row.at)}</td>
                    <td className="px-3 py-2.5">
                      {row.actorEmail ?? <span className="text-muted">system</span>}
                    </td>
                    <td className="px-3 py-2.5">
                      {labels[row.action] ?? row.action}
                      <span className="block font-mono text-xs text-subtle">{row.action}</span>
                    </td>
                    <td className="px-3 py-2.5 whitespace-nowrap">
                      {row.targetType === 'case' && row.targetId ? (
                        <Link href={caseHref(row.targetId)} className="text-accent hover:underline">
                          case #{row.targetId}
                        </Link>
                      ) : row.targetType ? (
                        `${row.targetType}${row.targetId ? ` ${row.targetId.slice(0, 12)}` : ''}`
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="max-w-md py-2.5 pr-5 pl-3 text-[13px] break-words text-muted">
                      {describeDetail(row.detail)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {older ? (
          <div className="border-t border-line px-5 py-3">
            <Link href={older} className={buttonClasses('secondary', 'sm')}>
              Older entries
            </Link>
          </div>
        ) : null}
      </Card>
    </>
  );
}
