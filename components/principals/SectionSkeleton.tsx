import { Card } from '@/components/ui/Card';
import { cx } from '@/components/ui/cx';

/** A grey placeholder while a section's query runs; the same footprint as what replaces it. */
export function SectionSkeleton({ className, label }: { className?: string; label: string }) {
  return (
    <Card className={cx('animate-pulse', className)}>
      <div role="status" aria-label={`Loading ${label}`} className="space-y-3 px-5 py-5">
        <div className="h-4 w-40 rounded bg-surface-hover" />
        <div className="h-3 w-64 rounded bg-surface-hover" />
        <div className="h-24 rounded bg-surface-muted" />
      </div>
    </Card>
  );
}
