import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccountRiskCard } from '@/components/accounts/AccountRiskCard';
import { FindingsBySeverity } from '@/components/accounts/FindingsBySeverity';
import { PostureSignals, signalsFromPosture } from '@/components/accounts/PostureSignals';
import { RegionsInUse } from '@/components/accounts/RegionsInUse';
import { ShareActions } from '@/components/accounts/ShareActions';
import { reasonsOf, type TopPrincipal, TopPrincipals } from '@/components/accounts/TopPrincipals';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageSession } from '@/lib/auth/guards';
import { getPool } from '@/lib/db/pg-pool';
import { formatUtcDate } from '@/lib/format';
import {
  getAccountFindingCounts,
  getPrincipalsByFindings,
} from '@/lib/queries/accounts/get-account-findings';
import { getAccountPosture } from '@/lib/queries/accounts/get-account-posture';
import { getAccountSpan } from '@/lib/queries/accounts/get-accounts';
import { getAccountRisk } from '@/lib/scores';

type Props = { params: Promise<{ accountId: string }> };

const DAY = 86_400_000;
const FALLBACK_DAYS = 30;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Account ${decodeURIComponent((await params).accountId)}` };
}

export default async function AccountPage({ params }: Props) {
  await requirePageSession();
  const accountId = decodeURIComponent((await params).accountId);
  const db = getPool();
  const span = await getAccountSpan(db, accountId);
  if (!span) notFound();
  const risk = await getAccountRisk(accountId, undefined, db);
  // Unscored accounts: the 30 days up to the account's last call.
  const window = risk?.window ?? {
    from: new Date(span.last.getTime() + 1 - FALLBACK_DAYS * DAY),
    to: new Date(span.last.getTime() + 1),
  };
  const [findings, posture, byFindings] = await Promise.all([
    getAccountFindingCounts(db, accountId),
    getAccountPosture(db, accountId, window),
    risk ? [] : getPrincipalsByFindings(db, accountId),
  ]);
  const top: TopPrincipal[] = risk
    ? risk.topPrincipals.map((p) => ({
        principalId: p.principalId,
        name: p.name,
        principalType: p.principalType,
        riskScore: p.riskScore,
        learning: p.learning,
        reasons: reasonsOf(p.contributions),
      }))
    : byFindings.map((p) => ({
        principalId: p.principalId,
        name: p.name,
        principalType: p.principalType,
        riskScore: null,
        learning: false,
        reasons: p.titles,
      }));
  const signals = risk?.posture ?? signalsFromPosture(posture);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted print:hidden">
        <Link href="/accounts" className="hover:text-fg hover:underline">
          Accounts
        </Link>{' '}
        / <span className="text-fg">{accountId}</span>
      </nav>
      <PageHeader
        title={`Account ${accountId}`}
        description={
          <>
            Risk summary for {formatUtcDate(window.from)} – {formatUtcDate(new Date(window.to.getTime() - 1))}
            , read from this account&apos;s CloudTrail logs. Every number links to what is behind it.
          </>
        }
        actions={<ShareActions />}
      />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
          <AccountRiskCard risk={risk} topName={top[0]?.riskScore ? top[0].name : null} />
          <FindingsBySeverity accountId={accountId} counts={findings.bySeverity} />
        </div>
        <TopPrincipals principals={top} />
        <PostureSignals signals={signals} posture={posture} />
        {risk ? <RegionsInUse regions={risk.regions} /> : null}
      </div>
    </>
  );
}
