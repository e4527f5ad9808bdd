import { SEVERITY_LABELS, type Severity } from '@/lib/severity';
import { cx } from './cx';

// Literal class names so Tailwind's scanner sees every one of them.
const STYLES: Record<Severity, { badge: string; dot: string }> = {
  info: { badge: 'bg-sev-info-soft text-sev-info-fg', dot: 'bg-sev-info' },
  low: { badge: 'bg-sev-low-soft text-sev-low-fg', dot: 'bg-sev-low' },
  medium: { badge: 'bg-sev-medium-soft text-sev-medium-fg', dot: 'bg-sev-medium' },
  high: { badge: 'bg-sev-high-soft text-sev-high-fg', dot: 'bg-sev-high' },
  critical: { badge: 'bg-sev-critical-soft text-sev-critical-fg', dot: 'bg-sev-critical' },
};

export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  const style = STYLES[severity];
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap',
        style.badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cx('size-1.5 rounded-full', style.dot)} />
      {SEVERITY_LABELS[severity]}
    </span>
  );
}
