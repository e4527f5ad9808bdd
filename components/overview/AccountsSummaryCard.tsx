import Link from 'next/link';
import { Card, CardHeader } from '@/components/ui/Card';
import { LINK, TABLE, TBODY, TD, TD_NUM, TH, TH_NUM, THEAD_ROW, TR } from '@/components/ui/table-classes';
import { formatNumber, formatShare } from '@/lib/format';
import { accountHref, eventsHref, findingsHref } from '@/lib/links';
import type { TimeRange } from '@/lib/overview/time-range';
import type { AccountSummary } from '@/lib/queries/overview/get-accounts-summary';

/** The manager's view: each AWS account's activity and what is open against it. */
export function AccountsSummaryCard({ accounts, range }: { accounts: AccountSummary[]; range: TimeRange }) {
  return (
    <Card aria-labelledby="accounts">
      <CardHeader
        id="accounts"
        title="Accounts"
        description="Per AWS account in this range; the account page has its risk summary and posture."
      />
      {accounts.length === 0 ? (
        <p className="px-5 py-8 text-center text-sm text-muted">No account has events in this range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={TABLE} data-testid="accounts-table">
            <thead>
              <tr className={THEAD_ROW}>
                <th scope="col" className={TH}>
                  Account
                </th>
                <th scope="col" className={TH_NUM}>
                  Events
                </th>
                <th scope="col" className={TH_NUM}>
                  Error share
                </th>
                <th scope="col" className={TH_NUM}>
                  Principals
                </th>
                <th scope="col" className={TH_NUM}>
                  Open findings
                </th>
              </tr>
            </thead>
            <tbody className={TBODY}>
              {accounts.map((account) => (
                <tr key={account.accountId} className={TR}>
                  <th scope="row" className={`${TD} text-left font-normal`}>
                    <Link href={accountHref(account.accountId)} className={`${LINK} font-mono text-[13px]`}>
                      {account.accountId}
                    </Link>
                  </th>
                  <td className={TD_NUM}>
                    <Link href={eventsHref({ ...range, account: account.accountId })} className={LINK}>
                      {formatNumber(account.events)}
                    </Link>
                  </td>
                  <td className={TD_NUM}>{formatShare(account.errors, account.events)}</td>
                  <td className={TD_NUM}>{formatNumber(account.principals)}</td>
                  <td className={TD_NUM}>
                    <Link
                      href={findingsHref({ ...range, account: account.accountId, status: 'open' })}
                      className={account.openFindings ? LINK : 'text-subtle hover:underline'}
                    >
                      {formatNumber(account.openFindings)}
                      {account.openHighOrCritical ? (
                        <span className="ml-1 text-xs font-normal text-sev-high-fg">
                          ({formatNumber(account.openHighOrCritical)} high+)
                        </span>
                      ) : null}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
