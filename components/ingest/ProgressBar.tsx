import { cx } from '@/components/ui/cx';

/** A determinate bar; the label names what it measures for screen readers. */
export function ProgressBar({
  value,
  label,
  tone = 'accent',
  size = 'md',
  className,
}: {
  value: number;
  label: string;
  tone?: 'accent' | 'success' | 'danger';
  size?: 'sm' | 'md';
  className?: string;
}) {
  const clamped = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className={cx(
        'w-full overflow-hidden rounded-full bg-surface-hover',
        size === 'sm' ? 'h-1.5' : 'h-2.5',
        className,
      )}
    >
      <div
        className={cx(
          'h-full rounded-full transition-[width] duration-500 ease-out motion-reduce:transition-none',
          tone === 'success' ? 'bg-success' : tone === 'danger' ? 'bg-danger' : 'bg-accent',
        )}
        style={{ width: `${clamped}%` }}
      />
    </div>
  );
}
