import Link from 'next/link';
import { Card, CardBody, CardHeader } from '@/components/ui/Card';
import { getPool } from '@/lib/db/pg-pool';
import { formatUtc } from '@/lib/format';
import { findingHref, principalHref } from '@/lib/links';
import { scopeWindowParams } from '@/lib/principals/scope';
import { type Contribution, getPrincipalDailyScores, getPrincipalScore } from '@/lib/scores';
import { contributionLabel } from './feature-labels';
import { RiskScore, riskWord } from './RiskScore';
import { ScoreTrend } from './ScoreTrend';
import type { PrincipalSectionProps } from './section-props';

const DAY = 86_400_000;

const TREND_DAYS = 30;

function Evidence({
  contribution,
  hrefFor,
}: {
  contribution: Contribution;
  hrefFor: (eventId: string) => string;
}) {
  const { evidence } = contribution;
  const parts: React.ReactNode[] = [];
  if (evidence.items?.length) {
    parts.push(
      <span key="items" className="font-mono break-all">
        {evidence.items
          .slice(0, 3)
          .map((item) => `${item.value}${item.newForAccount ? ' (new to account)' : ''}`)
          .join(', ')}
        {evidence.items.length > 3 ? ` +${evidence.items.length - 3}` : ''}
      </span>,
    );
  }
  if (evidence.travel) {
    parts.push(
      <span key="travel">
        {evidence.travel.startingLocation} → {evidence.travel.endingLocation},{' '}
        {Math.round(evidence.travel.distanceKm).toLocaleString('en')} km at{' '}
        {Math.round(evidence.travel.speedKmh).toLocaleString('en')} km/h
      </span>,
    );
  }
  if (evidence.hour) {
    parts.push(
      <span key="hour">
        {evidence.hour.count} calls in the hour from {formatUtc(evidence.hour.start)} (usually{' '}
        {evidence.hour.median})
      </span>,
    );
  }
  const firstEvent = evidence.events?.[0];
  if (firstEvent) {
    parts.push(
      <Link key="events" href={hrefFor(firstEvent.eventId)} className="text-accent hover:underline">
        {evidence.events && evidence.events.length > 1 ? `${evidence.events.length} events` : 'the event'}
      </Link>,
    );
  }
  for (const id of evidence.findings ?? []) {
    parts.push(
      <Link key={`f${id}`} href={findingHref(id)} className="text-accent hover:underline">
        finding #{id}
      </Link>,
    );
  }
  if (parts.length === 0) return null;
  return <div className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-muted">{parts}</div>;
}

/** The risk score over the scope with what made it: each contribution and a link to its evidence. */
export async function RiskSection({
  principal,
  scope,
  baseline,
  learning,
}: PrincipalSectionProps & { learning: boolean }) {
  const db = getPool();
  const trendWindow = { from: new Date(scope.to.getTime() - TREND_DAYS * DAY), to: scope.to };
  const [score, daily] = await Promise.all([
    getPrincipalScore(principal.id, scope, db),
    getPrincipalDailyScores(principal.id, trendWindow, db),
  ]);
  const window = scopeWindowParams(scope, baseline);
  const hrefFor = (eventId: string) => principalHref(principal.id, { ...window, around: eventId });
  const byDay = new Map(daily.map((d) => [d.day, d.riskScore]));
  const points = Array.from({ length: TREND_DAYS }, (_, i) => {
    const day = new Date(trendWindow.from.getTime() + (i + 1) * DAY - 1).toISOString().slice(0, 10);
    return { day, riskScore: byDay.get(day) ?? null };
  });
  const isLearning = score?.learning ?? learning;

  return (
    <Card aria-labelledby="risk-heading">
      <CardHeader id="risk-heading" title="Risk" description="Over the scope, and why." />
      <CardBody className="space-y-4">
        {score ? (
          <>
            <div className="flex items-center gap-4">
              <RiskScore score={score.riskScore} learning={isLearning} size="lg" />
              <p className="text-sm text-muted">
                {isLearning
                  ? `Learning: ${score.historyDays} days of history, fewer than 14. Unusual activity is listed, not alarmed on.`
                  : `Risk is ${riskWord(score.riskScore)} for this scope.`}
              </p>
            </div>
            <ScoreTrend points={points} label={`Daily risk over the last ${TREND_DAYS} days of the scope`} />
            {score.contributions.length > 0 ? (
              <ul className="divide-y divide-line" aria-label="Score contributions">
                {score.contributions.slice(0, 8).map((contribution) => (
                  <li key={`${contribution.feature}:${contribution.item ?? ''}`} className="flex gap-3 py-2">
                    <span className="w-10 shrink-0 text-right text-sm font-semibold text-fg tabular-nums">
                      +{Math.round(contribution.contribution * 100)}
                    </span>
                    <div className="min-w-0">
                      <div className="text-sm text-fg">
                        {contributionLabel(contribution)}
                        {contribution.item ? (
                          <span className="ml-1 font-mono text-xs text-muted">{contribution.item}</span>
                        ) : null}
                      </div>
                      <Evidence contribution={contribution} hrefFor={hrefFor} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">Nothing unusual in this scope.</p>
            )}
          </>
        ) : (
          <p className="text-sm text-muted">
            No risk score for this scope yet: scores are computed after each ingest, for days with activity.
          </p>
        )}
      </CardBody>
    </Card>
  );
}
