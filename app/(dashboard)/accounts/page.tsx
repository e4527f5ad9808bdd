import type { Metadata } from 'next';
import Link from 'next/link';
import { RiskScore } from '@/components/principals/RiskScore';
import { AccountsIcon } from '@/components/shell/icons';
import { SectionNotReady } from '@/components/shell/SectionNotReady';
import { Card, CardHeader } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { SeverityBadge } from '@/components/ui/SeverityBadge';
import { THEAD_ROW } from '@/components/ui/table-classes';
import { requirePageSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { formatUtcDate } from '@/lib/format';
import { accountHref } from '@/lib/links';
import { getAccounts } from '@/lib/queries/accounts/get-accounts';
import { listAccountRisks } from '@/lib/scores';
import { SEVERITIES } from '@/lib/severity';

export const metadata: Metadata = { title: 'Accounts' };

const TH = 'px-3 py-2.5 font-medium';

export default async function AccountsPage() {
  await requirePageSession();
  const db = getPool();
  const [accounts, risks] = await Promise.all([getAccounts(db), listAccountRisks(undefined, db)]);
  const riskOf = new Map(risks.map((risk) => [risk.accountId, risk.riskScore]));
  const rows = [...accounts].sort(
    (a, b) =>
      (riskOf.get(b.accountId) ?? -1) - (riskOf.get(a.accountId) ?? -1) ||
      a.accountId.localeCompare(b.accountId),
  );
  const header = (
    <PageHeader
      title="Accounts"
      description="Each AWS account in your trails, riskiest first. Open one for a summary you can print or share."
    />
  );
  if (rows.length === 0) {
    return (
      <>
        {header}
        <SectionNotReady icon={<AccountsIcon />} emptyTitle="No accounts yet" notReadyTitle="No accounts yet">
          <p>Accounts appear after the first ingest.</p>
        </SectionNotReady>
      </>
    );
  }
  return (
    <>
      {header}
      <Card aria-labelledby="accounts-heading">
        <CardHeader id="accounts-heading" title={`${rows.length} account${rows.length === 1 ? '' : 's'}`} />
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Accounts">
            <thead>
              <tr className={THEAD_ROW}>
                <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
                  Risk
                </th>
                <th scope="col" className={TH}>
                  Account
                </th>
                <th scope="col" className={TH}>
                  Open findings
                </th>
                <th scope="col" className={`${TH} text-right`}>
                  Identities
                </th>
                <th scope="col" className="py-2.5 pr-5 pl-3 font-medium">
                  Logs cover
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((account) => (
                <tr key={account.accountId} className="hover:bg-surface-hover/40">
                  <td className="py-3 pr-3 pl-5">
                    <RiskScore score={riskOf.get(account.accountId) ?? null} />
                  </td>
                  <th scope="row" className="px-3 py-3 text-left font-normal">
                    <Link
                      href={accountHref(account.accountId)}
                      className="font-mono font-medium text-accent hover:underline"
                    >
                      {account.accountId}
                    </Link>
                  </th>
                  <td className="px-3 py-3">
                    <span className="flex flex-wrap gap-1.5">
                      {[...SEVERITIES].reverse().map((severity) =>
                        account.openBySeverity[severity] > 0 ? (
                          <span key={severity} className="inline-flex items-center gap-1">
                            <SeverityBadge severity={severity} />
                            <span className="text-muted tabular-nums">
                              {account.openBySeverity[severity]}
                            </span>
                          </span>
                        ) : null,
                      )}
                      {SEVERITIES.every((s) => account.openBySeverity[s] === 0) ? (
                        <span className="text-subtle">none</span>
                      ) : null}
                    </span>
                  </td>
                  <td className="px-3 py-3 text-right tabular-nums">
                    {account.principals.toLocaleString('en')}
                  </td>
                  <td className="py-3 pr-5 pl-3 whitespace-nowrap text-muted">
                    {account.firstEvent && account.lastEvent
                      ? `${formatUtcDate(account.firstEvent)} – ${formatUtcDate(account.lastEvent)}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
