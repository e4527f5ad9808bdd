import { cx } from '@/components/ui/cx';

export function riskTone(score: number): string {
  if (score >= 75) return 'bg-sev-critical-soft text-sev-critical-fg';
  if (score >= 50) return 'bg-sev-high-soft text-sev-high-fg';
  if (score >= 25) return 'bg-sev-medium-soft text-sev-medium-fg';
  return 'bg-sev-low-soft text-sev-low-fg';
}

export function riskWord(score: number): string {
  if (score >= 75) return 'very high';
  if (score >= 50) return 'high';
  if (score >= 25) return 'moderate';
  return 'low';
}

/** A 0–100 risk score as a coloured chip; `learning` greys it out instead of alarming. */
export function RiskScore({
  score,
  learning,
  size = 'sm',
}: {
  score: number | null;
  learning?: boolean;
  size?: 'sm' | 'lg';
}) {
  if (score === null) return <span className="text-sm text-subtle">—</span>;
  return (
    <span
      data-testid="risk-score"
      className={cx(
        'inline-flex items-center justify-center rounded-lg font-semibold tabular-nums',
        size === 'lg' ? 'min-w-16 px-3 py-1.5 text-3xl' : 'min-w-10 px-2 py-0.5 text-sm',
        learning ? 'bg-surface-muted text-muted' : riskTone(score),
      )}
      title={learning ? 'Learning: less than 14 days of history' : `Risk ${riskWord(score)}`}
    >
      {Math.round(score)}
    </span>
  );
}
