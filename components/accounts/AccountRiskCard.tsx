import { RiskScore, riskWord } from '@/components/principals/RiskScore';
import { ScoreTrend } from '@/components/principals/ScoreTrend';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import type { AccountRisk } from '@/lib/scores';

function change(points: { riskScore: number }[]): string {
  const first = points[0]?.riskScore ?? 0;
  const last = points.at(-1)?.riskScore ?? 0;
  const delta = Math.round(last - first);
  if (Math.abs(delta) < 5) return 'about the same';
  return delta > 0 ? `up ${delta} points` : `down ${-delta} points`;
}

/** The account's risk score in plain words, with its 7- and 30-day trends. */
export function AccountRiskCard({ risk, topName }: { risk: AccountRisk | null; topName: string | null }) {
  return (
    <Card aria-labelledby="account-risk-heading" className="break-inside-avoid">
      <CardHeader
        id="account-risk-heading"
        title="Risk score"
        description="0 is quiet, 100 is an account under attack."
      />
      <CardBody className="space-y-4">
        {risk ? (
          <>
            <div className="flex items-center gap-4">
              <RiskScore score={risk.riskScore} size="lg" />
              <p className="text-sm text-fg">
                Risk is <strong>{riskWord(risk.riskScore)}</strong>
                {topName ? (
                  <>
                    , driven mostly by <strong className="break-all">{topName}</strong>
                  </>
                ) : null}
                . It follows the riskiest identity of the account, raised when several look unusual.
              </p>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <div className="text-xs font-medium text-muted">Last 7 days: {change(risk.trend7)}</div>
                <ScoreTrend points={risk.trend7} label="Account risk, last 7 days" />
              </div>
              <div>
                <div className="text-xs font-medium text-muted">Last 30 days: {change(risk.trend30)}</div>
                <ScoreTrend points={risk.trend30} label="Account risk, last 30 days" />
              </div>
            </div>
            {risk.principalsLearning > 0 ? (
              <p className="text-xs text-muted">
                {risk.principalsLearning} of {risk.principalsTotal} active identities are still learning (less
                than 14 days of history), so their unusual activity is shown but not scored as alarming.
              </p>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-muted">
            No risk score yet: scores are computed after each ingest. Findings and posture below are read
            straight from the logs.
          </p>
        )}
      </CardBody>
    </Card>
  );
}
